package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pmf --workspace W --save NAME} keeps a run; {@code pmf-runs rerun} repeats it exactly from the workspace. */
class PmfRunsCommandTest {
    static final String PMF = "sample-data/project/pmf/";
    static final String EX = PmfCommandTest.EX;
    static final String TRACE = PmfCommandTest.TRACE;

    @TempDir
    Path dir;

    private Path workspace() {
        try (Workspace ws = TestWorkspaces.create(dir)) {
            return ws.file();
        }
    }

    @Test
    void keptSeededRunIsListedShownAndRepeatedBitForBit() throws Exception {
        Path ws = workspace();
        Path out = dir.resolve("out");
        String[] r = PmfCommandTest.run("pmf", "--conc", PMF + "pm25-conc.csv", "--species-table", PMF + "pm25-species.csv",
                "--extra-unc", "5", "--factors", "5", "--models", "3", "--seed", "11", "--bad", "As", "--out", out.toString(),
                "--workspace", ws.toString(), "--save", "2025 全年", "--factor-names", "二次硫酸盐,二次硝酸盐,扬尘,机动车,燃煤");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("2025 全年"), r[1]);
        JsonNode summary = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));

        r = PmfCommandTest.run("pmf-runs", "list", "--workspace", ws.toString());
        assertEquals("0", r[0], r[2]);
        String line = r[1].lines().filter(l -> l.startsWith("2025 全年\t")).findFirst().orElseThrow();
        assertTrue(line.endsWith("\t" + summary.get("best").get("Q_true").asDouble() + "\t"
                + summary.get("best").get("Q_robust").asDouble()), line);

        r = PmfCommandTest.run("pmf-runs", "show", "--workspace", ws.toString(), "--name", "2025 全年", "--out",
                dir.resolve("shown").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("Factor3: 扬尘"), r[1]);
        assertTrue(r[1].contains("bad: As"), r[1]);
        assertTrue(r[1].contains("\"extra_uncertainty_percent\":5.0"), r[1]);
        // the kept run's files equal the fresh run's
        assertEquals(Files.readString(out.resolve("profiles.csv")), Files.readString(dir.resolve("shown/profiles.csv")));
        assertEquals(Files.readString(out.resolve("contributions.csv")),
                Files.readString(dir.resolve("shown/contributions.csv")));

        r = PmfCommandTest.run("pmf-runs", "rerun", "--workspace", ws.toString(), "--name", "2025 全年", "--threads", "1");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("Model 3/3 finished"), "progress while repeating: " + r[1]);
        for (int k = 0; k < 3; k++) {
            JsonNode m = summary.get("models").get(k);
            String row = r[1].lines().filter(l -> l.startsWith(m.get("model").asInt() + "\t")).findFirst().orElseThrow();
            String[] cells = row.split("\t");
            assertEquals(m.get("seed").asLong(), Long.parseLong(cells[1]));
            assertEquals(m.get("Q_true").asDouble(), Double.parseDouble(cells[3]), 0.0, "rerun Q(true) of model " + (k + 1));
            assertEquals("identical", cells[6]);
        }
        assertTrue(r[1].contains("all 3 models gave the stored Q(true) (3 bit for bit)"), r[1]);
    }

    /** ESAT's model 4 start (reference/pmf trace) in ESAT mode: kept, repeated, and equal to ESAT's own Q(true). */
    @Test
    void runFromGivenInitialMatricesIsRepeatedFromTheStoredMatrices() throws Exception {
        Path ws = workspace();
        String[] r = PmfCommandTest.run("pmf", "--conc", EX + "Dataset-BatonRouge-con.csv", "--unc",
                EX + "Dataset-BatonRouge-unc.csv", "--factors", "6", "--method", "ls-nmf", "--no-robust", "--all-strong",
                "--float32", "--init-w", TRACE + "init-model04-seed43887-W0.csv", "--init-h",
                TRACE + "init-model04-seed43887-H0.csv", "--workspace", ws.toString(), "--save", "esat-4");
        assertEquals("0", r[0], r[2]);
        r = PmfCommandTest.run("pmf-runs", "rerun", "--workspace", ws.toString(), "--name", "esat-4");
        assertEquals("0", r[0], r[2]);
        String[] cells = r[1].lines().filter(l -> l.startsWith("1\t")).findFirst().orElseThrow().split("\t");
        assertEquals("identical", cells[6]);
        assertEquals(cells[4], cells[5], "same iterations");
        // ESAT (runs.csv, model 4): Q(true) 66203.86269863436 after 3819 iterations
        assertEquals(66203.86269863436, Double.parseDouble(cells[3]), 66203.86 * 1e-6);
        assertEquals("3819", cells[5]);
    }

    @Test
    void aStoredResultThatNoLongerMatchesIsReportedAndDeletedRunsAreGone() throws Exception {
        Path ws = workspace();
        String[] r = PmfCommandTest.run("pmf", "--conc", PMF + "pm25-conc.csv", "--species-table", PMF + "pm25-species.csv",
                "--factors", "4", "--models", "2", "--workspace", ws.toString(), "--save", "A");
        assertEquals("0", r[0], r[2]);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE pmf_model SET q_true = q_true * (1 + 1e-9) WHERE model = 2");
        }
        r = PmfCommandTest.run("pmf-runs", "rerun", "--workspace", ws.toString(), "--name", "A");
        assertEquals("1", r[0]);
        assertTrue(r[1].lines().anyMatch(l -> l.startsWith("2\t") && l.endsWith("\tDIFFERS")), r[1]);
        assertTrue(r[1].lines().anyMatch(l -> l.startsWith("1\t") && l.endsWith("\tidentical")), r[1]);
        assertTrue(r[2].contains("1 of 2 models"), r[2]);

        r = PmfCommandTest.run("pmf-runs", "names", "--workspace", ws.toString(), "--name", "A", "--factor-names", "a,b,c,d");
        assertEquals("0", r[0], r[2]);
        r = PmfCommandTest.run("pmf-runs", "delete", "--workspace", ws.toString(), "--name", "A");
        assertEquals("0", r[0], r[2]);
        r = PmfCommandTest.run("pmf-runs", "show", "--workspace", ws.toString(), "--name", "A");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("No PMF run \"A\""), r[2]);
        r = PmfCommandTest.run("pmf", "--conc", PMF + "pm25-conc.csv", "--species-table", PMF + "pm25-species.csv",
                "--factors", "4", "--models", "1", "--save", "B");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("--save and --workspace"), r[2]);
    }
}
