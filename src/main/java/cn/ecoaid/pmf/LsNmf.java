package cn.ecoaid.pmf;

import cn.ecoaid.domain.ProgressListener;
import java.util.Arrays;

/**
 * ESAT-compatible least-squares NMF (Wang et al. 2006, as in EPA ESAT's {@code ls_nmf}): with weights ω = 1/U²,
 * {@code H ← H ∘ (Wᵀ(ω∘V)) ⊘ (Wᵀ(ω∘WH))}, then {@code W ← W ∘ ((ω∘V)Hᵀ) ⊘ ((ω∘WH)Hᵀ)} with the new H, no ε in the
 * denominators. Q(true) is computed after each iteration; the run stops at iteration i (1-based) when
 * {@code Q[i−n+1] − Q[i] < δ}, i.e. Q fell by less than δ across the last n values. Initial values ≤ 0 become 1e-12.
 *
 * <p>In robust mode the weights are recomputed every iteration after {@code robustStart} iterations so that a cell
 * whose scaled residual |s| exceeds α contributes α·|s| (iteratively reweighted least squares), and the convergence
 * test runs on Q(robust).
 */
public final class LsNmf {
    /** Stopping and robust settings. */
    public record Options(double delta, int window, int maxIter, boolean robust, int robustStart, double alpha) {
        /** ESAT's defaults: δ = 0.01 over n = 50 iterations, at most 20,000 iterations, not robust. */
        public static Options esat() {
            return new Options(0.01, 50, 20_000, false, 200, Objective.ALPHA);
        }

        public Options withRobust(boolean r) {
            return new Options(delta, window, maxIter, r, robustStart, alpha);
        }

        public Options withMaxIter(int max) {
            return new Options(delta, window, max, robust, robustStart, alpha);
        }
    }

    private LsNmf() {
    }

    /**
     * Runs from copies of {@code w0} (n×p) and {@code h0} (p×m). {@code qTrace}, if not null, receives Q(true) per
     * iteration (it must hold at least maxIter values).
     */
    public static Solution run(double[] v, double[] u, int n, int m, int p, double[] w0, double[] h0, long seed,
            Options opt, ProgressListener listener, double[] qTrace) {
        long start = System.nanoTime();
        double[] w = floor(w0);
        double[] h = floor(h0);
        int cells = n * m;
        double[] we = new double[cells];
        double[] wv = new double[cells];
        for (int c = 0; c < cells; c++) {
            we[c] = 1.0 / (u[c] * u[c]);
            wv[c] = we[c] * v[c];
        }
        double[] wh = new double[cells];
        double[] a = new double[cells];
        double[] num = new double[Math.max(p * m, n * p)];
        double[] den = new double[num.length];
        double[] history = new double[opt.window()];
        Objective.product(w, h, n, m, p, wh);
        int iter = 0;
        boolean converged = false;
        double q = Double.NaN;
        while (iter < opt.maxIter()) {
            if (opt.robust() && iter >= opt.robustStart()) {
                reweight(v, u, wh, we, wv, opt.alpha());
            }
            double qt = step(v, u, we, wv, w, h, wh, a, num, den, n, m, p);
            q = opt.robust() ? Objective.qRobust(v, u, wh, opt.alpha()) : qt;
            if (qTrace != null) {
                qTrace[iter] = qt;
            }
            history[iter % opt.window()] = q;
            iter++;
            if (iter >= opt.window()) {
                double oldest = history[iter % opt.window()];
                if (oldest - q < opt.delta()) {
                    converged = true;
                    break;
                }
            }
            if ((iter & 127) == 0) {
                listener.checkCancelled();
            }
        }
        double qTrue = Objective.qTrue(v, u, wh);
        double qRobust = Objective.qRobust(v, u, wh, Objective.ALPHA);
        return new Solution(seed, n, m, p, w, h, qTrue, qRobust, iter, converged, (System.nanoTime() - start) / 1e9);
    }

