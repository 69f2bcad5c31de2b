package cn.ecoaid.cli;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.pmf.AlsSearch;
import cn.ecoaid.pmf.LsNmf;
import cn.ecoaid.pmf.Method;
import cn.ecoaid.pmf.PmfData;
import cn.ecoaid.pmf.PmfFiles;
import cn.ecoaid.pmf.PmfRunner;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.Solution;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench pmf}: on Baton Rouge (float32 inputs and all species strong, as ESAT runs it), time per iteration of
 * the ESAT-compatible LS-NMF mode, and for each optimiser and factor count the wall time of a seeded batch and its
 * best Q(true).
 */
@Command(name = "pmf", mixinStandardHelpOptions = true, description = "PMF benchmark (ESAT-mode ms/iteration, optimisers by factor count)")
public final class PmfBenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--conc", defaultValue = "sample-data/examples/pmf/Dataset-BatonRouge-con.csv")
    Path conc;

    @Option(names = "--unc", defaultValue = "sample-data/examples/pmf/Dataset-BatonRouge-unc.csv")
    Path unc;

    @Option(names = "--factors", defaultValue = "6,7,8,9,10", split = ",")
    int[] factors;

    @Option(names = "--models", defaultValue = "20")
    int models;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--methods", defaultValue = "ls-nmf,als,als-deep", split = ",")
    List<String> methods;

    @Option(names = "--hops", defaultValue = "0,10", split = ",", description = "als basin-hopping counts to compare")
    int[] hops;

    @Option(names = "--starts", description = "als-deep: random starts per model (default 4)")
    Integer starts;

    @Option(names = "--reseeds", description = "als-deep: at most this many factor re-seedings per model (default 40)")
    Integer reseeds;

    @Option(names = "--w-lower", defaultValue = "0", description = "als/als-deep diagnostic: contributions may go down to"
            + " minus this fraction of their factor's mean (default 0: strictly non-negative)")
    double wLower;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--iterations", defaultValue = "2000", description = "iterations per timed ESAT-mode run")
    int iterations;

    @Option(names = "--repeats", defaultValue = "5", description = "timed ESAT-mode runs")
    int repeats;

    @Option(names = "--iterations-only", description = "only the ESAT-mode time per iteration")
    boolean iterationsOnly;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        PmfData raw = PmfFiles.read(conc, unc);
        double[] x = raw.x().clone();
        double[] u = raw.u().clone();
        for (int c = 0; c < x.length; c++) {
            x[c] = (float) x[c];
            u[c] = (float) u[c];
        }
        PmfData data = new PmfData(raw.samples(), raw.species(), x, u);
        PreparedInput in = PreparedInput.prepare(data, false, null, null, null);
        w.printf(Locale.ROOT, "dataset %d x %d, cores %d%n", in.rows(), in.cols(), Runtime.getRuntime().availableProcessors());
        // 1. ESAT mode on one thread: a warm-up, then fixed-length runs (no early stop), CPU and wall time per iteration
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] init = PmfRunner.initial(in.v(), in.rows(), in.cols(), 6, seed);
        LsNmf.Options fixed = new LsNmf.Options(Double.NEGATIVE_INFINITY, 50, iterations, false, 0, 4);
        LsNmf.run(in.v(), in.u(), in.rows(), in.cols(), 6, init[0], init[1], seed, fixed.withMaxIter(500),
                ProgressListener.NONE, null);
        double[] cpu = new double[Math.max(1, repeats)];
        double[] wallMs = new double[cpu.length];
        for (int k = 0; k < cpu.length; k++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            LsNmf.run(in.v(), in.u(), in.rows(), in.cols(), 6, init[0], init[1], seed, fixed, ProgressListener.NONE, null);
            cpu[k] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / iterations;
            wallMs[k] = (System.nanoTime() - t0) / 1e6 / iterations;
        }
        Arrays.sort(cpu);
        Arrays.sort(wallMs);
        w.printf(Locale.ROOT, "ESAT-mode ms/iteration, p=6, %d runs of %d iterations, one thread: CPU min %.4f median %.4f;"
                + " wall min %.4f median %.4f%n", cpu.length, iterations, cpu[0], median(cpu), wallMs[0], median(wallMs));
        w.flush();
        if (iterationsOnly) {
            return;
        }
        // 2. batches per method and factor count
        w.println("method,hops,factors,models,wall_s,best_Q_true,best_seed,mean_iterations,converged");
        for (int p : factors) {
            for (String mName : methods) {
                Method method = Method.parse(mName);
                for (int hop : method == Method.ALS ? hops : new int[] {0}) {
                    batch(w, in, p, method, hop);
                }
            }
        }
    }

    private void batch(PrintWriter w, PreparedInput in, int p, Method method, int hop) {
        PmfRunner.Settings s = PmfRunner.Settings.of(p, models, seed, method, false).withHops(hop);
        AlsSearch.Options d = AlsSearch.Options.defaults();
        s = s.withSearch(new AlsSearch.Options(starts != null ? starts : d.starts(), d.patience(),
                reseeds != null ? reseeds : d.maxReseeds()));
        if (wLower > 0) {
            s = s.withAls(s.als().withWLower(wLower));
        }
        if (threads != null) {
            s = s.withThreads(threads);
        }
        long t0 = System.nanoTime();
        PmfRunner.Batch b = PmfRunner.run(in, s, ProgressListener.NONE);
        double wall = (System.nanoTime() - t0) / 1e9;
        double meanIter = b.models().stream().mapToInt(Solution::iterations).average().orElse(0);
        long conv = b.models().stream().filter(Solution::converged).count();
        w.printf(Locale.ROOT, "%s,%d,%d,%d,%.2f,%.2f,%d,%.0f,%d%n", method.id(), hop, p, models, wall,
                b.bestModel().qTrue(), b.bestModel().seed(), meanIter, conv);
        w.flush();
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

}
