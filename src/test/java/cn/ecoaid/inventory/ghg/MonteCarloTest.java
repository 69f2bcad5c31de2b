package cn.ecoaid.inventory.ghg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.domain.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonteCarloTest {
    static final double Z = 1.959963984540054;

    /**
     * A sum of independent normals is normal: μ = 100 + 200 + 300 = 600, σ_i = μ_i U_i / 1.96 → σ² = Σσ_i², and the 95 %
     * interval is μ ± 1.96 σ, which equals approach 1: √(1000² + 4000² + 9000²) = 9 899.49 → ±98.99.
     */
    @Test
    void convergesOnASumOfNormals() {
        List<Uncertainty.Input> in = List.of(new Uncertainty.Input("a", 100, 10, 0), new Uncertainty.Input("b", 200, 20, 0),
                new Uncertainty.Input("c", 300, 30, 0));
        double sigma = Math.sqrt(Math.pow(100 * 0.1 / Z, 2) + Math.pow(200 * 0.2 / Z, 2) + Math.pow(300 * 0.3 / Z, 2));
        Uncertainty.MonteCarlo mc = Uncertainty.monteCarlo(in, 200_000, 42, Uncertainty.Distribution.NORMAL, ProgressListener.NONE);
        assertEquals(600, mc.mean(), 3 * sigma / Math.sqrt(200_000));
        assertEquals(sigma, mc.sd(), sigma * 0.01);
        assertEquals(600 - Z * sigma, mc.p025(), sigma * 0.02);
        assertEquals(600 + Z * sigma, mc.p975(), sigma * 0.02);
        double a1 = Uncertainty.approach1(in).uncertaintyPct();
        assertEquals(a1, mc.halfWidthPct(), a1 * 0.01);
    }

    /**
     * Product of independent normals A·EF (μ 1 000, U 20 % and 30 %): Var = μ²(s_a² + s_f² + s_a² s_f²) with s = U/1.96,
     * sd = 1 000 × √(0.010412 + 0.023428 + 0.000244) = 184.62.
     */
    @Test
    void convergesOnTheVarianceOfAProduct() {
        double sa = 0.2 / Z;
        double sf = 0.3 / Z;
        double sd = 1000 * Math.sqrt(sa * sa + sf * sf + sa * sa * sf * sf);
        Uncertainty.MonteCarlo mc = Uncertainty.monteCarlo(List.of(new Uncertainty.Input("x", 1000, 20, 30)), 200_000, 7,
                Uncertainty.Distribution.NORMAL, ProgressListener.NONE);
        assertEquals(1000, mc.mean(), 3 * sd / Math.sqrt(200_000));
        assertEquals(sd, mc.sd(), sd * 0.01);
    }

    /** Lognormal draws keep the mean and the relative standard deviation U/1.96 of the activity. */
    @Test
    void lognormalKeepsMeanAndSpread() {
        double s = 0.5 / Z;
        Uncertainty.MonteCarlo mc = Uncertainty.monteCarlo(List.of(new Uncertainty.Input("x", 1000, 50, 0)), 200_000, 3,
                Uncertainty.Distribution.LOGNORMAL, ProgressListener.NONE);
        assertEquals(1000, mc.mean(), 3 * 1000 * s / Math.sqrt(200_000));
        assertEquals(1000 * s, mc.sd(), 1000 * s * 0.02);
        // lognormal median = mean / √(1 + s²)
        assertEquals(1000 / Math.sqrt(1 + s * s), mc.median(), 1000 * s * 0.02);
    }

    @Test
    void sameSeedSameResult() {
        List<Uncertainty.Input> in = List.of(new Uncertainty.Input("a", 100, 10, 5));
        Uncertainty.MonteCarlo a = Uncertainty.monteCarlo(in, 1000, 99, Uncertainty.Distribution.NORMAL, ProgressListener.NONE);
        Uncertainty.MonteCarlo b = Uncertainty.monteCarlo(in, 1000, 99, Uncertainty.Distribution.NORMAL, ProgressListener.NONE);
        assertEquals(a, b);
    }
}
