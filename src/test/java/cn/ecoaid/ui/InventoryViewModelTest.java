package cn.ecoaid.ui;

import cn.ecoaid.ui.util.ImmediateUiExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.cli.CliTestAccess;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.inventory.InventoryViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory page computes the same totals as the command line on the sample files. */
class InventoryViewModelTest {
    @TempDir
    Path dir;

    private Workspace workspace;

    private Workspace open() {
        workspace = TestWorkspaces.create(dir);
        return workspace;
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void keepsTheChosenFilesInTheWorkspaceAndOpensThemAgain() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        Workspace ws = open();
        InventoryViewModel vm = new InventoryViewModel(ws.inventories(), cn.ecoaid.store.SqliteLayerRepository.of(ws), new ImmediateUiExecutor());
        vm.activitiesProperty().set(Path.of("sample-data/examples/inventory/activities.csv"));
        vm.factorsProperty().set(Path.of("sample-data/examples/inventory/factors.csv"));
        vm.groupingProperty().set("pollutant");
        vm.compute();
        List<List<String>> before = List.copyOf(vm.rows());
        vm.saveNameProperty().set("2025 基准");
        vm.saveYearProperty().set("二〇二五");
        vm.save();
        assertEquals("年份 二〇二五 不是有效的清单年份（1900–2200）", vm.messageProperty().get());
        vm.saveYearProperty().set("2025");
        vm.save();
        assertEquals("清单“2025 基准”（2025 年）已保存到工作空间", vm.messageProperty().get());
        assertEquals(1, vm.saved().size());

        InventoryViewModel again = new InventoryViewModel(ws.inventories(), cn.ecoaid.store.SqliteLayerRepository.of(ws), new ImmediateUiExecutor());
        assertEquals(1, again.saved().size());
        again.open(again.saved().get(0));
        assertEquals("activities.csv", again.activitiesProperty().get().getFileName().toString());
        assertEquals("factors.csv", again.factorsProperty().get().getFileName().toString());
        again.groupingProperty().set("pollutant");
        again.compute();
        assertEquals(before, again.rows());
        // the same name again is refused with a message, nothing is lost
        again.save();
        assertEquals("本工作空间已有名为“2025 基准”的清单", again.messageProperty().get());
        assertEquals(1, ws.inventories().list().size());
    }

