package cn.ecoaid.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IAQI/AQI by hand from HJ 633-2012 表1 and HJ 633-2026 表3 (../shared/reference/air/aqi_breakpoints.csv). */
class AqiTest {
    static final AqiStandard V2012 = AqiStandard.hj633of2012();
    static final AqiStandard V2026 = AqiStandard.hj633of2026();

    static AqiStandard v(String year) {
        return year.equals("2012") ? V2012 : V2026;
    }

    /** Every breakpoint of the tables gives its own IAQI exactly (both versions; only PM10/PM2.5 rows differ). */
    @ParameterizedTest(name = "{0} {1} at {2} -> {3}")
    @CsvSource({
        // SO2 24-h: 0,50,150,475,800,1600,2100,2620
        "2012,SO2_24H,0,0", "2012,SO2_24H,50,50", "2012,SO2_24H,150,100", "2012,SO2_24H,475,150", "2012,SO2_24H,800,200",
        "2012,SO2_24H,1600,300", "2012,SO2_24H,2100,400", "2012,SO2_24H,2620,500",
        "2026,SO2_24H,50,50", "2026,SO2_24H,150,100", "2026,SO2_24H,475,150", "2026,SO2_24H,800,200",
        "2026,SO2_24H,1600,300", "2026,SO2_24H,2100,400", "2026,SO2_24H,2620,500",
        // SO2 1-h: 150,500,650,800
        "2012,SO2_1H,150,50", "2012,SO2_1H,500,100", "2012,SO2_1H,650,150", "2012,SO2_1H,800,200",
        "2026,SO2_1H,150,50", "2026,SO2_1H,500,100", "2026,SO2_1H,650,150", "2026,SO2_1H,800,200",
        // NO2 24-h: 40,80,180,280,565,750,940
        "2012,NO2_24H,40,50", "2012,NO2_24H,80,100", "2012,NO2_24H,180,150", "2012,NO2_24H,280,200",
        "2012,NO2_24H,565,300", "2012,NO2_24H,750,400", "2012,NO2_24H,940,500",
        "2026,NO2_24H,40,50", "2026,NO2_24H,80,100", "2026,NO2_24H,940,500",
        // NO2 1-h: 100,200,700,1200,2340,3090,3840
        "2012,NO2_1H,100,50", "2012,NO2_1H,200,100", "2012,NO2_1H,700,150", "2012,NO2_1H,1200,200",
        "2012,NO2_1H,2340,300", "2012,NO2_1H,3090,400", "2012,NO2_1H,3840,500", "2026,NO2_1H,2340,300",
        // PM10 24-h: 2012 50,150,250,350,420,500,600; 2026 50,120,250,…
        "2012,PM10_24H,50,50", "2012,PM10_24H,150,100", "2012,PM10_24H,250,150", "2012,PM10_24H,350,200",
        "2012,PM10_24H,420,300", "2012,PM10_24H,500,400", "2012,PM10_24H,600,500",
        "2026,PM10_24H,50,50", "2026,PM10_24H,120,100", "2026,PM10_24H,250,150", "2026,PM10_24H,350,200",
        "2026,PM10_24H,420,300", "2026,PM10_24H,500,400", "2026,PM10_24H,600,500",
        // PM2.5 24-h: 2012 35,75,115,150,250,350,500; 2026 35,60,115,…
        "2012,PM2_5_24H,35,50", "2012,PM2_5_24H,75,100", "2012,PM2_5_24H,115,150", "2012,PM2_5_24H,150,200",
        "2012,PM2_5_24H,250,300", "2012,PM2_5_24H,350,400", "2012,PM2_5_24H,500,500",
        "2026,PM2_5_24H,35,50", "2026,PM2_5_24H,60,100", "2026,PM2_5_24H,115,150", "2026,PM2_5_24H,150,200",
        "2026,PM2_5_24H,250,300", "2026,PM2_5_24H,350,400", "2026,PM2_5_24H,500,500",
        // CO 24-h (mg/m³): 2,4,14,24,36,48,60; CO 1-h: 5,10,35,60,90,120,150
        "2012,CO_24H,2,50", "2012,CO_24H,4,100", "2012,CO_24H,14,150", "2012,CO_24H,24,200", "2012,CO_24H,36,300",
        "2012,CO_24H,48,400", "2012,CO_24H,60,500", "2026,CO_24H,4,100",
        "2012,CO_1H,5,50", "2012,CO_1H,10,100", "2012,CO_1H,35,150", "2012,CO_1H,60,200", "2012,CO_1H,90,300",
        "2012,CO_1H,120,400", "2012,CO_1H,150,500", "2026,CO_1H,35,150",
        // O3 1-h: 160,200,300,400,800,1000,1200; O3 8-h: 100,160,215,265,800
        "2012,O3_1H,160,50", "2012,O3_1H,200,100", "2012,O3_1H,300,150", "2012,O3_1H,400,200", "2012,O3_1H,800,300",
        "2012,O3_1H,1000,400", "2012,O3_1H,1200,500", "2026,O3_1H,1200,500",
        "2012,O3_8H,100,50", "2012,O3_8H,160,100", "2012,O3_8H,215,150", "2012,O3_8H,265,200", "2012,O3_8H,800,300",
        "2026,O3_8H,100,50", "2026,O3_8H,160,100", "2026,O3_8H,215,150", "2026,O3_8H,265,200", "2026,O3_8H,800,300",
    })
    void breakpointGivesItsIaqi(String year, AqiItem item, double c, int expected) {
        assertEquals(expected, Aqi.iaqi(v(year), item, c));
    }

