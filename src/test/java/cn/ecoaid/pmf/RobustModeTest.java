package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ProgressListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Robust mode against ESAT's former robust loop on Baton Rouge (6 factors; reference in esat-f6-robust/). */
class RobustModeTest {
    static final double ESAT_BEST_Q_ROBUST = 53856.6328125;

    @Test
    void robustLsNmfFollowsEsatsRobustLoopOnItsBestModel() {
        double[] v = Fixtures.float32("trace/V_float32.csv", 307, 41);
        double[] u = Fixtures.float32("trace/U_float32.csv", 307, 41);
        Path[] init = Fixtures.init(4);
        double[] w0 = Fixtures.float32(Fixtures.dir().relativize(init[0]).toString(), 307, 6);
        double[] h0 = Fixtures.float32(Fixtures.dir().relativize(init[1]).toString(), 6, 41);
        Solution s = LsNmf.run(v, u, 307, 41, 6, w0, h0, 43887, LsNmf.Options.esat().withRobust(true),
                ProgressListener.NONE, null);
        // ESAT ran this in float32 (Q(robust) 53,856.63 after 1,220 iterations); double precision agrees to ~5e-6
        assertEquals(ESAT_BEST_Q_ROBUST, s.qRobust(), ESAT_BEST_Q_ROBUST * 2e-5);
        assertEquals(1220, s.iterations(), 12);
    }

    @Test
    void robustAlsGoesBelowEsatsBestRobustQ() {
        double[] v = Fixtures.float32("trace/V_float32.csv", 307, 41);
        double[] u = Fixtures.float32("trace/U_float32.csv", 307, 41);
        Path[] init = Fixtures.init(4);
        double[] w0 = Fixtures.float32(Fixtures.dir().relativize(init[0]).toString(), 307, 6);
        double[] h0 = Fixtures.float32(Fixtures.dir().relativize(init[1]).toString(), 6, 41);
        Solution s = AlsNmf.run(v, u, 307, 41, 6, w0, h0, 43887, AlsNmf.Options.defaults().withRobust(true),
                ProgressListener.NONE);
        assertTrue(s.converged());
        assertTrue(s.qRobust() < ESAT_BEST_Q_ROBUST, "Q(robust) " + s.qRobust());
        // the robust fit trades Q(true) for Q(robust): Q(true) is above the least-squares optimum from the same start
        Solution ls = AlsNmf.run(v, u, 307, 41, 6, w0, h0, 43887, AlsNmf.Options.defaults(), ProgressListener.NONE);
        assertTrue(ls.qTrue() < s.qTrue());
        assertTrue(ls.qRobust() > s.qRobust());
    }
}
