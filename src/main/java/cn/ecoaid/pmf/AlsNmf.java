package cn.ecoaid.pmf;

import cn.ecoaid.domain.ProgressListener;

/**
 * Weighted alternating non-negative least squares: each row of W is the exact weighted NNLS solution given H, then
 * each column of H given W (Lawson–Hanson on p×p normal equations). Every half-step minimises Q exactly over its
 * block, so Q falls monotonically and far faster per iteration than multiplicative updates. Stops when Q fell by less
 * than {@code delta} over the last {@code window} iterations. Robust mode reweights (IRLS, α) before every iteration
 * after {@code robustStart} and tests convergence on Q(robust).
 */
public final class AlsNmf {
    /**
     * {@code hops}: after converging, this many perturb-and-reconverge steps (basin hopping): W and H are multiplied by
     * lognormal noise exp(σ·N(0,1)) with σ = {@code hopSigma}, re-converged, and kept when the objective fell.
     * {@code wLower}: a diagnostic relaxation (0, strict non-negativity, everywhere in the product): contributions may
     * go down to −wLower × their factor's mean contribution (taken before each W step); H stays ≥ 0.
     */
    public record Options(double delta, int window, int maxIter, boolean robust, int robustStart, double alpha,
            int hops, double hopSigma, double wLower) {
        public static Options defaults() {
            return new Options(1e-3, 10, 5_000, false, 5, Objective.ALPHA, 0, 0.5, 0);
        }

        public Options withRobust(boolean r) {
            return new Options(delta, window, maxIter, r, robustStart, alpha, hops, hopSigma, wLower);
        }

        public Options withMaxIter(int max) {
            return new Options(delta, window, max, robust, robustStart, alpha, hops, hopSigma, wLower);
        }

        public Options withDelta(double d, int n) {
            return new Options(d, n, maxIter, robust, robustStart, alpha, hops, hopSigma, wLower);
        }

        public Options withHops(int h, double sigma) {
            return new Options(delta, window, maxIter, robust, robustStart, alpha, h, sigma, wLower);
        }

        public Options withWLower(double fraction) {
            return new Options(delta, window, maxIter, robust, robustStart, alpha, hops, hopSigma, fraction);
        }
    }

    private AlsNmf() {
    }

