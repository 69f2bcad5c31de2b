package cn.ecoaid.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioAndAggregationTest {
    static EmissionFactor f(String id, Pollutant p, double v, String category) {
        return new EmissionFactor(id, p, v, Units.factorUnit("kg/t", id), List.of(category), "", "test", "", "USER", true,
                Double.NaN, Double.NaN, false);
    }

    static final InventoryCalculator CALC = new InventoryCalculator(new FactorLibrary(List.of(
            f("F1", Pollutant.NOX, 10, "工业源"), f("F2", Pollutant.SO2, 5, "工业源"),
            f("F3", Pollutant.NOX, 2, "生活源"), f("F4", Pollutant.SO2, 4, "生活源"))),
            ControlTable.tcses144(), CoalMassBalance.tcses144());

    static Activity act(String id, String source, String county, String category, String level1, double t) {
        return new Activity(id, source, SourceType.POINT, county, "", List.of(category, level1, "", "", ""), t,
                Units.unit("t", ""), 1.0, "", Double.NaN, Double.NaN, Map.of(), Double.NaN, Double.NaN);
    }

    // A1: 1000 t × (NOx 10, SO2 5) = 10 000 / 5 000 kg; A2: 500 t × (NOx 2, SO2 4) = 1 000 / 2 000 kg;
    // A3: 200 t 工业源 in county Y: NOx 2 000, SO2 1 000 kg
    static final List<Activity> ACTS = List.of(
            act("A1", "厂A", "X县", "工业源", "水泥", 1000),
            act("A2", "居民", "Y县", "生活源", "民用燃烧", 500),
            act("A3", "厂B", "Y县", "工业源", "钢铁", 200));

    @ParameterizedTest(name = "{0}: {1} = {2} kg")
    @CsvSource({
        "'pollutant,category,county', 'NOx|工业源|X县', 10000",
        "'pollutant,category,county', 'NOx|工业源|Y县', 2000",
        "'pollutant,category', 'SO2|工业源', 6000",
        "'pollutant,county', 'SO2|Y县', 3000",
        "'pollutant,level1', 'NOx|工业源 / 钢铁', 2000",
        "'pollutant,type', 'NOx|point', 13000",
        "'pollutant,source', 'SO2|居民', 2000"})
    void aggregatesByAnyDimensions(String by, String key, double expectedKg) {
        Aggregation agg = new Aggregation(Aggregation.parse(by));
        CALC.computeAll(ACTS, agg, ProgressListener.NONE);
        assertEquals(expectedKg, agg.emittedKg(List.of(key.split("\\|"))), 1e-9);
    }

    @Test
    void comparesTwoInventories() {
        Aggregation a = new Aggregation(Aggregation.parse("pollutant"));
        CALC.computeAll(ACTS, a, ProgressListener.NONE);
        Aggregation b = new Aggregation(Aggregation.parse("pollutant"));
        // next year: A1 halves its coal → NOx 13 000 − 5 000 = 8 000 kg
        CALC.computeAll(List.of(act("A1", "厂A", "X县", "工业源", "水泥", 500), ACTS.get(1), ACTS.get(2)), b, ProgressListener.NONE);
        Aggregation.Comparison nox = Aggregation.compare(a, b).stream().filter(c -> c.key().get(0).equals("NOx")).findFirst().orElseThrow();
        assertEquals(13000, nox.aKg(), 1e-9);
        assertEquals(8000, nox.bKg(), 1e-9);
        assertEquals(-5000 / 13000.0 * 100, nox.changePct(), 1e-9);
    }

    static Scenario.Selection sel(String category, Set<String> counties, Set<String> sources, Set<Pollutant> pollutants) {
        return new Scenario.Selection(List.of(category, "", "", ""), counties, sources, pollutants);
    }

    /**
     * S1: M1 SCR on 工业源 (NOx η 0.42): 10 000 + 2 000 = 12 000 kg → 6 960 kg, reduction 5 040 kg;
     *     M2 −50 % SO2 in Y县: A2 2 000 → 1 000, A3 1 000 → 500, reduction 1 500 kg.
     * S2: M1 NOx factor 6 kg/t for 厂A: 10 000 → 6 000, reduction 4 000 kg;
     *     M2 −20 % on 工业源: NOx (6 000 + 2 000) × 0.2 = 1 600 kg, SO2 (5 000 + 1 000) × 0.2 = 1 200 kg.
     */
    @Test
    void scenariosCreditEachMeasurePerPollutant() {
        Scenario s1 = new Scenario("S1", List.of(
                new Scenario.Measure("M1", "工业脱硝", sel("工业源", Set.of(), Set.of(), Set.of()), Scenario.Action.NEW_CONTROL,
                        1.0, "", "选择性催化还原法"),
                new Scenario.Measure("M2", "Y县散煤治理", sel("", Set.of("Y县"), Set.of(), Set.of(Pollutant.SO2)),
                        Scenario.Action.REDUCTION_PCT, 50, "", "")));
        Scenario s2 = new Scenario("S2", List.of(
                new Scenario.Measure("M1", "厂A新因子", sel("", Set.of(), Set.of("厂A"), Set.of(Pollutant.NOX)), Scenario.Action.NEW_EF,
                        6, "kg/t", ""),
                new Scenario.Measure("M2", "工业限产", sel("工业源", Set.of(), Set.of(), Set.of()), Scenario.Action.REDUCTION_PCT,
                        20, "", "")));
        Scenario.Result r1 = s1.run(CALC, ACTS);
        Scenario.Result r2 = s2.run(CALC, ACTS);
        assertEquals(13000, r1.baseKg().get(Pollutant.NOX), 1e-9);
        assertEquals(8000, r1.baseKg().get(Pollutant.SO2), 1e-9);
        assertEquals(5040, r1.reductionByMeasureKg().get("M1").get(Pollutant.NOX), 1e-9);
        assertEquals(0, r1.reductionByMeasureKg().get("M1").get(Pollutant.SO2), 1e-9);
        assertEquals(1500, r1.reductionByMeasureKg().get("M2").get(Pollutant.SO2), 1e-9);
        assertEquals(13000 - 5040, r1.scenarioKg().get(Pollutant.NOX), 1e-9);
        assertEquals(6500, r1.scenarioKg().get(Pollutant.SO2), 1e-9);
        assertEquals(4000, r2.reductionByMeasureKg().get("M1").get(Pollutant.NOX), 1e-9);
        assertEquals(1600, r2.reductionByMeasureKg().get("M2").get(Pollutant.NOX), 1e-9);
        assertEquals(1200, r2.reductionByMeasureKg().get("M2").get(Pollutant.SO2), 1e-9);
        assertEquals(13000 - 5600, r2.scenarioKg().get(Pollutant.NOX), 1e-9);
    }

    @Test
    void newRateChangesPenetration() {
        // A1 with SCR at rate 0.5: NOx 10 000 × (1 − 0.21) = 7 900; raising the rate to 1.0 → 5 800; credit 2 100 kg
        Activity a = ACTS.get(0).withPath(List.of("工业源", "水泥", "", "", "选择性催化还原法")).withOperatingRate(0.5);
        Scenario s = new Scenario("S", List.of(new Scenario.Measure("R", "提高投运率",
                sel("工业源", Set.of(), Set.of(), Set.of()), Scenario.Action.NEW_RATE, 1.0, "", "")));
        Scenario.Result r = s.run(CALC, List.of(a));
        assertEquals(7900, r.baseKg().get(Pollutant.NOX), 1e-9);
        assertEquals(2100, r.reductionByMeasureKg().get("R").get(Pollutant.NOX), 1e-9);
    }

    @Test
    void reductionAbove100PercentIsAnError() {
        Scenario s = new Scenario("S", List.of(new Scenario.Measure("BAD", "", sel("", Set.of(), Set.of(), Set.of()),
                Scenario.Action.REDUCTION_PCT, 120, "", "")));
        EcoAidException e = assertThrows(EcoAidException.class, () -> s.run(CALC, ACTS));
        assertEquals("inventory.error.measureValue", e.key());
    }
}
