package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.pmf.ConstrainedSolver;
import cn.ecoaid.pmf.Displacement;
import cn.ecoaid.pmf.PmfFiles;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.Solution;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pmf --disp --fpeak --constraints}: the files and summary sections, equal to the core run on the written model. */
class PmfRotationCommandTest {
    static final double[][] F = {{5, 3, 0, 0, 1, 0, 2, 0}, {0, 1, 4, 2, 0, 0, 1, 3}, {1, 0, 0, 3, 2, 4, 0, 0}};

    @TempDir
    Path dir;

    /** 40 samples of three separated sources; contributions vary smoothly, each source absent in every 5th sample. */
    Path[] write() throws Exception {
        int n = 40;
        StringBuilder c = new StringBuilder("sample");
        StringBuilder u = new StringBuilder("sample");
        for (int j = 0; j < 8; j++) {
            c.append(",X").append(j + 1);
            u.append(",X").append(j + 1);
        }
        for (int i = 0; i < n; i++) {
            c.append("\ns").append(i + 1);
            u.append("\ns").append(i + 1);
            for (int j = 0; j < 8; j++) {
                double x = 0;
                for (int k = 0; k < 3; k++) {
                    double g = (i + k) % 5 == 0 ? 0 : 1 + 0.8 * Math.sin(1.7 * i + 2.1 * k);
                    x += g * F[k][j];
                }
                c.append(',').append(x);
                u.append(',').append(0.1 * x + 0.05);
            }
        }
        Path conc = dir.resolve("c.csv");
        Path unc = dir.resolve("u.csv");
        Files.writeString(conc, c + "\n");
        Files.writeString(unc, u + "\n");
        return new Path[] {conc, unc};
    }

    @Test
    void writesDispFpeakAndConstrainedResults() throws Exception {
        Path[] in = write();
        Path cons = dir.resolve("cons.csv");
        Files.writeString(cons, "kind,target,factor,species_or_sample,value,dq_percent\nzero,profile,1,X2,,\n");
        Path out = dir.resolve("out");
        String[] r = PmfCommandTest.run("pmf", "--conc", in[0].toString(), "--unc", in[1].toString(), "--factors", "3",
                "--models", "2", "--seed", "5", "--no-robust", "--all-strong", "--threads", "2", "--disp", "--disp-dq",
                "4,16", "--fpeak", "-0.5,0.5", "--constraints", cons.toString(), "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("Fpeak -0.5"), r[1]);
        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, json.get("disp").get("dq_max").size());
        assertEquals(2, json.get("fpeak").size());
        for (JsonNode f : json.get("fpeak")) {
            assertTrue(f.get("dQ").asDouble() >= -1e-6, f.toString());
            assertTrue(Files.exists(out.resolve(f.get("folder").asText()).resolve("profiles.csv")));
            assertTrue(Files.exists(out.resolve(f.get("folder").asText()).resolve("contributions.csv")));
        }
        JsonNode c = json.get("constrained");
        assertTrue(c.get("dQ").asDouble() >= 0);
        assertTrue(c.get("budget_met").asBoolean());
        assertTrue(json.get("disp").get("complete").asBoolean());
        assertEquals(json.get("best").get("Q_true").asDouble(), json.get("rotation_base").get("Q_best_model").asDouble(), 0);
        assertTrue(json.get("rotation_base").get("Q_refit").asDouble() <= json.get("best").get("Q_true").asDouble() + 1e-9);
        Table prof = TableFiles.read(out.resolve("constrained").resolve("profiles.csv"));
        assertEquals(0.0, Double.parseDouble(prof.rows().get(1).get(1)), 0.0, "X2 of factor 1 set to zero");

        // the DISP intervals equal those of the core run on the model the command wrote
        PreparedInput data = PreparedInput.prepare(PmfFiles.read(in[0], in[1]), false, null, null, null);
        Solution best = ConstrainedSolver.refit(data, read(out, data), ConstrainedSolver.Options.defaults(false),
                ProgressListener.NONE);
        Displacement.Result d = Displacement.run(data, best, Displacement.Settings.defaults(false).withThreads(2)
                .withLevels(4, 16), ProgressListener.NONE);
        Table disp = TableFiles.read(out.resolve("disp.csv"));
        assertEquals(2 * 3 * 8, disp.rows().size());
        for (Table.Row row : disp.rows()) {
            int k = Integer.parseInt(row.get(0).substring("Factor".length())) - 1;
            int j = Integer.parseInt(row.get(1).substring(1)) - 1;
            int l = row.get(3).startsWith("4") ? 0 : 1;
            double width = d.upper()[l][k][j] - d.lower()[l][k][j];
            assertEquals(d.upper()[l][k][j], Double.parseDouble(row.get(5)), 1e-3 * width, row.cells().toString());
            assertEquals(d.lower()[l][k][j], Double.parseDouble(row.get(4)), 1e-3 * width, row.cells().toString());
        }
    }

    @Test
    void badRotationInputIsAnErrorInTheUsersLanguage() throws Exception {
        Path[] in = write();
        String[] r = PmfCommandTest.run("pmf", "--conc", in[0].toString(), "--unc", in[1].toString(), "--factors", "3",
                "--models", "1", "--fpeak", "2.5", "--out", dir.resolve("o").toString());
        assertNotEquals("0", r[0]);
        assertTrue(r[2].contains("Fpeak strength 2.5"), r[2]);
        Path cons = dir.resolve("bad.csv");
        Files.writeString(cons, "kind,target,factor,species_or_sample,value,dq_percent\nzero,profile,7,X2,,\n");
        r = PmfCommandTest.run("pmf", "--conc", in[0].toString(), "--unc", in[1].toString(), "--factors", "3",
                "--models", "1", "--constraints", cons.toString(), "--out", dir.resolve("o").toString());
        assertNotEquals("0", r[0]);
        assertTrue(r[2].contains("factor \"7\" is not between 1 and 3"), r[2]);
    }

    /** The best model from profiles.csv (concentration units) and contributions.csv (mean 1). */
    static Solution read(Path out, PreparedInput data) {
        Table prof = TableFiles.read(out.resolve("profiles.csv"));
        Table con = TableFiles.read(out.resolve("contributions.csv"));
        int p = prof.headers().size() - 1;
        int m = prof.rows().size();
        int n = con.rows().size();
        double[] h = new double[p * m];
        double[] w = new double[n * p];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < p; k++) {
                h[k * m + j] = Double.parseDouble(prof.rows().get(j).get(k + 1));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                w[i * p + k] = Double.parseDouble(con.rows().get(i).get(k + 1));
            }
        }
        ConstrainedSolver.normalise(w, h, n, m, p);
        return new Solution(-1, n, m, p, w, h, 0, 0, 0, true, 0);
    }
}
