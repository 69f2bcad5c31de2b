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
        Work k = new Work(v, u, n, m, p, floor(w0), floor(h0));
        double[] wh = new double[n * m];
        double[] history = new double[opt.window()];
        int iter = 0;
        boolean converged = false;
        double q = Double.NaN;
        while (iter < opt.maxIter()) {
            if (opt.robust() && iter >= opt.robustStart()) {
                k.product(wh);
                reweight(v, u, wh, k.we, k.wv, opt.alpha());
                k.weightsChanged();
            }
            double qt = k.step();
            if (opt.robust()) {
                k.product(wh);
                q = Objective.qRobust(v, u, wh, opt.alpha());
            } else {
                q = qt;
            }
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
        k.product(wh);
        double qTrue = Objective.qTrue(v, u, wh);
        double qRobust = Objective.qRobust(v, u, wh, Objective.ALPHA);
        return new Solution(seed, n, m, p, k.w(), k.h(), qTrue, qRobust, iter, converged,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The iteration's working set. The H step runs on rows (one array per sample), the W step on columns (one array
     * per species) with W held transposed (one array per factor), so that every inner loop is a contiguous
     * {@code y[t] += s·x[t]} on distinct arrays at offset 0, the form HotSpot C2 vectorises (with an offset into a
     * shared flat array it does not, since it cannot rule out overlap). Each sum is still formed in the same order as
     * ESAT-style plain loops (over samples in order for H; over species with four interleaved accumulators, species j
     * in accumulator j mod 4, for W), so the results are the same to the last bit.
     */
    private static final class Work {
        final int n;
        final int m;
        final int p;
        /** Flat ω = 1/U² and ω∘V (row-major), for reweighting. */
        final double[] we;
        final double[] wv;
        final double[][] vR;
        final double[][] uR;
        final double[][] weR;
        final double[][] wvR;
        final double[][] weT;
        final double[][] wvT;
        final double[][] wt;
        final double[][] h;
        final double[][] whR;
        final double[][] aR;
        final double[][] whT;
        final double[][] aT;
        final double[][] num;
        final double[][] den;
        final double[][] accN;
        final double[][] accD;
        final double[] res;

        Work(double[] v, double[] u, int n, int m, int p, double[] w, double[] h0) {
            this.n = n;
            this.m = m;
            this.p = p;
            int cells = n * m;
            we = new double[cells];
            wv = new double[cells];
            for (int c = 0; c < cells; c++) {
                we[c] = 1.0 / (u[c] * u[c]);
                wv[c] = we[c] * v[c];
            }
            vR = rows(v, n, m);
            uR = rows(u, n, m);
            weR = new double[n][m];
            wvR = new double[n][m];
            weT = new double[m][n];
            wvT = new double[m][n];
            weightsChanged();
            wt = new double[p][n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < p; k++) {
                    wt[k][i] = w[i * p + k];
                }
            }
            h = rows(h0, p, m);
            whR = new double[n][m];
            aR = new double[n][m];
            whT = new double[m][n];
            aT = new double[m][n];
            num = new double[p][m];
            den = new double[p][m];
            accN = new double[4][n];
            accD = new double[4][n];
            res = new double[cells];
            for (int i = 0; i < n; i++) {
                rowProduct(i);
            }
        }

        static double[][] rows(double[] a, int r, int c) {
            double[][] out = new double[r][];
            for (int i = 0; i < r; i++) {
                out[i] = Arrays.copyOfRange(a, i * c, (i + 1) * c);
            }
            return out;
        }

        /** Row and column copies of the flat weights after they changed. */
        void weightsChanged() {
            Objective.rowsAndColumns(we, wv, n, m, weR, wvR, weT, wvT);
        }

        void product(double[] out) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(whR[i], 0, out, i * m, m);
            }
        }

        double[] w() {
            double[] w = new double[n * p];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < p; k++) {
                    w[i * p + k] = wt[k][i];
                }
            }
            return w;
        }

        double[] h() {
            double[] out = new double[p * m];
            for (int k = 0; k < p; k++) {
                System.arraycopy(h[k], 0, out, k * m, m);
            }
            return out;
        }

        /** One iteration (H step, then W step); leaves W·H in {@code whR} and returns Q(true). */
        double step() {
            hStep();
            wStep();
            for (int i = 0; i < n; i++) {
                rowProduct(i);
                double[] x = vR[i];
                double[] un = uR[i];
                double[] f = whR[i];
                int row = i * m;
                for (int j = 0; j < m; j++) {
                    double s = (x[j] - f[j]) / un[j];
                    res[row + j] = s * s;
                }
            }
            return pairwiseSum(res, 0, n * m);
        }

        /** H ← H ∘ (Wᵀ(ω∘V)) ⊘ (Wᵀ(ω∘WH)), summing over the samples in order. */
        private void hStep() {
            for (int k = 0; k < p; k++) {
                Arrays.fill(num[k], 0.0);
                Arrays.fill(den[k], 0.0);
            }
            for (int i = 0; i < n; i++) {
                double[] ai = aR[i];
                double[] wei = weR[i];
                double[] whi = whR[i];
                for (int j = 0; j < m; j++) {
                    ai[j] = wei[j] * whi[j];
                }
                double[] wvi = wvR[i];
                for (int k = 0; k < p; k++) {
                    double wik = wt[k][i];
                    axpy(num[k], wik, wvi, m);
                    axpy(den[k], wik, ai, m);
                }
            }
            for (int k = 0; k < p; k++) {
                double[] hk = h[k];
                double[] nk = num[k];
                double[] dk = den[k];
                for (int j = 0; j < m; j++) {
                    if (dk[j] != 0) {
                        hk[j] = hk[j] * nk[j] / dk[j];
                    }
                }
            }
        }

        /**
         * W ← W ∘ ((ω∘V)Hᵀ) ⊘ ((ω∘WH)Hᵀ) with the new H, all samples at once on the columns: each sum over species
         * uses four accumulators (species j goes to accumulator j mod 4, the last m mod 4 species to the first),
         * combined as (a0+a1)+(a2+a3).
         */
        private void wStep() {
            // W·H with the old W and the new H, by columns
            double[] w0 = wt[0];
            for (int j = 0; j < m; j++) {
                double[] col = whT[j];
                double s0 = h[0][j];
                for (int i = 0; i < n; i++) {
                    col[i] = w0[i] * s0;
                }
                for (int k = 1; k < p; k++) {
                    axpy(col, h[k][j], wt[k], n);
                }
                double[] a = aT[j];
                double[] wej = weT[j];
                for (int i = 0; i < n; i++) {
                    a[i] = wej[i] * col[i];
                }
            }
            int full = m - m % 4;
            for (int k = 0; k < p; k++) {
                double[] hk = h[k];
                for (int r = 0; r < 4; r++) {
                    Arrays.fill(accN[r], 0.0);
                    Arrays.fill(accD[r], 0.0);
                }
                for (int j = 0; j < m; j++) {
                    int r = j < full ? j & 3 : 0;
                    double s = hk[j];
                    axpy(accN[r], s, wvT[j], n);
                    axpy(accD[r], s, aT[j], n);
                }
                double[] n0 = accN[0];
                double[] n1 = accN[1];
                double[] n2 = accN[2];
                double[] n3 = accN[3];
                double[] d0 = accD[0];
                double[] d1 = accD[1];
                double[] d2 = accD[2];
                double[] d3 = accD[3];
                double[] wk = wt[k];
                for (int i = 0; i < n; i++) {
                    double sd = (d0[i] + d1[i]) + (d2[i] + d3[i]);
                    if (sd != 0) {
                        wk[i] = wk[i] * ((n0[i] + n1[i]) + (n2[i] + n3[i])) / sd;
                    }
                }
            }
        }

        private void rowProduct(int i) {
            double[] out = whR[i];
            double w0 = wt[0][i];
            double[] h0 = h[0];
            for (int j = 0; j < m; j++) {
                out[j] = w0 * h0[j];
            }
            for (int k = 1; k < p; k++) {
                axpy(out, wt[k][i], h[k], m);
            }
        }
    }

    /** {@code y[t] += s · x[t]} for t &lt; len (as {@code y + s·x}, the order of the plain loops). */
    private static void axpy(double[] y, double s, double[] x, int len) {
        for (int t = 0; t < len; t++) {
            y[t] += s * x[t];
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