    @Test
    void totalsEqualTheCommandLinesOnTheSampleFiles() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        Workspace ws = open();
        Path activities = Path.of("sample-data/examples/inventory/activities.csv");
        Path factors = Path.of("sample-data/examples/inventory/factors.csv");
        InventoryViewModel vm = new InventoryViewModel(ws.inventories(), cn.ecoaid.store.SqliteLayerRepository.of(ws), new ImmediateUiExecutor());
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
        Workspace ws = open();
        InventoryViewModel vm = new InventoryViewModel(ws.inventories(), cn.ecoaid.store.SqliteLayerRepository.of(ws), new ImmediateUiExecutor());
        vm.compute();
        assertEquals("请先选择活动水平文件", vm.messageProperty().get());
    }
    @Test
    void scenariosSideBySideEqualTheCommandLine() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        Workspace ws = open();
        String ex = "sample-data/examples/inventory/";
        InventoryViewModel vm = new InventoryViewModel(ws.inventories(), cn.ecoaid.store.SqliteLayerRepository.of(ws), new ImmediateUiExecutor());
        vm.runScenarios();
        assertEquals("请先选择活动水平文件", vm.messageProperty().get());
        vm.activitiesProperty().set(Path.of(ex + "activities.csv"));
        vm.factorsProperty().set(Path.of(ex + "factors.csv"));
        vm.runScenarios();
        assertEquals("请先选择措施文件", vm.messageProperty().get());
        vm.measuresProperty().set(Path.of(ex + "measures.csv"));
        vm.runScenarios();
        Path side = dir.resolve("side.csv");
        assertEquals(0, CliTestAccess.run("inventory", "scenario", "--activities", ex + "activities.csv", "--factors",
                ex + "factors.csv", "--measures", ex + "measures.csv", "--out", dir.resolve("s.csv").toString(),
                "--side-by-side", side.toString()));
        List<String> lines = Files.readAllLines(side);
        assertEquals(lines.size() - 1, vm.scenarioRows().size());
        assertEquals(lines.size() - 1, vm.comparisons().size());
        String[] header = lines.get(0).replace("\uFEFF", "").split(",");
        assertEquals(header.length, vm.scenarioHeaders().size());
        for (int i = 0; i < vm.scenarioRows().size(); i++) {
            String[] cells = lines.get(i + 1).replace("\uFEFF", "").split(",", -1);
            List<String> row = vm.scenarioRows().get(i);
            assertEquals(cells[0], row.get(0));
            for (int c = 1; c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    double v = Double.parseDouble(cells[c]);
                    assertEquals(v, Double.parseDouble(row.get(c)), Math.abs(v) * 1e-5 + 1e-9, header[c] + " of " + cells[0]);
                }
            }
        }
        assertTrue(vm.scenarioNames().size() >= 2, "the sample has two scenarios");
    }
    @Test
    void comparesWithAKeptInventoryLikeTheCommandLine() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        Workspace ws = open();
        String ex = "sample-data/examples/inventory/";
        Path factors = Path.of(ex + "factors.csv");
        // this year: the sample with the diesel boiler B-2 burning twice as much (500 → 1 000 t)
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of(ex + "activities.csv")));
        lines.set(2, lines.get(2).replace(",500,t,", ",1000,t,"));
        assertTrue(lines.get(2).contains(",1000,t,"));
        Path thisYear = dir.resolve("activities-2026.csv");
        Files.write(thisYear, lines);
        InventoryViewModel vm = new InventoryViewModel(ws.inventories(), cn.ecoaid.store.SqliteLayerRepository.of(ws), new ImmediateUiExecutor());
        vm.activitiesProperty().set(Path.of(ex + "activities.csv"));
        vm.factorsProperty().set(factors);
        vm.saveNameProperty().set("2025");
        vm.saveYearProperty().set("2025");
        vm.save();
        vm.activitiesProperty().set(thisYear);
        vm.groupingProperty().set("pollutant,category");
        vm.compareWithProperty().set(vm.saved().get(0));
        vm.compute();
        assertEquals(List.of("污染物", "第一级分类", "本清单（吨）", "2025（吨）", "差值（吨）", "变化（%）"), vm.headers());
        Path cli = dir.resolve("cli.csv");
        assertEquals(0, CliTestAccess.run("inventory", "compute", "--activities", ex + "activities.csv", "--compare",
                thisYear.toString(), "--factors", factors.toString(), "--by", "pollutant,category", "--out", cli.toString()));
        List<String> out = Files.readAllLines(cli);
        assertEquals(out.size() - 1, vm.rows().size());
        for (int i = 0; i < vm.rows().size(); i++) {
            String[] c = out.get(i + 1).replace("\uFEFF", "").split(",", -1);
            List<String> row = vm.rows().get(i);
            assertEquals(List.of(c[0], c[1]), row.subList(0, 2));
            assertEquals(Double.parseDouble(c[3]), Double.parseDouble(row.get(2)), Math.abs(Double.parseDouble(c[3])) * 1e-5, "b");
            assertEquals(Double.parseDouble(c[2]), Double.parseDouble(row.get(3)), Math.abs(Double.parseDouble(c[2])) * 1e-5, "a");
        }
        assertTrue(vm.byCategory().stream().anyMatch(r -> r.key().equals(List.of("SO2", "工业源"))));
        // SO2 of 工业源 over all counties: 39.58 t in 甲区 (InventoryCommandTest) plus the other counties' SO2
        double so2Industry = vm.byCategory().stream().filter(r -> r.key().equals(List.of("SO2", "工业源")))
                .mapToDouble(r -> r.emittedKg()).sum() / 1000;
        assertTrue(so2Industry >= 39.58, "at least 甲区's 39.58 t: " + so2Industry);
        // B-2: 500 t more diesel × 3 g/kg SO2 = 1.5 t more SO2 in 工业源
        int so2Row = vm.rows().stream().map(r -> r.subList(0, 2)).toList().indexOf(List.of("SO2", "工业源"));
        assertEquals(1.5, Double.parseDouble(vm.rows().get(so2Row).get(4)), 1e-9);
    }
    @Test
    void gridsTheSourcesAndKeepsTheGridOnTheMap() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        Workspace ws = open();
        String ex = "sample-data/examples/inventory/";
        var layers = cn.ecoaid.store.SqliteLayerRepository.of(ws);
        InventoryViewModel vm = new InventoryViewModel(ws.inventories(), layers, new ImmediateUiExecutor());
        vm.keepGridLayer();
        assertEquals("请先进行网格分配", vm.messageProperty().get());
        vm.runGrid();
        assertEquals("请先选择网格化排放源文件", vm.messageProperty().get());
        vm.gridSourcesProperty().set(Path.of(ex + "grid-sources.csv"));
        vm.gridProxiesProperty().set(Path.of(ex + "grid-proxies.csv"));
        vm.runGrid();
        List<String> so2 = vm.gridRows().stream().filter(r -> r.get(0).equals("SO2")).findFirst().orElseThrow();
        // 120.5 + 38.08 + 12.0 t, all of it inside the grid
        assertEquals(170.58, Double.parseDouble(so2.get(1)), 1e-9);
        assertEquals(Double.parseDouble(so2.get(1)), Double.parseDouble(so2.get(2)) + Double.parseDouble(so2.get(3)), 1e-9);
        Path cli = dir.resolve("grid.csv");
        assertEquals(0, CliTestAccess.run("inventory", "grid", "--sources", ex + "grid-sources.csv", "--proxies",
                ex + "grid-proxies.csv", "--cell", "3000", "--out", cli.toString()));
        assertEquals(Files.readAllLines(cli).size() - 1, vm.gridLayerProperty().get().features().size());
        vm.keepGridLayer();
        assertEquals("排放网格 3 公里", layers.list().get(0).name());
        assertEquals(vm.gridLayerProperty().get().features().size(), layers.list().get(0).featureCount());
        assertEquals("EPSG:4549", layers.list().get(0).crs());
    }
}
