package cn.ecoaid.pmf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small datasets with a known exact factorisation V = G·F (no noise), so that the true G and F are the global minimum
 * (Q = 0) and every dQ is measured from a known base.
 */
final class Synthetic {
    /** Three well-separated profiles: each has species the others lack (edges in F). */
    static final double[][] SEPARATED = {
        {5, 3, 0, 0, 1, 0, 2, 0},
        {0, 1, 4, 2, 0, 0, 1, 3},
        {1, 0, 0, 3, 2, 4, 0, 0}};

    /** Factors 2 and 3 nearly alike (profiles and contributions): a rotationally ambiguous pair. */
    static final double[][] AMBIGUOUS = {
        {5, 3, 0, 0, 1, 0, 2, 0},
        {1, 1, 4, 2, 1, 1, 1, 3},
        {1, 1, 3.6, 2.2, 1, 1.1, 1, 2.8}};

    /** {@link #SEPARATED} + 0.5 everywhere: no zeros in F. */
    static final double[][] POSITIVE = {
        {5.5, 3.5, 0.5, 0.5, 1.5, 0.5, 2.5, 0.5},
        {0.5, 1.5, 4.5, 2.5, 0.5, 0.5, 1.5, 3.5},
        {1.5, 0.5, 0.5, 3.5, 2.5, 4.5, 0.5, 0.5}};

    final PreparedInput in;
    final Solution truth;

    private Synthetic(PreparedInput in, Solution truth) {
        this.in = in;
        this.truth = truth;
    }

    /** n samples of profiles f; contributions lognormal-like, factor k absent in every 5th sample (offset k). */
    static Synthetic of(double[][] f, int n, boolean ambiguousContributions, long seed) {
        return of(f, n, ambiguousContributions, true, seed);
    }

    /** As {@link #of(double[][], int, boolean, long)}; {@code zeros} false: every contribution is positive. */
    static Synthetic of(double[][] f, int n, boolean ambiguousContributions, boolean zeros, long seed) {
        int p = f.length;
        int m = f[0].length;
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                w[i * p + k] = zeros && (i + k) % 5 == 0 && !(ambiguousContributions && k > 0) ? 0 : Math.exp(0.6 * gauss(r));
            }
            if (ambiguousContributions) {
                w[i * p + 2] = w[i * p + 1] * (0.9 + 0.2 * r.nextDouble());
            }
        }
        double[] h = new double[p * m];
        for (int k = 0; k < p; k++) {
            System.arraycopy(f[k], 0, h, k * m, m);
        }
        double[] x = Objective.product(w, h, n, m, p);
        double[] u = new double[n * m];
        for (int c = 0; c < x.length; c++) {
            u[c] = 0.1 * x[c] + 0.05;
        }
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add("s" + (i + 1));
        }
        List<String> species = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            species.add("X" + (j + 1));
        }
        PreparedInput in = PreparedInput.prepare(new PmfData(samples, species, x, u), false, null, null, null);
        Solution truth = new Solution(-1, n, m, p, w, h, 0, 0, 0, true, 0);
        return new Synthetic(in, truth);
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
