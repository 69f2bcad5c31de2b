package cn.ecoaid.cli;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.Project;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.platform.PlatformServer;
import cn.ecoaid.platform.PlatformStore;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.sync.SyncEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench sync}: a platform on loopback; push and pull of N operations between two workspaces; then many devices
 * syncing at once (p50/p99 of push and pull); optionally one large attachment up and down in chunks.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Sync benchmark (push/pull of many ops, many devices, a large attachment)")
public final class SyncBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ops", defaultValue = "100000", description = "operations pushed and pulled (default ${DEFAULT-VALUE})")
    int ops;

    @Option(names = "--devices", defaultValue = "50", description = "simultaneous devices (default ${DEFAULT-VALUE})")
    int devices;

    @Option(names = "--rounds", defaultValue = "5", description = "sync rounds per device (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--blob-mb", defaultValue = "0", description = "size of one attachment sent up and down, MB (0: skip)")
    int blobMb;

    @Option(names = "--jdbc-url", description = "platform store (default: embedded SQLite in a temporary folder)")
    String jdbcUrl;

    @Option(names = "--package-versions", defaultValue = "0",
            description = "solution-package versions (200 measures each) frozen, published and verified (0: skip)")
    int packageVersions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("ecoaid-sync-bench");
        String url = jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + dir.resolve("platform-store.db");
        PlatformServer.Config config = PlatformServer.Config.defaults(0).withRate(1e6, 1_000_000);
        try (PlatformStore store = PlatformStore.open(url, Clock.systemUTC());
             PlatformServer server = new PlatformServer(store, dir, config)) {
            URI uri = URI.create("http://127.0.0.1:" + server.start());
            String province = store.createProvince("bench");
            String team = store.createTeam(province, "bench");
            out.println(Messages.get("sync.bench.store", store.isPostgres() ? "PostgreSQL" : "SQLite"));

            // 1. N operations up from one workspace and down into another.
            Workspace w1 = workspace(dir, "w1");
            Workspace w2 = workspace(dir, "w2");
            SyncEngine e1 = enrol(store, team, w1, uri);
            SyncEngine e2 = enrol(store, team, w2, uri);
            Random random = new Random(1);
            List<Site> batch = new ArrayList<>();
            for (int i = 0; i < ops; i++) {
                batch.add(Site.create("B" + i, "站点" + i, SiteType.AIR_STATION, 116 + random.nextDouble(), 39 + random.nextDouble()));
                if (batch.size() == 5000 || i == ops - 1) {
                    w1.sites().addAll(batch);
                    batch.clear();
                }
            }
            long c0 = cpu();
            long t0 = System.nanoTime();
            SyncEngine.Report pushed = e1.push();
            long t1 = System.nanoTime();
            long c1 = cpu();
            SyncEngine.Report pulled = e2.pull();
            long t2 = System.nanoTime();
            long c2 = cpu();
            out.println(Messages.get("sync.bench.push", pushed.acked(), ms(t1 - t0), (long) (pushed.acked() / ((t1 - t0) / 1e9)),
                    ms(c1 - c0)));
            out.println(Messages.get("sync.bench.pull", pulled.pulled(), ms(t2 - t1), (long) (pulled.pulled() / ((t2 - t1) / 1e9)),
                    ms(c2 - c1)));

            // 2. A large attachment up in chunks and down again.
            if (blobMb > 0) {
                Path big = dir.resolve("big.bin");
                byte[] block = new byte[1 << 20];
                try (var os = Files.newOutputStream(big)) {
                    for (int i = 0; i < blobMb; i++) {
                        random.nextBytes(block);
                        os.write(block);
                    }
                }
                try (InputStream in = Files.newInputStream(big)) {
                    w1.attachments().put(in, "big.bin", null, "", "");
                }
                Files.delete(big);
                long b0 = System.nanoTime();
                SyncEngine.Report up = e1.sync();
                long b1 = System.nanoTime();
                SyncEngine.Report down = e2.sync();
                long b2 = System.nanoTime();
                out.println(Messages.get("sync.bench.blob", blobMb, up.blobsUp(), ms(b1 - b0), down.blobsDown(), ms(b2 - b1),
                        String.format("%.0f", blobMb / ((b1 - b0) / 1e9)), String.format("%.0f", blobMb / ((b2 - b1) / 1e9))));
            }
            w1.close();
            w2.close();

            // 3. Many devices at once, in teams of ten: each round adds and edits sites, pushes, then pulls.
            List<Workspace> wss = new ArrayList<>();
            List<SyncEngine> engines = new ArrayList<>();
            String current = team;
            for (int d = 0; d < devices; d++) {
                if (d % 10 == 0) {
                    current = store.createTeam(province, "team" + d);
                }
                Workspace ws = workspace(dir, "d" + d);
                wss.add(ws);
                engines.add(enrol(store, current, ws, uri));
            }
            List<Long> pushMs = Collections.synchronizedList(new ArrayList<>());
            List<Long> pullMs = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(devices);
            long m0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                int device = d;
                futures.add(pool.submit(() -> {
                    Workspace ws = wss.get(device);
                    SyncEngine e = engines.get(device);
                    Random r = new Random(device);
                    for (int round = 0; round < rounds; round++) {
                        List<Site> mine = new ArrayList<>();
                        for (int k = 0; k < 20; k++) {
                            mine.add(Site.create("D" + device + "-" + round + "-" + k, "站", SiteType.AIR_STATION,
                                    116 + r.nextDouble(), 39 + r.nextDouble()));
                        }
                        ws.sites().addAll(mine);
                        ws.sites().update(mine.get(0).withName("改"));
                        long a = System.nanoTime();
                        e.push();
                        long b = System.nanoTime();
                        e.pull();
                        long c = System.nanoTime();
                        pushMs.add((b - a) / 1_000_000);
                        pullMs.add((c - b) / 1_000_000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            long m1 = System.nanoTime();
            pool.shutdown();
            for (Workspace ws : wss) {
                ws.close();
            }
            out.println(Messages.get("sync.bench.devices", devices, rounds, percentile(pushMs, 50), percentile(pushMs, 99),
                    percentile(pullMs, 50), percentile(pullMs, 99), ms(m1 - m0)));
            if (packageVersions > 0) {
                benchPackages(store, team, dir, uri, server, out);
            }
            out.println(Messages.get("sync.bench.audit", store.verifyAudit()));
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    /** A lead freezes and publishes versions of a 200-measure package; each is verified on the platform. */
    private void benchPackages(PlatformStore store, String team, Path dir, URI uri, PlatformServer server, PrintWriter out) {
        try (Workspace ws = workspace(dir, "lead")) {
            String lead = store.createUser("lead", Dto.Role.TEAM_LEAD, team, null);
            SyncEngine e = new SyncEngine(ws, uri);
            e.enrol(store.issueCode(lead, Duration.ofHours(1), "bench"), "lead");
            cn.ecoaid.solution.SolutionPackage p = cn.ecoaid.solution.SolutionPackage.create(cn.ecoaid.solution.Scope.CITY, "bench",
                    "示例市", "bench");
            ws.solutions().addPackage(p);
            cn.ecoaid.solution.PackageVersions versions = new cn.ecoaid.solution.PackageVersions(ws.solutions(), ws.solutionFiles(),
                    SolutionWiring.blockSources(ws), Clock.systemUTC());
            cn.ecoaid.solution.DeviceKey key = cn.ecoaid.sync.PackagePublisher.enrolledKey(ws).orElseThrow();
            long freezeNs = 0;
            long publishNs = 0;
            long verifyNs = 0;
            for (int v = 0; v < packageVersions; v++) {
                for (int i = 0; i < (v == 0 ? 200 : 1); i++) {
                    ws.solutions().addMeasure(new cn.ecoaid.solution.Measure(Ids.newId(), p.id(), "措施" + v + "-" + i,
                            cn.ecoaid.solution.MeasureType.ENGINEERING, "工业", "", "", LocalDate.of(2026, 1, 1),
                            LocalDate.of(2026, 12, 31), 100.0, java.util.Map.of("PM2.5", 1.5), "",
                            cn.ecoaid.solution.MeasureStatus.PLANNED, List.of()));
                }
                long a = System.nanoTime();
                versions.freeze(p.id(), SolutionWiring.context(ws, Clock.systemUTC()), key, "bench");
                long b = System.nanoTime();
                e.publishPackage(p.id(), Integer.MAX_VALUE);
                long c = System.nanoTime();
                server.packages().verify(p.id(), v + 1);
                long d = System.nanoTime();
                freezeNs += b - a;
                publishNs += c - b;
                verifyNs += d - c;
            }
            out.println(Messages.get("sync.bench.packages", packageVersions, ms(freezeNs / packageVersions),
                    ms(publishNs / packageVersions), ms(verifyNs / packageVersions)));
        }
    }

    private static Workspace workspace(Path dir, String name) {
        Project p = new Project(Ids.newId(), "110100", "示例市", name, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(cn.ecoaid.domain.Topic.AIR), List.of());
        return Workspace.create(dir.resolve(name + ".ecoaid"), p, Clock.systemUTC(), name);
    }

    private static SyncEngine enrol(PlatformStore store, String team, Workspace ws, URI uri) {
        String user = store.createUser("u", Dto.Role.MEMBER, team, null);
        SyncEngine e = new SyncEngine(ws, uri, SyncEngine.Options.defaults().withBatches(1000, 2000)
                .withTimeout(Duration.ofMinutes(2)), SyncEngine.NONE);
        e.enrol(store.issueCode(user, Duration.ofHours(1), "bench"), "bench");
        return e;
    }

    /** CPU time of this process (client and server together), ns: less noisy than wall time on a shared machine. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
