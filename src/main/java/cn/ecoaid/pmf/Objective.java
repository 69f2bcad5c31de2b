package cn.ecoaid.pmf;

/**
 * The PMF objective functions on row-major matrices: {@code V} (n×m), uncertainties {@code U} (n×m), contributions
 * {@code W} (n×p) and profiles {@code H} (p×m).
 */
public final class Objective {
    /** PMF 5.0's outlier threshold for the robust Q: a scaled residual beyond α counts α·|s| instead of s². */
    public static final double ALPHA = 4.0;

    private Objective() {
    }

    /** The fitted matrix W·H (n×m). */
    public static double[] product(double[] w, double[] h, int n, int m, int p) {
        double[] wh = new double[n * m];
        product(w, h, n, m, p, wh);
        return wh;
    }

    /**
     * W·H into {@code out}, row by row, summing over the factors in order. The rows of H and the row being formed live in
     * separate arrays so that the inner loop {@code r[j] += w_ik·h_k[j]} is vectorised by HotSpot C2 (it is not with
     * offsets into one flat array).
     */
    static void product(double[] w, double[] h, int n, int m, int p, double[] out) {
        double[][] hr = new double[p][];
        for (int k = 0; k < p; k++) {
            hr[k] = java.util.Arrays.copyOfRange(h, k * m, (k + 1) * m);
        }
        double[] r = new double[m];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(r, 0.0);
            for (int k = 0; k < p; k++) {
                double wik = w[i * p + k];
                double[] hk = hr[k];
                for (int j = 0; j < m; j++) {
                    r[j] += wik * hk[j];
                }
            }
            System.arraycopy(r, 0, out, i * m, m);
        }
    }

    /** Q(true) = Σ ((x − WH)/u)². */
    public static double qTrue(double[] x, double[] u, double[] wh) {
        double q = 0;
        for (int c = 0; c < x.length; c++) {
            double s = (x[c] - wh[c]) / u[c];
            q += s * s;
        }
        return q;
    }

    /** Q(robust) with threshold α: s² where |s| ≤ α, else α·|s|. */
    public static double qRobust(double[] x, double[] u, double[] wh, double alpha) {
        double q = 0;
        for (int c = 0; c < x.length; c++) {
            double s = Math.abs((x[c] - wh[c]) / u[c]);
            q += s <= alpha ? s * s : alpha * s;
        }
        return q;
    }

    /** Q(expected) = number of strong cells − p·(n + m). */
    public static double qExpected(int strongCells, int n, int m, int p) {
        return strongCells - (double) p * (n + m);
    }

    /**
     * Row copies ({@code aR[i][j]}, {@code bR[i][j]}) and column copies ({@code aT[j][i]}, {@code bT[j][i]}) of two flat
     * n×m matrices — the layouts the optimisers' inner loops read contiguously, so that HotSpot vectorises them.
     */
    static void rowsAndColumns(double[] a, double[] b, int n, int m, double[][] aR, double[][] bR, double[][] aT,
            double[][] bT) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                aR[i][j] = a[i * m + j];
                bR[i][j] = b[i * m + j];
                aT[j][i] = a[i * m + j];
                bT[j][i] = b[i * m + j];
            }
        }
    }
}
