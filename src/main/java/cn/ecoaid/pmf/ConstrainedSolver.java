package cn.ecoaid.pmf;

import cn.ecoaid.domain.ProgressListener;
import java.util.Arrays;

/**
 * Weighted alternating non-negative least squares (the block updates of {@link AlsNmf}) with extra terms for error
 * estimation and rotation: bounds on single elements of W or H ({@code lo == hi} fixes an element exactly), linear pulls
 * (the objective becomes {@code Q − Σ c·x}), a held mean of chosen W columns (kept by a Lagrange multiplier in the W
 * step, so that profile values stay in concentration units with contributions of mean 1), and the Fpeak rotation
 * (quadratic pulls towards a rotated copy of the current solution, see {@link Fpeak}). Each half-step solves its
 * row/column subproblems exactly (Lawson–Hanson on the normal equations with the bounds eliminated), so the objective
 * falls monotonically (robust mode: iteratively reweighted with α, as {@link AlsNmf}).
 */
public final class ConstrainedSolver {

    /** Stopping rule: the objective changed by at most {@code tolerance · max(1, |objective|)} over {@code window} iterations. */
    public record Options(int maxIter, double tolerance, int window, boolean robust, double alpha) {
        public static Options defaults(boolean robust) {
            return new Options(3_000, 1e-8, 5, robust, Objective.ALPHA);
        }

        public Options withMaxIter(int max) {
            return new Options(max, tolerance, window, robust, alpha);
        }
    }

    /** What to fix, bound, pull, hold and rotate. Indices: W is n×p (i·p + k), H is p×m (k·m + j). */
    public static final class Spec {
        final int n;
        final int m;
        final int p;
        final double[] wLo;
        final double[] wHi;
        final double[] hLo;
        final double[] hHi;
        final double[] wPull;
        final double[] hPull;
        final boolean[] hold;
        double fpeak;
        boolean rotate;
        double[] speciesScale;
        double[] weights;

        public Spec(int n, int m, int p) {
            this.n = n;
            this.m = m;
            this.p = p;
            wLo = new double[n * p];
            wHi = new double[n * p];
            hLo = new double[p * m];
            hHi = new double[p * m];
            Arrays.fill(wHi, Double.POSITIVE_INFINITY);
            Arrays.fill(hHi, Double.POSITIVE_INFINITY);
            wPull = new double[n * p];
            hPull = new double[p * m];
            hold = new boolean[p];
        }

        /** Fixes profile element (k, j) at {@code value}. */
        public Spec fixProfile(int k, int j, double value) {
            return boundProfile(k, j, value, value);
        }

        public Spec boundProfile(int k, int j, double lo, double hi) {
            hLo[k * m + j] = Math.max(0, lo);
            hHi[k * m + j] = hi;
            return this;
        }

        public Spec fixContribution(int i, int k, double value) {
            return boundContribution(i, k, value, value);
        }

        public Spec boundContribution(int i, int k, double lo, double hi) {
            wLo[i * p + k] = Math.max(0, lo);
            wHi[i * p + k] = hi;
            return this;
        }

        /** Adds {@code −c·h_kj} to the objective (c > 0 pulls up, c < 0 pulls down). */
        public Spec pullProfile(int k, int j, double c) {
            hPull[k * m + j] += c;
            return this;
        }

        public Spec pullContribution(int i, int k, double c) {
            wPull[i * p + k] += c;
            return this;
        }

        /** Keeps the mean of W column k at its value in the starting W (before it is moved inside the bounds). */
        public Spec holdMean(int k) {
            hold[k] = true;
            return this;
        }

        /**
         * Fpeak rotation of the given strength; {@code speciesScale[j]} is the scale of the pulling equations of profile
         * column j (W is kept at column means 1, its pulls have scale 1).
         */
        public Spec rotate(double strength, double[] speciesScale) {
            this.fpeak = strength;
            this.rotate = true;
            this.speciesScale = speciesScale.clone();
            return this;
        }

        /**
         * Fixed cell weights (n×m) instead of 1/u² (and no reweighting): the data term becomes Σ weight·(x − WH)². With
         * the robust weights of a base model it equals Q(robust) there and is exactly least squares around it.
         */
        public Spec fixWeights(double[] cellWeights) {
            this.weights = cellWeights.clone();
            return this;
        }

