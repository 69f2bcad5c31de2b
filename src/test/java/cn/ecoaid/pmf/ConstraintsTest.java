package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.io.TableFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
    static final ConstrainedSolver.Options OPT = ConstrainedSolver.Options.defaults(false);

    static List<Constraints.Constraint> parse(Synthetic s, String csv) {
        return Constraints.read(TableFiles.fromCsv(csv), s.in, 3, "c.csv");
    }

    @Test
    void setToZeroIsExactAndCostsQ() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, 7);
        // X1 is the largest element of factor 1: forcing it to zero must cost fit
        Constraints.Result r = Constraints.run(s.in, s.truth,
                parse(s, "kind,target,factor,species_or_sample,value,dq_percent\nzero,profile,1,X1,,\n"), OPT,
                ProgressListener.NONE);
        assertEquals(0.0, r.solution().h()[0], 0.0, "exactly zero");
        assertTrue(r.dq() > 1, "dQ " + r.dq());
        assertTrue(Double.isNaN(r.budget()));
        assertTrue(r.budgetMet());
        // Q(true) recomputed independently from the returned matrices
        double q = Objective.qTrue(s.in.v(), s.in.u(), Objective.product(r.solution().w(), r.solution().h(), 40, 8, 3));
        assertEquals(q, r.solution().qTrue(), 1e-9 * q);
        assertEquals(q, r.q(), 1e-9 * q);
    }

    @Test
    void setValueAndBoundsHoldInConcentrationUnits() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, 7);
        double[] w = s.truth.w().clone();
        double[] h = s.truth.h().clone();
        ConstrainedSolver.normalise(w, h, 40, 8, 3);
        double x2 = h[1];
        Constraints.Result r = Constraints.run(s.in, s.truth, parse(s,
                "kind,target,factor,species_or_sample,value,dq_percent\nvalue,profile,1,X2," + (x2 * 1.2)
                        + ",\nat_most,profile,2,X3," + (0.9 * h[8 + 2]) + ",\nat_least,contribution,3,s2,1.5,\n"),
                OPT, ProgressListener.NONE);
        double[] rw = r.solution().w();
        double[] rh = r.solution().h();
        assertEquals(1.2 * x2, rh[1], 1e-12 * x2);
        assertTrue(rh[8 + 2] <= 0.9 * h[8 + 2] * (1 + 1e-12));
        assertTrue(rw[1 * 3 + 2] >= 1.5 * (1 - 1e-12));
        for (int k = 0; k < 3; k++) {
            double mean = 0;
            for (int i = 0; i < 40; i++) {
                mean += rw[i * 3 + k] / 40;
            }
            assertEquals(1, mean, 1e-8, "contributions of constrained factors keep mean 1");
        }
        assertTrue(r.dq() > 0);
    }

    @Test
    void pullUpUsesTheBudgetAndNoMore() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, 7);
        // base Q is 0 for exact data: use a noisy copy so that a percentage of Q is a real budget
        Solution base = noisyBase(s);
        double[] w = base.w().clone();
        double[] h = base.h().clone();
        ConstrainedSolver.normalise(w, h, 40, 8, 3);
        Constraints.Result r = Constraints.run(s.in, base,
                parse(s, "kind,target,factor,species_or_sample,value,dq_percent\npull_up,profile,2,X1,,5\n"), OPT,
                ProgressListener.NONE);
        assertEquals(0.05 * r.qBase(), r.budget(), 1e-9 * r.qBase());
        assertTrue(r.budgetMet());
        assertTrue(r.dq() <= r.budget() * (1 + 1e-9), r.dq() + " > " + r.budget());
        assertTrue(r.dq() >= 0.9 * r.budget(), "the pull uses most of the budget: " + r.dq() + " of " + r.budget());
        assertTrue(r.solution().h()[8] > h[8], "X1 of factor 2 went up");
    }

    @Test
    void anImpossibleBudgetIsReported() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 40, false, 7);
        Solution base = noisyBase(s);
        Constraints.Result r = Constraints.run(s.in, base, parse(s,
                "kind,target,factor,species_or_sample,value,dq_percent\nzero,profile,1,X1,,\npull_down,profile,2,X3,,0.1\n"),
                OPT, ProgressListener.NONE);
        assertFalse(r.budgetMet());
        assertTrue(r.dq() > r.budget());
    }

    @Test
    void badRowsAreTypedErrors() {
        Synthetic s = Synthetic.of(Synthetic.SEPARATED, 10, false, 7);
        String head = "kind,target,factor,species_or_sample,value,dq_percent\n";
        assertEquals("pmf.error.constraintFactor",
                assertThrows(EcoAidException.class, () -> parse(s, head + "zero,profile,4,X1,,\n")).key());
        assertEquals("pmf.error.constraintSpecies",
                assertThrows(EcoAidException.class, () -> parse(s, head + "zero,profile,Factor1,Y9,,\n")).key());
        assertEquals("pmf.error.constraintSample",
                assertThrows(EcoAidException.class, () -> parse(s, head + "zero,contribution,1,nope,,\n")).key());
        assertEquals("pmf.error.constraintDq",
                assertThrows(EcoAidException.class, () -> parse(s, head + "pull_up,profile,1,X1,,-3\n")).key());
        assertEquals("pmf.error.constraintKind",
                assertThrows(EcoAidException.class, () -> parse(s, head + "twist,profile,1,X1,,\n")).key());
        assertEquals("pmf.error.constraintValue",
                assertThrows(EcoAidException.class, () -> parse(s, head + "value,profile,1,X1,abc,\n")).key());
        assertEquals(2, parse(s, head + "zero,profile,Factor1,x2,,\npull-down,contribution,2,s3,,1\n").size());
    }

    /** Adds noise of one uncertainty to {@code s.in}'s matrix (in place) and re-fits from the truth, so Q(base) is well above 0. */
    static Solution noisyBase(Synthetic s) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        double[] v = s.in.v();
        for (int c = 0; c < v.length; c++) {
            v[c] = Math.max(0, v[c] + s.in.u()[c] * Synthetic.gauss(r));
        }
        ConstrainedSolver.Result fit = ConstrainedSolver.solve(v, s.in.u(), new ConstrainedSolver.Spec(40, 8, 3),
                s.truth.w(), s.truth.h(), OPT, ProgressListener.NONE);
        return new Solution(-1, 40, 8, 3, fit.w(), fit.h(), fit.qTrue(), fit.qRobust(), fit.iterations(), true, 0);
    }
}
