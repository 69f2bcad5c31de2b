package cn.ecoaid.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.Method;
import cn.ecoaid.pmf.PmfData;
import cn.ecoaid.pmf.PmfRunner;
import cn.ecoaid.pmf.PmfRuns;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.SavedPmfRun;
import cn.ecoaid.pmf.Solution;
import cn.ecoaid.pmf.UncertaintyBuilder;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "pmf-factors" block shows a kept run's factors with their mean contribution to PM2.5, share and markers. */
class PmfFactorsBlockSourceTest {
    static final Path PMF = Path.of("sample-data/project/pmf");

    @TempDir
    Path dir;

    @Test
    void meanContributionsAreTheStoredModelsContributionsToTheTotalVariable() {
        Messages.setCurrent(Messages.CHINESE);
        var specs = UncertaintyBuilder.readSpecies(TableFiles.read(PMF.resolve("pm25-species.csv")), "s");
        PmfData d = UncertaintyBuilder.build(TableFiles.read(PMF.resolve("pm25-conc.csv")), "c", specs, 0).data();
        PreparedInput in = PreparedInput.prepare(d, true, Set.of(), Set.of(), "PM2.5");
        PmfRunner.Batch batch = PmfRunner.run(in, PmfRunner.Settings.of(6, 4, 42, Method.ALS, true).withThreads(2),
                ProgressListener.NONE);
        try (Workspace ws = TestWorkspaces.create(dir)) {
            List<String> names = List.of("甲", "乙", "丙", "丁", "戊", "己");
            PmfRuns.save(ws.pmf(), "全年", in, batch, new SavedPmfRun.Preparation(List.of(), List.of(), "PM2.5", true, 0, false),
                    null, null, Map.of(), names);
            BlockSource.Context ctx = new BlockSource.Context(dir, Clock.systemUTC());
            Block b = WorkspaceBlocks.of(ws).render(new BlockRef("pmf-factors", Map.of("run", "全年"), false), ctx);
            assertEquals("PMF 源解析：全年", b.title());
            assertEquals(List.of("因子（来源）", "平均贡献（µg/m³）", "占比", "主要标识物种（占该物种的比例）"), b.headers());
            assertTrue(b.chart(), "the block draws its mean contributions");
            assertEquals(6, b.rows().size());

            // independently: the chosen model's contribution to PM2.5 per sample is W[i,k]·H[k,PM2.5]; its mean
            Solution best = batch.bestModel();
            int t = in.includedSpecies().indexOf("PM2.5");
            double[] mean = new double[6];
            double all = 0;
            for (int k = 0; k < 6; k++) {
                for (int i = 0; i < best.n(); i++) {
                    mean[k] += best.w()[i * 6 + k] * best.h()[k * best.m() + t] / best.n();
                }
                all += mean[k];
            }
            for (int k = 0; k < 6; k++) {
                List<Object> row = b.rows().get(k);
                assertEquals(names.get(k), row.get(0));
                assertEquals(mean[k], ((Number) row.get(1)).doubleValue(), Math.abs(mean[k]) * 5e-4, "factor " + (k + 1));
                assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * mean[k] / all), row.get(2));
                assertFalse(row.get(3).toString().contains("PM2.5"), "the total variable is not a marker");
            }
            // the factors explain the measured PM2.5: their sum is close to the mean observed PM2.5
            double observed = 0;
            for (int i = 0; i < d.rows(); i++) {
                observed += d.x(i, d.speciesIndex("PM2.5")) / d.rows();
            }
            assertEquals(observed, all, observed * 0.05);

            // the sample data are synthetic: the factor with most of SO4 carries the true secondary-sulfate mass
            Table truth = TableFiles.read(PMF.resolve("true-contributions.csv"));
            int col = truth.headers().indexOf(truth.headers().stream().filter(h -> h.toLowerCase().contains("sulfate"))
                    .findFirst().orElseThrow());
            double trueSulfate = truth.rows().stream().mapToDouble(r -> Double.parseDouble(r.get(col))).average().orElseThrow();
            List<Object> sulfate = b.rows().stream().filter(r -> r.get(3).toString().startsWith("SO4(")).findFirst().orElseThrow();
            assertEquals(trueSulfate, ((Number) sulfate.get(1)).doubleValue(), trueSulfate * 0.25, b.rows().toString());

            assertTrue(b.provenance().data().contains("对 PM2.5 的贡献"), b.provenance().data());
            assertTrue(b.provenance().run().contains("种子"), b.provenance().run());

            Block noChart = WorkspaceBlocks.of(ws).render(new BlockRef("pmf-factors", Map.of("run", "全年", "chart", "false",
                    "unit", "ppbC"), false), ctx);
            assertFalse(noChart.chart());
            assertEquals("平均贡献（ppbC）", noChart.headers().get(1));
            assertEquals("pmf.store.notFound", assertThrows(EcoAidException.class, () -> WorkspaceBlocks.of(ws)
                    .render(new BlockRef("pmf-factors", Map.of("run", "无"), false), ctx)).key());
            assertEquals("solution.block.error.param", assertThrows(EcoAidException.class, () -> WorkspaceBlocks.of(ws)
                    .render(new BlockRef("pmf-factors", Map.of(), false), ctx)).key());
        }
    }

    @Test
    void withoutATotalVariableTheContributionIsTheSumOfTheProfile() {
        double[] w = {1, 2, 3, 4};   // n = 2, p = 2: mean W = (2, 3)
        double[] h = {1, 0.5, 0, 4}; // p = 2, m = 2
        Solution s = new Solution(1, 2, 2, 2, w, h, 0, 0, 1, true, 0);
        SavedPmfRun run = new SavedPmfRun("id", "r", "", "", PmfRunner.Settings.of(2, 1, 1, Method.ALS, false),
                SavedPmfRun.Preparation.none(), List.of(new SavedPmfRun.SpeciesInfo("a", cn.ecoaid.pmf.SpeciesCategory.STRONG, 3),
                new SavedPmfRun.SpeciesInfo("b", cn.ecoaid.pmf.SpeciesCategory.STRONG, 3)), 2,
                List.of(new SavedPmfRun.ModelSummary(1, 1, 0, 0, 1, true, 0)), 0, List.of("x"), Map.of());
        List<PmfFactorsBlockSource.FactorRow> rows = PmfFactorsBlockSource.factors(run, s, null, 1);
        // factor 1: 2·(1 + 0.5) = 3; factor 2: 3·(0 + 4) = 12
        assertEquals(3, rows.get(0).meanContribution(), 1e-12);
        assertEquals(12, rows.get(1).meanContribution(), 1e-12);
        assertEquals(20, rows.get(0).percent(), 1e-12);
        assertEquals("x", rows.get(0).name());
        assertEquals("Factor2", rows.get(1).name());
        // species a: factor 1 holds 2 of 2; species b: factor 2 holds 12 of 13
        assertEquals(List.of("a"), rows.get(0).markers());
        assertEquals(List.of("b"), rows.get(1).markers());
        assertEquals(100 * 12 / 13.0, rows.get(1).markerPercents().get(0), 1e-12);
        assertEquals(new ArrayList<>(List.of(100.0)), rows.get(0).markerPercents());
    }
}
