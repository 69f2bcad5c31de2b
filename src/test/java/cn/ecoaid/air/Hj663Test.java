package cn.ecoaid.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HJ 663 statistics and GB 3095-2026 表4 validity, at the boundaries. */
class Hj663Test {

    @Test
    void percentileOfThePublishedExample() {
        // sorted 2,3,4,4,5,8; k = 1 + 5·0.9 = 5.5, s = 5: 5 + (8 − 5)·0.5 = 6.5
        assertEquals(6.5, Hj663.percentile(new double[] {3, 4, 8, 2, 5, 4}, 90), 1e-12);
        // p = 50: k = 3.5 → 4 + 0·0.5 = 4; p = 98: k = 5.9 → 5 + 3·0.9 = 7.7; NaN is ignored
        assertEquals(4, Hj663.percentile(new double[] {3, 4, 8, Double.NaN, 2, 5, 4}, 50), 1e-12);
        assertEquals(7.7, Hj663.percentile(new double[] {3, 4, 8, 2, 5, 4}, 98), 1e-12);
    }

    static HourlySeries day(double[] o3, double[] pm25) {
        HourlySeries h = HourlySeries.empty("S", LocalDate.of(2025, 6, 1), 1);
        for (int i = 0; i < 24; i++) {
            h.set(Pollutant.O3, i, o3[i]);
            h.set(Pollutant.PM2_5, i, pm25[i]);
        }
        return h;
    }

    @Test
    void dailyMeanNeedsTwentyValidHours() {
        double[] v = new double[24];
        Arrays.fill(v, 40);
        for (int i = 0; i < 4; i++) {
            v[i] = Double.NaN; // 20 valid hours of 40 → 40
        }
        assertEquals(40, Hj663.dailyMean(v, 0), 1e-12);
        v[4] = Double.NaN; // 19 valid hours → not valid
        assertTrue(Double.isNaN(Hj663.dailyMean(v, 0)));
    }

    @Test
    void eightHourMeanNeedsSixValidHours() {
        double[] v = {10, 20, 30, 40, 50, 60, Double.NaN, Double.NaN};
        // hours 0..7 with 6 valid: (10+20+30+40+50+60)/6 = 35
        assertEquals(35, Hj663.mean8h(v, 7), 1e-12);
        v[5] = Double.NaN; // 5 valid → not valid
        assertTrue(Double.isNaN(Hj663.mean8h(v, 7)));
    }

