package cn.ecoaid.air;

import cn.ecoaid.air.Gb3095Limits.Averaging;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of one station and calendar year (HJ 663, GB 3095-2026 表4):
 * <ul>
 * <li>annual means of SO2, NO2, PM10, PM2.5; 98th percentiles of the SO2 and NO2 daily means; 95th of PM10, PM2.5 and
 * CO; 90th of the O3 daily maximum 8-h means — each valid only with ≥ 324 valid days in the year and ≥ 27 in every
 * month (February ≥ 25), otherwise reported but flagged not valid;</li>
 * <li>days per AQI class (daily AQI, version by date or override), the good-day ratio (优良天数比例 = days with AQI ≤ 100
 * / days with a published AQI), days with AQI &gt; 100;</li>
 * <li>exceedance days per pollutant: days whose daily value, rounded per GB/T 8170, exceeds the 24-h limit (O3: the 8-h
 * limit) in force that day;</li>
 * <li>the composite index (环境空气质量综合指数, 城市环境空气质量排名技术规定, 环办监测〔2018〕19号): Σ C_i/S_i over SO2, NO2, PM10,
 * PM2.5 annual means against their grade-2 annual limits, the CO 95th percentile against the CO 24-h grade-2 limit
 * and the O3 8-h 90th percentile against the O3 8-h grade-2 limit.</li>
 * </ul>
 * Annual values are compared and summed after rounding per GB/T 8170 (µg/m³ to integers, CO to 0.1 mg/m³). The annual
 * limits are those in force on 31 December of the year unless overridden.
 */
public final class AnnualStatistics {
    public static final int MIN_DAYS_YEAR = 324;
    public static final int MIN_DAYS_MONTH = 27;
    public static final int MIN_DAYS_FEBRUARY = 25;

    /** The statistics of HJ 663 annual assessment. */
    public enum Kind {
        ANNUAL_MEAN("annual_mean", Averaging.ANNUAL, Double.NaN),
        P98("p98", Averaging.H24, 98),
        P95("p95", Averaging.H24, 95),
        P90_8H("p90_8h", Averaging.O3_8H_DAILY_MAX, 90);

        private final String label;
        private final Averaging averaging;
        private final double percent;

        Kind(String label, Averaging averaging, double percent) {
            this.label = label;
            this.averaging = averaging;
            this.percent = percent;
        }

        public String label() {
            return label;
        }

        public Averaging averaging() {
            return averaging;
        }
    }

    /** One annual statistic: raw and GB/T 8170-rounded value, valid days, months below their minimum. */
    public record Statistic(Pollutant pollutant, DailyItem item, Kind kind, double value, double rounded, int validDays,
            List<Month> shortMonths, boolean valid) {
    }

    /** All figures of one station-year. {@code categoryDays[level − 1]}; {@code exceedanceDays[DailyItem ordinal]}. */
    public record Result(String station, int year, List<Statistic> statistics, int[] categoryDays, int aqiDays,
            int naDays, double goodDayRatio, int pollutedDays, int[] exceedanceDays, int exceedanceDaysAny,
            double compositeIndex, boolean compositeValid, Gb3095Limits annualLimits, int areaClass) {

        public Statistic statistic(Pollutant p, Kind k) {
            return statistics.stream().filter(s -> s.pollutant() == p && s.kind() == k).findFirst().orElseThrow();
        }
    }

    private static final Object[][] ITEMS = {
        {Pollutant.SO2, DailyItem.SO2, Kind.ANNUAL_MEAN}, {Pollutant.SO2, DailyItem.SO2, Kind.P98},
        {Pollutant.NO2, DailyItem.NO2, Kind.ANNUAL_MEAN}, {Pollutant.NO2, DailyItem.NO2, Kind.P98},
        {Pollutant.PM10, DailyItem.PM10, Kind.ANNUAL_MEAN}, {Pollutant.PM10, DailyItem.PM10, Kind.P95},
        {Pollutant.PM2_5, DailyItem.PM2_5, Kind.ANNUAL_MEAN}, {Pollutant.PM2_5, DailyItem.PM2_5, Kind.P95},
        {Pollutant.CO, DailyItem.CO, Kind.P95}, {Pollutant.O3, DailyItem.O3_8H, Kind.P90_8H}};

    private AnnualStatistics() {
    }

