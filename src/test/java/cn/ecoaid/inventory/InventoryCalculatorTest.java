package cn.ecoaid.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryCalculatorTest {
    static final ControlTable A1 = ControlTable.tcses144();

    static InventoryCalculator calc(List<EmissionFactor> factors) {
        return new InventoryCalculator(new FactorLibrary(factors), A1, CoalMassBalance.tcses144());
    }

    static Map<Pollutant, Emission> byPollutant(List<Emission> list) {
        Map<Pollutant, Emission> m = new EnumMap<>(Pollutant.class);
        list.forEach(e -> m.put(e.pollutant(), e));
        return m;
    }

    // ---- EMEP/EEA Tier 1 worked example: 1000 TJ hard coal, 1.A.1.a, no abatement ----

    static Stream<Arguments> emepExample() throws IOException {
        Table t;
        try (InputStream in = InventoryCalculatorTest.class.getResourceAsStream("/fixtures/inventory/emep_1A1a_hardcoal_tier1_example.csv")) {
            t = TableFiles.fromCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Arguments> out = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            if (!r.get(7).isEmpty()) {
                out.add(Arguments.of(r.get(0), Double.parseDouble(r.get(5)), Double.parseDouble(r.get(7))));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {2} kg")
    @MethodSource("emepExample")
    void reproducesTheEmepTier1WorkedExample(String pollutant, double activityTj, double expectedKg) {
        InventoryCalculator c = calc(FactorLibrary.emepShippedSubset());
        Activity a = Activity.of("EMEP-1", "", List.of("1.A.1.a", "", "Hard Coal", ""), activityTj, Units.unit("TJ", ""), 1.0);
        Emission e = byPollutant(c.compute(a)).get(Pollutant.parse(pollutant, ""));
        assertEquals(expectedKg, e.emittedKg(), expectedKg * 1e-12);
        assertEquals("EMEP/EEA Guidebook EF database 2026-02-07", e.factor().document());
        assertTrue(e.factor().clause().startsWith("1.A.1.a Table_3-2"), e.factor().clause());
    }

    @Test
    void emepBlackCarbonIsAShareOfPm25() {
        // BC = 2.2 % of PM2.5: 1000 TJ × 1000 GJ/TJ × 3.4 g/GJ = 3 400 kg PM2.5; × 0.022 = 74.8 kg
        InventoryCalculator c = calc(FactorLibrary.emepShippedSubset());
        Activity a = Activity.of("EMEP-1", "", List.of("1.A.1.a", "", "Hard Coal", ""), 1000, Units.unit("TJ", ""), 1.0);
        Emission bc = byPollutant(c.compute(a)).get(Pollutant.BC);
        assertEquals(74.8, bc.emittedKg(), 1e-9);
        assertEquals(Emission.Method.FRACTION_OF, bc.method());
    }

    // ---- Coal boiler by hand from T/CSES 144—2024 (Tables C.1–C.3, E.7, A.1) ----

    /**
     * Industrial boiler (工业源, 采矿业、制造业、燃气生产和供应业), 自动炉排层燃炉, 10 000 t coal, S = 0.8 %, Aar = 20 %,
     * controls 双碱法 + 袋式除尘法, operating rate 0.9.
     * <pre>
     * SO2:  EF = 2 × 0.008 × (1 − 0.15) = 0.0136 kg/kg → 10 000 000 kg × 0.0136 = 136 000 kg generated
     *       η = 0.80 (双碱法; 袋式 0) × 0.9 = 0.72 → 136 000 × 0.28 = 38 080 kg
     * PM:   Aar(1 − ar) = 0.20 × (1 − 0.85) = 0.03 kg/kg; PM2.5 f = 0.07 → 0.0021 kg/kg → 21 000 kg;
     *       PM10 f = 0.20 → 0.006 kg/kg → 60 000 kg
     *       η2.5 = 1 − (1 − 0.57)(1 − 0.945) = 0.97635, × 0.9 = 0.878715 → PM2.5 = 21 000 × 0.121285 = 2 546.985 kg
     *       η2.5–10 = 1 − (1 − 0.75)(1 − 0.95) = 0.9875, × 0.9 = 0.88875 → coarse = 39 000 × 0.11125 = 4 338.75 kg
     *       PM10 = 2 546.985 + 4 338.75 = 6 885.735 kg
     * BC:   0.0021 × 0.200 = 0.00042 kg/kg → 4 200 kg × 0.121285 = 509.397 kg
     * OC:   0.0021 × 0.040 = 0.000084 kg/kg → 840 kg × 0.121285 = 101.8794 kg
     * NOx:  4 g/kg (E.7) → 40 000 kg; no denitrification → 40 000 kg
     * CO:   15 g/kg → 150 000 kg; VOCs: 2.16 g/kg → 21 600 kg (A.1 has no VOCs removal for these measures)
     * </pre>
     */
    @ParameterizedTest(name = "{0} = {2} kg")
    @CsvSource({
        "SO2, 136000, 38080, MASS_BALANCE",
        "PM2.5, 21000, 2546.985, MASS_BALANCE",
        "PM10, 60000, 6885.735, MASS_BALANCE",
        "BC, 4200, 509.397, MASS_BALANCE",
        "OC, 840, 101.8794, MASS_BALANCE",
        "NOx, 40000, 40000, FACTOR",
        "CO, 150000, 150000, FACTOR",
        "VOCs, 21600, 21600, FACTOR"})
    void computesTheCoalBoilerByHand(String pollutant, double generatedKg, double emittedKg, String method) {
        InventoryCalculator c = calc(FactorLibrary.tcses144TableE7());
        Activity a = new Activity("B-1", "某厂1号锅炉", SourceType.POINT, "某县", "",
                List.of("工业源", "C2511", "煤炭", "自动炉排层燃炉", "双碱法+袋式除尘法"), 10_000, Units.unit("t", ""), 0.9, "",
                0.8, 20.0, Map.of(), Double.NaN, Double.NaN);
        Emission e = byPollutant(c.compute(a)).get(Pollutant.parse(pollutant, ""));
        assertEquals(generatedKg, e.generatedKg(), generatedKg * 1e-12);
        assertEquals(emittedKg, e.emittedKg(), emittedKg * 1e-12);
        assertEquals(Emission.Method.valueOf(method), e.method());
        assertEquals("T/CSES 144—2024", e.factor().document());
    }

    @Test
    void factorMethodKeepsTheFactorItUsed() {
        InventoryCalculator c = calc(FactorLibrary.tcses144TableE7());
        Activity a = Activity.of("B-2", "", List.of("工业源", "", "柴油", "燃油锅炉", ""), 500, Units.unit("t", ""), 1.0);
        Emission so2 = byPollutant(c.compute(a)).get(Pollutant.SO2);
        // E.7 柴油 SO2 3 g/kg × 500 000 kg = 1 500 kg
        assertEquals(1500, so2.emittedKg(), 1e-9);
        assertEquals(3.0, so2.factor().value());
        assertEquals("g/kg fuel", so2.factor().unit());
        assertTrue(so2.factor().clause().contains("表E.7"));
    }

    /**
     * Power plant (电力热力源, 电力生产 as level 1), pulverised coal, 1 000 000 t, S 1 %, Aar 15 %, 石灰石/石膏法 (SO2 80 %):
     * SO2 EF = 2 × 0.01 × (1 − 0.15) = 0.017 kg/kg → 17 000 t generated, × (1 − 0.8) = 3 400 t; PM2.5 EF = 0.15 × (1 − 0.25)
     * × 0.06 = 0.00675 kg/kg → 6 750 t, η 0.57 → 2 902.5 t; CO 2 g/kg → 2 000 t (Table D.1); NOx is capacity-dependent
     * in D.1 (note b) and therefore not shipped.
     */
    @ParameterizedTest(name = "{0} = {1} kg")
    @CsvSource({"SO2, 3400000", "PM2.5, 2902500", "CO, 2000000", "VOCs, 40000"})
    void powerPlantFromTableD1WithTheSectorAsLevel1(String pollutant, double expectedKg) {
        InventoryCalculator c = calc(FactorLibrary.tcses144());
        Activity a = new Activity("PP-1", "电厂", SourceType.POINT, "", "", List.of("电力热力源", "电力生产", "煤炭", "煤粉炉", "石灰石/石膏法"),
                1_000_000, Units.unit("t", ""), 1.0, "", 1.0, 15.0, Map.of(), Double.NaN, Double.NaN);
        Map<Pollutant, Emission> m = byPollutant(c.compute(a));
        assertEquals(expectedKg, m.get(Pollutant.parse(pollutant, "")).emittedKg(), expectedKg * 1e-12);
        assertTrue(m.get(Pollutant.NOX) == null);
    }

    @Test
    void gasFuelFactorsOfTableD1ArePerCubicMetre() {
        // 电力生产 天然气 NOx 4.1 g/m3 × 10⁴ × 100 m³ = 4 100 kg
        InventoryCalculator c = calc(FactorLibrary.tcses144());
        Activity a = Activity.of("G-1", "", List.of("电力热力源", "电力生产", "天然气", "燃气锅炉", ""), 100, Units.unit("万立方米", ""), 1.0);
        Emission nox = byPollutant(c.compute(a)).get(Pollutant.NOX);
        assertEquals(4100, nox.emittedKg(), 1e-9);
        assertTrue(nox.factor().clause().contains("表D.1"));
    }

    // ---- removal efficiency and penetration ----

    static EmissionFactor userFactor(Pollutant p, double v, String unit, String... path) {
        return new EmissionFactor("U-" + p.label(), p, v, Units.factorUnit(unit, ""), List.of(path), "", "test", "", "USER",
                true, Double.NaN, Double.NaN, false);
    }

    @ParameterizedTest(name = "{0} at rate {1}: {2} kg")
    @CsvSource({
        // E = 1000 t × 10 kg/t × (1 − η × r)
        "选择性催化还原法, 1.0, 5800",        // NOx η 0.42
        "选择性催化还原法, 0.5, 7900",        // η 0.42 × 0.5 = 0.21
        "低氮燃烧技术+选择性催化还原法, 1.0, 3600", // a row of its own: 0.64
        "低氮燃烧技术+选择性非催化还原法, 0.8, 5840", // 0.52 × 0.8 = 0.416
        "其他脱硝技术+低氮燃烧技术, 1.0, 6240", // in series: 1 − 0.8 × 0.78 = 0.376
        "无控制技术, 1.0, 10000"})
    void appliesRemovalTimesOperatingRate(String control, double rate, double expectedKg) {
        InventoryCalculator c = calc(List.of(userFactor(Pollutant.NOX, 10, "kg/t", "工业源")));
        Activity a = Activity.of("R", "", List.of("工业源", "", "", "", control), 1000, Units.unit("t", ""), rate);
        assertEquals(expectedKg, c.compute(a).get(0).emittedKg(), 1e-9);
    }

    @ParameterizedTest(name = "{0}: {1} kg")
    @CsvSource({
        // VOCs 100 000 kg generated; capture × treatment
        "溶剂使用-外部集气罩+蓄热式热力燃烧法, 62400",  // 1 − 0.40 × 0.94 = 0.624
        "溶剂使用-全部密闭+吸附/催化燃烧法, 19250",    // 1 − 0.95 × 0.85 = 0.1925
        "溶剂使用-全部密闭, 100000",                   // captured but not treated
        "活性炭法, 85000"})                            // treatment alone: 0.15
    void vocsUseCaptureTimesTreatment(String control, double expectedKg) {
        InventoryCalculator c = calc(List.of(userFactor(Pollutant.VOCS, 100, "kg/t", "工业源")));
        Activity a = Activity.of("V", "", List.of("工业源", "", "", "", control), 1000, Units.unit("t", ""), 1.0);
        assertEquals(expectedKg, c.compute(a).get(0).emittedKg(), 1e-6);
    }

    @Test
    void userControlRowsSitBesideTableA1() {
        // sample controls.csv: 湿法电除尘 PM2.5 70 %; with 袋式除尘法 94.5 %: 1 − 0.3 × 0.055 = 0.9835 → 100 000 × 0.0165 = 1 650 kg
        ControlTable ct = A1.with(TableFiles.read(java.nio.file.Path.of("sample-data/examples/inventory/controls.csv")),
                "controls.csv", "user", false);
        InventoryCalculator c = new InventoryCalculator(new FactorLibrary(List.of(userFactor(Pollutant.PM25, 100, "kg/t", "工业源"))),
                ct, CoalMassBalance.tcses144());
        Activity a = Activity.of("W", "", List.of("工业源", "", "", "", "袋式除尘法+湿法电除尘"), 1000, Units.unit("t", ""), 1.0);
        assertEquals(1650, c.compute(a).get(0).emittedKg(), 1e-9);
    }

    @Test
    void penetrationOfDustControlOnAreaSources() {
        // road dust PM2.5 2 000 kg generated; 铺装道路每天洒水2次 46 % with penetration 0.6 → 2 000 × (1 − 0.276) = 1 448 kg
        InventoryCalculator c = calc(List.of(userFactor(Pollutant.PM25, 2, "kg/km", "扬尘源")));
        Activity a = Activity.of("D", "", List.of("扬尘源", "道路扬尘", "", "", "铺装道路每天洒水2次"), 1000, Units.unit("km", ""), 0.6);
        assertEquals(1448, c.compute(a).get(0).emittedKg(), 1e-9);
    }

    @Test
    void monitoredTotalsReplaceTheFactor() {
        InventoryCalculator c = calc(FactorLibrary.tcses144TableE7());
        // 30 mg/m³ × 200 000 m³/h × 7 000 h × 10⁻⁶ = 42 000 kg
        double kg = Monitoring.totalKg("P-1", List.of(new Monitoring.Interval(30, 200_000, 7000)));
        assertEquals(42_000, kg, 1e-9);
        Activity a = new Activity("P-1", "", SourceType.POINT, "", "", List.of("工业源", "", "柴油", "燃油锅炉", "选择性催化还原法"),
                500, Units.unit("t", ""), 1.0, "", Double.NaN, Double.NaN, Map.of(Pollutant.NOX, kg), Double.NaN, Double.NaN);
        Emission nox = byPollutant(c.compute(a)).get(Pollutant.NOX);
        assertEquals(42_000, nox.emittedKg(), 1e-9);
        assertEquals(Emission.Method.MONITORING, nox.method());
    }

    @Test
    void incompatibleUnitNamesTheRecord() {
        InventoryCalculator c = calc(FactorLibrary.tcses144TableE7());
        Activity a = Activity.of("REC-42", "", List.of("工业源", "", "柴油", "燃油锅炉", ""), 500, Units.unit("m3", ""), 1.0);
        EcoAidException e = assertThrows(EcoAidException.class, () -> c.compute(a));
        assertEquals("inventory.error.unitIncompatible", e.key());
        assertEquals("REC-42", e.args()[0]);
    }

    @Test
    void massBalanceWithoutSulphurNamesTheRecord() {
        InventoryCalculator c = calc(FactorLibrary.tcses144TableE7());
        Activity a = Activity.of("REC-7", "", List.of("工业源", "", "煤炭", "煤粉炉", ""), 500, Units.unit("t", ""), 1.0);
        EcoAidException e = assertThrows(EcoAidException.class, () -> c.compute(a));
        assertEquals("inventory.error.massBalanceInput", e.key());
        assertEquals("REC-7", e.args()[0]);
    }

    @Test
    void userFactorWinsOverShippedAtEqualSpecificity() {
        EmissionFactor mine = userFactor(Pollutant.NOX, 3.0, "g/kg", "工业源", "", "柴油", "燃油锅炉");
        InventoryCalculator c = calc(new ArrayList<>(FactorLibrary.tcses144TableE7()) {
            {
                add(mine);
            }
        });
        Activity a = Activity.of("B-3", "", List.of("工业源", "", "柴油", "燃油锅炉", ""), 1, Units.unit("t", ""), 1.0);
        Emission nox = byPollutant(c.compute(a)).get(Pollutant.NOX);
        assertEquals(3.0, nox.emittedKg(), 1e-12);
        assertEquals("U-NOx", nox.factor().id());
    }

    @Test
    void unknownControlNamesTheRecord() {
        InventoryCalculator c = calc(List.of(userFactor(Pollutant.NOX, 10, "kg/t", "工业源")));
        Activity a = Activity.of("REC-9", "", List.of("工业源", "", "", "", "魔法脱硝"), 1, Units.unit("t", ""), 1.0);
        EcoAidException e = assertThrows(EcoAidException.class, () -> c.compute(a));
        assertEquals("inventory.error.unknownControl", e.key());
        assertEquals("REC-9", e.args()[0]);
    }
}
