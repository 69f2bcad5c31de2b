package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.cli.CliTestAccess;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Table;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.sample.SampleProject;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.map.MapViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map shows the stations by the AQI category of their latest day and the sections by their latest class. */
class MapStatusLayersTest {
    @TempDir
    Path dir;

    @Test
    void stationsAndSectionsAreColouredByTheirStatus() {
        Messages.setCurrent(Messages.CHINESE);
        Path file = dir.resolve("s.ecoaid");
        try (Workspace ws = SampleProject.create(file, TestWorkspaces.CLOCK, "t", ProgressListener.NONE)) {
            MapViewModel vm = new MapViewModel(ws, new ImmediateUiExecutor());
            vm.resize(800, 600);
            vm.load();
            MapViewModel.Item air = vm.layers().stream().filter(i -> i.name().equals("空气站：最近一日 AQI 类别")).findFirst().orElseThrow();
            MapViewModel.Item water = vm.layers().stream().filter(i -> i.name().equals("断面：最近一次水质类别")).findFirst().orElseThrow();
            assertEquals(4, air.layer().features().size());

            Path aqi = dir.resolve("aqi.csv");
            assertEquals(0, CliTestAccess.run("aqi", "--input",
                    SampleProject.filesFolder(file).resolve("air/hourly-2025-2026.csv").toString(), "--out", aqi.toString()));
            Table t = TableFiles.read(aqi);
            String lastLevel = "";
            for (Table.Row r : t.rows()) {
                if (r.get(0).equals("SL-A01") && !r.get(t.headers().indexOf("level")).isEmpty()) {
                    lastLevel = r.get(t.headers().indexOf("level"));
                }
            }
            Feature a01 = air.layer().features().stream().filter(f -> f.text("code").equals("SL-A01")).findFirst().orElseThrow();
            assertEquals(lastLevel, a01.text("status"));

            Path classes = dir.resolve("classes.csv");
            assertEquals(0, CliTestAccess.run("water", "classify", "--input",
                    SampleProject.filesFolder(file).resolve("water/wq-river-season.csv").toString(), "--out", classes.toString()));
            Table c = TableFiles.read(classes);
            String lastClass = "";
            String lastDate = "";
            for (Table.Row r : c.rows()) {
                String date = r.get(c.headers().indexOf("date"));
                if (r.get(c.headers().indexOf("site")).equals("SL-W05") && date.compareTo(lastDate) > 0) {
                    lastDate = date;
                    lastClass = r.get(c.headers().indexOf("class"));
                }
            }
            Feature w05 = water.layer().features().stream().filter(f -> f.text("code").equals("SL-W05")).findFirst().orElseThrow();
            assertEquals(lastClass, w05.text("status_text"));
            assertTrue(water.layer().features().size() >= 9, "river sections and lake points");
        }
    }
}
