package cn.ecoaid.pmf;

/**
 * Non-negative least squares on the normal equations, min ½xᵀGx − bᵀx subject to x ≥ 0, by the Lawson–Hanson active
 * set method (G symmetric positive semi-definite, small: p ≤ ~20). Warm-started from the passive set of {@code x}.
 */
final class Nnls {
    private final int p;
    private final boolean[] passive;
    private final double[] z;
    private final double[] grad;
    private final double[] chol;
    private final int[] idx;

    Nnls(int p) {
        this.p = p;
        passive = new boolean[p];
        z = new double[p];
        grad = new double[p];
        chol = new double[p * p];
        idx = new int[p];
    }

    /** Solves in place: {@code x} holds the starting point and receives the solution. */
    void solve(double[] g, double[] b, double[] x) {
        double scale = 0;
        for (int k = 0; k < p; k++) {
            scale = Math.max(scale, g[k * p + k]);
        }
        double tol = 1e-13 * Math.max(scale, 1e-300);
        for (int k = 0; k < p; k++) {
            passive[k] = x[k] > 0;
            if (!passive[k]) {
                x[k] = 0;
            }
        }
        // make the warm start feasible for the passive set
        feasible(g, b, x);
        for (int outer = 0; outer < 3 * p + 10; outer++) {
            int best = -1;
            double bestGrad = 0;
            for (int k = 0; k < p; k++) {
                double s = b[k];
                for (int l = 0; l < p; l++) {
                    s -= g[k * p + l] * x[l];
                }
                grad[k] = s;
                if (!passive[k] && s > bestGrad * (1 + 1e-12) && s > tol * (1 + Math.abs(b[k]))) {
                    bestGrad = s;
                    best = k;
                }
            }
            if (best < 0) {
                return;
            }
            passive[best] = true;
            feasible(g, b, x);
        }
    }

    /** Solves the unconstrained problem on the passive set and steps back until feasible (the inner loop). */
    private void feasible(double[] g, double[] b, double[] x) {
        for (int guard = 0; guard < p + 2; guard++) {
            int q = 0;
            for (int k = 0; k < p; k++) {
                if (passive[k]) {
                    idx[q++] = k;
                }
            }
            if (q == 0) {
                return;
            }
            if (!solvePassive(g, b, q)) {
                // singular: drop the last added variable
                passive[idx[q - 1]] = false;
                x[idx[q - 1]] = 0;
                continue;
            }
            boolean ok = true;
            for (int a = 0; a < q; a++) {
                if (z[idx[a]] <= 0) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                for (int a = 0; a < q; a++) {
                    x[idx[a]] = z[idx[a]];
                }
                return;
            }
            double alpha = 1;
            int blocking = -1;
            for (int a = 0; a < q; a++) {
                int k = idx[a];
                if (z[k] <= 0) {
                    double d = x[k] - z[k];
                    double t = d > 0 ? x[k] / d : 0;
                    if (t < alpha || blocking < 0) {
                        alpha = Math.min(alpha, t);
                        blocking = k;
                    }
                }
            }
            for (int a = 0; a < q; a++) {
                int k = idx[a];
                x[k] = x[k] + alpha * (z[k] - x[k]);
            }
            x[blocking] = 0;
            // variables that reached zero leave the passive set
            for (int a = 0; a < q; a++) {
                int k = idx[a];
                if (x[k] <= 0) {
                    x[k] = 0;
                    passive[k] = false;
                }
            }
        }
    }

    /** Cholesky solve of G[P,P] z = b[P]; false when not positive definite. */
    private boolean solvePassive(double[] g, double[] b, int q) {
        for (int r = 0; r < q; r++) {
            for (int c = 0; c <= r; c++) {
                double s = g[idx[r] * p + idx[c]];
                for (int k = 0; k < c; k++) {
                    s -= chol[r * p + k] * chol[c * p + k];
                }
                if (r == c) {
                    if (s <= 1e-14 * Math.abs(g[idx[r] * p + idx[r]]) || s <= 0) {
                        return false;
                    }
                    chol[r * p + r] = Math.sqrt(s);
                } else {
                    chol[r * p + c] = s / chol[c * p + c];
                }
            }
        }
        double[] y = grad;
        for (int r = 0; r < q; r++) {
            double s = b[idx[r]];
            for (int k = 0; k < r; k++) {
                s -= chol[r * p + k] * y[k];
            }
            y[r] = s / chol[r * p + r];
        }
        for (int r = q - 1; r >= 0; r--) {
            double s = y[r];
            for (int k = r + 1; k < q; k++) {
                s -= chol[k * p + r] * z[idx[k]];
            }
            z[idx[r]] = s / chol[r * p + r];
        }
        return true;
    }
}