    public static Solution run(double[] v, double[] u, int n, int m, int p, double[] w0, double[] h0, long seed,
            Options opt, ProgressListener listener) {
        long start = System.nanoTime();
        Solution best = descend(v, u, n, m, p, w0, h0, seed, opt, listener);
        if (opt.hops() <= 0) {
            return best;
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        int iterations = best.iterations();
        for (int hop = 0; hop < opt.hops(); hop++) {
            double[] w = best.w().clone();
            double[] h = best.h().clone();
            for (int c = 0; c < w.length; c++) {
                w[c] *= Math.exp(opt.hopSigma() * gaussian(r));
            }
            for (int c = 0; c < h.length; c++) {
                h[c] *= Math.exp(opt.hopSigma() * gaussian(r));
            }
            Solution s = descend(v, u, n, m, p, w, h, seed, opt, listener);
            iterations += s.iterations();
            double qs = opt.robust() ? s.qRobust() : s.qTrue();
            double qb = opt.robust() ? best.qRobust() : best.qTrue();
            if (qs < qb) {
                best = s;
            }
        }
        return new Solution(seed, n, m, p, best.w(), best.h(), best.qTrue(), best.qRobust(), iterations,
                best.converged(), (System.nanoTime() - start) / 1e9);
    }

    static double gaussian(java.util.SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static Solution descend(double[] v, double[] u, int n, int m, int p, double[] w0, double[] h0, long seed,
            Options opt, ProgressListener listener) {
        long start = System.nanoTime();
        double[] w = w0.clone();
        double[] h = h0.clone();
        int cells = n * m;
        double[] we = new double[cells];
        double[] wv = new double[cells];
        for (int c = 0; c < cells; c++) {
            we[c] = 1.0 / (u[c] * u[c]);
            wv[c] = we[c] * v[c];
        }
        Normal eq = new Normal(n, m, p);
        eq.weights(we, wv);
        double[] wh = new double[cells];
        double[] g = new double[p * p];
        double[] b = new double[p];
        double[] x = new double[p];
        double[] low = new double[p];
        Nnls nnls = new Nnls(p);
        double[] history = new double[opt.window()];
        int iter = 0;
        boolean converged = false;
        while (iter < opt.maxIter()) {
            if (opt.robust() && iter >= opt.robustStart()) {
                Objective.product(w, h, n, m, p, wh);
                LsNmf.reweight(v, u, wh, we, wv, opt.alpha());
                eq.weights(we, wv);
            }
            // W rows given H (with a lower bound L < 0: x = y + L, y ≥ 0, i.e. NNLS with b − G·L)
            eq.rowSystems(h);
            boolean bounded = opt.wLower() > 0;
            if (bounded) {
                lowerBounds(w, n, p, opt.wLower(), low);
            }
            for (int i = 0; i < n; i++) {
                eq.rowSystem(i, g, b);
                System.arraycopy(w, i * p, x, 0, p);
                if (bounded) {
                    for (int k = 0; k < p; k++) {
                        for (int l = 0; l < p; l++) {
                            b[k] -= g[k * p + l] * low[l];
                        }
                        x[k] -= low[k];
                    }
                }
                nnls.solve(g, b, x);
                if (bounded) {
                    for (int k = 0; k < p; k++) {
                        x[k] += low[k];
                    }
                }
                System.arraycopy(x, 0, w, i * p, p);
            }
            // H columns given W
            eq.columnSystems(w);
            for (int j = 0; j < m; j++) {
                eq.columnSystem(j, g, b);
                for (int k = 0; k < p; k++) {
                    x[k] = h[k * m + j];
                }
                nnls.solve(g, b, x);
                for (int k = 0; k < p; k++) {
                    h[k * m + j] = x[k];
                }
            }
            rescale(w, h, n, m, p);
            Objective.product(w, h, n, m, p, wh);
            double q = opt.robust() ? Objective.qRobust(v, u, wh, opt.alpha()) : Objective.qTrue(v, u, wh);
            history[iter % opt.window()] = q;
            iter++;
            if (iter >= opt.window() && (!opt.robust() || iter > opt.robustStart() + opt.window())) {
                if (history[iter % opt.window()] - q < opt.delta()) {
                    converged = true;
                    break;
                }
            }
            if ((iter & 7) == 0) {
                listener.checkCancelled();
            }
        }
        Objective.product(w, h, n, m, p, wh);
        return new Solution(seed, n, m, p, w, h, Objective.qTrue(v, u, wh),
                Objective.qRobust(v, u, wh, Objective.ALPHA), iter, converged, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The weighted normal equations of every W row (Σ_j ω_ij h_kj h_lj, Σ_j ω_ij x_ij h_kj) and every H column, built for
     * all rows (columns) at once: one array per (k, l) pair over the samples (species), filled by contiguous
     * {@code y[t] += s·x[t]} loops on separate arrays, which HotSpot C2 vectorises.
     */
    private static final class Normal {
        final int n;
        final int m;
        final int p;
        final double[][] weR;
        final double[][] wvR;
        final double[][] weT;
        final double[][] wvT;
        /** Lower-triangle pair (k ≥ l) → index. */
        final int[] pair;
        final double[][] gRow;
        final double[][] bRow;
        final double[][] gCol;
        final double[][] bCol;

        Normal(int n, int m, int p) {
            this.n = n;
            this.m = m;
            this.p = p;
            weR = new double[n][m];
            wvR = new double[n][m];
            weT = new double[m][n];
            wvT = new double[m][n];
            pair = new int[p * p];
            int q = 0;
            for (int k = 0; k < p; k++) {
                for (int l = 0; l <= k; l++) {
                    pair[k * p + l] = q;
                    pair[l * p + k] = q;
                    q++;
                }
            }
            gRow = new double[q][n];
            bRow = new double[p][n];
            gCol = new double[q][m];
            bCol = new double[p][m];
        }

        void weights(double[] we, double[] wv) {
            Objective.rowsAndColumns(we, wv, n, m, weR, wvR, weT, wvT);
        }

        void rowSystems(double[] h) {
            for (int k = 0; k < p; k++) {
                double[] bk = bRow[k];
                java.util.Arrays.fill(bk, 0);
                for (int j = 0; j < m; j++) {
                    axpy(bk, h[k * m + j], wvT[j], n);
                }
                for (int l = 0; l <= k; l++) {
                    double[] gkl = gRow[pair[k * p + l]];
                    java.util.Arrays.fill(gkl, 0);
                    for (int j = 0; j < m; j++) {
                        axpy(gkl, h[k * m + j] * h[l * m + j], weT[j], n);
                    }
                }
            }
        }

        void rowSystem(int i, double[] g, double[] b) {
            for (int k = 0; k < p; k++) {
                b[k] = bRow[k][i];
                for (int l = 0; l < p; l++) {
                    g[k * p + l] = gRow[pair[k * p + l]][i];
                }
            }
        }

        void columnSystems(double[] w) {
            for (double[] a : gCol) {
                java.util.Arrays.fill(a, 0);
            }
            for (double[] a : bCol) {
                java.util.Arrays.fill(a, 0);
            }
            for (int i = 0; i < n; i++) {
                int wr = i * p;
                double[] wei = weR[i];
                double[] wvi = wvR[i];
                for (int k = 0; k < p; k++) {
                    double wk = w[wr + k];
                    axpy(bCol[k], wk, wvi, m);
                    for (int l = 0; l <= k; l++) {
                        axpy(gCol[pair[k * p + l]], wk * w[wr + l], wei, m);
                    }
                }
            }
        }

        void columnSystem(int j, double[] g, double[] b) {
            for (int k = 0; k < p; k++) {
                b[k] = bCol[k][j];
                for (int l = 0; l < p; l++) {
                    g[k * p + l] = gCol[pair[k * p + l]][j];
                }
            }
        }

        private static void axpy(double[] y, double s, double[] x, int len) {
            for (int t = 0; t < len; t++) {
                y[t] += s * x[t];
            }
        }
    }

    /** low[k] = −fraction × mean_i W[i,k]. */
    static void lowerBounds(double[] w, int n, int p, double fraction, double[] low) {
        java.util.Arrays.fill(low, 0);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                low[k] += w[i * p + k];
            }
        }
        for (int k = 0; k < p; k++) {
            low[k] = -fraction * Math.max(low[k], 0) / n;
        }
    }

    /** Balances each factor so that its column of W and row of H have equal norms (keeps the products; avoids drift). */
    static void rescale(double[] w, double[] h, int n, int m, int p) {
        for (int k = 0; k < p; k++) {
            double nw = 0;
            double nh = 0;
            for (int i = 0; i < n; i++) {
                nw += w[i * p + k] * w[i * p + k];
            }
            for (int j = 0; j < m; j++) {
                nh += h[k * m + j] * h[k * m + j];
            }
            if (nw == 0 || nh == 0) {
                continue;
            }
            double s = Math.sqrt(Math.sqrt(nh / nw));
            for (int i = 0; i < n; i++) {
                w[i * p + k] *= s;
            }
            for (int j = 0; j < m; j++) {
                h[k * m + j] /= s;
            }
        }
    }
}
