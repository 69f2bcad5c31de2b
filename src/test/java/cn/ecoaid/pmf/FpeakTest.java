package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class FpeakTest {
    static final ConstrainedSolver.Options OPT = ConstrainedSolver.Options.defaults(false);

    @Test
    void zeroStrengthKeepsTheBaseMinimum() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, 7);
        Fpeak.Result r = Fpeak.run(s.in, s.truth, 0, OPT, ProgressListener.NONE);
        assertEquals(0, r.dq(), 1e-9);
        assertEquals(0, r.solution().qTrue(), 1e-9);
        // the same profiles as the base (in concentration units, contributions of mean 1)
        double[] w = s.truth.w().clone();
        double[] h = s.truth.h().clone();
        ConstrainedSolver.normalise(w, h, 40, 8, 3);
        for (int c = 0; c < h.length; c++) {
            assertEquals(h[c], r.solution().h()[c], 1e-6 * (1 + h[c]));
        }
    }

    @Test
    void positiveStrengthSharpensProfilesAndSmearsContributions() {
        // profiles without zeros, contributions with zeros: the rotation is free until profile elements reach 0
        Synthetic s = Synthetic.of(Synthetic.POSITIVE, 40, false, true, 7);
        Fpeak.Result r = Fpeak.run(s.in, s.truth, 0.5, OPT, ProgressListener.NONE);
        assertTrue(r.dq() > 1e-3, "dQ " + r.dq());
        assertEquals(0, zeros(s.truth.h(), 1e-3));
        assertTrue(zeros(r.solution().h(), 1e-3) > 0, "some profile elements went to zero");
        assertTrue(zeros(r.solution().w(), 1e-3) < zeros(s.truth.w(), 1e-3), "contribution zeros filled");
    }

    @Test
    void negativeStrengthSharpensContributionsAndSmearsProfiles() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, false, 7);
        Fpeak.Result r = Fpeak.run(s.in, s.truth, -0.5, OPT, ProgressListener.NONE);
        assertTrue(r.dq() > 1e-3, "dQ " + r.dq());
        assertEquals(0, zeros(s.truth.w(), 1e-3));
        assertTrue(zeros(r.solution().w(), 1e-3) > 0, "some contributions went to zero");
        assertTrue(zeros(r.solution().h(), 1e-3) < zeros(s.truth.h(), 1e-3), "profile zeros filled");
    }

    @Test
    void strongerPullCostsMore() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, 7);
        List<Fpeak.Result> r = Fpeak.run(s.in, s.truth, new double[] {0.5, 1}, OPT, ProgressListener.NONE);
        assertTrue(r.get(1).dq() > r.get(0).dq() && r.get(0).dq() > 0, r.get(0).dq() + " " + r.get(1).dq());
        EcoAidException e = assertThrows(EcoAidException.class,
                () -> Fpeak.run(s.in, s.truth, new double[] {2}, OPT, ProgressListener.NONE));
        assertEquals("pmf.error.fpeak", e.key());
    }

    /** Elements below {@code rel} × the largest element of the matrix. */
    static int zeros(double[] a, double rel) {
        double max = 0;
        for (double x : a) {
            max = Math.max(max, x);
        }
        int z = 0;
        for (double x : a) {
            if (x < rel * max) {
                z++;
            }
        }
        return z;
    }
}
