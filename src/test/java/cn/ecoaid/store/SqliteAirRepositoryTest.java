package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.air.AirImport;
import cn.ecoaid.air.DailyItem;
import cn.ecoaid.air.HourlySeries;
import cn.ecoaid.air.Pollutant;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAirRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void storesMatchedStationsInOneImportWithAnOutboxRowAndReportsUnknownOnes() throws Exception {
        // A: 2026-03-01 01:00 … 2026-03-02 00:00 (one day), PM2.5 of the 3rd hour "—", O3 of the 4th hour empty; X unknown
        StringBuilder sb = new StringBuilder("站点,时间,二氧化硫,二氧化氮,PM10,PM2.5,一氧化碳,臭氧\n");
        LocalDateTime t = LocalDateTime.of(2026, 3, 1, 1, 0);
        for (int h = 0; h < 24; h++, t = t.plusHours(1)) {
            String time = t.toString().replace('T', ' ');
            sb.append("A,").append(time).append(",5,20,40,").append(h == 2 ? "—" : "30").append(",0.4,")
                    .append(h == 3 ? "" : "60").append('\n');
            sb.append("X,").append(time).append(",5,20,40,30,0.4,60\n");
        }
        Path file = dir.resolve("h.csv");
        Files.writeString(file, sb.toString());
        AirImport.Hourly data = AirImport.readHourly(file, ProgressListener.NONE);
        try (Workspace ws = TestWorkspaces.create(dir)) {
            ws.sites().add(Site.create("A", "一号站", SiteType.AIR_STATION, 120.1, 30.2));
            int before = ws.outbox().pendingCount();
            SqliteAirRepository.ImportSummary s = ws.air().saveHourly("h.csv", data.stations());
            assertEquals(1, s.stations());
            assertEquals(24, s.valueRows());
            assertEquals(List.of("X"), s.unknownStations());
            assertEquals(24, ws.air().hourlyRows());
            assertEquals(before + 3, ws.outbox().pendingCount(),
                    "per import: the import, its values file as an attachment, and the import's link to it");
            assertEquals(List.of("air_import", "air_import"),
                    ws.outbox().forEntity(s.importId()).stream().map(Outbox.Operation::entity).toList());
            SqliteAirRepository.ImportRecord rec = ws.air().imports().get(0);
            assertEquals("[\"X\"]", rec.unknownStations());
            assertEquals("2026-03-01 01:00", rec.firstTime());
            assertEquals("2026-03-02 00:00", rec.lastTime());

            HourlySeries back = ws.air().hourly("A").orElseThrow();
            assertEquals(24, back.hours());
            assertEquals(30, back.values(Pollutant.PM2_5)[0], 0);
            assertTrue(Double.isNaN(back.values(Pollutant.PM2_5)[2]), "a marker is stored as missing, not 0");
            assertEquals(HourlySeries.MARKER, back.flags(Pollutant.PM2_5)[2]);
            assertEquals(HourlySeries.EMPTY, back.flags(Pollutant.O3)[3]);
            // the daily mean of the stored data: 23 valid PM2.5 hours of 30
            assertEquals(30, cn.ecoaid.air.Hj663.daily(back).get(DailyItem.PM2_5, 0), 1e-12);

            // a second import of the same hours replaces them
            ws.air().saveHourly("h.csv", data.stations());
            assertEquals(24, ws.air().hourlyRows());
            assertEquals(2, ws.air().imports().size());
        }
    }
}
