package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ProgressListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derived results computed from ESAT's best model (15) equal ESAT's own derived files. */
class PmfResultsTest {
    static PmfResults esatBest() {
        PmfData d = PmfInputTest.batonRouge();
        PreparedInput in = PreparedInput.prepare(d, false, null, null, null);
        double[] w = PmfFiles.flatten(PmfFiles.readMatrix(Fixtures.file("esat-f6/model15-contribution_W.csv")), 307, 6, "W");
        double[] h = PmfFiles.flatten(PmfFiles.readMatrix(Fixtures.file("esat-f6/model15-profile_H.csv")), 6, 41, "H");
        double[] wh = Objective.product(w, h, 307, 41, 6);
        Solution s = new Solution(71747, 307, 41, 6, w, h, Objective.qTrue(in.v(), in.u(), wh),
                Objective.qRobust(in.v(), in.u(), wh, 4), 9904, true, 0);
        return new PmfResults(in, s);
    }

    static double[][] esatFile(String name, int rows, int cols) {
        double[][] a = PmfFiles.readMatrixWithRowLabels(Fixtures.file(name));
        assertEquals(rows, a.length);
        assertEquals(cols, a[0].length);
        return a;
    }

    @Test
    void percentOfSpeciesAndNormalisedProfilesMatchEsat() {
        PmfResults r = esatBest();
        double[][] pct = esatFile("esat-f6/best-profile-percent_of_species.csv", 6, 41);
        double[][] conc = esatFile("esat-f6/best-profile_H-conc_units-normW.csv", 6, 41);
        for (int k = 0; k < 6; k++) {
            for (int j = 0; j < 41; j++) {
                assertEquals(pct[k][j], r.percentOfSpecies(k, j), 1e-9, "percent " + k + "," + j);
                assertEquals(conc[k][j], r.profile(k, j), 1e-9 * Math.max(1, conc[k][j]), "profile " + k + "," + j);
            }
        }
    }

    @Test
    void normalisedContributionsMatchEsat() {
        PmfResults r = esatBest();
        double[][] c = esatFile("esat-f6/best-contribution_W-normalised_mean1.csv", 307, 6);
        for (int i = 0; i < 307; i++) {
            for (int k = 0; k < 6; k++) {
                assertEquals(c[i][k], r.contribution(i, k), 1e-9, "contribution " + i + "," + k);
            }
        }
    }

    @Test
    void diagnosticsAreConsistent() {
        PmfResults r = esatBest();
        // Q/Qexp per species averages to Q/Qexp overall
        double sum = 0;
        for (int j = 0; j < 41; j++) {
            sum += r.qOverQexpSpecies(j);
        }
        assertEquals(r.solution().qTrue() / r.qExpected(), sum / 41, 1e-9);
        assertEquals(64122.3336, r.solution().qTrue(), 0.01);
        // observed vs predicted, checked against numpy.polyfit / corrcoef² on ESAT's W·H
        double[] tnmoc = r.observedVsPredicted(r.species().indexOf("TNMOC"));
        assertEquals(1.031616158952092, tnmoc[0], 1e-9);
        assertEquals(9.383130034114012, tnmoc[1], 1e-7);
        assertEquals(0.8112616574185538, tnmoc[2], 1e-9);
        double[] ethane = r.observedVsPredicted(r.species().indexOf("Ethane"));
        assertEquals(0.9353809809596099, ethane[0], 1e-9);
        assertEquals(2.4319394715853546, ethane[1], 1e-8);
        assertEquals(0.5653672627205726, ethane[2], 1e-9);
    }

    @Test
    void writesSummaryAndTables(@TempDir Path dir) throws Exception {
        PreparedInput in = PreparedInput.prepare(PmfInputTest.batonRouge(), true, null, null, "TNMOC");
        PmfRunner.Settings s = PmfRunner.Settings.of(3, 2, 5, Method.ALS, true)
                .withAls(AlsNmf.Options.defaults().withRobust(true).withMaxIter(30));
        PmfRunner.Batch b = PmfRunner.run(in, s, ProgressListener.NONE);
        PmfOutput.write(dir, in, b);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(2, json.get("models").size());
        assertEquals(b.models().get(0).seed(), json.get("models").get(0).get("seed").asLong());
        assertEquals(b.bestModel().qRobust(), json.get("best").get("Q_robust").asDouble(), 0);
        assertEquals("weak", json.get("species_categories").get(40).get("category").asText());
        for (String f : List.of("profiles.csv", "profiles-percent.csv", "contributions.csv", "residuals.csv",
                "species-diagnostics.csv", "sample-diagnostics.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        assertEquals(308, Files.readAllLines(dir.resolve("contributions.csv")).size());
    }
}