    /** One iteration (H step, then W step row by row); leaves W·H in {@code wh} and returns Q(true). */
    private static double step(double[] v, double[] u, double[] we, double[] wv, double[] w, double[] h, double[] wh,
            double[] a, double[] num, double[] den, int n, int m, int p) {
        int cells = n * m;
        // H step (wh holds W·H of the current W and H): numerator Wᵀ(ω∘V), denominator Wᵀ(ω∘WH)
        for (int c = 0; c < cells; c++) {
            a[c] = we[c] * wh[c];
        }
        Arrays.fill(num, 0, p * m, 0.0);
        Arrays.fill(den, 0, p * m, 0.0);
        for (int i = 0; i < n; i++) {
            int row = i * m;
            for (int k = 0; k < p; k++) {
                double wik = w[i * p + k];
                int hk = k * m;
                for (int j = 0; j < m; j++) {
                    num[hk + j] += wik * wv[row + j];
                    den[hk + j] += wik * a[row + j];
                }
            }
        }
        for (int c = 0; c < p * m; c++) {
            if (den[c] != 0) {
                h[c] = h[c] * num[c] / den[c];
            }
        }
        // W step with the new H, row by row: numerator (ω∘V)Hᵀ, denominator (ω∘WH)Hᵀ; then the new WH row and
        // its squared scaled residuals (for Q), so that WH is ready for the next H step.
        for (int i = 0; i < n; i++) {
            int row = i * m;
            int wr = i * p;
            rowProduct(w, h, wr, m, p, wh, row);
            for (int j = 0; j < m; j++) {
                a[row + j] = we[row + j] * wh[row + j];
            }
            for (int k = 0; k < p; k++) {
                int hk = k * m;
                double n0 = 0;
                double n1 = 0;
                double n2 = 0;
                double n3 = 0;
                double d0 = 0;
                double d1 = 0;
                double d2 = 0;
                double d3 = 0;
                int j = 0;
                for (; j + 3 < m; j += 4) {
                    n0 += wv[row + j] * h[hk + j];
                    d0 += a[row + j] * h[hk + j];
                    n1 += wv[row + j + 1] * h[hk + j + 1];
                    d1 += a[row + j + 1] * h[hk + j + 1];
                    n2 += wv[row + j + 2] * h[hk + j + 2];
                    d2 += a[row + j + 2] * h[hk + j + 2];
                    n3 += wv[row + j + 3] * h[hk + j + 3];
                    d3 += a[row + j + 3] * h[hk + j + 3];
                }
                for (; j < m; j++) {
                    n0 += wv[row + j] * h[hk + j];
                    d0 += a[row + j] * h[hk + j];
                }
                double sn = (n0 + n1) + (n2 + n3);
                double sd = (d0 + d1) + (d2 + d3);
                if (sd != 0) {
                    w[wr + k] = w[wr + k] * sn / sd;
                }
            }
            rowProduct(w, h, wr, m, p, wh, row);
            for (int j = 0; j < m; j++) {
                double s = (v[row + j] - wh[row + j]) / u[row + j];
                a[row + j] = s * s;
            }
        }
        return pairwiseSum(a, 0, cells);
    }

    private static void rowProduct(double[] w, double[] h, int wr, int m, int p, double[] out, int row) {
        double w0 = w[wr];
        for (int j = 0; j < m; j++) {
            out[row + j] = w0 * h[j];
        }
        for (int k = 1; k < p; k++) {
            double wik = w[wr + k];
            int hk = k * m;
            for (int j = 0; j < m; j++) {
                out[row + j] += wik * h[hk + j];
            }
        }
    }

    /** Sums like numpy's pairwise summation (blocks of 128, eight accumulators), so Q matches ESAT's to the last bits. */
    static double pairwiseSum(double[] a, int from, int len) {
        if (len < 8) {
            double r = 0;
            for (int i = 0; i < len; i++) {
                r += a[from + i];
            }
            return r;
        }
        if (len <= 128) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = 8;
            int end = len - len % 8;
            for (; i < end; i += 8) {
                r0 += a[from + i];
                r1 += a[from + i + 1];
                r2 += a[from + i + 2];
                r3 += a[from + i + 3];
                r4 += a[from + i + 4];
                r5 += a[from + i + 5];
                r6 += a[from + i + 6];
                r7 += a[from + i + 7];
            }
            double r = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < len; i++) {
                r += a[from + i];
            }
            return r;
        }
        int half = len / 2;
        half -= half % 8;
        return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, len - half);
    }

    static void reweight(double[] v, double[] u, double[] wh, double[] we, double[] wv, double alpha) {
        for (int c = 0; c < v.length; c++) {
            double s = Math.abs((v[c] - wh[c]) / u[c]);
            double base = 1.0 / (u[c] * u[c]);
            we[c] = s <= alpha ? base : base * alpha / s;
            wv[c] = we[c] * v[c];
        }
    }

    static double[] floor(double[] a) {
        double[] out = a.clone();
        for (int c = 0; c < out.length; c++) {
            if (!(out[c] > 0)) {
                out[c] = 1e-12;
            }
        }
        return out;
    }
}
