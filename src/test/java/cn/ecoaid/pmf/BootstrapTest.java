package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    @Test
    void mapsTheStableBaseFactorsOfEsatsBestModelToThemselves() {
        PmfResults base = PmfResultsTest.esatBest();
        PreparedInput in = PreparedInput.prepare(PmfInputTest.batonRouge(), false, null, null, null);
        int runs = 4;
        Bootstrap.Settings s = new Bootstrap.Settings(runs, 0, 9, 0.6, AlsNmf.Options.defaults().withMaxIter(40), 2);
        Bootstrap.Result r = Bootstrap.run(in, base.solution(), s, ProgressListener.NONE);
        assertEquals(7, r.blockSize(), "round(cbrt(307))");
        int total = 0;
        int diagonal = 0;
        for (int k = 0; k < 6; k++) {
            for (int f = 0; f < 6; f++) {
                total += r.mapping()[k][f];
                if (k == f) {
                    diagonal += r.mapping()[k][f];
                }
            }
        }
        for (int f = 0; f < 6; f++) {
            total += r.unmapped()[f];
        }
        assertEquals(runs * 6, total, "every bootstrap factor is mapped once or counted unmapped");
        assertTrue(diagonal >= 0.8 * runs * 6, "diagonal " + diagonal);
        // the bootstrap percentiles bracket the base profile of a well-determined species
        int tol = base.species().indexOf("Toluene");
        int k = 0;
        for (int f = 1; f < 6; f++) {
            if (base.profile(f, tol) > base.profile(k, tol)) {
                k = f;
            }
        }
        assertTrue(r.percentile(k, tol, 0) <= r.percentile(k, tol, 50));
        assertTrue(r.percentile(k, tol, 50) <= r.percentile(k, tol, 100));
        assertEquals(base.profile(k, tol), r.percentile(k, tol, 50), 0.5 * base.profile(k, tol));
    }

    @Test
    void percentilesInterpolateLinearly() {
        Bootstrap.Result r = new Bootstrap.Result(1, new int[1][1], new int[1],
                List.of(List.of(new double[] {4}, new double[] {1}, new double[] {3}, new double[] {2})));
        assertEquals(1, r.percentile(0, 0, 0), 0);
        assertEquals(2.5, r.percentile(0, 0, 50), 1e-12);
        assertEquals(1.3, r.percentile(0, 0, 10), 1e-12);
        assertEquals(4, r.percentile(0, 0, 100), 0);
    }
}
