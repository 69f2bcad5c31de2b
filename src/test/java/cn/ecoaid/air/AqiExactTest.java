package cn.ecoaid.air;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The IAQI against an independent exact computation: the breakpoints typed here from HJ 633-2012 表1 / HJ 633-2026 表3
 * (not read from the resources), formula (1) in BigDecimal, rounded up; 2026 inputs rounded half-even on the decimal.
 */
class AqiExactTest {
    static final int[] LEVELS = {0, 50, 100, 150, 200, 300, 400, 500};
    static final Map<AqiItem, double[]> V2012 = Map.of(
            AqiItem.SO2_24H, new double[] {0, 50, 150, 475, 800, 1600, 2100, 2620},
            AqiItem.NO2_24H, new double[] {0, 40, 80, 180, 280, 565, 750, 940},
            AqiItem.PM10_24H, new double[] {0, 50, 150, 250, 350, 420, 500, 600},
            AqiItem.PM2_5_24H, new double[] {0, 35, 75, 115, 150, 250, 350, 500},
            AqiItem.CO_24H, new double[] {0, 2, 4, 14, 24, 36, 48, 60},
            AqiItem.O3_1H, new double[] {0, 160, 200, 300, 400, 800, 1000, 1200},
            AqiItem.NO2_1H, new double[] {0, 100, 200, 700, 1200, 2340, 3090, 3840},
            AqiItem.CO_1H, new double[] {0, 5, 10, 35, 60, 90, 120, 150});
    static final Map<AqiItem, double[]> V2026 = Map.of(
            AqiItem.SO2_24H, V2012.get(AqiItem.SO2_24H),
            AqiItem.NO2_24H, V2012.get(AqiItem.NO2_24H),
            AqiItem.PM10_24H, new double[] {0, 50, 120, 250, 350, 420, 500, 600},
            AqiItem.PM2_5_24H, new double[] {0, 35, 60, 115, 150, 250, 350, 500},
            AqiItem.CO_24H, V2012.get(AqiItem.CO_24H),
            AqiItem.O3_1H, V2012.get(AqiItem.O3_1H));

    static int exact(double[] bp, BigDecimal c) {
        for (int r = 0; r + 1 < bp.length; r++) {
            BigDecimal lo = BigDecimal.valueOf(bp[r]);
            BigDecimal hi = BigDecimal.valueOf(bp[r + 1]);
            if (c.compareTo(hi) <= 0) {
                BigDecimal x = BigDecimal.valueOf(LEVELS[r + 1] - LEVELS[r]).multiply(c.subtract(lo))
                        .divide(hi.subtract(lo), 30, RoundingMode.HALF_EVEN).add(BigDecimal.valueOf(LEVELS[r]));
                return x.setScale(0, RoundingMode.CEILING).intValueExact();
            }
        }
        return 500;
    }

    static void check(AqiStandard std, Map<AqiItem, double[]> table, boolean round) {
        SplittableRandom rnd = new SplittableRandom(20260301);
        for (Map.Entry<AqiItem, double[]> e : table.entrySet()) {
            AqiItem item = e.getKey();
            double top = e.getValue()[7];
            for (int i = 0; i < 3000; i++) {
                // concentrations as written in data: integers, one or two decimals
                int decimals = i % 3;
                BigDecimal c = BigDecimal.valueOf(rnd.nextDouble() * top * 1.05).setScale(decimals, RoundingMode.DOWN);
                BigDecimal used = round ? c.setScale(item.pollutant().decimals(), RoundingMode.HALF_EVEN) : c;
                assertEquals(exact(e.getValue(), used), Aqi.iaqi(std, item, c.doubleValue()),
                        std.number() + " " + item + " " + c.toPlainString());
            }
        }
    }

    @Test
    void hj633of2012MatchesExactArithmetic() {
        check(AqiStandard.hj633of2012(), V2012, false);
    }

    @Test
    void hj633of2026MatchesExactArithmeticWithRoundedInputs() {
        check(AqiStandard.hj633of2026(), V2026, true);
    }
}
