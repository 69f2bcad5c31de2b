package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PiePlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PMF charts draw ESAT's own derived numbers for its best Baton Rouge model: the profile bars are ESAT's % of
 * species, the contribution line and the G-space points are ESAT's contributions normalised to mean 1, and the pie's
 * slices are each factor's TNMOC in ESAT's concentration-unit profile (mean contribution × profile).
 */
class PmfChartsTest {
    @TempDir
    Path dir;

    private static List<String> names() {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= 6; k++) {
            out.add("因子" + k);
        }
        return out;
    }

    @Test
    void chartsShowEsatsDerivedValues() throws Exception {
        PmfResults r = PmfResultsTest.esatBest();
        double[][] pct = PmfResultsTest.esatFile("esat-f6/best-profile-percent_of_species.csv", 6, 41);
        double[][] conc = PmfResultsTest.esatFile("esat-f6/best-profile_H-conc_units-normW.csv", 6, 41);
        double[][] norm = PmfResultsTest.esatFile("esat-f6/best-contribution_W-normalised_mean1.csv", 307, 6);
        int tnmoc = r.species().indexOf("TNMOC");
        assertTrue(tnmoc >= 0);

        JFreeChart profile = PmfChartSet.of(PmfChartSet.Kind.PROFILE, r, names(), 2, 2);
        var bars = profile.getCategoryPlot().getDataset();
        for (int j = 0; j < 41; j++) {
            assertEquals(pct[2][j], bars.getValue(0, j).doubleValue(), 1e-6 * Math.max(1, pct[2][j]), r.species().get(j));
        }
        XYDataset line = PmfChartSet.of(PmfChartSet.Kind.CONTRIBUTIONS, r, names(), 4, 4).getXYPlot().getDataset();
        XYDataset g = PmfChartSet.of(PmfChartSet.Kind.GSPACE, r, names(), 0, 5).getXYPlot().getDataset();
        for (int i = 0; i < 307; i++) {
            assertEquals(i + 1, line.getXValue(0, i), 0);
            assertEquals(norm[i][4], line.getYValue(0, i), 1e-9);
            assertEquals(norm[i][0], g.getXValue(0, i), 1e-9);
            assertEquals(norm[i][5], g.getYValue(0, i), 1e-9);
        }
        @SuppressWarnings("unchecked")
        PiePlot<String> pie = (PiePlot<String>) PmfChartSet.of(PmfChartSet.Kind.PIE, r, names(), 0, 0).getPlot();
        for (int k = 0; k < 6; k++) {
            assertEquals(conc[k][tnmoc], pie.getDataset().getValue(names().get(k)).doubleValue(), 1e-9 * Math.max(1, conc[k][tnmoc]));
        }
        assertTrue(PmfChartSet.of(PmfChartSet.Kind.PIE, r, names(), 0, 0).getTitle().getText().contains("TNMOC"));

        // Every chart as a PNG: 6 profiles, 6 contribution lines, the pie, 15 G-space pairs.
        assertEquals(28, PmfChartSet.writeAll(r, names(), dir));
        try (var files = Files.list(dir)) {
            assertEquals(28, files.filter(f -> f.toString().endsWith(".png")).count());
        }
        assertTrue(Files.size(dir.resolve("gspace-1-6.png")) > 10_000);
    }
}
