package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--lang";
        all[1] = "en";
        System.arraycopy(args, 0, all, 2, args.length);
        int s = Main.run(new PrintWriter(o), new PrintWriter(e), all);
        return new Run(s, o.toString(), e.toString());
    }

    static Table.Row row(Table t, String station, String date) {
        int s = t.headers().indexOf("station");
        int d = t.headers().indexOf("date");
        return t.rows().stream().filter(r -> r.get(s).equals(station) && r.get(d).equals(date)).findFirst().orElseThrow();
    }

    static String cell(Table t, Table.Row r, String header) {
        return r.get(t.headers().indexOf(header));
    }

    /**
     * Station A: 28 Feb and 1 Mar 2026, every hour SO2 10, NO2 20, PM10 40, PM2.5 60, CO 0.5, O3 50. Station B: 1 Mar
     * only, the same but 5 PM2.5 hours missing (—, NA, empty, −3, —).
     */
    Path hourly(String header) throws Exception {
        StringBuilder sb = new StringBuilder(header).append('\n');
        LocalDateTime t = LocalDateTime.of(2026, 2, 28, 1, 0);
        for (int h = 0; h < 48; h++, t = t.plusHours(1)) {
            sb.append("A,").append(t.toString().replace('T', ' ')).append(",10,20,40,60,0.5,50\n");
        }
        String[] bad = {"—", "NA", "", "-3", "—"};
        t = LocalDateTime.of(2026, 3, 1, 1, 0);
        for (int h = 0; h < 24; h++, t = t.plusHours(1)) {
            String pm = h < 5 ? bad[h] : "60";
            sb.append("B,").append(t.toString().replace('T', ' ')).append(",10,20,40,").append(pm).append(",0.5,50\n");
        }
        Path f = dir.resolve("hourly.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void dailyAqiSwitchesVersionOnFirstMarch() throws Exception {
        Path out = dir.resolve("aqi.csv");
        Path miss = dir.resolve("missing.csv");
        Run r = run("aqi", "--input", hourly("station,time,SO2,NO2,PM10,PM2.5,CO,O3").toString(), "--out", out.toString(),
                "--missing-report", miss.toString(), "--charts", dir.resolve("charts").toString());
        // per station: a calendar and one series per daily item (7)
        assertTrue(Files.isRegularFile(dir.resolve("charts/A-calendar.png")));
        assertTrue(Files.isRegularFile(dir.resolve("charts/B-PM2.5.png")));
        assertTrue(r.out().contains("16 charts"), r.out());
        assertEquals(0, r.status(), r.err());
        Table t = TableFiles.read(out);
        // 28 Feb, HJ 633-2012: PM2.5 60 → 50 + 50·25/40 = 81.25 → 82; SO2 10 → 10, NO2 20 → 25, PM10 40 → 40,
        // CO 0.5 → 12.5 → 13, O3 1-h 50 → 15.6 → 16, O3 8-h 50 → 25
        Table.Row feb = row(t, "A", "2026-02-28");
        assertEquals("82", cell(t, feb, "AQI"));
        assertEquals("PM2.5", cell(t, feb, "primary_pollutant"));
        assertEquals("良", cell(t, feb, "category"));
        assertEquals("HJ 633-2012", cell(t, feb, "standard"));
        assertEquals("25", cell(t, feb, "IAQI_NO2"));
        assertEquals("13", cell(t, feb, "IAQI_CO"));
        assertEquals("16", cell(t, feb, "IAQI_O3_1h"));
        // 1 Mar, HJ 633-2026: 60 is the IAQI-100 breakpoint
        Table.Row mar = row(t, "A", "2026-03-01");
        assertEquals("100", cell(t, mar, "AQI"));
        assertEquals("HJ 633-2026", cell(t, mar, "standard"));
        assertEquals("", cell(t, mar, "IAQI_O3_1h"));
        // B: 19 valid PM2.5 hours → no daily mean; the rest gives 40 ≤ 100 → NA (HJ 633-2026 5.3.1)
        Table.Row b = row(t, "B", "2026-03-01");
        assertEquals("NA", cell(t, b, "AQI"));
        assertEquals("", cell(t, b, "PM2.5"));
        assertEquals("PM2.5_24h", cell(t, b, "missing"));
        Table m = TableFiles.read(miss);
        Table.Row bpm = m.rows().stream().filter(x -> x.get(0).equals("B") && x.get(1).equals("PM2.5")).findFirst()
                .orElseThrow();
        assertEquals(List.of("B", "PM2.5", "19", "1", "3", "1", "0"), bpm.cells());
        // forcing HJ 633-2012 gives 82 on 1 March too
        run("aqi", "--input", hourly("station,time,SO2,NO2,PM10,PM2.5,CO,O3").toString(), "--out", out.toString(),
                "--standard", "HJ633-2012");
        Table forced = TableFiles.read(out);
        assertEquals("82", cell(forced, row(forced, "A", "2026-03-01"), "AQI"));
    }

    @Test
    void cityRowsAndRealtimeReports() throws Exception {
        Path out = dir.resolve("aqi.csv");
        Path rt = dir.resolve("realtime.csv");
        Run r = run("aqi", "--input", hourly("station,time,SO2,NO2,PM10,PM2.5,CO,O3").toString(), "--out", out.toString(),
                "--city", "全市", "--realtime", rt.toString());
        assertEquals(0, r.status(), r.err());
        Table t = TableFiles.read(out);
        // city: 28 Feb only A (PM2.5 60 → 82 under 2012); 1 Mar: A and B (B's 5 missing hours skipped) → 60 → 100
        assertEquals("82", cell(t, row(t, "全市", "2026-02-28"), "AQI"));
        assertEquals("100", cell(t, row(t, "全市", "2026-03-01"), "AQI"));
        Table h = TableFiles.read(rt);
        assertEquals(72, h.rows().size());
        // A, hour ending 2026-02-28 01:00 (HJ 633-2012): no PM 24-h or O3 8-h mean yet; O3 1-h 50 → 15.6 → 16
        Table.Row a0 = h.rows().stream().filter(x -> x.get(0).equals("A") && x.get(1).equals("2026-02-28 01:00"))
                .findFirst().orElseThrow();
        assertEquals("16", a0.get(2));
        // A, hour ending 2026-03-01 01:00 (HJ 633-2026): 1-h PM2.5 60 on the 24-h breakpoints → 100
        Table.Row a24 = h.rows().stream().filter(x -> x.get(0).equals("A") && x.get(1).equals("2026-03-01 01:00"))
                .findFirst().orElseThrow();
        assertEquals("100", a24.get(2));
        assertEquals("HJ 633-2026", a24.get(5));
        // B, same hour, PM2.5 "—": the others give PM10 40 → 40 ≤ 100 → NA (HJ 633-2026 5.3.1)
        Table.Row b0 = h.rows().stream().filter(x -> x.get(0).equals("B") && x.get(1).equals("2026-03-01 01:00"))
                .findFirst().orElseThrow();
        assertEquals("NA", b0.get(2));
    }

    @Test
    void storesInAWorkspaceAndReportsUnknownStations() throws Exception {
        Path ws = dir.resolve("city.ecoaid");
        assertEquals(0, run("workspace", "init", "--city-code", "330100", "--city-name", "示例市", "--name", "测试",
                ws.toString()).status());
        Path sites = dir.resolve("sites.csv");
        Files.writeString(sites, "code,name,type,longitude,latitude\nA,一号站,air_station,120.1,30.2\n");
        Run imp = run("site", "import", ws.toString(), sites.toString());
        assertEquals(0, imp.status(), imp.err() + imp.out());
        Run r = run("aqi", "--input", hourly("station,time,SO2,NO2,PM10,PM2.5,CO,O3").toString(), "--out",
                dir.resolve("o.csv").toString(), "--workspace", ws.toString());
        assertEquals(0, r.status(), r.err());
        // A has 48 hours; B is not a site of the workspace
        assertTrue(r.out().contains("1 stations, 48 rows"), r.out());
        assertTrue(r.out().contains("not among the sites of the workspace (not stored): B"), r.out());
    }

    @Test
    void chineseHeadersAreAccepted() throws Exception {
        Path out = dir.resolve("aqi.csv");
        Run r = run("aqi", "--input", hourly("站点,时间,二氧化硫,二氧化氮,可吸入颗粒物,细颗粒物,一氧化碳,臭氧").toString(),
                "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Table t = TableFiles.read(out);
        assertEquals("82", cell(t, row(t, "A", "2026-02-28"), "AQI"));
    }

    @Test
    void badRowsAreReportedWithRowAndColumnAndNothingIsWritten() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "station,time,SO2,NO2,PM10,PM2.5,CO,O3\nA,2026-03-01 01:00,1,abc,3,4,0.5,6\n"
                + "A,2026-03-01 01:30,1,2,3,4,0.5,6\nA,2026-03-01 02:00,1,2,3,4,0.5,6\n");
        Path out = dir.resolve("o.csv");
        Run r = run("aqi", "--input", in.toString(), "--out", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("abc") && r.err().contains("NO2"), r.err());
        assertTrue(r.err().contains("01:30"), r.err());
        assertTrue(!Files.exists(out));
        Run valid = run("aqi", "--input", in.toString(), "--out", out.toString(), "--valid-only");
        assertEquals(0, valid.status(), valid.err());
        assertTrue(valid.out().contains("2 bad rows"), valid.out());
    }

    @Test
    void attainmentOfAYearOfDailyValues() throws Exception {
        StringBuilder sb = new StringBuilder("station,date,SO2,NO2,PM10,PM2.5,CO,O3_8h\n");
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
            sb.append("S1,").append(d).append(",10,30,70,35,1.0,120\n");
        }
        Path in = dir.resolve("daily.csv");
        Files.writeString(in, sb.toString());
        Path out = dir.resolve("stats.csv");
        Run r = run("attainment", "--input", in.toString(), "--year", "2025", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Table t = TableFiles.read(out);
        // GB 3095-2012 grade 2: 10/60 + 30/40 + 70/70 + 35/35 + 1.0/4 + 120/160 = 3.9167 → 3.92
        assertEquals("3.92", find(t, "ALL", "composite_index").get(4));
        List<String> pm = find(t, "PM2.5", "annual_mean");
        assertEquals("35", pm.get(4));
        assertEquals("yes", pm.get(10));
        assertEquals("365", pm.get(7));
        Run r26 = run("attainment", "--input", in.toString(), "--year", "2025", "--out", out.toString(), "--limits",
                "GB3095-2026");
        assertEquals(0, r26.status(), r26.err());
        Table t26 = TableFiles.read(out);
        // 35 vs 30: not attained, +5 µg/m³, 16.7 %
        List<String> pm26 = find(t26, "PM2.5", "annual_mean");
        assertEquals(List.of("30", "no", "5", "16.7"), pm26.subList(9, 13));
        // PM2.5 35 every day exceeds no 24-h limit (75 / 60), good-day ratio 100 %
        assertEquals("0", find(t26, "ALL", "exceedance_days").get(4));
        assertEquals("100.0", find(t26, "AQI", "good_day_ratio_pct").get(4));
    }

    static List<String> find(Table t, String pollutant, String statistic) {
        return t.rows().stream().filter(r -> r.get(2).equals(pollutant) && r.get(3).equals(statistic)).findFirst()
                .orElseThrow().cells();
    }
}
