package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.water.BibiJson;
import cn.ecoaid.water.BibiModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaterCommandTest {
    static final String EX = "sample-data/examples/water/";
    static final String FIX = "src/test/resources/fixtures/water/";

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--lang";
        all[1] = "en";
        System.arraycopy(args, 0, all, 2, args.length);
        int s = Main.run(new PrintWriter(o), new PrintWriter(e), all);
        return new Run(s, o.toString(), e.toString());
    }

    static String cell(Table t, String header, int row) {
        return t.rows().get(row).get(t.headers().indexOf(header));
    }

    @Test
    void classifiesEachSiteAndDateWithMainPollutants() throws Exception {
        Path in = dir.resolve("wq.csv");
        // NH3-N 2.5 (劣V, (2.5−1)/1 = 1.5), TP 0.35 river (V, 0.75), DO 6 (II); second site all class II
        Files.writeString(in, "site,date,parameter,value,unit\n"
                + "A,2024-05-01,氨氮,2.5,mg/L\nA,2024-05-01,总磷,350,µg/L\nA,2024-05-01,溶解氧,6,mg/L\n"
                + "B,2024-05-01,NH3-N,0.4,mg/L\nB,2024-05-01,TP,<0.02,mg/L\n");
        Path out = dir.resolve("classes.csv");
        Run r = run("water", "classify", "--input", in.toString(), "--out", out.toString(), "--target", "III");
        assertEquals(0, r.status(), r.err());
        Table t = TableFiles.read(out);
        assertEquals("劣V", cell(t, "class", 0));
        assertEquals("NH3-N;TP", cell(t, "main_pollutant_codes", 0));
        assertEquals("Heavily polluted", cell(t, "status", 0));
        assertEquals("no", cell(t, "attained", 0));
        assertEquals("II", cell(t, "class", 1));
        assertEquals("TP<0.02", cell(t, "below_detection", 1));
    }

    @Test
    void theSampleSeasonOfSixSectionsIsEvaluatedByClassProportions() {
        Path out = dir.resolve("c.csv");
        Path summary = dir.resolve("s.csv");
        Run r = run("water", "classify", "--input", EX + "wq-river-season.csv", "--out", out.toString(), "--summary",
                summary.toString());
        assertEquals(0, r.status(), r.err());
        Table s = TableFiles.read(summary);
        assertEquals("class_proportion", cell(s, "method", 0));
        assertEquals("6", cell(s, "sections", 0));
        assertEquals(18, TableFiles.read(out).rows().size());
        Path perPeriod = dir.resolve("p.csv");
        assertEquals(0, run("water", "classify", "--input", EX + "wq-river-season.csv", "--out", out.toString(), "--summary",
                perPeriod.toString(), "--by-period").status());
        Table p = TableFiles.read(perPeriod);
        assertEquals(3, p.rows().size());
        Table c = TableFiles.read(out);
        for (Table.Row row : p.rows()) {
            // each period has one sample per section, so its section classes are that period's classes
            String period = row.get(p.headers().indexOf("period"));
            String expected = c.rows().stream().filter(x -> x.get(c.headers().indexOf("period")).equals(period))
                    .map(x -> x.get(0) + ":" + x.get(c.headers().indexOf("class"))).collect(java.util.stream.Collectors.joining(";"));
            assertEquals(expected, row.get(p.headers().indexOf("section_classes")));
        }
    }

    @Test
    void badRowsStopTheImportWithRowAndColumn() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "site,date,parameter,value\nA,2024-05-01,DO,x\nA,2024-05-01,Foo,1\n");
        Run r = run("water", "classify", "--input", in.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("Foo") && r.err().contains("x"), r.err());
        Run valid = run("water", "classify", "--input", in.toString(), "--out", dir.resolve("o.csv").toString(), "--valid-only");
        assertEquals(1, valid.status()); // nothing valid remains to classify
    }

    @Test
    void trophicStateOfTheSampleLake() {
        Path out = dir.resolve("tli.csv");
        Run r = run("water", "tli", "--input", EX + "wq-lake-season.csv", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Table t = TableFiles.read(out);
        assertEquals(9, t.rows().size());
        // DH-1 on 2024-04-15: recompute from its inputs (chla 8.7, TP 0.036, TN 0.85, SD 1.29, CODMn 3.69)
        double tli = 0.2663 * 10 * (2.5 + 1.086 * Math.log(8.7)) + 0.1879 * 10 * (9.436 + 1.624 * Math.log(0.036))
                + 0.1790 * 10 * (5.453 + 1.694 * Math.log(0.85)) + 0.1834 * 10 * (5.118 - 1.94 * Math.log(1.29))
                + 0.1834 * 10 * (0.109 + 2.661 * Math.log(3.69));
        assertEquals(tli, Double.parseDouble(cell(t, "TLI", 0)), 0.01);
        assertEquals("Mesotrophic", cell(t, "grade", 0));
    }

    @Test
    void indicesOfThePublishedPaDepExample() {
        Path out = dir.resolve("ind.csv");
        Run r = run("water", "indices", "--input", FIX + "PADEP_freestone_example_taxa.csv", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Table t = TableFiles.read(out);
        assertEquals("DriftwoodBr", cell(t, "sample", 0));
        assertEquals(2.88, Double.parseDouble(cell(t, "shannon_ln", 0)), 0.005);
        assertEquals(1.76, Double.parseDouble(cell(t, "shannon_ln", 1)), 0.005);
        assertEquals(2.80, Double.parseDouble(cell(t, "hbi", 0)), 0.005);
        assertEquals(3.39, Double.parseDouble(cell(t, "hbi", 1)), 0.005);
        assertEquals("31", cell(t, "S", 0));
    }

    @Test
    void indicesReportMisspeltTaxaWithSuggestions() {
        Path out = dir.resolve("ind.csv");
        Path unknown = dir.resolve("unknown.csv");
        Run r = run("water", "indices", "--input", EX + "benthic-survey.csv", "--default-taxa", "--out", out.toString(),
                "--unknown", unknown.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("Heptagenidae") && r.err().contains("Heptageniidae"), r.err());
        Table u = TableFiles.read(unknown);
        assertEquals("Heptagenidae", cell(u, "taxon", 0));
        assertEquals(12, TableFiles.read(out).rows().size());
    }

    @Test
    void buildsABibiAndScoresNewSamplesWithTheSavedModel() {
        Path model = dir.resolve("model.json");
        Path steps = dir.resolve("steps.csv");
        Run b = run("water", "bibi", "build", "--input", EX + "benthic-survey.csv", "--default-taxa", "--out", model.toString(),
                "--steps", steps.toString());
        assertEquals(0, b.status(), b.err());
        BibiModel m = BibiJson.load(model);
        assertEquals(6, m.referenceSamples().size());
        assertTrue(m.scoring().size() >= 2);
        // every kept metric discriminates (IQ ≥ 2) and no pair of kept metrics is redundant
        for (BibiModel.Candidate c : m.candidates()) {
            if (c.kept()) {
                assertTrue(c.iq() >= 2 && c.redundantWith() == null, c.metric());
            }
        }
        assertEquals(m.candidates().size(), TableFiles.read(steps).rows().size());
        Path scores = dir.resolve("scores.csv");
        Run s = run("water", "bibi", "score", "--model", model.toString(), "--input", EX + "benthic-new.csv", "--default-taxa",
                "--out", scores.toString());
        assertEquals(0, s.status(), s.err());
        Table t = TableFiles.read(scores);
        assertEquals(2, t.rows().size());
        assertTrue(Double.parseDouble(cell(t, "bibi", 0)) > Double.parseDouble(cell(t, "bibi", 1)));
    }

    @Test
    void bibiWithAnExplicitReferenceListOnAMetricTable() throws Exception {
        Path metrics = dir.resolve("m.csv");
        Files.writeString(metrics, "site,S,hbi\nR1,10,5\nR2,12,3\nR3,14,6\nR4,16,4\nI1,2,5.5\nI2,4,7\nI3,6,8\nI4,8,9\n");
        Path model = dir.resolve("m.json");
        Run r = run("water", "bibi", "build", "--input", metrics.toString(), "--reference", "R1,R2,R3,R4", "--out", model.toString());
        assertEquals(0, r.status(), r.err());
        // same data as BibiBuilderTest: reference P25 = 1.424895
        assertEquals(1.424895, BibiJson.load(model).p25(), 1e-6);
    }

    @Test
    void comparesTwoPeriodsBySiteAndByClassProportions() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        // before: NH3-N 0.4 II, 0.9 III, 1.4 IV, 2.5 劣V, 3.5 劣V → I–III 40 %, 劣V 40 %
        Files.writeString(a, "site,date,NH3-N\nA,2024-01-10,0.4\nB,2024-01-10,0.9\nC,2024-01-10,1.4\nD,2024-01-10,2.5\n"
                + "E,2024-01-10,3.5\n");
        // after: 0.4 II, 0.9 III, 0.9 III, 1.4 IV, 2.5 劣V → 60 %, 20 %: ΔG +20, ΔD −20 → markedly better
        Files.writeString(b, "site,date,NH3-N\nA,2025-01-10,0.4\nB,2025-01-10,0.9\nC,2025-01-10,0.9\nD,2025-01-10,1.4\n"
                + "E,2025-01-10,2.5\n");
        Path out = dir.resolve("trend.csv");
        Run r = run("water", "compare", "--before", a.toString(), "--after", b.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Table t = TableFiles.read(out);
        assertEquals("Slightly better", cell(t, "trend", 2)); // C: IV → III
        assertEquals("IV", cell(t, "before", 2));
        assertEquals("No marked change", cell(t, "trend", 4)); // E: 劣V → 劣V
        assertEquals("all", cell(t, "level", 5));
        assertEquals("40", cell(t, "pct_I_III_before", 5));
        assertEquals("60", cell(t, "pct_I_III_after", 5));
        assertEquals("Markedly better", cell(t, "trend", 5));
    }

    @Test
    void aSitesFileGivesTypeAndTargetToRowsWithout() throws Exception {
        Path sites = dir.resolve("sites.csv");
        Files.writeString(sites, "code,name,水体类型,水质目标\nL1,东湖1号,湖库,II\n");
        Path in = dir.resolve("wq.csv");
        Files.writeString(in, "site,date,TP\nL1,2024-07-01,0.03\nR1,2024-07-01,0.03\n");
        Path out = dir.resolve("c.csv");
        Run r = run("water", "classify", "--input", in.toString(), "--sites", sites.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Table t = TableFiles.read(out);
        assertEquals("III", cell(t, "class", 0)); // lake TP limits
        assertEquals("no", cell(t, "attained", 0));
        assertEquals("II", cell(t, "class", 1)); // river, no site entry
    }

    @Test
    void theWrittenTaxaTableReadsBackAsTheSameTable() {
        Path out = dir.resolve("taxa.csv");
        assertEquals(0, run("water", "taxa", "--out", out.toString()).status());
        cn.ecoaid.water.TaxaTable back = cn.ecoaid.water.TaxaTable.read(TableFiles.read(out), "taxa.csv");
        assertEquals(cn.ecoaid.water.TaxaTable.shipped().taxa(), back.taxa());
    }

    @Test
    void anUnknownWideColumnIsNamedInAWarning() throws Exception {
        Path in = dir.resolve("wide.csv");
        Files.writeString(in, "site,date,DO,总憐\nA,2024-01-01,7,0.1\n");
        Run r = run("water", "classify", "--input", in.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("总憐"), r.err());
    }
}
