package cn.ecoaid.inventory.ghg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.inventory.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GhgTest {
    static GhgRecord rec(String id, String cat, String gas, double a, String au, double f, String fu) {
        return new GhgRecord(id, cat, gas, a, Units.unit(au, id), f, Units.factorUnit(fu, id), 0, 0);
    }

    /**
     * 1 t CH4 + 1 t N2O + 0.01 t SF6 + 1 t HFC-134a in CO2e: GWP100 values of each set (IPCC; openclimatedata table):
     * SAR 21 + 310 + 239 + 1300 = 1870; TAR 23 + 296 + 222 + 1300 = 1841; AR4 25 + 298 + 228 + 1430 = 1981;
     * AR5 28 + 265 + 235 + 1300 = 1828; AR6 27.9 + 273 + 252 + 1530 = 2082.9.
     */
    @ParameterizedTest(name = "{0}: {1} t CO2e")
    @CsvSource({"SAR, 1870", "TAR, 1841", "AR4, 1981", "AR5, 1828", "AR6, 2082.9"})
    void convertsToCo2eWithEachGwpSet(String set, double expected) {
        List<GhgRecord> r = List.of(
                rec("1", "4.A", "CH4", 1, "t", 1, "t/t"),
                rec("2", "3.D", "N2O", 1, "t", 1, "t/t"),
                rec("3", "2.F", "SF6", 10, "kg", 1, "kg/kg"),
                rec("4", "2.F", "HFC-134a", 1, "t", 1000, "kg/t"));
        assertEquals(expected, GhgInventory.totalCo2e(GhgInventory.compute(r, GwpSet.parse(set), GwpTable.shipped())), 1e-9);
    }

    @Test
    void co2IsOneAndUnknownGasesAreErrors() {
        assertEquals(1.0, GwpTable.shipped().gwp("CO2", GwpSet.SAR));
        assertThrows(EcoAidException.class, () -> GwpTable.shipped().gwp("XYZ", GwpSet.AR5));
        EcoAidException e = assertThrows(EcoAidException.class, () -> GwpTable.shipped().gwp("NF3", GwpSet.SAR));
        assertEquals("ghg.error.noGwp", e.key());
    }

    @Test
    void tier1StationaryCombustion() {
        // 1 000 TJ coal: CO2 94 600 kg/TJ → 94 600 t; CH4 1 kg/TJ → 1 t × 28; N2O 1.5 kg/TJ → 1.5 t × 265 = 397.5 (AR5)
        List<GhgRecord> r = List.of(
                rec("c1", "1.A.1", "CO2", 1000, "TJ", 94600, "kg/TJ"),
                rec("c2", "1.A.1", "CH4", 1000, "TJ", 1, "kg/TJ"),
                rec("c3", "1.A.1", "N2O", 1000, "TJ", 1.5, "kg/TJ"));
        assertEquals(94600 + 28 + 397.5, GhgInventory.totalCo2e(GhgInventory.compute(r, GwpSet.AR5, GwpTable.shipped())), 1e-9);
    }

    @ParameterizedTest(name = "{0}: {1} t CO2 per unit")
    @CsvSource({
        // NCV × CC/1000 × OF × 44/12
        "烟煤, 1.7417495700",     // 19.570 × 0.0261 = 0.510777; × 0.93 = 0.47502261; × 44/12 = 1.74174957
        "天然气, 21.62188809",   // 389.31 × 0.0153 = 5.956443; × 0.99 = 5.89687857; × 44/12 = 21.62188809 (per 10⁴ Nm³)
        "柴油, 3.0959096373"})   // 42.652 × 0.0202 = 0.8615704; × 0.98 = 0.844338992; × 44/12 = 3.0959096373
    void fuelCo2FactorsFromTableC1(String fuel, double expected) {
        assertEquals(expected, FuelCo2.shipped().fuel(fuel).tCo2PerUnit(), 1e-9);
    }

    /** Level: 600/250/100/40/10 of 1 000 → shares 0.60, 0.25, 0.10, 0.04, 0.01; cumulative 0.60, 0.85, 0.95 → A, B, C key. */
    @Test
    void levelAssessmentByHand() {
        Map<String, Double> e = new LinkedHashMap<>();
        e.put("D", 40.0);
        e.put("A", 600.0);
        e.put("E", 10.0);
        e.put("B", 250.0);
        e.put("C", 100.0);
        List<KeyCategories.Row> rows = KeyCategories.level(e);
        assertEquals(List.of("A", "B", "C", "D", "E"), rows.stream().map(KeyCategories.Row::key).toList());
        assertEquals(List.of(true, true, true, false, false), rows.stream().map(KeyCategories.Row::isKey).toList());
        assertEquals(0.95, rows.get(2).cumulative(), 1e-12);
        assertEquals(0.04, rows.get(3).share(), 1e-12);
    }

    /**
     * Trend: base A 500, B 300, C 100, D 100 (Σ 1 000); year t A 600, B 250, C 100, D 40, E 110 (Σ 1 100), total trend 0.1.
     * T_A = 0.5 × |0.2 − 0.1| = 0.05; T_B = 0.3 × |−1/6 − 0.1| = 0.08; T_C = 0.1 × |0 − 0.1| = 0.01;
     * T_D = 0.1 × |−0.6 − 0.1| = 0.07; T_E (no base) = 110/1 000 = 0.11; ΣT = 0.32.
     * Shares: E 0.34375, B 0.25, D 0.21875, A 0.15625, C 0.03125; cumulative before A is 0.8125 → E, B, D, A key.
     */
    @Test
    void trendAssessmentByHand() {
        Map<String, Double> base = Map.of("A", 500.0, "B", 300.0, "C", 100.0, "D", 100.0);
        Map<String, Double> cur = Map.of("A", 600.0, "B", 250.0, "C", 100.0, "D", 40.0, "E", 110.0);
        List<KeyCategories.Row> rows = KeyCategories.trend(base, cur);
        assertEquals(List.of("E", "B", "D", "A", "C"), rows.stream().map(KeyCategories.Row::key).toList());
        double[] t = {0.11, 0.08, 0.07, 0.05, 0.01};
        double[] share = {0.34375, 0.25, 0.21875, 0.15625, 0.03125};
        for (int i = 0; i < 5; i++) {
            assertEquals(t[i], rows.get(i).assessment(), 1e-12);
            assertEquals(share[i], rows.get(i).share(), 1e-12);
        }
        assertEquals(List.of(true, true, true, true, false), rows.stream().map(KeyCategories.Row::isKey).toList());
    }

    /**
     * Approach 1: line 1 E = 100, U_A 5 %, U_EF 10 % → √125 = 11.1803 %; line 2 E = 50, 2 %, 50 % → √2504 = 50.0400 %.
     * U_total = √((11.1803 × 100)² + (50.04 × 50)²) / 150 = √(1 250 000 + 6 260 000) / 150 = 2 740.4379 / 150 = 18.2696 %.
     */
    @Test
    void approach1ByHand() {
        Uncertainty.Approach1 a = Uncertainty.approach1(List.of(
                new Uncertainty.Input("1", 100, 5, 10), new Uncertainty.Input("2", 50, 2, 50)));
        assertEquals(Math.sqrt(125), a.linePct()[0], 1e-12);
        assertEquals(Math.sqrt(2504), a.linePct()[1], 1e-12);
        assertEquals(Math.sqrt(7_510_000) / 150, a.uncertaintyPct(), 1e-12);
        assertEquals(18.2696, a.uncertaintyPct(), 1e-4);
        assertEquals(1_250_000 / 7_510_000.0, a.varianceShare()[0], 1e-12);
    }
    /**
     * Approach 1 trend (IPCC 2006 Vol. 1 Table 3.2) by hand: C = {100, 50}, D = {120, 40}, U_A = {5, 10} %, U_EF = {10, 20} %.
     * ΣC = 150, ΣD = 160, trend = 10/150 = 6.6667 %.
     * Line 1: I = (1.2 + 160 − 151)/151 × 100 − 6.6667 = 6.75497 − 6.66667 = 0.08830; J = 120/150 = 0.8;
     * K = 0.08830 × 10 = 0.8830; L = 0.8 × 5 × √2 = 5.65685.
     * Line 2: I = (0.4 + 160 − 150.5)/150.5 × 100 − 6.66667 = −0.08859; J = 40/150 = 0.26667;
     * K = −1.77187; L = 0.26667 × 10 × √2 = 3.77124.
     * Σ(K² + L²) = 0.77969 + 32.0 + 3.13953 + 14.22222 = 50.14144 → trend uncertainty 7.08106 percentage points.
     */
    @Test
    void approach1TrendByHand() {
        Uncertainty.Trend t = Uncertainty.trend(List.of(new Uncertainty.TrendInput("1", 100, 120, 5, 10),
                new Uncertainty.TrendInput("2", 50, 40, 10, 20)));
        assertEquals(6.666667, t.trendPct(), 1e-6);
        assertEquals(0.0883002, t.sensitivityA()[0], 1e-7);
        assertEquals(-0.0885936, t.sensitivityA()[1], 1e-7);
        assertEquals(0.8, t.sensitivityB()[0], 1e-12);
        assertEquals(5.656854, t.fromActivity()[0], 1e-6);
        assertEquals(-1.771872, t.fromFactor()[1], 1e-6);
        assertEquals(7.081062, t.uncertaintyPoints(), 1e-6);
    }
}