    @ParameterizedTest(name = "{0} {1} at {2} -> {3}")
    @CsvSource({
        // the case the issue names: 50 + (100−50)/(75−35)·(60−35) = 81.25 → 82 under 2012; 60 is a breakpoint in 2026
        "2012,PM2_5_24H,60,82", "2026,PM2_5_24H,60,100",
        // PM10 130: 2012 50 + 50/100·80 = 90; 2026 segment 120–250: 100 + 50/130·10 = 103.85 → 104
        "2012,PM10_24H,130,90", "2026,PM10_24H,130,104",
        // PM10 100: 2012 50 + 50·50/100 = 75; 2026 50 + 50·50/70 = 85.71 → 86
        "2012,PM10_24H,100,75", "2026,PM10_24H,100,86",
        // PM2.5 100: 2012 100 + 50·25/40 = 131.25 → 132; 2026 100 + 50·40/55 = 136.36 → 137
        "2012,PM2_5_24H,100,132", "2026,PM2_5_24H,100,137",
        // SO2 24-h 100: 50 + 50·50/100 = 75
        "2012,SO2_24H,100,75", "2026,SO2_24H,100,75",
        // NO2 24-h 100: 100 + 50·20/100 = 110
        "2012,NO2_24H,100,110",
        // CO 24-h 4.5: 100 + 50·0.5/10 = 102.5 → 103
        "2012,CO_24H,4.5,103", "2026,CO_24H,4.5,103",
        // O3 8-h 170: 100 + 50·10/55 = 109.09 → 110; O3 1-h 250: 100 + 50·50/100 = 125
        "2012,O3_8H,170,110", "2026,O3_8H,170,110", "2012,O3_1H,250,125",
        // rounded up: PM10 51 → 50 + 50·1/100 = 50.5 → 51 (2012)
        "2012,PM10_24H,51,51",
        // 2026 rounds inputs per GB/T 8170 first: 35.4 → 35 → 50; 2012 uses 35.4: 50 + 50·0.4/40 = 50.5 → 51
        "2026,PM2_5_24H,35.4,50", "2012,PM2_5_24H,35.4,51",
        // five with odd digit before rounds up: 35.5 → 36 → 50 + 50·1/25 = 52; even digit: 34.5 → 34 → 34·50/35 = 48.57 → 49
        "2026,PM2_5_24H,35.5,52", "2026,PM2_5_24H,34.5,49", "2012,PM2_5_24H,34.5,50",
        // CO to 0.1: 2.05 → 2.0 → 50; 2.15 → 2.2 → 50 + 50·0.2/2 = 55; 2012: 2.05 → 50 + 50·0.05/2 = 51.25 → 52
        "2026,CO_24H,2.05,50", "2026,CO_24H,2.15,55", "2012,CO_24H,2.05,52",
        // above the top breakpoint: the top of the scale
        "2012,PM2_5_24H,600,500", "2026,PM10_24H,700,500",
        // above 800: 2026 SO2 1-h counts 200, O3 8-h counts 300
        "2026,SO2_1H,900,200", "2026,O3_8H,801,300",
    })
    void betweenBreakpoints(String year, AqiItem item, double c, int expected) {
        assertEquals(expected, Aqi.iaqi(v(year), item, c));
    }

