package cn.ecoaid.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.io.TextFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirImportTest {
    @TempDir
    Path dir;

    @Test
    void timesAreTheEndOfTheHourInSeveralSpellings() {
        long h = LocalDate.of(2026, 3, 1).toEpochDay() * 24;
        assertEquals(h + 1, AirImport.epochHour("2026-03-01 01:00"));
        assertEquals(h + 1, AirImport.epochHour("2026/3/1 1:00"));
        assertEquals(h + 1, AirImport.epochHour("2026-03-01T01:00:00"));
        assertEquals(h + 1, AirImport.epochHour("20260301 01"));
        assertEquals(h + 24, AirImport.epochHour("2026-03-01 24:00"), "24:00 ends the day");
        assertEquals(h + 24, AirImport.epochHour("2026-03-02 00:00"));
        assertEquals(-1, AirImport.epochHour("2026-03-01 01:30"), "not a full hour");
        assertEquals(-1, AirImport.epochHour("2026-02-30 01:00"));
        assertEquals(-1, AirImport.epochHour("yesterday"));
    }

    @Test
    void numbersAreParsedExactly() {
        assertEquals(0.625, AirImport.fastParse("0.625"));
        assertEquals(1.45, AirImport.fastParse("1.45"), 0, "the double nearest 1.45, as Double.parseDouble gives");
        assertEquals(-3, AirImport.fastParse("-3"));
        assertTrue(Double.isNaN(AirImport.fastParse("1e3")));
    }

    @Test
    void gbkFileWithQuotesAndMarkersIsReadIntoHourlySeries() throws Exception {
        String text = "站点,时间,二氧化硫,二氧化氮,可吸入颗粒物,细颗粒物,一氧化碳,臭氧\n"
                + "\"一号站\",2026-02-28 24:00,5,20,40,30,0.4,60\n"
                + "一号站,2026-03-01 01:00,5,20,NA,—,0.4,-2\n"
                + "一号站,2026-03-01 03:00,5,20,40,30,0.4,\n";
        Path f = dir.resolve("gbk.csv");
        Files.write(f, text.getBytes(TextFiles.GB18030));
        AirImport.Hourly h = AirImport.readHourly(f, ProgressListener.NONE);
        assertEquals(List.of(), h.problems());
        HourlySeries s = h.station("一号站").orElseThrow();
        // the hour ending 2026-02-28 24:00 is the last hour of 28 Feb: the series starts that day, 2 days long
        assertEquals(LocalDate.of(2026, 2, 28), s.firstDay());
        assertEquals(48, s.hours());
        assertEquals(23, s.indexOfEnd(LocalDateTime.of(2026, 3, 1, 0, 0)));
        assertEquals(30, s.values(Pollutant.PM2_5)[23], 0);
        assertEquals(HourlySeries.MARKER, s.flags(Pollutant.PM10)[24]);
        assertEquals(HourlySeries.MARKER, s.flags(Pollutant.PM2_5)[24]);
        assertEquals(HourlySeries.NEGATIVE, s.flags(Pollutant.O3)[24]);
        assertTrue(Double.isNaN(s.values(Pollutant.O3)[24]), "never 0");
        assertEquals(HourlySeries.ABSENT, s.flags(Pollutant.SO2)[25], "no row for the hour ending 02:00");
        assertEquals(HourlySeries.EMPTY, s.flags(Pollutant.O3)[26]);
        AirImport.MissingRow o3 = AirImport.missingReport(h).stream()
                .filter(m -> m.item().equals("O3")).findFirst().orElseThrow();
        // 48 hours: 1 valid (hour 23), 1 negative (24), 1 empty (26), 45 without a row
        assertEquals(new AirImport.MissingRow("一号站", "O3", 1, 1, 0, 1, 45), o3);
    }

    @Test
    void duplicatesAndBadCellsAreProblemsWithRowAndColumn() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "station,time,SO2,NO2,PM10,PM2.5,CO,O3\n"
                + "A,2026-03-01 01:00,1,2,3,4,0.5,6\n"
                + "A,2026-03-01 01:00,1,2,3,4,0.5,6\n"
                + ",2026-03-01 02:00,1,2,3,4,0.5,6\n"
                + "A,2026-03-01 03:00,1,2,3,4,x,6\n");
        AirImport.Hourly h = AirImport.readHourly(f, ProgressListener.NONE);
        assertEquals(3, h.problems().size());
        assertEquals(3, h.problems().get(0).row());
        assertEquals("air.import.duplicateHour", h.problems().get(0).reasonKey());
        assertEquals(4, h.problems().get(1).row());
        assertEquals("air.import.noStation", h.problems().get(1).reasonKey());
        assertEquals("CO", h.problems().get(2).column());
        assertEquals("air.import.badNumber", h.problems().get(2).reasonKey());
    }

    @Test
    void excelDailyFileIsRead() {
        Path f = dir.resolve("daily.xlsx");
        TableFiles.write(f, List.of("站点", "日期", "SO2", "NO2", "PM10", "PM2.5", "CO", "O3_8h", "O3_1h"),
                List.of(List.of("S", "2026-03-01", "5", "20", "40", "60", "0.4", "100", "150"),
                        List.of("S", "2026-03-03", "5", "20", "40", "—", "0.4", "100", "")));
        assertTrue(!AirImport.isHourly(f));
        AirImport.Daily d = AirImport.readDaily(f, ProgressListener.NONE);
        DailySeries s = d.stations().get(0);
        assertEquals(3, s.days());
        assertEquals(60, s.get(DailyItem.PM2_5, 0), 0);
        assertEquals(HourlySeries.MARKER, s.flag(DailyItem.PM2_5, 2));
        assertEquals(HourlySeries.ABSENT, s.flag(DailyItem.PM2_5, 1));
        // PM2.5 60 on 2026-03-01 → IAQI 100 under HJ 633-2026
        assertEquals(100, Aqi.daily(AqiStandard.hj633of2026(), s.day(0)).iaqi(AqiItem.PM2_5_24H));
    }
}
