package cn.ecoaid.pmf;

import cn.ecoaid.domain.CancelledException;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Displacement (DISP) error estimation of a base model, as EPA PMF 5.0 defines it: every profile element f_kj (in
 * concentration units, contributions of mean 1) is displaced up and then down, each time fixed at the new value while
 * every other element of W and H is re-fitted ({@link ConstrainedSolver}, with factor k's contributions held at mean
 * 1 so that scaling cannot undo the displacement; in robust mode with the base's robust weights held fixed, so the
 * objective is Q(robust) at the base and exact least squares around it), until the objective has risen by dQmax (4, 8, 16 and 32 by default).
 * Reported per dQmax: the interval [lower, upper] of every element, the dQ reached at its ends, the number of
 * displacements of each factor after which that factor correlated best (contributions, Pearson r) with another base
 * factor ("swaps"), and the largest decrease of the objective met on the way (a decrease means the base model was not at
 * the minimum). As in PMF 5.0 such a decrease invalidates the run: once one is found, the displacements in progress
 * finish, the remaining elements are skipped (their intervals are NaN) and the result is marked incomplete.
 */
public final class Displacement {
    /** dQmax of EPA PMF 5.0. */
    public static final double[] LEVELS = {4, 8, 16, 32};

    /** {@code tolerance}: an interval end is accepted when |dQ − dQmax| ≤ tolerance · dQmax. */
    public record Settings(double[] levels, double tolerance, int threads, ConstrainedSolver.Options solver) {
        public static Settings defaults(boolean robust) {
            return new Settings(LEVELS.clone(), 0.01, Runtime.getRuntime().availableProcessors(),
                    ConstrainedSolver.Options.defaults(robust));
        }

        public Settings withThreads(int t) {
            return new Settings(levels, tolerance, t, solver);
        }

        public Settings withLevels(double... l) {
            return new Settings(l.clone(), tolerance, threads, solver);
        }
    }

    /**
     * Results indexed [level][factor][species]: {@code lower}/{@code upper} interval ends, {@code dqLower}/{@code dqUpper}
     * the dQ reached there (below the level when the end could not reach it: the lower end then stops at 0);
     * {@code swaps[level][factor]}; {@code base[factor][species]}; the largest decrease of the objective and where.
     */
    public record Result(double[] levels, double qBase, boolean robust, double[][] base, double[][][] lower,
            double[][][] upper, double[][][] dqLower, double[][][] dqUpper, int[][] swaps, int runsPerFactor,
            double largestDecrease, int decreaseFactor, int decreaseSpecies, boolean complete) {
        /** The decrease is worth reporting: more than 0.1 + 0.001·Q(base). */
        public boolean baseNotMinimum() {
            return -largestDecrease > threshold(qBase);
        }
    }

    /** A decrease of the objective beyond this shows that the base was not at the minimum. */
    static double threshold(double qBase) {
        return 0.1 + 1e-3 * qBase;
    }

    private Displacement() {
    }