    static double[] items(Object... pairs) {
        double[] c = new double[AqiItem.COUNT];
        Arrays.fill(c, Double.NaN);
        for (int i = 0; i < pairs.length; i += 2) {
            c[((AqiItem) pairs[i]).ordinal()] = ((Number) pairs[i + 1]).doubleValue();
        }
        return c;
    }

    @Test
    void so2Above800In2012IsReportedByTheTwentyFourHourSubIndex() {
        // real-time 2012, SO2 1-h 900 (> 800, not computed) → SO2 24-h moving mean 300: 100 + 50·150/325 = 123.08 → 124
        double[] c = items(AqiItem.SO2_1H, 900, AqiItem.SO2_24H, 300, AqiItem.NO2_1H, 50, AqiItem.CO_1H, 1,
                AqiItem.O3_1H, 60, AqiItem.O3_8H, 50, AqiItem.PM10_24H, 40, AqiItem.PM2_5_24H, 20);
        AqiResult r = Aqi.compute(V2012, Aqi.Report.REALTIME, c);
        assertEquals(124, r.iaqi(AqiItem.SO2_1H));
        assertEquals(124, r.aqi());
        assertEquals("SO2", r.primaryText());
        // the same hour under 2026: IAQI 200, 中度污染 (red)
        AqiResult r26 = Aqi.compute(V2026, Aqi.Report.REALTIME, c);
        assertEquals(200, r26.aqi());
        assertEquals("中度污染", r26.category().nameZh());
        assertEquals(0xFF0000, r26.category().rgb());
    }

    @Test
    void o3EightHourAbove800In2012LeavesTheOneHourSubIndex() {
        // daily 2012: O3 8-h 900 not computed; O3 1-h 1100: 400 + 100·100/200 = 450
        DailyValues d = new DailyValues(LocalDate.of(2025, 7, 1), 10, 20, 40, 20, 0.5, 900, 1100);
        AqiResult r = Aqi.daily(V2012, d);
        assertEquals(-1, r.iaqi(AqiItem.O3_8H));
        assertEquals(450, r.aqi());
        assertEquals("O3_1h", r.primaryText());
        assertEquals(List.of(AqiItem.O3_1H), r.exceeding());
        // 2026: the daily report has no O3 1-h; O3 8-h above 800 counts 300 → 重度污染 (purple 153,0,76)
        AqiResult r26 = Aqi.daily(V2026, d);
        assertEquals(300, r26.aqi());
        assertEquals("O3_8h", r26.primaryText());
        assertEquals((153 << 16) | 76, r26.category().rgb());
        assertEquals(List.of(), r26.exceeding(), "2026 removed 超标污染物");
    }

