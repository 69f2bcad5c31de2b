package cn.ecoaid.water;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A constructed dataset whose every step is computed by hand in the comments. */
class BibiBuilderTest {
    static final List<String> METRICS = List.of("S", "ept_richness", "hbi", "shannon_ln", "pct_SC", "pct_PR");
    // columns: S, ept_richness, hbi, shannon_ln, pct_SC, pct_PR
    static final double[][] REF = {{10, 20, 5, 2.0, 0, 0}, {12, 22, 3, 2.5, 0, 0}, {14, 25, 6, 3.0, 0, 0}, {16, 30, 4, 3.5, 0, 5}};
    static final double[][] IMP = {{2, 5, 5.5, 2.2, 0, 0}, {4, 6, 7, 2.6, 0, 0}, {6, 7, 8, 2.9, 0, 0}, {8, 9, 9, 3.4, 0, 0}};

    static List<BibiBuilder.MetricRow> rows() {
        List<BibiBuilder.MetricRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(row("R" + (i + 1), "reference", REF[i]));
        }
        for (int i = 0; i < 4; i++) {
            rows.add(row("I" + (i + 1), "impaired", IMP[i]));
        }
        return rows;
    }

    static BibiBuilder.MetricRow row(String id, String role, double[] v) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < METRICS.size(); j++) {
            m.put(METRICS.get(j), v[j]);
        }
        return new BibiBuilder.MetricRow(id, id, role, m);
    }

    static BibiModel.Candidate cand(BibiModel model, String metric) {
        return model.candidates().stream().filter(c -> c.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void percentilesInterpolateLinearly() {
        assertEquals(11.5, Stats.percentile(new double[] {16, 10, 14, 12}, 0.25), 1e-12); // h = 0.75
        assertEquals(15.3, Stats.percentile(new double[] {2, 4, 6, 8, 10, 12, 14, 16}, 0.95), 1e-12); // h = 6.65
        assertEquals(3.35, Stats.percentile(new double[] {3, 4, 5, 5.5, 6, 7, 8, 9}, 0.05), 1e-12); // h = 0.35
        assertEquals(0.0, Stats.spearman(new double[] {10, 12, 14, 16}, new double[] {5, 3, 6, 4}), 1e-12); // 1 − 6·10/60
        assertEquals(1.0, Stats.spearman(new double[] {1, 2, 3}, new double[] {1, 4, 9}), 1e-12);
        // ties take average ranks: (1, 2.5, 2.5, 4) and (1, 4, 2.5, 2.5); deviations (−1.5, 0, 0, 1.5), (−1.5, 1.5, 0, 0) → r = 2.25 / 4.5
        assertEquals(0.5, Stats.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 2}), 1e-12);
    }

    @Test
    void everyStepOfTheBuildMatchesTheHandComputation() {
        BibiModel m = new BibiBuilder().build(rows(), METRICS, BibiBuilder.Options.defaults());
        // box plots: S reference q1 11.5, median 13, q3 14.5; impaired 3.5 / 5 / 6.5 → no overlap, IQ 3
        BibiModel.Candidate s = cand(m, "S");
        assertEquals(11.5, s.reference().q1(), 1e-12);
        assertEquals(14.5, s.reference().q3(), 1e-12);
        assertEquals(6.5, s.impaired().q3(), 1e-12);
        assertEquals(3, s.iq());
        assertEquals("DECREASE", s.direction());
        // hbi: reference 3.75/4.5/5.25, impaired 6.625/7.5/8.25 → IQ 3, rises with disturbance
        assertEquals(6.625, cand(m, "hbi").impaired().q1(), 1e-12);
        assertEquals(3, cand(m, "hbi").iq());
        assertEquals("INCREASE", cand(m, "hbi").direction());
        // shannon: both medians (2.75, 2.75) inside the other box → IQ 0
        assertEquals(0, cand(m, "shannon_ln").iq());
        // range test
        assertFalse(cand(m, "pct_SC").rangePassed());
        assertEquals("water.bibi.range.constant", cand(m, "pct_SC").rangeReason());
        assertEquals("water.bibi.range.tooSmall", cand(m, "pct_PR").rangeReason());
        // redundancy: ept_richness has Spearman r = 1 with S over the reference sites; hbi r = 0 with S
        assertEquals("S", cand(m, "ept_richness").redundantWith());
        assertEquals(1.0, cand(m, "ept_richness").redundancyR(), 1e-12);
        assertNull(cand(m, "hbi").redundantWith());
        assertEquals(List.of("S", "hbi"), m.scoring().stream().map(BibiModel.Scoring::metric).toList());
        // scoring: S / P95 (15.3); hbi (9 − v)/(9 − P5 3.35)
        assertEquals(15.3, m.scoring().get(0).p95(), 1e-12);
        assertEquals(3.35, m.scoring().get(1).p5(), 1e-12);
        assertEquals(9, m.scoring().get(1).max(), 0);
        // reference indices 1.361560, 1.784314, 1.446006, 1.884956 → P25 = 1.361560 + 0.75·0.084446 = 1.424895
        assertEquals(10 / 15.3 + 4 / 5.65, m.referenceIndex().get("R1"), 1e-12);
        assertEquals(12 / 15.3 + 1, m.referenceIndex().get("R2"), 1e-12); // hbi 3 → 6/5.65 capped to 1
        assertEquals(1 + 5 / 5.65, m.referenceIndex().get("R4"), 1e-12); // S 16 → capped to 1
        double r1 = 10 / 15.3 + 4 / 5.65;
        double r3 = 14 / 15.3 + 3 / 5.65;
        double p25 = r1 + 0.75 * (r3 - r1);
        assertEquals(p25, m.p25(), 1e-12);
        assertEquals(1.424895, m.p25(), 1e-6);
        assertArrayEquals(new double[] {p25, 0.75 * p25, 0.5 * p25, 0.25 * p25}, m.thresholds(), 1e-12);
        // impaired I1: 2/15.3 + 3.5/5.65 = 0.750188 ≥ ½·P25 (0.712447) → 一般; I4: 8/15.3 + 0 = 0.522876 → 差
        Map<String, BibiModel.SampleScore> built = new LinkedHashMap<>();
        m.built().forEach(b -> built.put(b.sample(), b));
        assertEquals(0.750188, built.get("I1").index(), 1e-6);
        assertEquals(BibiModel.Grade.FAIR, built.get("I1").grade());
        assertEquals(BibiModel.Grade.POOR, built.get("I4").grade());
        assertEquals(BibiModel.Grade.HEALTHY, built.get("R2").grade());
        assertEquals(BibiModel.Grade.SUB_HEALTHY, built.get("R1").grade());
    }

    @Test
    void pearsonCanBeChosenAndTheThresholdIsStrict() {
        BibiModel m = new BibiBuilder().build(rows(), METRICS, new BibiBuilder.Options("pearson", 0.99, 2));
        // Pearson of S and ept_richness over reference: deviations (−3, −1, 1, 3) and (−4.25, −2.25, 0.75, 5.75):
        // r = 33 / √(20 · 56.75) = 0.979526 < 0.99 → both kept
        double r = Stats.pearson(new double[] {10, 12, 14, 16}, new double[] {20, 22, 25, 30});
        assertEquals(0.979526, r, 1e-6);
        assertTrue(cand(m, "ept_richness").kept());
        assertEquals("pearson", m.correlationMethod());
    }

    @Test
    void savedModelScoresNewSamplesAsBefore() {
        BibiModel m = new BibiBuilder().build(rows(), METRICS, BibiBuilder.Options.defaults());
        BibiModel back = BibiJson.read(BibiJson.write(m));
        Map<String, Double> sample = Map.of("S", 7.65, "hbi", 6.175);
        // 7.65/15.3 = 0.5, (9 − 6.175)/5.65 = 0.5 → index 1.0 ≥ ¾·P25 (1.068671)? no → 一般
        BibiModel.SampleScore a = m.score("new", "X", "", sample);
        BibiModel.SampleScore b = back.score("new", "X", "", sample);
        assertEquals(1.0, a.index(), 1e-12);
        assertEquals(a.index(), b.index(), 0);
        assertEquals(BibiModel.Grade.FAIR, b.grade());
        assertEquals(m.candidates(), back.candidates());
        EcoAidException e = assertThrows(EcoAidException.class, () -> back.score("new", "X", "", Map.of("S", 3.0)));
        assertEquals("water.bibi.missingMetric", e.key());
    }

    @Test
    void needsReferenceAndImpairedSamples() {
        List<BibiBuilder.MetricRow> onlyRef = rows().subList(0, 4);
        EcoAidException e = assertThrows(EcoAidException.class,
                () -> new BibiBuilder().build(onlyRef, METRICS, BibiBuilder.Options.defaults()));
        assertEquals("water.bibi.tooFewSites", e.key());
    }
}
