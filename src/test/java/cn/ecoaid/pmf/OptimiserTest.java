package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.CancelledException;
import cn.ecoaid.domain.ProgressListener;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OptimiserTest {
    /** Exact non-negative NNLS solution checked against the KKT conditions on random problems. */
    @Test
    void nnlsSatisfiesKktConditions() {
        SplittableRandom r = new SplittableRandom(7);
        int p = 6;
        Nnls nnls = new Nnls(p);
        for (int t = 0; t < 200; t++) {
            double[] a = new double[20 * p];
            for (int c = 0; c < a.length; c++) {
                a[c] = r.nextDouble() - 0.3;
            }
            double[] y = new double[20];
            for (int c = 0; c < 20; c++) {
                y[c] = r.nextDouble() * 2 - 1;
            }
            double[] g = new double[p * p];
            double[] b = new double[p];
            for (int i = 0; i < 20; i++) {
                for (int k = 0; k < p; k++) {
                    b[k] += a[i * p + k] * y[i];
                    for (int l = 0; l < p; l++) {
                        g[k * p + l] += a[i * p + k] * a[i * p + l];
                    }
                }
            }
            double[] x = new double[p];
            if (t % 2 == 1) {
                for (int k = 0; k < p; k++) {
                    x[k] = r.nextDouble();
                }
            }
            nnls.solve(g, b, x);
            for (int k = 0; k < p; k++) {
                double grad = b[k];
                for (int l = 0; l < p; l++) {
                    grad -= g[k * p + l] * x[l];
                }
                assertTrue(x[k] >= 0);
                if (x[k] > 0) {
                    assertEquals(0, grad, 1e-9, "stationary on the passive set");
                } else {
                    assertTrue(grad <= 1e-9, "no descent direction into the feasible set");
                }
            }
        }
    }

    /** On an exactly factorisable matrix the optimisers recover it (Q → 0). */
    @Test
    void alsRecoversAnExactFactorisation() {
        int n = 60;
        int m = 12;
        int p = 3;
        SplittableRandom r = new SplittableRandom(3);
        double[] w = new double[n * p];
        double[] h = new double[p * m];
        for (int c = 0; c < w.length; c++) {
            w[c] = r.nextDouble();
        }
        for (int c = 0; c < h.length; c++) {
            h[c] = r.nextDouble() < 0.3 ? 0 : r.nextDouble();
        }
        double[] v = Objective.product(w, h, n, m, p);
        double[] u = new double[n * m];
        java.util.Arrays.fill(u, 0.1);
        double[][] init = PmfRunner.initial(v, n, m, p, 11);
        Solution s = AlsNmf.run(v, u, n, m, p, init[0], init[1], 11, AlsNmf.Options.defaults().withDelta(1e-12, 10),
                ProgressListener.NONE);
        assertTrue(s.qTrue() < 1e-6, "Q " + s.qTrue());
    }

    /**
     * ESAT's best Baton Rouge model (6 factors, model 15, Q(true) 64,122.3336) stopped on its δ test, not at a minimum:
     * alternating NNLS started from ESAT's final W and H lowers Q(true) further and converges.
     */
    @Test
    void alsLowersQBelowEsatsBestModel() {
        double[] v = Fixtures.float32("trace/V_float32.csv", 307, 41);
        double[] u = Fixtures.float32("trace/U_float32.csv", 307, 41);
        double[] w = PmfFiles.flatten(PmfFiles.readMatrix(Fixtures.file("esat-f6/model15-contribution_W.csv")), 307, 6, "W");
        double[] h = PmfFiles.flatten(PmfFiles.readMatrix(Fixtures.file("esat-f6/model15-profile_H.csv")), 6, 41, "H");
        double start = Objective.qTrue(v, u, Objective.product(w, h, 307, 41, 6));
        assertEquals(64122.3336, start, 0.01);
        Solution s = AlsNmf.run(v, u, 307, 41, 6, w, h, 71747, AlsNmf.Options.defaults(), ProgressListener.NONE);
        assertTrue(s.converged());
        assertTrue(s.qTrue() < start - 1, "Q " + s.qTrue());
    }

    @Test
    void batchesAreReproducibleFromTheSeedAndReportProgress() {
        PreparedInput in = PreparedInput.prepare(PmfInputTest.batonRouge(), false, null, null, null);
        PmfRunner.Settings s = PmfRunner.Settings.of(4, 3, 42, Method.ALS, true)
                .withAls(AlsNmf.Options.defaults().withRobust(true).withMaxIter(40));
        AtomicInteger calls = new AtomicInteger();
        ProgressListener counting = new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                calls.incrementAndGet();
                assertEquals(3, total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        PmfRunner.Batch a = PmfRunner.run(in, s, counting);
        PmfRunner.Batch b = PmfRunner.run(in, s.withThreads(1), ProgressListener.NONE);
        assertEquals(3, calls.get());
        assertArrayEquals(PmfRunner.seeds(42, 3), a.models().stream().mapToLong(Solution::seed).toArray());
        for (int k = 0; k < 3; k++) {
            assertEquals(a.models().get(k).qTrue(), b.models().get(k).qTrue(), 0);
        }
        List<Solution> ms = a.models();
        double min = ms.stream().mapToDouble(Solution::qRobust).min().orElseThrow();
        assertEquals(min, a.bestModel().qRobust(), 0);
        // one model alone from its seed gives the same answer
        double[][] init = PmfRunner.initial(in.v(), in.rows(), in.cols(), 4, ms.get(1).seed());
        Solution one = PmfRunner.runOne(in, s, init[0], init[1], ms.get(1).seed(), ProgressListener.NONE);
        assertEquals(ms.get(1).qTrue(), one.qTrue(), 0);
    }

    @Test
    void cancelStopsTheBatch() {
        PreparedInput in = PreparedInput.prepare(PmfInputTest.batonRouge(), false, null, null, null);
        PmfRunner.Settings s = PmfRunner.Settings.of(6, 4, 1, Method.LS_NMF, false);
        ProgressListener cancelled = new ProgressListener() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> PmfRunner.run(in, s, cancelled));
    }

    @Test
    void robustQCountsOutliersLinearly() {
        double[] x = {10, 1};
        double[] u = {1, 1};
        double[] wh = {0, 0};
        // |s| = 10 > 4: 4*10; |s| = 1: 1
        assertEquals(41, Objective.qRobust(x, u, wh, 4), 1e-12);
        assertEquals(101, Objective.qTrue(x, u, wh), 1e-12);
        assertEquals(12587 - 6 * 348, Objective.qExpected(12587, 307, 41, 6), 0);
    }
}
