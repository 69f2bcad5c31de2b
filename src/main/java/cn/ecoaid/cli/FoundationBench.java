package cn.ecoaid.cli;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.Project;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.domain.Topic;
import cn.ecoaid.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks of the foundation: workspace writes and opening, and the desktop's time to first window. */
final class FoundationBench {
    private FoundationBench() {
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    @Command(name = "workspace", mixinStandardHelpOptions = true,
            description = "Insert N sites into a new workspace (one transaction, and in batches of 1,000), then reopen and list it")
    static final class WorkspaceBench implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--sites", defaultValue = "100000", description = "number of sites (default ${DEFAULT-VALUE})")
        int sites;

        @Option(names = "--runs", defaultValue = "3", description = "repetitions; the median is reported (default ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("ecoaid-bench");
            double[] single = new double[runs];
            double[] batched = new double[runs];
            double[] open = new double[runs];
            double[] list = new double[runs];
            long fileSize = 0;
            for (int r = 0; r < runs; r++) {
                List<Site> data = generate(sites, r);
                Path a = dir.resolve("a" + r + ".ecoaid");
                try (Workspace ws = Workspace.create(a, project(), Clock.systemUTC(), "bench")) {
                    long t0 = System.nanoTime();
                    ws.sites().addAll(data);
                    single[r] = ms(t0);
                }
                Path b = dir.resolve("b" + r + ".ecoaid");
                try (Workspace ws = Workspace.create(b, project(), Clock.systemUTC(), "bench")) {
                    List<Site> other = generate(sites, r + 1000);
                    long t0 = System.nanoTime();
                    for (int i = 0; i < other.size(); i += 1000) {
                        ws.sites().addAll(other.subList(i, Math.min(other.size(), i + 1000)));
                    }
                    batched[r] = ms(t0);
                }
                long t0 = System.nanoTime();
                try (Workspace ws = Workspace.open(a, Clock.systemUTC(), "bench")) {
                    open[r] = ms(t0);
                    long t1 = System.nanoTime();
                    int n = ws.sites().list().size();
                    list[r] = ms(t1);
                    if (n != sites) {
                        throw new IllegalStateException("expected " + sites + " sites, found " + n);
                    }
                }
                fileSize = Files.size(a);
            }
            out.printf("sites: %,d; runs: %d (median)%n", sites, runs);
            out.printf("insert in one transaction (with outbox rows): %.0f ms (%.0f sites/s)%n", median(single),
                    sites / median(single) * 1000);
            out.printf("insert in transactions of 1,000: %.0f ms (%.0f sites/s)%n", median(batched), sites / median(batched) * 1000);
            out.printf("open workspace (migration check, orphan sweep): %.1f ms%n", median(open));
            out.printf("list all sites: %.0f ms%n", median(list));
            out.printf("workspace file: %.1f MB; heap used: %.0f MB%n", fileSize / 1e6,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
            return 0;
        }

        private static Project project() {
            return new Project(Ids.newId(), "110100", "示例市", "bench", null, null, List.of(Topic.AIR), List.of());
        }

        private static List<Site> generate(int n, long seed) {
            Random random = new Random(seed);
            List<Site> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(Site.create(String.format("S%07d", i), "站点" + i, SiteType.values()[i % 4],
                        100 + random.nextDouble() * 30, 20 + random.nextDouble() * 25));
            }
            return out;
        }
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = "Time from JVM start to the first rendered frame of the desktop window (needs a display, e.g. Xvfb)")
    static final class StartupBench implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--runs", defaultValue = "5", description = "launches; the median is reported (default ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            double[] times = new double[runs];
            double[] wall = new double[runs];
            for (int r = 0; r < runs; r++) {
                Path report = Files.createTempFile("ecoaid-startup", ".txt");
                Files.delete(report);
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(java, "-Decoaid.firstWindowFile=" + report, "-jar", jar.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("the window did not open within 60 s (is DISPLAY set?)");
                }
                wall[r] = ms(t0);
                if (!Files.exists(report)) {
                    throw new IllegalStateException("the window did not report its first frame (is DISPLAY set?)");
                }
                times[r] = Double.parseDouble(Files.readString(report).strip());
                Files.delete(report);
            }
            out.printf("first frame after JVM start: median %.0f ms over %d launches (min %.0f, max %.0f)%n", median(times), runs,
                    Arrays.stream(times).min().orElse(0), Arrays.stream(times).max().orElse(0));
            out.printf("process wall time to exit after first frame: median %.0f ms%n", median(wall));
            return 0;
        }
    }

    static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