    @Test
    void tiesMakeSeveralPrimaryPollutantsAndAqiUpTo50HasNone() {
        // 2026: PM10 120 → 100, PM2.5 60 → 100; both primary, 良 (yellow)
        AqiResult r = Aqi.daily(V2026, new DailyValues(LocalDate.of(2026, 3, 2), 10, 20, 120, 60, 0.5, 80, Double.NaN));
        assertEquals(100, r.aqi());
        assertEquals("PM10;PM2.5", r.primaryText());
        assertEquals("良", r.category().nameZh());
        assertEquals(0xFFFF00, r.category().rgb());
        // all below 50: AQI 0.5/2·50 = 12.5 → 13 (CO 0.5); SO2 10 → 10; NO2 20 → 25; PM10 40 → 40; PM2.5 20 → 28.57 → 29;
        // O3 8-h 80 → 40 → AQI 40, 优, no primary pollutant
        AqiResult low = Aqi.daily(V2026, new DailyValues(LocalDate.of(2026, 3, 2), 10, 20, 40, 20, 0.5, 80, Double.NaN));
        assertEquals(40, low.aqi());
        assertEquals("", low.primaryText());
        assertEquals("优", low.category().nameZh());
        assertEquals(0x00E400, low.category().rgb());
    }

    @Test
    void missingPollutantIn2026PublishesOnlyAbove100() {
        // CO missing, the others give AQI 86 (PM10 100): published as NA
        AqiResult na = Aqi.daily(V2026, new DailyValues(LocalDate.of(2026, 3, 2), 10, 20, 100, 20, Double.NaN, 80,
                Double.NaN));
        assertFalse(na.published());
        assertEquals("NA", na.aqiText());
        assertEquals(86, na.aqi());
        assertEquals(List.of(AqiItem.CO_24H), na.missing());
        assertNull(na.category());
        // CO missing, PM2.5 150 → 200 > 100: published
        AqiResult high = Aqi.daily(V2026, new DailyValues(LocalDate.of(2026, 3, 2), 10, 20, 100, 150, Double.NaN, 80,
                Double.NaN));
        assertTrue(high.published());
        assertEquals("200", high.aqiText());
        // 2012: the AQI of the items present is published (75 from PM10 100), O3 1-h and CO reported missing
        AqiResult old = Aqi.daily(V2012, new DailyValues(LocalDate.of(2025, 3, 2), 10, 20, 100, 20, Double.NaN, 80,
                Double.NaN));
        assertTrue(old.published());
        assertEquals(75, old.aqi());
        assertEquals(List.of(AqiItem.CO_24H, AqiItem.O3_1H), old.missing());
    }

    @Test
    void versionSwitchesOnFirstMarch2026() {
        AqiStandard.Chooser auto = AqiStandard.chooser("auto");
        assertEquals("HJ 633-2012", auto.on(LocalDate.of(2026, 2, 28)).number());
        assertEquals("HJ 633-2026", auto.on(LocalDate.of(2026, 3, 1)).number());
        assertEquals("HJ 633-2012", AqiStandard.chooser("HJ633-2012").on(LocalDate.of(2026, 5, 1)).number());
        assertEquals("HJ 633-2026", AqiStandard.pick(LocalDate.of(2020, 1, 1), "HJ 633-2026").number());
        // a daily series 2026-02-27 … 03-02 with PM2.5 60 every day: 82 under 2012, 100 from 1 March
        DailySeries s = DailySeries.empty("A", LocalDate.of(2026, 2, 27), 4);
        int[] expected = {82, 82, 100, 100};
        for (int d = 0; d < 4; d++) {
            s.set(DailyItem.PM2_5, d, 60);
            AqiResult r = Aqi.daily(auto.on(s.date(d)), s.day(d));
            assertEquals(expected[d], r.iaqi(AqiItem.PM2_5_24H), s.date(d).toString());
        }
    }

    @Test
    void gbt8170RoundsHalfToEvenOnTheDecimalValue() {
        assertEquals(2.0, GbT8170.round(2.5, 0));
        assertEquals(4.0, GbT8170.round(3.5, 0));
        assertEquals(3.0, GbT8170.round(2.5001, 0), "5 followed by non-zero digits rounds up");
        assertEquals(1.4, GbT8170.round(1.45, 1), "1.45 is 1.4499999… in binary; the written value decides");
        assertEquals(1.6, GbT8170.round(1.55, 1));
        assertEquals(12.0, GbT8170.round(12.4999, 0));
    }
}
