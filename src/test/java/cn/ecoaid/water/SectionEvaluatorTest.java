package cn.ecoaid.water;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionEvaluatorTest {
    final SectionEvaluator eval = new SectionEvaluator(Gb3838.shipped());

    static Map<String, Double> values(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void classifiesWorstItemAsSectionClass() {
        SectionResult r = eval.evaluate(values("pH", 7.5, "DO", 8.0, "CODMn", 3.5, "NH3-N", 0.8, "TP", 0.12), WaterBodyType.RIVER, null);
        // CODMn II, NH3-N III, TP III (river: 0.1 < 0.12 ≤ 0.2)
        assertEquals(WaterClass.III, r.waterClass());
        assertEquals(WaterStatus.GOOD, r.status());
        assertTrue(r.mainPollutants().isEmpty());
        assertNull(r.attained());
    }

    @Test
    void totalNitrogenAndFecalColiformDoNotDecideTheClass() {
        SectionResult r = eval.evaluate(values("DO", 8.0, "TN", 5.0, "FecalColiform", 90000, "WT", 30), WaterBodyType.LAKE, null);
        assertEquals(WaterClass.I, r.waterClass());
        assertEquals(1, r.items().size());
    }

    @Test
    void mainPollutantsAreTheThreeLargestExceedancesOfClassIII() {
        // NH3-N 3.0: (3−1)/1 = 2.0; TP 0.5: (0.5−0.2)/0.2 = 1.5; COD 26: 0.3; BOD5 12: (12−4)/4 = 2.0 → tie kept in table order
        SectionResult r = eval.evaluate(values("COD", 26, "BOD5", 12, "NH3-N", 3.0, "TP", 0.5, "CODMn", 5),
                WaterBodyType.RIVER, WaterClass.III);
        assertEquals(WaterClass.WORSE_THAN_V, r.waterClass());
        assertEquals(WaterStatus.HEAVY, r.status());
        assertEquals(List.of("BOD5", "NH3-N", "TP"), r.mainPollutants().stream().map(i -> i.item().code()).toList());
        assertEquals(2.0, r.mainPollutants().get(0).exceedanceIII(), 1e-12);
        assertEquals(1.5, r.mainPollutants().get(2).exceedanceIII(), 1e-12);
        assertFalse(r.attained());
        assertEquals("五日生化需氧量(2.00)、氨氮(2.00)、总磷(1.50)", r.mainPollutantText());
    }

    @Test
    void exceedanceAgainstTheTargetUsesTheTargetLimit() {
        SectionResult r = eval.evaluate(values("NH3-N", 0.75, "DO", 6.5), WaterBodyType.RIVER, WaterClass.II);
        SectionResult.ItemResult nh3 = r.items().stream().filter(i -> i.item().code().equals("NH3-N")).findFirst().orElseThrow();
        assertEquals(WaterClass.III, r.waterClass());
        assertEquals(0.5, nh3.exceedanceTarget(), 1e-12); // (0.75 − 0.5)/0.5
        assertEquals(0.0, nh3.exceedanceIII(), 0);
        assertFalse(r.attained());
        assertTrue(eval.evaluate(values("NH3-N", 0.5), WaterBodyType.RIVER, WaterClass.II).attained());
    }

    @Test
    void dissolvedOxygenAloneIsNamedAsTheCauseWithoutAMultiple() {
        SectionResult r = eval.evaluate(values("DO", 2.5, "NH3-N", 0.4), WaterBodyType.RIVER, null);
        assertEquals(WaterClass.V, r.waterClass());
        assertEquals(1, r.mainPollutants().size());
        assertEquals("DO", r.mainPollutants().get(0).item().code());
        assertTrue(Double.isNaN(r.mainPollutants().get(0).exceedanceIII()));
        assertEquals("溶解氧", r.mainPollutantText());
    }

    @Test
    void fewerThanFiveSectionsAreEvaluatedOnMeanConcentrations() {
        RiverEvaluation re = new RiverEvaluation(eval);
        // NH3-N 0.9 and 1.3 → mean 1.1 → IV, although one section is III
        RiverEvaluation.Result r = re.evaluate(List.of(
                new RiverEvaluation.Section("A", values("NH3-N", 0.9, "TP", 0.1)),
                new RiverEvaluation.Section("B", values("NH3-N", 1.3, "TP", 0.1))), WaterBodyType.RIVER);
        assertEquals(RiverEvaluation.Method.MEAN_CONCENTRATION, r.method());
        assertEquals(WaterClass.IV, r.meanResult().waterClass());
        assertEquals(WaterStatus.LIGHT, r.status());
        assertEquals(List.of("NH3-N"), r.mainPollutants());
    }

    @Test
    void fiveOrMoreSectionsAreEvaluatedByClassProportions() {
        RiverEvaluation re = new RiverEvaluation(eval);
        // 5 sections: II, III, IV, 劣V, 劣V → I–III 40 %, 劣V 40 % → 重度污染
        RiverEvaluation.Result r = re.evaluate(List.of(
                new RiverEvaluation.Section("1", values("NH3-N", 0.4)),
                new RiverEvaluation.Section("2", values("NH3-N", 0.9)),
                new RiverEvaluation.Section("3", values("NH3-N", 1.4)),
                new RiverEvaluation.Section("4", values("NH3-N", 2.5)),
                new RiverEvaluation.Section("5", values("NH3-N", 3.5, "TP", 0.5))), WaterBodyType.RIVER);
        assertEquals(RiverEvaluation.Method.CLASS_PROPORTION, r.method());
        assertEquals(0.4, r.shareIToIII(), 1e-12);
        assertEquals(0.4, r.shareWorseThanV(), 1e-12);
        assertEquals(WaterStatus.HEAVY, r.status());
        assertEquals(List.of("NH3-N", "TP"), r.mainPollutants()); // 3 of 5 vs 1 of 5 sections worse than III
        assertEquals(0.6, r.exceedShare().get("NH3-N"), 1e-12);
    }

    @Test
    void classProportionThresholdsOfThe2011Rules() {
        assertEquals(WaterStatus.EXCELLENT, RiverEvaluation.statusByProportion(0.90, 0));
        assertEquals(WaterStatus.GOOD, RiverEvaluation.statusByProportion(0.8999, 0));
        assertEquals(WaterStatus.GOOD, RiverEvaluation.statusByProportion(0.75, 0.25));
        assertEquals(WaterStatus.LIGHT, RiverEvaluation.statusByProportion(0.7499, 0.1999));
        assertEquals(WaterStatus.MODERATE, RiverEvaluation.statusByProportion(0.6, 0.2));
        assertEquals(WaterStatus.MODERATE, RiverEvaluation.statusByProportion(0.6, 0.3999));
        assertEquals(WaterStatus.HEAVY, RiverEvaluation.statusByProportion(0.6, 0.4));
    }

    @Test
    void trendsBetweenPeriods() {
        assertEquals(Trend.NO_CHANGE, Trend.ofSection(WaterClass.III, WaterClass.III));
        assertEquals(Trend.BETTER, Trend.ofSection(WaterClass.IV, WaterClass.III));
        assertEquals(Trend.MARKEDLY_BETTER, Trend.ofSection(WaterClass.WORSE_THAN_V, WaterClass.IV));
        assertEquals(Trend.WORSE, Trend.ofSection(WaterClass.II, WaterClass.III));
        assertEquals(Trend.MARKEDLY_WORSE, Trend.ofSection(WaterClass.I, WaterClass.III));
        // ΔG +15 points, ΔD −5 → slightly better; ΔG −25 → markedly worse; ΔG +5, ΔD +5 → no marked change
        assertEquals(Trend.BETTER, Trend.ofProportions(0.60, 0.10, 0.75, 0.05));
        assertEquals(Trend.MARKEDLY_WORSE, Trend.ofProportions(0.80, 0.0, 0.55, 0.10));
        assertEquals(Trend.NO_CHANGE, Trend.ofProportions(0.50, 0.10, 0.55, 0.15));
    }

    @Test
    void trophicStateIndexOfAHandComputedLake() {
        // chla 10 mg/m³ → 10(2.5 + 1.086·ln10) = 50.0061; TP 0.05 → 45.7093; TN 1.0 → 54.53; SD 1.0 → 51.18;
        // CODMn 4 → 10(0.109 + 2.661·ln4) = 37.9793; Σ with weights 0.2663/0.1879/0.1790/0.1834/0.1834 = 48.018
        TrophicState.Result r = TrophicState.shipped().compute(values("chla", 10, "TP", 0.05, "TN", 1.0, "SD", 1.0, "CODMn", 4));
        assertEquals(50.0061, r.partial().get("chla"), 1e-3);
        assertEquals(45.7093, r.partial().get("TP"), 1e-3);
        assertEquals(37.9793, r.partial().get("CODMn"), 1e-3);
        assertEquals(0.2663, r.weights().get("chla"), 5e-5);
        assertEquals(0.1879, r.weights().get("TP"), 5e-5);
        assertEquals(0.1790, r.weights().get("TN"), 5e-5);
        assertEquals(0.1834, r.weights().get("SD"), 5e-5);
        assertEquals(48.018, r.tli(), 0.005);
        assertEquals(TrophicState.Grade.MESOTROPHIC, r.grade());
    }

    @Test
    void trophicGradesAtTheirBoundaries() {
        assertEquals(TrophicState.Grade.OLIGOTROPHIC, TrophicState.Grade.of(29.99));
        assertEquals(TrophicState.Grade.MESOTROPHIC, TrophicState.Grade.of(30));
        assertEquals(TrophicState.Grade.MESOTROPHIC, TrophicState.Grade.of(50));
        assertEquals(TrophicState.Grade.LIGHT_EUTROPHIC, TrophicState.Grade.of(50.01));
        assertEquals(TrophicState.Grade.MODERATE_EUTROPHIC, TrophicState.Grade.of(60.01));
        assertEquals(TrophicState.Grade.HYPER_EUTROPHIC, TrophicState.Grade.of(70.01));
    }

    @Test
    void missingTrophicParametersShareTheirWeightInProportion() {
        TrophicState.Result r = TrophicState.shipped().compute(values("chla", 10, "TP", 0.05));
        // weights 1/(1+0.84²) and 0.84²/(1+0.84²)
        assertEquals(1 / (1 + 0.7056), r.weights().get("chla"), 1e-12);
        assertEquals(50.0061 / 1.7056 + 45.7093 * 0.7056 / 1.7056, r.tli(), 1e-3);
    }
}