    /** Validity of a year of daily values: months (1-based index) short of their minimum; empty when all are met. */
    public static List<Month> shortMonths(int[] validPerMonth) {
        List<Month> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            int min = m == 2 ? MIN_DAYS_FEBRUARY : MIN_DAYS_MONTH;
            if (validPerMonth[m] < min) {
                out.add(Month.of(m));
            }
        }
        return out;
    }

    /** Whether a year with these valid days per month (index 1..12) is valid for annual statistics. */
    public static boolean validYear(int[] validPerMonth) {
        int total = 0;
        for (int m = 1; m <= 12; m++) {
            total += validPerMonth[m];
        }
        return total >= MIN_DAYS_YEAR && shortMonths(validPerMonth).isEmpty();
    }

    /**
     * Hours of {@code year} whose 1-h value, rounded per GB/T 8170, exceeds the 1-h limit in force that day (SO2, NO2,
     * CO, O3 — the pollutants with 1-h limits; PM10 and PM2.5 stay 0), indexed by {@link Pollutant} ordinal.
     */
    public static int[] exceedanceHours(HourlySeries h, int year, String limitsOverride, int areaClass) {
        int[] out = new int[Pollutant.COUNT];
        for (int d = 0; d < h.days(); d++) {
            LocalDate date = h.firstDay().plusDays(d);
            if (date.getYear() != year) {
                continue;
            }
            Gb3095Limits lim = Gb3095Limits.pick(date, limitsOverride);
            for (Pollutant p : Pollutant.values()) {
                double limit = lim.limit(p, Averaging.H1, areaClass);
                if (Double.isNaN(limit)) {
                    continue;
                }
                double[] v = h.values(p);
                for (int i = d * 24; i < d * 24 + 24; i++) {
                    if (GbT8170.round(v[i], p.decimals()) > limit) {
                        out[p.ordinal()]++;
                    }
                }
            }
        }
        return out;
    }

    public static Result compute(DailySeries s, int year, AqiStandard.Chooser aqiChooser, String limitsOverride,
            int areaClass) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int len = first.lengthOfYear();
        int offset = (int) (first.toEpochDay() - s.firstDay().toEpochDay());
        Gb3095Limits annual = Gb3095Limits.pick(LocalDate.of(year, 12, 31), limitsOverride);
        List<Statistic> stats = new ArrayList<>();
        for (Object[] it : ITEMS) {
            Pollutant p = (Pollutant) it[0];
            DailyItem item = (DailyItem) it[1];
            Kind kind = (Kind) it[2];
            double[] year365 = new double[len];
            int[] perMonth = new int[13];
            double sum = 0;
            int n = 0;
            for (int d = 0; d < len; d++) {
                int idx = offset + d;
                double v = idx >= 0 && idx < s.days() ? s.get(item, idx) : Double.NaN;
                year365[d] = v;
                if (!Double.isNaN(v)) {
                    n++;
                    sum += v;
                    perMonth[first.plusDays(d).getMonthValue()]++;
                }
            }
            double value = kind == Kind.ANNUAL_MEAN ? (n == 0 ? Double.NaN : sum / n) : Hj663.percentile(year365, kind.percent);
            List<Month> shortM = shortMonths(perMonth);
            stats.add(new Statistic(p, item, kind, value, GbT8170.round(value, p.decimals()), n, shortM,
                    n >= MIN_DAYS_YEAR && shortM.isEmpty()));
        }
        int[] categoryDays = new int[6];
        int aqiDays = 0;
        int naDays = 0;
        int good = 0;
        int polluted = 0;
        int[] exceed = new int[DailyItem.COUNT];
        int exceedAny = 0;
        for (int d = 0; d < len; d++) {
            int idx = offset + d;
            if (idx < 0 || idx >= s.days()) {
                continue;
            }
            LocalDate date = first.plusDays(d);
            AqiResult r = Aqi.daily(aqiChooser.on(date), s.day(idx));
            if (r.published()) {
                aqiDays++;
                categoryDays[r.category().level() - 1]++;
                if (r.aqi() <= 100) {
                    good++;
                } else {
                    polluted++;
                }
            } else if (r.aqi() >= 0) {
                naDays++;
            }
            Gb3095Limits dayLimits = Gb3095Limits.pick(date, limitsOverride);
            boolean any = false;
            for (DailyItem item : DailyItem.values()) {
                if (item == DailyItem.O3_1H) {
                    continue;
                }
                double v = GbT8170.round(s.get(item, idx), item.pollutant().decimals());
                if (v > dayLimits.dailyLimit(item, areaClass)) {
                    exceed[item.ordinal()]++;
                    any = true;
                }
            }
            if (any) {
                exceedAny++;
            }
        }
        double ratio = aqiDays == 0 ? Double.NaN : 100.0 * good / aqiDays;
        double composite = 0;
        boolean compositeValid = true;
        for (Statistic st : stats) {
            if (st.kind() == Kind.ANNUAL_MEAN || st.pollutant() == Pollutant.CO || st.pollutant() == Pollutant.O3) {
                composite += st.rounded() / annual.limit(st.pollutant(), st.kind().averaging(), 2);
                compositeValid &= st.valid();
            }
        }
        return new Result(s.station(), year, List.copyOf(stats), categoryDays, aqiDays, naDays, ratio, polluted,
                exceed, exceedAny, composite, compositeValid, annual, areaClass);
    }
}
