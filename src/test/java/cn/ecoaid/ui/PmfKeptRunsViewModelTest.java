package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.PmfResults;
import cn.ecoaid.pmf.SavedPmfRun;
import cn.ecoaid.pmf.SpeciesCategory;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.pmf.PmfViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PMF page keeps a run with its confirmed factor names, lists it when the workspace is reopened, opens and deletes it. */
class PmfKeptRunsViewModelTest {
    static final Path PMF = Path.of("sample-data/project/pmf");

    @TempDir
    Path dir;

    @Test
    void keptRunReopensAsTheFreshRunWasShown() {
        Messages.setCurrent(Messages.CHINESE);
        Path file;
        List<List<String>> models;
        List<List<String>> profiles;
        List<List<String>> species;
        double[] contributions;
        try (Workspace ws = TestWorkspaces.create(dir)) {
            file = ws.file();
            PmfViewModel vm = new PmfViewModel(new ImmediateUiExecutor(), ws.pmf());
            assertTrue(vm.canKeep());
            vm.save();
            assertEquals("请先运行 PMF（或打开保存的运行）", vm.messageProperty().get());
            vm.concProperty().set(PMF.resolve("pm25-conc.csv"));
            vm.speciesTableProperty().set(PMF.resolve("pm25-species.csv"));
            vm.load();
            int as = vm.speciesRows().stream().map(r -> r.get(0)).toList().indexOf("As");
            vm.setCategory(as, SpeciesCategory.BAD);
            vm.modelsProperty().set(3);
            vm.run();
            assertEquals(6, vm.confirmedNames().size());
            assertTrue(vm.confirmedNames().contains("二次硫酸盐"), "names start from the suggestions: " + vm.confirmedNames());
            vm.save();
            assertEquals("请为 PMF 运行命名", vm.messageProperty().get());
            vm.setConfirmedName(0, " 自定义来源 ");
            vm.runNameProperty().set("2025 夏季");
            vm.save();
            assertEquals("已保存运行“2025 夏季”（3 个模型），含数据、参数与种子", vm.messageProperty().get());
            assertEquals(1, vm.keptRows().size());
            assertEquals("2025 夏季", vm.keptRows().get(0).get(0));
            assertTrue(vm.keptRows().get(0).get(6).startsWith("自定义来源、"), vm.keptRows().get(0).toString());
            models = new ArrayList<>(vm.modelRows());
            profiles = new ArrayList<>(vm.profileRows());
            species = new ArrayList<>(vm.speciesRows());
            PmfResults r = vm.resultsProperty().get();
            contributions = new double[r.samples().size()];
            for (int i = 0; i < contributions.length; i++) {
                contributions[i] = r.contribution(i, 2);
            }
            SavedPmfRun kept = ws.pmf().findByName("2025 夏季").orElseThrow();
            assertEquals(List.of("As"), kept.preparation().bad());
            assertEquals("自定义来源", kept.factorNames().get(0));
            assertTrue(kept.files().containsKey(SavedPmfRun.Role.SOURCE_SPECIES));
        }
        try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "tester")) {
            PmfViewModel vm = new PmfViewModel(new ImmediateUiExecutor(), ws.pmf());
            vm.loadStored();
            assertEquals(1, vm.keptRows().size(), "the page lists the kept run after reopening");
            vm.open(0);
            assertNotNull(vm.openedRunProperty().get());
            assertEquals(models, vm.modelRows());
            assertEquals(profiles, vm.profileRows());
            assertEquals(species, vm.speciesRows());
            PmfResults r = vm.resultsProperty().get();
            for (int i = 0; i < contributions.length; i++) {
                assertEquals(contributions[i], r.contribution(i, 2), 0.0, "contribution of sample " + (i + 1));
            }
            assertEquals("自定义来源", vm.confirmedNames().get(0));
            assertEquals("因子 1 — 自定义来源", vm.factorNames().get(0));
            assertEquals("2025 夏季", vm.runNameProperty().get());

            vm.setConfirmedName(1, "二号");
            vm.save();
            assertEquals("已保存“2025 夏季”的因子名称", vm.messageProperty().get());
            assertEquals("二号", ws.pmf().findByName("2025 夏季").orElseThrow().factorNames().get(1));

            vm.delete(0);
            assertTrue(vm.keptRows().isEmpty());
            assertNull(vm.openedRunProperty().get());
            assertTrue(ws.pmf().list().isEmpty());
        }
    }

    @Test
    void withoutAWorkspaceNothingIsKept() {
        Messages.setCurrent(Messages.CHINESE);
        PmfViewModel vm = new PmfViewModel(new ImmediateUiExecutor());
        vm.save();
        assertEquals("请先打开工作空间再保存运行", vm.messageProperty().get());
        vm.loadStored();
        assertTrue(vm.keptRows().isEmpty());
    }
}
