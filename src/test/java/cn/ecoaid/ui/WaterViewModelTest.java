package cn.ecoaid.ui;

import cn.ecoaid.ui.util.ImmediateUiExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.cli.CliTestAccess;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.water.WaterViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The water page shows the same classes and indices as the command line on the sample files, and saves them. */
class WaterViewModelTest {
    static final Path EX = Path.of("sample-data/examples/water");

    @TempDir
    Path dir;

    @Test
    void classesEqualTheCommandLinesOnTheSampleSeason() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        WaterViewModel vm = new WaterViewModel(new ImmediateUiExecutor(), null);
        vm.measurementsProperty().set(EX.resolve("wq-river-season.csv"));
        vm.classify();
        assertEquals("已评价 18 个样品", vm.messageProperty().get());
        Path cli = dir.resolve("cli.csv");
        assertEquals(0, CliTestAccess.run("water", "classify", "--input", EX.resolve("wq-river-season.csv").toString(), "--out",
                cli.toString()));
        Table t = TableFiles.read(cli);
        assertEquals(t.rows().size(), vm.classRows().size());
        for (int i = 0; i < t.rows().size(); i++) {
            assertEquals(t.rows().get(i).get(0), vm.classRows().get(i).get(0));
            assertEquals(t.rows().get(i).get(t.headers().indexOf("class")), vm.classRows().get(i).get(3));
            assertEquals(t.rows().get(i).get(t.headers().indexOf("main_pollutants")), vm.classRows().get(i).get(7));
        }
        assertEquals("水质类别", vm.classHeaders().get(3));
        // the chart's counts per period equal the command line's classes of that period
        assertEquals(3, vm.classesByPeriod().size());
        for (var e : vm.classesByPeriod().entrySet()) {
            String period = e.getKey().substring(8);
            for (int k = 0; k < 6; k++) {
                String label = cn.ecoaid.water.WaterClass.values()[k].label();
                long expected = t.rows().stream().filter(r -> r.get(t.headers().indexOf("period")).equals(period)
                        && r.get(t.headers().indexOf("class")).equals(label)).count();
                assertEquals(expected, e.getValue()[k], e.getKey() + " " + label);
            }
            assertEquals(6, java.util.Arrays.stream(e.getValue()).sum());
        }
    }

    @Test
    void lakeRowsCarryTheTrophicState() {
        Messages.setCurrent(Messages.CHINESE);
        WaterViewModel vm = new WaterViewModel(new ImmediateUiExecutor(), null);
        vm.measurementsProperty().set(EX.resolve("wq-lake-season.csv"));
        vm.classify();
        List<String> dh3 = vm.classRows().get(2);
        assertEquals("DH-3", dh3.get(0));
        assertEquals("湖库", dh3.get(2));
        assertTrue(Double.parseDouble(dh3.get(8)) > 60, dh3.toString());
        assertEquals("中度富营养", dh3.get(9));
    }

    @Test
    void indicesReportTheMisspeltTaxonAndAreSavedInTheWorkspace() {
        Messages.setCurrent(Messages.ENGLISH);
        try (Workspace ws = TestWorkspaces.create(dir)) {
            WaterViewModel vm = new WaterViewModel(new ImmediateUiExecutor(), ws.water());
            vm.computeIndices();
            assertEquals("Choose a biological survey first", vm.messageProperty().get());
            vm.surveyProperty().set(EX.resolve("benthic-survey.csv"));
            vm.computeIndices();
            assertEquals(12, vm.indexRows().size());
            assertTrue(vm.messageProperty().get().contains("Heptagenidae (closest: Heptageniidae"), vm.messageProperty().get());
            vm.measurementsProperty().set(EX.resolve("wq-river-season.csv"));
            vm.classify();
            vm.saveToWorkspace("May 2024");
            assertEquals("Saved survey \"May 2024\": 18 water samples, 12 biological samples", vm.messageProperty().get());
            String id = ws.water().surveys().get(0).id();
            assertEquals(12, ws.water().bioSamples(id).size());
            Path out = dir.resolve("indices.xlsx");
            vm.export("indices", out);
            assertTrue(Files.exists(out));
        } finally {
            Messages.setCurrent(Messages.CHINESE);
        }
    }

    @Test
    void buildsTheSameBibiAsTheCommandLineWithEveryStepShownAndSavesIt() {
        Messages.setCurrent(Messages.CHINESE);
        Path model = dir.resolve("m.json");
        assertEquals(0, CliTestAccess.run("water", "bibi", "build", "--input", EX.resolve("benthic-survey.csv").toString(),
                "--default-taxa", "--out", model.toString()));
        cn.ecoaid.water.BibiModel cli = cn.ecoaid.water.BibiJson.load(model);
        try (Workspace ws = TestWorkspaces.create(dir)) {
            WaterViewModel vm = new WaterViewModel(new ImmediateUiExecutor(), ws.water());
            vm.surveyProperty().set(EX.resolve("benthic-survey.csv"));
            vm.buildBibi();
            assertEquals(cli.candidates().size(), vm.stepRows().size());
            assertEquals(12, vm.scoreRows().size());
            long kept = vm.stepRows().stream().filter(r -> r.get(8).equals("是")).count();
            assertEquals(cli.scoring().size(), kept);
            assertTrue(vm.messageProperty().get().contains(WaterViewModelTestNum.num(cli.p25())), vm.messageProperty().get());
            // the last score column is the grade; the B-IBI column equals the command line's index of the same sample
            List<String> first = vm.scoreRows().get(0);
            assertEquals(cli.built().get(0).index(), Double.parseDouble(first.get(first.size() - 2)), 1e-3);
            cn.ecoaid.water.BibiModel.Box[] boxes = vm.boxes(0).orElseThrow();
            assertEquals(cli.candidates().get(0).reference(), boxes[0]);
            assertEquals(cli.candidates().get(0).impaired(), boxes[1]);
            vm.saveModel("示例 B-IBI");
            assertEquals("示例 B-IBI", ws.water().models().get(0).name());
        }
    }

    /** Four significant digits, as the page shows them. */
    static final class WaterViewModelTestNum {
        static String num(double v) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
    }
}