    @Test
    void slidingMeansEqualDirectMeans() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(10) == 0 ? Double.NaN : Math.round(r.nextDouble() * 3000) / 10.0;
        }
        for (int window : new int[] {8, 24}) {
            int min = window == 8 ? 6 : 20;
            double[] all = Hj663.movingMeans(v, window, min);
            for (int i = 0; i < v.length; i++) {
                double direct = Hj663.movingMean(v, i, window, min);
                assertEquals(Double.isNaN(direct), Double.isNaN(all[i]), "index " + i);
                if (!Double.isNaN(direct)) {
                    assertEquals(direct, all[i], 1e-10, "index " + i);
                }
            }
        }
    }

    @Test
    void dailyMaximumEightHourMeanWithinTheNaturalDay() {
        double[] o3 = new double[24];
        Arrays.fill(o3, 100);
        for (int i = 12; i < 20; i++) {
            o3[i] = 180; // window 12:00–20:00 (ending hour index 19) is all 180
        }
        double[] pm = new double[24];
        Arrays.fill(pm, 30);
        DailySeries d = Hj663.daily(day(o3, pm));
        assertEquals(180, d.get(DailyItem.O3_8H, 0), 1e-12);
        assertEquals(180, d.get(DailyItem.O3_1H, 0), 1e-12);
        assertEquals(30, d.get(DailyItem.PM2_5, 0), 1e-12);
    }

    @Test
    void dailyMaximumEightHourNeedsFourteenValidMeansUnlessAboveTheLimit() {
        // only hours 0..13 valid: windows ending at 7..15 have ≥ 6 valid hours → 9 valid 8-h means (< 14)
        double[] o3 = new double[24];
        Arrays.fill(o3, Double.NaN);
        Arrays.fill(o3, 0, 14, 150);
        assertTrue(Double.isNaN(Hj663.dailyMax8h(o3, 0)), "9 windows, max 150 ≤ 160: not valid");
        Arrays.fill(o3, 0, 14, 200);
        assertEquals(200, Hj663.dailyMax8h(o3, 0), 1e-12, "9 windows but max 200 > 160: valid");
        // hours 0..18 valid: windows ending 7..20 → 14 valid means → valid at 150
        Arrays.fill(o3, 0, 19, 150);
        assertEquals(150, Hj663.dailyMax8h(o3, 0), 1e-12);
    }

    /** A year of daily values, {@code perMonth[m]} valid days at the start of month m (1..12). */
    static DailySeries year(int year, int[] perMonth, double value) {
        LocalDate first = LocalDate.of(year, 1, 1);
        DailySeries s = DailySeries.empty("S", first, first.lengthOfYear());
        for (int d = 0; d < s.days(); d++) {
            LocalDate date = s.date(d);
            if (date.getDayOfMonth() <= perMonth[date.getMonthValue()]) {
                for (DailyItem item : DailyItem.values()) {
                    s.set(item, d, item == DailyItem.CO ? 1.0 : value);
                }
            }
        }
        return s;
    }

    static boolean valid(int year, int[] perMonth) {
        DailySeries s = year(year, perMonth, 20);
        return AnnualStatistics.compute(s, year, AqiStandard.chooser("auto"), "auto", 2)
                .statistic(Pollutant.PM2_5, AnnualStatistics.Kind.ANNUAL_MEAN).valid();
    }

    @Test
    void annualStatisticsNeed324DaysAnd27PerMonthAnd25InFebruary() {
        // 29 + 25 + 27·10 = 324 valid days, every month at its minimum or above → valid
        int[] m = {0, 29, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27};
        assertEquals(324, Arrays.stream(m).sum());
        assertTrue(valid(2025, m));
        m[1] = 28; // 323 days → not valid
        assertFalse(valid(2025, m));
        // 330 days but March has 26 → not valid; with 27 → valid
        int[] n = {0, 31, 28, 26, 30, 28, 27, 27, 27, 27, 27, 27, 27};
        assertEquals(332, Arrays.stream(n).sum());
        assertFalse(valid(2025, n));
        n[3] = 27;
        assertTrue(valid(2025, n));
        // February 24 → not valid; 25 → valid
        int[] f = {0, 31, 24, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        assertFalse(valid(2025, f));
        assertEquals(List.of(Month.FEBRUARY), AnnualStatistics.shortMonths(f));
        f[2] = 25;
        assertTrue(valid(2025, f));
    }

    static DailySeries constantYear(int year) {
        int[] all = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        LocalDate first = LocalDate.of(year, 1, 1);
        DailySeries s = DailySeries.empty("S", first, first.lengthOfYear());
        for (int d = 0; d < s.days(); d++) {
            s.set(DailyItem.SO2, d, 10);
            s.set(DailyItem.NO2, d, 30);
            s.set(DailyItem.PM10, d, 70);
            s.set(DailyItem.PM2_5, d, 35);
            s.set(DailyItem.CO, d, 1.0);
            s.set(DailyItem.O3_8H, d, 120);
            s.set(DailyItem.O3_1H, d, 150);
        }
        assertEquals(13, all.length);
        return s;
    }

    @Test
    void compositeIndexAndAttainmentUnderBothLimitSets() {
        // 2025 → GB 3095-2012 grade 2: 10/60 + 30/40 + 70/70 + 35/35 + 1.0/4 + 120/160 = 3.916667
        AnnualStatistics.Result y25 = AnnualStatistics.compute(constantYear(2025), 2025, AqiStandard.chooser("auto"),
                "auto", 2);
        assertEquals(10.0 / 60 + 0.75 + 1 + 1 + 0.25 + 0.75, y25.compositeIndex(), 1e-9);
        assertTrue(y25.compositeValid());
        assertEquals("GB 3095-2012", y25.annualLimits().label());
        // 2026 → limits in force on 31 Dec: GB 3095-2026 transitional (PM10 60, PM2.5 30):
        // 10/60 + 30/40 + 70/60 + 35/30 + 1/4 + 120/160 = 4.25
        AnnualStatistics.Result y26 = AnnualStatistics.compute(constantYear(2026), 2026, AqiStandard.chooser("auto"),
                "auto", 2);
        assertEquals(4.25, y26.compositeIndex(), 1e-9);
        List<Attainment.Row> rows = Attainment.assess(y26);
        Attainment.Row pm25 = rows.stream().filter(r -> r.pollutant() == Pollutant.PM2_5
                && r.kind() == AnnualStatistics.Kind.ANNUAL_MEAN).findFirst().orElseThrow();
        // 35 vs 30: exceeded by 5 µg/m³ = 16.67 %
        assertEquals(Boolean.FALSE, pm25.attained());
        assertEquals(5, pm25.gap(), 1e-12);
        assertEquals(100.0 * 5 / 30, pm25.gapPercent(), 1e-9);
        Attainment.Row pm25old = Attainment.assess(y25).stream().filter(r -> r.pollutant() == Pollutant.PM2_5
                && r.kind() == AnnualStatistics.Kind.ANNUAL_MEAN).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, pm25old.attained(), "35 ≤ 35 under GB 3095-2012");
        // same year with --limits GB3095-2012
        AnnualStatistics.Result y26old = AnnualStatistics.compute(constantYear(2026), 2026, AqiStandard.chooser("auto"),
                "GB3095-2012", 2);
        assertEquals(3.916666666, y26old.compositeIndex(), 1e-6);
        // O3 90th of a constant 120 is 120 ≤ 160; class 1 area limit 100 → exceeded by 20 %
        AnnualStatistics.Result c1 = AnnualStatistics.compute(constantYear(2026), 2026, AqiStandard.chooser("auto"),
                "auto", 1);
        Attainment.Row o3 = Attainment.assess(c1).stream().filter(r -> r.pollutant() == Pollutant.O3)
                .findFirst().orElseThrow();
        assertEquals(120, o3.value(), 1e-12);
        assertEquals(100, o3.limit(), 1e-12);
        assertEquals(20, o3.gapPercent(), 1e-9);
    }

    @Test
    void oneHourExceedancesCompareRoundedValuesWithTheOneHourLimit() {
        // SO2 1-h grade-2 limit 500 (GB 3095-2012 and -2026 transitional alike): 500.4 → 500 and 500.5 → 500 (half to
        // even) do not exceed; 501 and 501.5 → 502 do. O3 1-h limit 200: 201 exceeds. Class 1 (SO2 150): all five.
        HourlySeries h = HourlySeries.empty("S", LocalDate.of(2026, 2, 28), 2);
        double[] so2 = {500.4, 500.5, 501, 501.5, 499};
        for (int i = 0; i < so2.length; i++) {
            h.set(Pollutant.SO2, 20 + i, so2[i]); // hours 20…24 cross into 1 March
        }
        h.set(Pollutant.O3, 30, 201);
        int[] c2 = AnnualStatistics.exceedanceHours(h, 2026, "auto", 2);
        assertEquals(2, c2[Pollutant.SO2.ordinal()]);
        assertEquals(1, c2[Pollutant.O3.ordinal()]);
        assertEquals(0, c2[Pollutant.PM2_5.ordinal()]);
        assertEquals(5, AnnualStatistics.exceedanceHours(h, 2026, "auto", 1)[Pollutant.SO2.ordinal()]);
        assertEquals(0, AnnualStatistics.exceedanceHours(h, 2025, "auto", 2)[Pollutant.SO2.ordinal()]);
    }

    @Test
    void daysPerCategoryAndExceedanceDaysFollowTheDateOfEachDay() {
        DailySeries s = constantYear(2026);
        // PM2.5 70 on 10 January and 10 March: ≤ 75 (GB 3095-2012 24-h grade 2) but > 60 (2026 transitional)
        s.set(DailyItem.PM2_5, 9, 70);
        s.set(DailyItem.PM2_5, 68, 70);
        AnnualStatistics.Result r = AnnualStatistics.compute(s, 2026, AqiStandard.chooser("auto"), "auto", 2);
        assertEquals(1, r.exceedanceDays()[DailyItem.PM2_5.ordinal()]);
        assertEquals(1, r.exceedanceDaysAny());
        // AQI on 10 January (2012): PM2.5 70 → 50 + 50·35/40 = 93.75 → 94, 良; on 10 March (2026): 100 + 50·10/55 =
        // 109.09 → 110, 轻度污染. The other days: 2012 max(O3 1-h 150 → 47, O3 8-h 120 → 66.67 → 67, PM10 60) = 67, 2026
        // O3 8-h 67 vs PM10 70 → 50 + 50·20/70 = 64.29 → 65: 67 — all 良.
        assertEquals(364, r.categoryDays()[1]);
        assertEquals(1, r.categoryDays()[2]);
        assertEquals(365, r.aqiDays());
        assertEquals(100.0 * 364 / 365, r.goodDayRatio(), 1e-9);
        assertEquals(1, r.pollutedDays());
    }
}