        /** Clears the linear pulls (keeps bounds, holds and rotation). */
        public Spec withoutPulls() {
            Spec s = copy();
            Arrays.fill(s.wPull, 0);
            Arrays.fill(s.hPull, 0);
            return s;
        }

        /** The same spec with every pull multiplied by {@code factor}. */
        public Spec scaledPulls(double factor) {
            Spec s = copy();
            for (int c = 0; c < s.wPull.length; c++) {
                s.wPull[c] *= factor;
            }
            for (int c = 0; c < s.hPull.length; c++) {
                s.hPull[c] *= factor;
            }
            return s;
        }

        Spec copy() {
            Spec s = new Spec(n, m, p);
            System.arraycopy(wLo, 0, s.wLo, 0, wLo.length);
            System.arraycopy(wHi, 0, s.wHi, 0, wHi.length);
            System.arraycopy(hLo, 0, s.hLo, 0, hLo.length);
            System.arraycopy(hHi, 0, s.hHi, 0, hHi.length);
            System.arraycopy(wPull, 0, s.wPull, 0, wPull.length);
            System.arraycopy(hPull, 0, s.hPull, 0, hPull.length);
            System.arraycopy(hold, 0, s.hold, 0, hold.length);
            s.fpeak = fpeak;
            s.rotate = rotate;
            s.speciesScale = speciesScale == null ? null : speciesScale.clone();
            s.weights = weights;
            return s;
        }
    }

    /** The fitted W and H, Q(true), Q(robust), the pull term of the objective, iterations and convergence. */
    /** {@code fit}: the data term as minimised (Q(true), Q(robust), or the fixed-weight sum). */
    public record Result(double[] w, double[] h, double qTrue, double qRobust, double fit, double pullTerm, int iterations,
            boolean converged) {
        /** Q(robust) in robust mode, else Q(true). */
        public double q(boolean robust) {
            return robust ? qRobust : qTrue;
        }
    }

    private ConstrainedSolver() {
    }

