package cn.ecoaid.pmf;

import cn.ecoaid.domain.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Block bootstrap of a base model (as in EPA PMF 5.0): each run resamples the samples in blocks of consecutive rows
 * (circular, random start) to the original count, refits from the base profiles (and the base contributions of the
 * drawn rows), and maps every bootstrap factor to the base factor whose contributions it correlates with best
 * (Pearson r over the drawn rows) if r exceeds the threshold (0.6 by default), else to "unmapped". Results: the mapping
 * table (base factor × bootstrap factor counts, plus unmapped) and percentiles of the mapped profiles (concentration
 * units, contributions scaled to mean 1).
 */
public final class Bootstrap {
    public record Settings(int runs, int blockSize, long seed, double minCorrelation, AlsNmf.Options als, int threads) {
        public static Settings defaults(long seed) {
            return new Settings(100, 0, seed, 0.6, AlsNmf.Options.defaults(),
                    Runtime.getRuntime().availableProcessors());
        }

        public Settings withRuns(int r) {
            return new Settings(r, blockSize, seed, minCorrelation, als, threads);
        }
    }

    /**
     * {@code mapping[k][b]}: runs in which bootstrap factor b was mapped to base factor k; {@code unmapped[b]}: runs in
     * which bootstrap factor b was not mapped; {@code profiles.get(k)}: mapped profiles of base factor k, one row per
     * mapped bootstrap factor.
     */
    public record Result(int blockSize, int[][] mapping, int[] unmapped, List<List<double[]>> profiles) {
        /** The q-th percentile (0–100, linear interpolation) of base factor k's mapped profiles for species j. */
        public double percentile(int k, int j, double q) {
            List<double[]> rows = profiles.get(k);
            if (rows.isEmpty()) {
                return Double.NaN;
            }
            double[] v = rows.stream().mapToDouble(r -> r[j]).sorted().toArray();
            double pos = q / 100 * (v.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(v.length - 1, lo + 1);
            return v[lo] + (pos - lo) * (v[hi] - v[lo]);
        }
    }

    private Bootstrap() {
    }

    /** PMF-style automatic block size: about n^(1/3), at least 1. */
    public static int autoBlockSize(int n) {
        return Math.max(1, (int) Math.round(Math.cbrt(n)));
    }

    public static Result run(PreparedInput in, Solution base, Settings s, ProgressListener listener) {
        int n = in.rows();
        int m = in.cols();
        int p = base.p();
        int block = s.blockSize() > 0 ? s.blockSize() : autoBlockSize(n);
        SplittableRandom root = new SplittableRandom(s.seed());
        long[] seeds = new long[s.runs()];
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = root.nextLong();
        }
        int[][][] maps = new int[s.runs()][][];
        double[][][] mappedProfiles = new double[s.runs()][][];
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, s.threads()));
        try {
            pool.submit(() -> IntStream.range(0, s.runs()).parallel().forEach(r -> {
                listener.checkCancelled();
                SplittableRandom rng = new SplittableRandom(seeds[r]);
                int[] rows = new int[n];
                int filled = 0;
                while (filled < n) {
                    int start = rng.nextInt(n);
                    for (int b = 0; b < block && filled < n; b++) {
                        rows[filled++] = (start + b) % n;
                    }
                }
                double[] v = new double[n * m];
                double[] u = new double[n * m];
                double[] w0 = new double[n * p];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(in.v(), rows[i] * m, v, i * m, m);
                    System.arraycopy(in.u(), rows[i] * m, u, i * m, m);
                    for (int k = 0; k < p; k++) {
                        w0[i * p + k] = Math.max(base.w()[rows[i] * p + k], 1e-12);
                    }
                }
                Solution b = AlsNmf.run(v, u, n, m, p, w0, base.h(), seeds[r], s.als(), listener);
                int[] map = new int[p];
                double[][] prof = new double[p][];
                for (int f = 0; f < p; f++) {
                    int bestK = -1;
                    double bestR = s.minCorrelation();
                    for (int k = 0; k < p; k++) {
                        double c = correlation(b.w(), f, base.w(), k, rows, p);
                        if (c > bestR) {
                            bestR = c;
                            bestK = k;
                        }
                    }
                    map[f] = bestK;
                    double mean = 0;
                    for (int i = 0; i < n; i++) {
                        mean += b.w()[i * p + f] / n;
                    }
                    prof[f] = new double[m];
                    for (int j = 0; j < m; j++) {
                        prof[f][j] = b.h()[f * m + j] * mean;
                    }
                }
                maps[r] = new int[][] {map};
                mappedProfiles[r] = prof;
                listener.progress(done.incrementAndGet(), s.runs());
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new cn.ecoaid.domain.CancelledException();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        int[][] mapping = new int[p][p];
        int[] unmapped = new int[p];
        List<List<double[]>> profiles = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            profiles.add(new ArrayList<>());
        }
        for (int r = 0; r < s.runs(); r++) {
            int[] map = maps[r][0];
            for (int f = 0; f < p; f++) {
                if (map[f] < 0) {
                    unmapped[f]++;
                } else {
                    mapping[map[f]][f]++;
                    profiles.get(map[f]).add(mappedProfiles[r][f]);
                }
            }
        }
        return new Result(block, mapping, unmapped, profiles);
    }

    /** Pearson correlation between column f of a (bootstrap rows) and column k of base at the drawn rows. */
    static double correlation(double[] a, int f, double[] base, int k, int[] rows, int p) {
        int n = rows.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i * p + f];
            mb += base[rows[i] * p + k];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i * p + f] - ma;
            double db = base[rows[i] * p + k] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }

}