    public static Result run(PreparedInput in, Solution base, Settings s, ProgressListener listener) {
        for (double l : s.levels()) {
            if (!(l > 0) || Double.isInfinite(l)) {
                throw new EcoAidException("pmf.error.dq", l);
            }
        }
        int n = in.rows();
        int m = in.cols();
        int p = base.p();
        double[] w = base.w().clone();
        double[] h = base.h().clone();
        ConstrainedSolver.normalise(w, h, n, m, p);
        boolean robust = s.solver().robust();
        double[] wh = Objective.product(w, h, n, m, p);
        // robust mode: the base's robust weights are held fixed, so every re-fit is exact least squares and the
        // objective equals Q(robust) at the base (no reweighting noise in dQ)
        double[] weights = robust ? ConstrainedSolver.robustWeights(in.v(), in.u(), wh, s.solver().alpha()) : null;
        double qBase = robust ? ConstrainedSolver.weightedSum(in.v(), weights, wh) : Objective.qTrue(in.v(), in.u(), wh);
        double[] scale = speciesScale(in.v(), n, m);
        int levels = s.levels().length;
        double[][][] lower = new double[levels][p][m];
        double[][][] upper = new double[levels][p][m];
        double[][][] dqLower = new double[levels][p][m];
        double[][][] dqUpper = new double[levels][p][m];
        int[][][] swapRuns = new int[p * m][][];
        double[] decrease = new double[p * m];
        AtomicLong done = new AtomicLong();
        Context c = new Context(in.v(), in.u(), n, m, p, w, h, qBase, scale, s, weights, new AtomicBoolean());
        for (double[][][] t : List.of(lower, upper, dqLower, dqUpper)) {
            for (double[][] a : t) {
                for (double[] b : a) {
                    Arrays.fill(b, Double.NaN);
                }
            }
        }
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, s.threads()));
        try {
            pool.submit(() -> IntStream.range(0, p * m).parallel().forEach(e -> {
                listener.checkCancelled();
                int k = e / m;
                int j = e % m;
                int[][] sw = new int[levels][1];
                swapRuns[e] = sw;
                if (c.stop().get()) {
                    listener.progress(done.incrementAndGet(), (long) p * m);
                    return;
                }
                Element up = c.displace(k, j, +1, listener);
                Element down = c.stop().get() ? Element.skipped(levels) : c.displace(k, j, -1, listener);
                for (int l = 0; l < levels; l++) {
                    upper[l][k][j] = up.ends[l];
                    dqUpper[l][k][j] = up.dq[l];
                    lower[l][k][j] = down.ends[l];
                    dqLower[l][k][j] = down.dq[l];
                    sw[l][0] = (up.swapped[l] ? 1 : 0) + (down.swapped[l] ? 1 : 0);
                }
                decrease[e] = Math.min(up.minDq, down.minDq);
                listener.progress(done.incrementAndGet(), (long) p * m);
            })).get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        int[][] swaps = new int[levels][p];
        double largest = 0;
        int df = -1;
        int ds = -1;
        for (int e = 0; e < p * m; e++) {
            for (int l = 0; l < levels; l++) {
                swaps[l][e / m] += swapRuns[e][l][0];
            }
            if (decrease[e] < largest) {
                largest = decrease[e];
                df = e / m;
                ds = e % m;
            }
        }
        double[][] baseProfile = new double[p][m];
        for (int k = 0; k < p; k++) {
            System.arraycopy(h, k * m, baseProfile[k], 0, m);
        }
        return new Result(s.levels().clone(), qBase, robust, baseProfile, lower, upper, dqLower, dqUpper, swaps, 2 * m,
                largest, df, ds, !c.stop().get());
    }

    /** Species means of V: the scale of profile column j (at least a tiny positive value). */
    static double[] speciesScale(double[] v, int n, int m) {
        double[] scale = new double[m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                scale[j] += Math.max(v[i * m + j], 0) / n;
            }
        }
        for (int j = 0; j < m; j++) {
            scale[j] = scale[j] > 0 ? scale[j] : 1e-9;
        }
        return scale;
    }

    /** One displacement direction of one element: ends and dQ per level, swap flags, the smallest dQ met. */
    private static final class Element {
        final double[] ends;
        final double[] dq;
        final boolean[] swapped;
        double minDq;

        Element(int levels) {
            ends = new double[levels];
            dq = new double[levels];
            swapped = new boolean[levels];
        }

        static Element skipped(int levels) {
            Element e = new Element(levels);
            Arrays.fill(e.ends, Double.NaN);
            Arrays.fill(e.dq, Double.NaN);
            return e;
        }
    }

    /** A displaced solution: the value of the element, its dQ and the fitted W, H. */
    private record Point(double t, double dq, double[] w, double[] h) {
    }

    private record Context(double[] v, double[] u, int n, int m, int p, double[] w, double[] h, double qBase,
            double[] scale, Settings s, double[] weights, AtomicBoolean stop) {

        Point fit(int k, int j, double t, Point start, ProgressListener listener) {
            ConstrainedSolver.Spec spec = new ConstrainedSolver.Spec(n, m, p).fixProfile(k, j, t).holdMean(k);
            if (weights != null) {
                spec.fixWeights(weights);
            }
            ConstrainedSolver.Result r = ConstrainedSolver.solve(v, u, spec, start.w(), start.h(), s.solver(), listener);
            return new Point(t, r.fit() - qBase, r.w(), r.h());
        }

        Element displace(int k, int j, int dir, ProgressListener listener) {
            double[] levels = s.levels();
            double top = 0;
            for (double l : levels) {
                top = Math.max(top, l);
            }
            Element out = new Element(levels.length);
            double t0 = h[k * m + j];
            Point base = new Point(t0, 0, w, h);
            List<Point> pts = new ArrayList<>();
            pts.add(base);
            double step = 0.05 * Math.max(t0, 0.01 * scale[j]);
            Point last = base;
            double cap = t0 + 1e4 * Math.max(t0, scale[j]);
            while (true) {
                double t = t0 + dir * step;
                if (dir < 0 && t <= 0) {
                    t = 0;
                }
                Point pt = fit(k, j, t, last, listener);
                pts.add(pt);
                last = pt;
                out.minDq = Math.min(out.minDq, pt.dq());
                if (pt.dq() < -threshold(qBase)) {
                    stop.set(true);
                    Element skipped = Element.skipped(levels.length);
                    skipped.minDq = out.minDq;
                    return skipped;
                }
                if (pt.dq() >= top || t == 0 || t > cap) {
                    break;
                }
                step *= pt.dq() < top / 16 ? 4 : 2;
            }
            for (int l = 0; l < levels.length; l++) {
                double level = levels[l];
                Point a = base;
                Point b = null;
                for (Point pt : pts) {
                    if (pt.dq() < level) {
                        if (b == null) {
                            a = pt;
                        }
                    } else if (b == null) {
                        b = pt;
                    }
                }
                Point end;
                if (b == null) {
                    end = pts.get(pts.size() - 1);
                } else {
                    end = b;
                    double sl = Math.sqrt(level);
                    for (int it = 0; it < 40 && Math.abs(end.dq() - level) > s.tolerance() * level; it++) {
                        double ga = Math.sqrt(Math.max(a.dq(), 0)) - sl;
                        double gb = Math.sqrt(Math.max(b.dq(), 0)) - sl;
                        double t = gb == ga ? 0.5 * (a.t() + b.t()) : a.t() - ga * (b.t() - a.t()) / (gb - ga);
                        double lo = Math.min(a.t(), b.t());
                        double hi = Math.max(a.t(), b.t());
                        double margin = 0.02 * (hi - lo);
                        t = Math.min(Math.max(t, lo + margin), hi - margin);
                        Point pt = fit(k, j, t, Math.abs(t - a.t()) < Math.abs(t - b.t()) ? a : b, listener);
                        out.minDq = Math.min(out.minDq, pt.dq());
                        if (pt.dq() < level) {
                            a = pt;
                        } else {
                            b = pt;
                        }
                        end = Math.abs(pt.dq() - level) <= Math.abs(end.dq() - level) ? pt : end;
                        if (hi - lo <= 1e-12 * Math.max(hi, 1e-300)) {
                            break;
                        }
                    }
                }
                out.ends[l] = end.t();
                out.dq[l] = end.dq();
                out.swapped[l] = bestMatch(end.w(), k) != k;
            }
            return out;
        }

        /** The base factor whose contributions correlate best with column k of {@code wd}. */
        int bestMatch(double[] wd, int k) {
            int best = k;
            double bestR = Double.NEGATIVE_INFINITY;
            int[] rows = IntStream.range(0, n).toArray();
            for (int l = 0; l < p; l++) {
                double r = Bootstrap.correlation(wd, k, w, l, rows, p);
                if (r > bestR) {
                    bestR = r;
                    best = l;
                }
            }
            return best;
        }
    }
}
