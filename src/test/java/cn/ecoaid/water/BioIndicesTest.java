package cn.ecoaid.water;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BioIndicesTest {
    static final Path FIX = Path.of("src/test/resources/fixtures/water");

    static BioSample sample(Object... nameCount) {
        List<BioSample.Count> c = new ArrayList<>();
        for (int i = 0; i < nameCount.length; i += 2) {
            c.add(new BioSample.Count((String) nameCount[i], ((Number) nameCount[i + 1]).doubleValue(), Double.NaN, "", ""));
        }
        return new BioSample("s", "site", "", "", "", c);
    }

    /**
     * PA DEP (2012) freestone IBI worked example (reference/ecology): taxa with their tolerance values and orders, and
     * the published metrics of both samples.
     */
    @Test
    void reproducesThePublishedPaDepExampleMetricByMetric() {
        List<BioSample> samples = BioFile.read(TableFiles.read(FIX.resolve("PADEP_freestone_example_taxa.csv")));
        Table expected = TableFiles.read(FIX.resolve("PADEP_freestone_example_expected.csv"));
        assertEquals(2, samples.size());
        BioIndices indices = new BioIndices(null);
        for (Table.Row row : expected.rows()) {
            BioSample s = samples.stream().filter(x -> x.id().equals(row.get(0))).findFirst().orElseThrow();
            BioIndices.Result r = indices.compute(s);
            List<String> h = expected.headers();
            assertEquals(Double.parseDouble(row.get(h.indexOf("nt_total"))), r.get("S"), 0, s.id());
            assertEquals(Double.parseDouble(row.get(h.indexOf("nt_tv_intol4_EPT"))), r.get("ept_tv4_richness"), 0, s.id());
            assertEquals(Double.parseDouble(row.get(h.indexOf("x_Becks3"))), r.get("becks3"), 0, s.id());
            assertEquals(Double.parseDouble(row.get(h.indexOf("x_HBI"))), r.get("hbi"), 0.005, s.id());
            assertEquals(Double.parseDouble(row.get(h.indexOf("x_Shan_e"))), r.get("shannon_ln"), 0.005, s.id());
            assertEquals(Double.parseDouble(row.get(h.indexOf("pi_tv_intol"))), r.get("pct_intolerant"), 0.05, s.id());
        }
    }

    /**
     * The published standardised scores of the small-stream sample WestBr: score = 100 × metric / standard (HBI:
     * 100 × (10 − HBI)/(10 − 1.89)), capped at 100, with the PA DEP freestone small-stream standardisation values
     * (33, 19, 38, 1.89, 2.86, 84.5); the index is their mean, 47.8. As in the published example, HBI and Shannon
     * enter the scores rounded to two decimals.
     */
    @Test
    void reproducesThePublishedWestBranchScoresAndIndex() {
        List<BioSample> samples = BioFile.read(TableFiles.read(FIX.resolve("PADEP_freestone_example_taxa.csv")));
        BioIndices.Result r = new BioIndices(null).compute(samples.get(1));
        double hbi = Math.round(r.get("hbi") * 100) / 100.0;
        double shannon = Math.round(r.get("shannon_ln") * 100) / 100.0;
        double[] scores = {
            Math.min(100, 100 * r.get("S") / 33), Math.min(100, 100 * r.get("ept_tv4_richness") / 19),
            Math.min(100, 100 * r.get("becks3") / 38), Math.min(100, 100 * (10 - hbi) / (10 - 1.89)),
            Math.min(100, 100 * shannon / 2.86), Math.min(100, 100 * r.get("pct_intolerant") / 84.5)};
        double[] published = {45.5, 15.8, 26.3, 81.5, 61.5, 56.0};
        for (int i = 0; i < scores.length; i++) {
            assertEquals(published[i], scores[i], 0.06, "metric " + i);
        }
        assertEquals(47.8, java.util.Arrays.stream(scores).average().orElseThrow(), 0.05);
    }

    @Test
    void diversityOfASmallHandComputedSample() {
        // counts 5, 3, 2 (N = 10): p = .5/.3/.2
        BioIndices.Result r = new BioIndices(null).compute(sample("A", 5, "B", 3, "C", 2));
        assertEquals(10, r.get("N"));
        assertEquals(3, r.get("S"));
        assertEquals(1.029653, r.get("shannon_ln"), 1e-6); // .346574 + .361192 + .321888
        assertEquals(1.485475, r.get("shannon_log2"), 1e-6);
        assertEquals(0.62, r.get("simpson"), 1e-12); // 1 − (.25 + .09 + .04)
        assertEquals(1 - 28.0 / 90, r.get("simpson_unbiased"), 1e-12); // 1 − (5·4 + 3·2 + 2·1)/(10·9)
        assertEquals(1 / 0.38, r.get("inv_simpson"), 1e-12);
        assertEquals(0.937231, r.get("pielou"), 1e-6); // 1.029653 / ln 3
        assertEquals(0.868589, r.get("margalef"), 1e-6); // 2 / ln 10
        assertEquals(0.5, r.get("berger_parker"), 0);
        assertEquals(50, r.get("pct_dominant"), 0);
    }

    @Test
    void evenSampleHasMaximalEvennessAndDuplicateRowsArePooled() {
        BioIndices.Result r = new BioIndices(null).compute(sample("A", 1, "B", 1, "C", 1, "D", 0.5, "D", 0.5, "E", 0));
        assertEquals(4, r.get("S")); // E has no individuals
        assertEquals(Math.log(4), r.get("shannon_ln"), 1e-12);
        assertEquals(1.0, r.get("pielou"), 1e-12);
        assertEquals(0.75, r.get("simpson"), 1e-12);
    }

    @Test
    void toleranceIndicesWithTheShippedTaxaTable() {
        // Heptageniidae 10 (BMWP 10, TV 4), Baetis 20 (genus TV 6; Baetidae BMWP 4, TV 4), Chironomidae 30 (2, 6),
        // Oligochaeta 40 (1, 10): BMWP 17, ASPT 4.25, HBI (10·4 + 20·6 + 30·6 + 40·10)/100 = 7.40,
        // FBI (10·4 + 20·4 + 30·6 + 40·10)/100 = 7.00
        BioIndices.Result r = new BioIndices(TaxaTable.shipped()).compute(sample("Heptageniidae", 10, "Baetis", 20, "摇蚊科", 30,
                "Oligochaeta", 40));
        assertEquals(17, r.get("bmwp"), 0);
        assertEquals(4.25, r.get("aspt"), 1e-12);
        assertEquals(7.40, r.get("hbi"), 1e-12);
        assertEquals(7.00, r.get("fbi"), 1e-12);
        assertEquals(2, r.get("ept_richness"), 0);
        assertEquals(30, r.get("pct_ept"), 1e-12);
        assertEquals(30, r.get("pct_chironomidae"), 1e-12);
        assertEquals(40, r.get("pct_oligochaeta"), 1e-12);
        assertEquals(90, r.get("pct_CG"), 1e-12);
        assertEquals(10, r.get("pct_SC"), 1e-12);
        assertTrue(r.unknown().isEmpty());
        assertEquals("轻度污染", Grading.load(Grading.HILSENHOFF).grade(r.get("hbi")).labelZh());
    }

    @Test
    void misspeltTaxaAreKeptAndReportedWithTheClosestNames() {
        BioIndices.Result r = new BioIndices(TaxaTable.shipped()).compute(sample("Epeoru", 10, "Chironomidea", 5, "Heptageniidae", 5));
        assertEquals(3, r.get("S")); // never dropped
        assertEquals(20, r.get("N"));
        assertEquals(2, r.unknown().size());
        assertEquals("Epeorus", r.unknown().get(0).suggestions().get(0).name());
        assertEquals("Chironomidae", r.unknown().get(1).suggestions().get(0).name());
        assertEquals(4.0, r.get("hbi"), 0); // only Heptageniidae has a tolerance value
    }

    @ParameterizedTest
    @CsvSource({"abc,abc,0", "abc,acb,1", "Chironomidae,Chironomidea,1", "kitten,sitting,3", "ca,abc,3", "摇蚊科,摇蚊,1"})
    void damerauLevenshteinDistance(String a, String b, int d) {
        assertEquals(d, TaxaTable.distance(a, b));
    }

    @ParameterizedTest
    @CsvSource({"2.80,极清洁", "3.50,极清洁", "3.505,很清洁", "5.51,一般", "8.50,中度污染", "8.51,严重污染"})
    void hilsenhoffGrades(double hbi, String label) {
        assertEquals(label, Grading.load(Grading.HILSENHOFF).grade(hbi).labelZh());
    }

    @ParameterizedTest
    @CsvSource({"2.88,轻度污染,Lightly polluted", "1.76,中度污染,Moderately polluted", "3.0,轻度污染,Lightly polluted",
        "3.01,清洁,Clean", "0.5,严重污染,Heavily polluted"})
    void shannonGrades(double h, String zh, String en) {
        Grading.Band b = Grading.load(Grading.SHANNON).grade(h);
        assertEquals(zh, b.label(Locale.SIMPLIFIED_CHINESE));
        assertEquals(en, b.label(Locale.ENGLISH));
    }

    @Test
    void badRowsOfATaxaFileAreReportedWithRowAndColumn() {
        Table t = TableFiles.fromCsv("sample,taxon,count\nS1,Baetis,x\nS1,,3\nS1,Caenis,4\n");
        ImportRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(ImportRejectedException.class,
                () -> BioFile.read(t));
        assertEquals(2, e.problems().size());
        assertEquals(2, e.problems().get(0).row());
        assertEquals("count", e.problems().get(0).column());
        assertEquals(3, e.problems().get(1).row());
        assertEquals("taxon", e.problems().get(1).column());
    }

    @Test
    void aUserTaxaTableWithChineseHeadersReplacesTheShippedOne() {
        TaxaTable t = TaxaTable.read(TableFiles.fromCsv("中文名,拉丁名,科,目,耐污值,BMWP分值\n"
                + "测试蜉,Testbaetis,Baetidae,Ephemeroptera,2.5,\n"), "user");
        BioIndices.Result r = new BioIndices(t).compute(sample("测试蜉", 4, "Unknownus", 4));
        assertEquals(2.5, r.get("hbi"), 0);
        assertEquals(50, r.get("pct_ept"), 0);
        assertEquals(1, r.unknown().size());
        Map<String, Double> v = r.values();
        assertTrue(Double.isNaN(v.get("bmwp")));
        Executable bad = () -> TaxaTable.read(TableFiles.fromCsv("latin,tolerance\nX,11\n"), "user");
        org.junit.jupiter.api.Assertions.assertThrows(ImportRejectedException.class, bad);
    }
}
