package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DisplacementTest {
    static Displacement.Settings settings(double... levels) {
        return Displacement.Settings.defaults(false).withThreads(2).withLevels(levels);
    }

    /**
     * One factor, one species: x_i = g_i·f. With f fixed at t and the contributions re-fitted under mean(g) = 1, the
     * least-squares minimum is Q(t) = (n·t − Σx)² / Σu² (Lagrange), so the DISP interval is t0 ± √(dQmax·Σu²)/n with
     * t0 = mean(x).
     */
    @Test
    void oneFactorIntervalsMatchTheClosedForm() {
        int n = 30;
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[n];
        double[] u = new double[n];
        double sx = 0;
        double su2 = 0;
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = 1 + 2 * r.nextDouble();
            u[i] = 0.1 * x[i];
            sx += x[i];
            su2 += u[i] * u[i];
            samples.add("s" + i);
        }
        PreparedInput in = PreparedInput.prepare(new PmfData(samples, List.of("A"), x, u), false, null, null, null);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = x[i] / 2;
        }
        Solution base = new Solution(-1, n, 1, 1, w, new double[] {2}, 0, 0, 0, true, 0);
        Displacement.Result d = Displacement.run(in, base, settings(4, 8, 16, 32), ProgressListener.NONE);
        double t0 = sx / n;
        assertEquals(t0, d.base()[0][0], 1e-12);
        for (int l = 0; l < 4; l++) {
            double half = Math.sqrt(d.levels()[l] * su2) / n;
            assertEquals(t0 + half, d.upper()[l][0][0], 0.01 * half, "upper at dQmax " + d.levels()[l]);
            assertEquals(t0 - half, d.lower()[l][0][0], 0.01 * half, "lower at dQmax " + d.levels()[l]);
        }
        assertEquals(0, d.largestDecrease(), 1e-9);
    }

    @Test
    void separatedFactorsHaveIntervalsAroundTheBaseAndNoSwaps() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, 7);
        Displacement.Result d = Displacement.run(s.in, s.truth, settings(4, 8, 16, 32), ProgressListener.NONE);
        int reached = 0;
        for (int l = 0; l < 4; l++) {
            double level = d.levels()[l];
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 8; j++) {
                    double b = d.base()[k][j];
                    assertTrue(d.lower()[l][k][j] <= b && b <= d.upper()[l][k][j], k + "," + j);
                    assertTrue(d.upper()[l][k][j] > b, "every element can move up");
                    assertEquals(level, d.dqUpper()[l][k][j], 0.011 * level, "dQ at the upper end " + k + "," + j);
                    if (d.lower()[l][k][j] > 0) {
                        assertEquals(level, d.dqLower()[l][k][j], 0.011 * level, "dQ at the lower end");
                        reached++;
                    } else {
                        assertTrue(d.dqLower()[l][k][j] < level, "stopped at zero before dQmax");
                    }
                }
                if (l > 0) {
                    for (int j = 0; j < 8; j++) {
                        assertTrue(d.upper()[l][k][j] > d.upper()[l - 1][k][j], "intervals widen with dQmax");
                    }
                }
            }
        }
        assertTrue(reached >= 4 * 12, "the non-zero elements reach dQmax below the base: " + reached);
        for (int[] level : d.swaps()) {
            assertEquals(0, IntStream.of(level).sum(), "no swaps");
        }
        assertEquals(0, d.largestDecrease(), 1e-6);
        assertFalse(d.baseNotMinimum());
        assertTrue(d.complete());
    }

    @Test
    void anAmbiguousPairSwaps() {
        Synthetic s = Synthetic.of(Synthetic.AMBIGUOUS, 10, true, 7);
        Displacement.Settings set = new Displacement.Settings(new double[] {4, 16}, 0.02, 2,
                ConstrainedSolver.Options.defaults(false).withMaxIter(300));
        Displacement.Result d = Displacement.run(s.in, s.truth, set, ProgressListener.NONE);
        assertEquals(0, d.swaps()[1][0], "factor 1 stays itself");
        assertTrue(d.swaps()[1][1] + d.swaps()[1][2] > 0, "the near-identical factors 2 and 3 swap");
    }

    @Test
    void reportsADecreaseWhenTheBaseIsNotTheMinimum() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, 7);
        double[] h = s.truth.h().clone();
        h[0] *= 1.3;
        Solution off = new Solution(-1, 40, 8, 3, s.truth.w(), h, 0, 0, 0, true, 0);
        Displacement.Result d = Displacement.run(s.in, off, settings(4), ProgressListener.NONE);
        double q = Objective.qTrue(s.in.v(), s.in.u(), Objective.product(s.truth.w(), h, 40, 8, 3));
        assertEquals(q, d.qBase(), 1e-9 * q);
        assertTrue(d.largestDecrease() < -0.1 * q, "found a lower Q: " + d.largestDecrease() + " of " + q);
        assertTrue(d.baseNotMinimum());
        assertFalse(d.complete(), "stops at the first decrease, as PMF 5.0");
        int missing = 0;
        for (double[] row : d.upper()[0]) {
            for (double x : row) {
                missing += Double.isNaN(x) ? 1 : 0;
            }
        }
        assertTrue(missing > 0, "skipped elements have no interval");
        // the refit base is the minimum again: no decrease from there
        Solution refit = ConstrainedSolver.refit(s.in, off, ConstrainedSolver.Options.defaults(false), ProgressListener.NONE);
        assertTrue(refit.qTrue() < 1e-6, "refit Q " + refit.qTrue());
    }

    /**
     * Robust mode with an outlier: the base's robust weights are held, so the objective at the base equals Q(robust)
     * computed independently, nothing below the base is found, and the ends sit at dQmax.
     */
    @Test
    void robustModeMeasuresFromQRobustWithoutReweightingNoise() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, 7);
        s.in.v()[5 * 8 + 2] *= 6;
        ConstrainedSolver.Options robust = ConstrainedSolver.Options.defaults(true);
        Solution base = ConstrainedSolver.refit(s.in, s.truth, robust, ProgressListener.NONE);
        double qRobust = Objective.qRobust(s.in.v(), s.in.u(), Objective.product(base.w(), base.h(), 40, 8, 3), 4);
        assertTrue(qRobust > 4, "the outlier counts: " + qRobust);
        Displacement.Result d = Displacement.run(s.in, base, Displacement.Settings.defaults(true).withThreads(2)
                .withLevels(4), ProgressListener.NONE);
        assertEquals(qRobust, d.qBase(), 1e-9 * qRobust);
        assertTrue(d.largestDecrease() > -1e-3, "decrease " + d.largestDecrease());
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(4, d.dqUpper()[0][k][j], 0.05, k + "," + j);
            }
        }
    }

    @Test
    void rejectsABadDq() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 10, false, 7);
        EcoAidException e = assertThrows(EcoAidException.class,
                () -> Displacement.run(s.in, s.truth, settings(4, -1), ProgressListener.NONE));
        assertEquals("pmf.error.dq", e.key());
    }
}