    /** Scales each W column to mean 1 and the H row inversely (W·H unchanged); columns of mean 0 stay. */
    public static void normalise(double[] w, double[] h, int n, int m, int p) {
        for (int k = 0; k < p; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += w[i * p + k] / n;
            }
            if (!(mean > 0)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                w[i * p + k] /= mean;
            }
            for (int j = 0; j < m; j++) {
                h[k * m + j] *= mean;
            }
        }
    }

    /**
     * The base model re-converged without constraints by this solver's stopping rule, normalised to contributions of
     * mean 1: the common start of DISP, Fpeak and constraints, so that dQ measures their effect and not a looser
     * stopping rule of the base run.
     */
    public static Solution refit(PreparedInput in, Solution base, Options o, ProgressListener listener) {
        int n = in.rows();
        int m = in.cols();
        int p = base.p();
        long start = System.nanoTime();
        double[] w = base.w().clone();
        double[] h = base.h().clone();
        normalise(w, h, n, m, p);
        Result r = solve(in.v(), in.u(), new Spec(n, m, p), w, h, o, listener);
        double[] rw = r.w();
        double[] rh = r.h();
        normalise(rw, rh, n, m, p);
        return new Solution(base.seed(), n, m, p, rw, rh, r.qTrue(), r.qRobust(), r.iterations(), r.converged(),
                (System.nanoTime() - start) / 1e9);
    }

    /** Starts from copies of {@code w0}, {@code h0} (moved inside the bounds) and iterates to convergence. */
    public static Result solve(double[] v, double[] u, Spec s, double[] w0, double[] h0, Options o,
            ProgressListener listener) {
        return new Run(v, u, s, w0, h0, o).go(listener);
    }

    private static final class Run {
        final double[] v;
        final double[] u;
        final Spec s;
        final Options o;
        final int n;
        final int m;
        final int p;
        final double[] w;
        final double[] h;
        final double[] we;
        final double[] wv;
        final double[] wh;
        final double[] gAll;
        final double[] bAll;
        final double[] g;
        final double[] b;
        final double[] x;
        final double[] lo;
        final double[] hi;
        final double[] lambda;
        final double[] meanTarget;
        final Bounded bounded;
        double[] wTarget;
        double[] hTarget;

        Run(double[] v, double[] u, Spec s, double[] w0, double[] h0, Options o) {
            this.v = v;
            this.u = u;
            this.s = s;
            this.o = o;
            n = s.n;
            m = s.m;
            p = s.p;
            w = w0.clone();
            h = h0.clone();
            meanTarget = new double[p];
            for (int k = 0; k < p; k++) {
                for (int i = 0; i < n; i++) {
                    meanTarget[k] += w[i * p + k];
                }
            }
            clamp(w, s.wLo, s.wHi);
            clamp(h, s.hLo, s.hHi);
            if (s.rotate) {
                normalise(w, h, n, m, p);
            }
            we = new double[n * m];
            wv = new double[n * m];
            for (int c = 0; c < we.length; c++) {
                we[c] = s.weights != null ? s.weights[c] : 1.0 / (u[c] * u[c]);
                wv[c] = we[c] * v[c];
            }
            wh = new double[n * m];
            gAll = new double[n * p * p];
            bAll = new double[n * p];
            g = new double[p * p];
            b = new double[p];
            x = new double[p];
            lo = new double[p];
            hi = new double[p];
            lambda = new double[p];
            bounded = new Bounded(p);
        }

        Result go(ProgressListener listener) {
            double[] history = new double[o.window()];
            int iter = 0;
            boolean converged = false;
            double[] wPrev = new double[w.length];
            double[] hPrev = new double[h.length];
            double[] wEx = new double[w.length];
            double[] hEx = new double[h.length];
            double beta = 1;
            while (iter < o.maxIter()) {
                System.arraycopy(w, 0, wPrev, 0, w.length);
                System.arraycopy(h, 0, hPrev, 0, h.length);
                Objective.product(w, h, n, m, p, wh);
                if (o.robust() && s.weights == null) {
                    LsNmf.reweight(v, u, wh, we, wv, o.alpha());
                }
                if (s.rotate) {
                    targets();
                }
                wStep();
                hStep();
                if (s.rotate) {
                    normalise(w, h, n, m, p);
                }
                Objective.product(w, h, n, m, p, wh);
                double q = fit(wh);
                double f = q - pullTerm() + rotationTerm();
                if (!s.rotate && iter > 0) {
                    // extrapolate along the last iteration's step; keep it when the objective falls further
                    extrapolate(wPrev, w, wEx, beta, s.wLo, s.wHi);
                    extrapolate(hPrev, h, hEx, beta, s.hLo, s.hHi);
                    holdMeans(wEx);
                    Objective.product(wEx, hEx, n, m, p, wh);
                    double fe = fit(wh)
                            - pullTerm(wEx, hEx);
                    if (fe < f) {
                        System.arraycopy(wEx, 0, w, 0, w.length);
                        System.arraycopy(hEx, 0, h, 0, h.length);
                        f = fe;
                        beta = Math.min(beta * 1.5, 64);
                    } else {
                        beta = 1;
                    }
                }
                history[iter % o.window()] = f;
                iter++;
                if (iter >= o.window()) {
                    double old = history[iter % o.window()];
                    if (Math.abs(old - f) <= o.tolerance() * Math.max(1, Math.abs(f))) {
                        converged = true;
                        break;
                    }
                }
                if ((iter & 7) == 0) {
                    listener.checkCancelled();
                }
            }
            Objective.product(w, h, n, m, p, wh);
            return new Result(w, h, Objective.qTrue(v, u, wh), Objective.qRobust(v, u, wh, Objective.ALPHA), fit(wh),
                    pullTerm(), iter, converged);
        }

        double pullTerm() {
            return pullTerm(w, h);
        }

        /** The data term: the fixed-weight sum when weights are given, else Q(robust) or Q(true). */
        double fit(double[] fitted) {
            if (s.weights != null) {
                return weightedSum(v, s.weights, fitted);
            }
            return o.robust() ? Objective.qRobust(v, u, fitted, o.alpha()) : Objective.qTrue(v, u, fitted);
        }

        double pullTerm(double[] w2, double[] h2) {
            double t = 0;
            for (int c = 0; c < w2.length; c++) {
                t += s.wPull[c] * w2[c];
            }
            for (int c = 0; c < h2.length; c++) {
                t += s.hPull[c] * h2[c];
            }
            return t;
        }

        /** {@code out = cur + β·(cur − prev)}, moved inside the bounds. */
        void extrapolate(double[] prev, double[] cur, double[] out, double beta, double[] lo, double[] hi) {
            for (int c = 0; c < cur.length; c++) {
                out[c] = Math.min(Math.max(cur[c] + beta * (cur[c] - prev[c]), lo[c]), hi[c]);
            }
        }

        /** Rescales the held columns of {@code a} to their target sums (after clipping at the bounds). */
        void holdMeans(double[] a) {
            for (int k = 0; k < p; k++) {
                if (!s.hold[k]) {
                    continue;
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += a[i * p + k];
                }
                if (sum > 0 && sum != meanTarget[k]) {
                    double f = meanTarget[k] / sum;
                    for (int i = 0; i < n; i++) {
                        a[i * p + k] = Math.min(Math.max(a[i * p + k] * f, s.wLo[i * p + k]), s.wHi[i * p + k]);
                    }
                }
            }
        }

        double rotationTerm() {
            if (!s.rotate) {
                return 0;
            }
            double t = 0;
            for (int c = 0; c < w.length; c++) {
                double d = w[c] - wTarget[c];
                t += d * d;
            }
            for (int k = 0; k < p; k++) {
                for (int j = 0; j < m; j++) {
                    double d = (h[k * m + j] - hTarget[k * m + j]) / s.speciesScale[j];
                    t += d * d;
                }
            }
            return t;
        }

        /**
         * Rotation targets of the current solution: W·T and T⁻¹·H with T = a·I + (1 − a)·J/p, a = 1 − φ/2 (T keeps
         * column means; φ > 0 moves each contribution towards the mean of its sample's contributions and profiles apart).
         */
        void targets() {
            double a = 1 - s.fpeak / 2;
            wTarget = new double[w.length];
            hTarget = new double[h.length];
            for (int i = 0; i < n; i++) {
                double mean = 0;
                for (int k = 0; k < p; k++) {
                    mean += w[i * p + k] / p;
                }
                for (int k = 0; k < p; k++) {
                    wTarget[i * p + k] = a * w[i * p + k] + (1 - a) * mean;
                }
            }
            for (int j = 0; j < m; j++) {
                double mean = 0;
                for (int k = 0; k < p; k++) {
                    mean += h[k * m + j] / p;
                }
                for (int k = 0; k < p; k++) {
                    hTarget[k * m + j] = h[k * m + j] / a + (1 - 1 / a) * mean;
                }
            }
        }

        void wStep() {
            for (int i = 0; i < n; i++) {
                int go = i * p * p;
                int bo = i * p;
                Arrays.fill(gAll, go, go + p * p, 0);
                Arrays.fill(bAll, bo, bo + p, 0);
                int row = i * m;
                for (int j = 0; j < m; j++) {
                    double wt = we[row + j];
                    double bv = wv[row + j];
                    for (int k = 0; k < p; k++) {
                        double hk = h[k * m + j];
                        double t = wt * hk;
                        bAll[bo + k] += bv * hk;
                        for (int l = 0; l <= k; l++) {
                            gAll[go + k * p + l] += t * h[l * m + j];
                        }
                    }
                }
                for (int k = 0; k < p; k++) {
                    for (int l = 0; l < k; l++) {
                        gAll[go + l * p + k] = gAll[go + k * p + l];
                    }
                    bAll[bo + k] += s.wPull[i * p + k] / 2;
                    if (s.rotate) {
                        gAll[go + k * p + k] += 1;
                        bAll[bo + k] += wTarget[i * p + k];
                    }
                }
            }
            boolean anyHold = false;
            for (int k = 0; k < p; k++) {
                anyHold |= s.hold[k];
            }
            solveRows();
            if (!anyHold) {
                return;
            }
            for (int sweep = 0; sweep < 30; sweep++) {
                boolean ok = true;
                for (int k = 0; k < p; k++) {
                    if (s.hold[k]) {
                        ok &= holdColumn(k);
                    }
                }
                if (ok && allHeld()) {
                    return;
                }
            }
        }

        boolean allHeld() {
            for (int k = 0; k < p; k++) {
                if (s.hold[k] && Math.abs(columnSum(k) - meanTarget[k]) > 1e-9 * meanTarget[k]) {
                    return false;
                }
            }
            return true;
        }

        double columnSum(int k) {
            double t = 0;
            for (int i = 0; i < n; i++) {
                t += w[i * p + k];
            }
            return t;
        }

        /** Finds λ_k (a shift of b_k in every row) so that column k of W sums to its target; S(λ) is non-decreasing. */
        boolean holdColumn(int k) {
            double target = meanTarget[k];
            double tol = 1e-10 * Math.max(target, 1e-300);
            double l0 = lambda[k];
            double f0 = columnSum(k) - target;
            if (Math.abs(f0) <= tol) {
                return true;
            }
            // first guess of dS/dλ: rows where the element is positive respond by about 1/G_kk each
            double slope = 0;
            double all = 0;
            for (int i = 0; i < n; i++) {
                double gkk = gAll[i * p * p + k * p + k];
                if (gkk > 0) {
                    all += 1 / gkk;
                    slope += w[i * p + k] > 0 ? 1 / gkk : 0;
                }
            }
            slope = slope > 0 ? slope : all;
            double step = slope > 0 ? -f0 / slope : -f0;
            double l1 = l0 + step;
            double f1 = evaluate(k, l1, target);
            int guard = 0;
            while (Math.signum(f1) == Math.signum(f0) && f1 != 0 && guard++ < 80) {
                step *= 2;
                l0 = l1;
                f0 = f1;
                l1 = l0 + step;
                f1 = evaluate(k, l1, target);
            }
            for (int it = 0; it < 100 && Math.abs(f1) > tol; it++) {
                double l = f1 == f0 ? 0.5 * (l0 + l1) : l1 - f1 * (l1 - l0) / (f1 - f0);
                double fl = evaluate(k, l, target);
                if (Math.signum(fl) != Math.signum(f1)) {
                    l0 = l1;
                    f0 = f1;
                } else {
                    f0 /= 2;
                }
                l1 = l;
                f1 = fl;
            }
            if (lambda[k] != l1) {
                evaluate(k, l1, target);
            }
            return Math.abs(f1) <= tol;
        }

        double evaluate(int k, double l, double target) {
            lambda[k] = l;
            solveRows();
            return columnSum(k) - target;
        }

        void solveRows() {
            for (int i = 0; i < n; i++) {
                System.arraycopy(gAll, i * p * p, g, 0, p * p);
                for (int k = 0; k < p; k++) {
                    b[k] = bAll[i * p + k] + (s.hold[k] ? lambda[k] : 0);
                    lo[k] = s.wLo[i * p + k];
                    hi[k] = s.wHi[i * p + k];
                    x[k] = w[i * p + k];
                }
                bounded.solve(g, b, lo, hi, x);
                System.arraycopy(x, 0, w, i * p, p);
            }
        }

        void hStep() {
            for (int j = 0; j < m; j++) {
                Arrays.fill(g, 0);
                Arrays.fill(b, 0);
                for (int i = 0; i < n; i++) {
                    double wt = we[i * m + j];
                    double bv = wv[i * m + j];
                    int wr = i * p;
                    for (int k = 0; k < p; k++) {
                        double wk = w[wr + k];
                        double t = wt * wk;
                        b[k] += bv * wk;
                        for (int l = 0; l <= k; l++) {
                            g[k * p + l] += t * w[wr + l];
                        }
                    }
                }
                symmetrise(g, p);
                for (int k = 0; k < p; k++) {
                    b[k] += s.hPull[k * m + j] / 2;
                    if (s.rotate) {
                        double a = 1 / (s.speciesScale[j] * s.speciesScale[j]);
                        g[k * p + k] += a;
                        b[k] += a * hTarget[k * m + j];
                    }
                    lo[k] = s.hLo[k * m + j];
                    hi[k] = s.hHi[k * m + j];
                    x[k] = h[k * m + j];
                }
                bounded.solve(g, b, lo, hi, x);
                for (int k = 0; k < p; k++) {
                    h[k * m + j] = x[k];
                }
            }
        }
    }

    /** Σ weight·(x − fitted)². */
    static double weightedSum(double[] x, double[] weights, double[] fitted) {
        double q = 0;
        for (int c = 0; c < x.length; c++) {
            double r = x[c] - fitted[c];
            q += weights[c] * r * r;
        }
        return q;
    }

    /** The robust weights of a fitted model: 1/u², times α/|s| where the scaled residual |s| exceeds α. */
    public static double[] robustWeights(double[] x, double[] u, double[] fitted, double alpha) {
        double[] w = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            double s = Math.abs((x[c] - fitted[c]) / u[c]);
            w[c] = (s <= alpha ? 1 : alpha / s) / (u[c] * u[c]);
        }
        return w;
    }

    private static void clamp(double[] a, double[] lo, double[] hi) {
        for (int c = 0; c < a.length; c++) {
            a[c] = Math.min(Math.max(a[c], lo[c]), hi[c]);
        }
    }

    /**
     * min ½xᵀGx − bᵀx subject to lo ≤ x ≤ hi (lo ≥ 0): fixed and upper-bounded variables are eliminated, the rest
     * shifted by lo and solved by {@link Nnls}; a variable above its upper bound is pinned there and released when its
     * gradient points back inside.
     */
    static final class Bounded {
        private final int p;
        private final Nnls nnls;
        private final double[] g2;
        private final double[] b2;
        private final double[] y;
        private final boolean[] pinned;
        private final double[] pin;

        Bounded(int p) {
            this.p = p;
            nnls = new Nnls(p);
            g2 = new double[p * p];
            b2 = new double[p];
            y = new double[p];
            pinned = new boolean[p];
            pin = new double[p];
        }

        void solve(double[] g, double[] b, double[] lo, double[] hi, double[] x) {
            double diag = 0;
            boolean plain = true;
            for (int k = 0; k < p; k++) {
                diag = Math.max(diag, g[k * p + k]);
                pinned[k] = lo[k] == hi[k];
                pin[k] = lo[k];
                plain &= lo[k] == 0 && hi[k] == Double.POSITIVE_INFINITY;
            }
            if (plain) {
                for (int k = 0; k < p; k++) {
                    x[k] = Math.max(x[k], 0);
                }
                nnls.solve(g, b, x);
                return;
            }
            diag = diag > 0 ? diag : 1;
            for (int round = 0; round < 2 * p + 2; round++) {
                for (int k = 0; k < p; k++) {
                    if (pinned[k]) {
                        for (int l = 0; l < p; l++) {
                            g2[k * p + l] = 0;
                            g2[l * p + k] = 0;
                        }
                        g2[k * p + k] = diag;
                        b2[k] = 0;
                        y[k] = 0;
                        continue;
                    }
                    double bk = b[k];
                    for (int l = 0; l < p; l++) {
                        bk -= g[k * p + l] * (pinned[l] ? pin[l] : lo[l]);
                        if (!pinned[l]) {
                            g2[k * p + l] = g[k * p + l];
                        }
                    }
                    b2[k] = bk;
                    y[k] = Math.max(0, x[k] - lo[k]);
                }
                nnls.solve(g2, b2, y);
                boolean changed = false;
                for (int k = 0; k < p; k++) {
                    x[k] = pinned[k] ? pin[k] : lo[k] + y[k];
                }
                for (int k = 0; k < p; k++) {
                    if (!pinned[k] && x[k] > hi[k]) {
                        pinned[k] = true;
                        pin[k] = hi[k];
                        x[k] = hi[k];
                        changed = true;
                    }
                }
                if (!changed) {
                    for (int k = 0; k < p; k++) {
                        if (pinned[k] && lo[k] != hi[k]) {
                            double grad = b[k];
                            for (int l = 0; l < p; l++) {
                                grad -= g[k * p + l] * x[l];
                            }
                            if (grad < 0) {
                                pinned[k] = false;
                                changed = true;
                            }
                        }
                    }
                }
                if (!changed) {
                    return;
                }
            }
        }
    }

    /** Copies the lower triangle of the p×p matrix {@code g} onto its upper triangle. */
    static void symmetrise(double[] g, int p) {
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < k; l++) {
                g[l * p + k] = g[k * p + l];
            }
        }
    }
}
