package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.cli.CliTestAccess;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.inventory.InventoryViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory page computes the same totals as the command line on the sample files. */
class InventoryViewModelTest {
    @TempDir
    Path dir;

    @Test
    void totalsEqualTheCommandLinesOnTheSampleFiles() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        Path activities = Path.of("sample-data/examples/inventory/activities.csv");
        Path factors = Path.of("sample-data/examples/inventory/factors.csv");
        InventoryViewModel vm = new InventoryViewModel(new ImmediateUiExecutor());
        vm.activitiesProperty().set(activities);
        vm.factorsProperty().set(factors);
        vm.groupingProperty().set("pollutant");
        vm.compute();
        assertEquals(List.of("污染物", "排放量（吨）", "产生量（吨）", "记录数"), vm.headers());
        Path cli = dir.resolve("cli.csv");
        assertEquals(0, CliTestAccess.run("inventory", "compute", "--activities", activities.toString(), "--factors",
                factors.toString(), "--by", "pollutant", "--out", cli.toString()));
        List<String> lines = Files.readAllLines(cli);
        assertEquals(lines.size() - 1, vm.rows().size());
        for (int i = 0; i < vm.rows().size(); i++) {
            String[] cells = lines.get(i + 1).replace("\uFEFF", "").split(",");
            assertEquals(cells[0], vm.rows().get(i).get(0));
            assertEquals(Double.parseDouble(cells[1]), Double.parseDouble(vm.rows().get(i).get(1)),
                    Math.abs(Double.parseDouble(cells[1])) * 1e-5, "emitted t of " + cells[0]);
        }
        Path out = dir.resolve("totals.xlsx");
        vm.export(out);
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void missingActivityFileIsExplained() {
        Messages.setCurrent(Messages.CHINESE);
        InventoryViewModel vm = new InventoryViewModel(new ImmediateUiExecutor());
        vm.compute();
        assertEquals("请先选择活动水平文件", vm.messageProperty().get());
    }
}
