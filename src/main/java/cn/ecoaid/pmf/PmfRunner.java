package cn.ecoaid.pmf;

import cn.ecoaid.domain.CancelledException;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs several seeded models in parallel and picks the best. Model k's seed is the k-th {@code nextLong} of a
 * {@link SplittableRandom} seeded with the batch seed, so a batch (and any one model) is reproducible from its seed.
 */
public final class PmfRunner {
    /** What to run. {@code robust}: the best model is the lowest Q(robust) (PMF 5.0's default), else Q(true). */
    public record Settings(int factors, int models, long seed, Method method, boolean robust, int threads,
            LsNmf.Options lsNmf, AlsNmf.Options als, AlsSearch.Options search) {
        public static Settings of(int factors, int models, long seed, Method method, boolean robust) {
            return new Settings(factors, models, seed, method, robust, Runtime.getRuntime().availableProcessors(),
                    LsNmf.Options.esat().withRobust(robust), AlsNmf.Options.defaults().withRobust(robust),
                    AlsSearch.Options.defaults());
        }

        public Settings withThreads(int t) {
            return new Settings(factors, models, seed, method, robust, t, lsNmf, als, search);
        }

        public Settings withHops(int hops) {
            return new Settings(factors, models, seed, method, robust, threads, lsNmf, als.withHops(hops, als.hopSigma()),
                    search);
        }

        public Settings withAls(AlsNmf.Options o) {
            return new Settings(factors, models, seed, method, robust, threads, lsNmf, o, search);
        }

        /** The search effort of {@link Method#ALS_DEEP}. */
        public Settings withSearch(AlsSearch.Options o) {
            return new Settings(factors, models, seed, method, robust, threads, lsNmf, als, o);
        }
    }

    /** All models of a batch and the index of the best one. */
    public record Batch(Settings settings, List<Solution> models, int best) {
        public Solution bestModel() {
            return models.get(best);
        }
    }

    private PmfRunner() {
    }

    /** The per-model seeds of a batch. */
    public static long[] seeds(long batchSeed, int models) {
        SplittableRandom r = new SplittableRandom(batchSeed);
        long[] s = new long[models];
        for (int k = 0; k < models; k++) {
            s[k] = r.nextLong() & Long.MAX_VALUE;
        }
        return s;
    }

    /**
     * Random start in the manner of ESAT's {@code col_means}: entries |N(0,1)| · √(mean(V_j)/p) for H and
     * |N(0,1)| · √(mean(V)/p) for W.
     */
    public static double[][] initial(double[] v, int n, int m, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] colMean = new double[m];
        double all = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                colMean[j] += v[i * m + j] / n;
                all += v[i * m + j];
            }
        }
        all /= (double) n * m;
        double[] h = new double[p * m];
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < m; j++) {
                h[k * m + j] = Math.abs(gaussian(r)) * Math.sqrt(Math.max(colMean[j], 0) / p) + 1e-12;
            }
        }
        double[] w = new double[n * p];
        double sw = Math.sqrt(Math.max(all, 0) / p);
        for (int c = 0; c < w.length; c++) {
            w[c] = Math.abs(gaussian(r)) * sw + 1e-12;
        }
        return new double[][] {w, h};
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Runs one model from given initial matrices. */
    public static Solution runOne(PreparedInput in, Settings s, double[] w0, double[] h0, long seed,
            ProgressListener listener) {
        int n = in.rows();
        int m = in.cols();
        int p = s.factors();
        if (s.method() == Method.LS_NMF) {
            return LsNmf.run(in.v(), in.u(), n, m, p, w0, h0, seed, s.lsNmf(), listener, null);
        }
        if (s.method() == Method.ALS_DEEP) {
            return AlsSearch.run(in.v(), in.u(), n, m, p, w0, h0, seed, s.als(), s.search(), listener);
        }
        return AlsNmf.run(in.v(), in.u(), n, m, p, w0, h0, seed, s.als(), listener);
    }

    /** Runs the batch on {@code settings.threads()} threads; progress counts finished models. */
    public static Batch run(PreparedInput in, Settings s, ProgressListener listener) {
        if (s.factors() < 1 || s.factors() >= Math.min(in.rows(), in.cols())) {
            throw new EcoAidException("pmf.error.factors", s.factors(), Math.min(in.rows(), in.cols()) - 1);
        }
        long[] seeds = seeds(s.seed(), s.models());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.threads()), r -> {
            Thread t = new Thread(r, "pmf-model");
            t.setDaemon(true);
            return t;
        });
        AtomicLong done = new AtomicLong();
        try {
            List<Future<Solution>> futures = new ArrayList<>();
            for (long seed : seeds) {
                futures.add(pool.submit(() -> {
                    double[][] init = initial(in.v(), in.rows(), in.cols(), s.factors(), seed);
                    Solution sol = runOne(in, s, init[0], init[1], seed, listener);
                    listener.progress(done.incrementAndGet(), seeds.length);
                    return sol;
                }));
            }
            List<Solution> out = new ArrayList<>();
            for (Future<Solution> f : futures) {
                out.add(f.get());
            }
            return new Batch(s, out, best(out, s.robust()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
    }

    static int best(List<Solution> models, boolean robust) {
        int best = 0;
        for (int k = 1; k < models.size(); k++) {
            double q = robust ? models.get(k).qRobust() : models.get(k).qTrue();
            double b = robust ? models.get(best).qRobust() : models.get(best).qTrue();
            if (q < b) {
                best = k;
            }
        }
        return best;
    }
}
