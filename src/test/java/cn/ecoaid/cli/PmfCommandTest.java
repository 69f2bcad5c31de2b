package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PmfCommandTest {
    static final String EX = "sample-data/examples/pmf/";
    static final String TRACE = "src/test/resources/fixtures/pmf/trace/";

    @TempDir
    Path dir;

    static String[] run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--lang";
        all[1] = "en";
        System.arraycopy(args, 0, all, 2, args.length);
        int s = Main.run(new PrintWriter(o), new PrintWriter(e), all);
        return new String[] {Integer.toString(s), o.toString(), e.toString()};
    }

    /** From ESAT's model-4 start in ESAT mode the command reproduces ESAT's model 4 and writes every table. */
    @Test
    void runsFromGivenInitialMatricesAndWritesResults() throws Exception {
        String[] r = run("pmf", "--conc", EX + "Dataset-BatonRouge-con.csv", "--unc", EX + "Dataset-BatonRouge-unc.csv",
                "--factors", "6", "--method", "ls-nmf", "--no-robust", "--all-strong", "--float32",
                "--init-w", TRACE + "init-model04-seed43887-W0.csv", "--init-h", TRACE + "init-model04-seed43887-H0.csv",
                "--out", dir.toString(), "--bootstrap", "2");
        assertEquals("0", r[0], r[2]);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(1, json.get("models").size());
        // ESAT's float64 run of model 4: 3,819 iterations, Q(true) 66,203.8627 (runs.csv)
        assertEquals(3819, json.get("models").get(0).get("iterations").asInt());
        assertEquals(66203.86269863436, json.get("best").get("Q_true").asDouble(), 66203.86 * 1e-6);
        assertTrue(Files.exists(dir.resolve("factor-name-suggestions.csv")));
        assertTrue(Files.exists(dir.resolve("bootstrap-mapping.csv")));
        assertEquals(42, Files.readAllLines(dir.resolve("profiles.csv")).size());
    }

    /** Contributions normalised to mean 1: strictly non-negative by default, not below about −F with --contribution-lower F. */
    @Test
    void contributionLowerBoundIsKept() throws Exception {
        String proj = "sample-data/project/pmf/";
        double[] mins = new double[2];
        String[] lows = {"0", "0.2"};
        for (int t = 0; t < 2; t++) {
            Path out = dir.resolve("low-" + t);
            String[] r = run("pmf", "--conc", proj + "pm25-conc.csv", "--species-table", proj + "pm25-species.csv",
                    "--factors", "6", "--models", "2", "--seed", "3", "--contribution-lower", lows[t], "--out", out.toString(),
                    "--charts", "--factor-names", "硫酸盐,硝酸盐");
            assertEquals("0", r[0], r[2]);
            try (var charts = java.nio.file.Files.list(out.resolve("charts"))) {
                assertEquals(6 * 2 + 1 + 15, charts.count(), "profiles, contributions, the pie, every G-space pair");
            }
            double min = Double.MAX_VALUE;
            for (var row : cn.ecoaid.io.TableFiles.read(out.resolve("contributions.csv")).rows()) {
                for (int c = 1; c < row.cells().size(); c++) {
                    min = Math.min(min, Double.parseDouble(row.get(c)));
                }
            }
            mins[t] = min;
        }
        assertTrue(mins[0] >= 0, "strict: " + mins[0]);
        assertTrue(mins[1] >= -0.2 - 0.05, "bounded: " + mins[1]);
        String[] bad = run("pmf", "--conc", proj + "pm25-conc.csv", "--species-table", proj + "pm25-species.csv",
                "--factors", "2", "--contribution-lower", "1.5", "--out", dir.resolve("bad").toString());
        assertTrue(bad[2].contains("between 0 and 1"), bad[2]);
    }

    @Test
    void buildsUncertaintiesFromASpeciesTable() throws Exception {
        String[] r = run("pmf", "--conc", EX + "pm25-conc.csv", "--species-table", EX + "species-table.csv",
                "--extra-unc", "10", "--factors", "2", "--models", "3", "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("Best model"), r[1]);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(3, json.get("models").size());
        assertEquals(6, json.get("samples").asInt());
    }

    @Test
    void reportsBadInputWithRowAndColumn() throws Exception {
        Path c = dir.resolve("c.csv");
        Path u = dir.resolve("u.csv");
        Files.writeString(c, "date,a,b\nd1,1,2\nd2,3,oops\n");
        Files.writeString(u, "date,a,b\nd1,0.1,0.2\nd2,0.3,0.4\n");
        String[] r = run("pmf", "--conc", c.toString(), "--unc", u.toString(), "--factors", "1", "--out",
                dir.resolve("o").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("row 3") && r[2].contains("oops"), r[2]);
    }

    @Test
    void ofpWritesLinesTotalsAndTopSpecies() throws Exception {
        Path out = dir.resolve("ofp.csv");
        String[] r = run("ofp", "--input", EX + "voc-ofp.csv", "--unit", "ppbv", "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("chloromethane"), r[1]);
        assertEquals(1 + 9, Files.readAllLines(out).size(), "header + 9 species values (the NOx row is not a VOC)");
        assertTrue(Files.readAllLines(out).stream().anyMatch(l -> l.startsWith("S1,2025-07-01 14:00,m/p-xylene,m/p-xylene,")),
                "m/p-xylene is matched");
        assertEquals(3, Files.readAllLines(dir.resolve("ofp-samples.csv")).size());
        assertTrue(Files.readAllLines(dir.resolve("ofp-top.csv")).get(1).startsWith("formaldehyde"));
    }
}
