package cn.ecoaid.ui;

import cn.ecoaid.ui.util.ImmediateUiExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.cli.CliTestAccess;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.air.AirViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The air page shows the same AQI as the command line, stores the data and reports unknown stations. */
class AirViewModelTest {
    static final Path SAMPLE = Path.of("sample-data/examples/air/hourly-sample.csv");

    @TempDir
    Path dir;

    @Test
    void importShowsTheCommandLinesAqiAndStoresKnownStations() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        try (Workspace ws = TestWorkspaces.create(dir)) {
            ws.sites().add(Site.create("1001A", "一号站", SiteType.AIR_STATION, 120.1, 30.2));
            AirViewModel vm = new AirViewModel(new ImmediateUiExecutor(), ws.air());
            vm.inputProperty().set(SAMPLE);
            vm.importFile();
            Path cli = dir.resolve("cli.csv");
            assertEquals(0, CliTestAccess.run("aqi", "--input", SAMPLE.toString(), "--out", cli.toString()));
            Table t = TableFiles.read(cli);
            assertEquals(t.rows().size(), vm.aqiRows().size());
            for (int i = 0; i < t.rows().size(); i++) {
                List<String> row = vm.aqiRows().get(i);
                assertEquals(t.rows().get(i).get(0), row.get(0));
                assertEquals(t.rows().get(i).get(1), row.get(1));
                assertEquals(t.rows().get(i).get(2), row.get(2), "AQI of " + row.get(0) + " " + row.get(1));
                assertEquals(t.rows().get(i).get(7), row.get(5), "standard");
            }
            assertEquals("站点", vm.aqiHeaders().get(0));
            assertTrue(vm.messageProperty().get().contains("1002A, 1003A"), vm.messageProperty().get());
            assertEquals(96, ws.air().hourlyRows(), "the 96 hours of 1001A");
            // statistics for 2026 (the year of the sample): 4 days are far from 324 → no verdict
            assertEquals(2026, vm.yearProperty().get());
            assertTrue(vm.statRows().stream().anyMatch(r -> r.get(4).equals(Messages.get("air.ui.notValid"))));
            // calendar of the first station, exported as PNG
            assertEquals("1001A", vm.stationProperty().get());
            assertNotNull(vm.calendarProperty().get());
            Path png = dir.resolve("cal.png");
            vm.exportCalendar(png);
            assertTrue(Files.size(png) > 0);
            // the daily PM2.5 series of the station with the grade-2 daily limit of the standard in force
            vm.seriesItemProperty().set(cn.ecoaid.air.DailyItem.PM2_5);
            assertNotNull(vm.seriesProperty().get());
            Path series = dir.resolve("series.png");
            vm.exportSeries(series);
            assertTrue(Files.size(series) > 0);
            Path xlsx = dir.resolve("aqi.xlsx");
            vm.exportTables(xlsx);
            assertTrue(Files.exists(dir.resolve("aqi-statistics.xlsx")));

            // the workspace opened again: the page shows the stored station (1001A) with the same AQI as the import
            List<List<String>> imported = vm.aqiRows().stream().filter(r -> r.get(0).equals("1001A")).toList();
            AirViewModel again = new AirViewModel(new ImmediateUiExecutor(), ws.air());
            again.loadStored();
            assertEquals(imported, List.copyOf(again.aqiRows()));
            assertEquals(List.of("1001A"), List.copyOf(again.stations()));
            assertNotNull(again.calendarProperty().get());
            assertTrue(again.messageProperty().get().endsWith("（工作空间中已保存的站点数据）"), again.messageProperty().get());
        }
    }

    @Test
    void noFileIsExplained() {
        Messages.setCurrent(Messages.CHINESE);
        AirViewModel vm = new AirViewModel(new ImmediateUiExecutor(), null);
        vm.importFile();
        assertEquals(Messages.get("air.ui.noFile"), vm.messageProperty().get());
    }
}
