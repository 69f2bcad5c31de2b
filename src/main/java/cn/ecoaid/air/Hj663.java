package cn.ecoaid.air;

import java.util.Arrays;

/**
 * Statistics and data validity of HJ 663 and GB 3095-2026 表4.
 * <ul>
 * <li>24-h (daily) mean: at least {@value #MIN_HOURS_DAILY} valid hourly values in the natural day 0:00–24:00.</li>
 * <li>8-h mean of O3: at least {@value #MIN_HOURS_8H} valid hourly values in the 8 hours.</li>
 * <li>Daily maximum 8-h mean: the largest of the 17 8-h moving means that lie within the natural day (ending at
 * 08:00 … 24:00). HJ 663-2013 表2 also asks for at least {@value #MIN_WINDOWS_8H} valid 8-h means among them; with
 * fewer, the maximum is still valid when it exceeds the O3 8-h grade-2 limit ({@value #O3_8H_LIMIT} µg/m³, the same in
 * GB 3095-2012 and -2026).</li>
 * <li>Daily maximum 1-h mean of O3 (HJ 633-2012 daily report): needs the same {@value #MIN_HOURS_DAILY} valid hours.</li>
 * <li>Percentiles: HJ 663 5.3: k = 1 + (n − 1)·p/100, s = ⌊k⌋, m_p = X(s) + (X(s+1) − X(s))·(k − s).</li>
 * </ul>
 */
public final class Hj663 {
    public static final int MIN_HOURS_DAILY = 20;
    public static final int MIN_HOURS_8H = 6;
    public static final int MIN_WINDOWS_8H = 14;
    public static final double O3_8H_LIMIT = 160;

    private Hj663() {
    }

    /** Daily statistics of every day of a station's hourly series. */
    public static DailySeries daily(HourlySeries h) {
        int days = h.days();
        DailySeries out = DailySeries.empty(h.station(), h.firstDay(), days);
        DailyItem[] means = {DailyItem.SO2, DailyItem.NO2, DailyItem.PM10, DailyItem.PM2_5, DailyItem.CO};
        for (DailyItem item : means) {
            double[] v = h.values(item.pollutant());
            double[] dst = out.values(item);
            for (int d = 0; d < days; d++) {
                dst[d] = dailyMean(v, d * 24);
            }
        }
        double[] o3 = h.values(Pollutant.O3);
        double[] max1 = out.values(DailyItem.O3_1H);
        double[] max8 = out.values(DailyItem.O3_8H);
        for (int d = 0; d < days; d++) {
            max1[d] = dailyMax1h(o3, d * 24);
            max8[d] = dailyMax8h(o3, d * 24);
        }
        for (DailyItem item : DailyItem.values()) {
            for (int d = 0; d < days; d++) {
                out.set(item, d, out.get(item, d));
            }
        }
        return out;
    }

    /** Mean of hours {@code from … from+23}, NaN with fewer than 20 valid hours. */
    public static double dailyMean(double[] v, int from) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < from + 24; i++) {
            double x = v[i];
            if (x == x) {
                sum += x;
                n++;
            }
        }
        return n >= MIN_HOURS_DAILY ? sum / n : Double.NaN;
    }

    static double dailyMax1h(double[] v, int from) {
        double max = Double.NaN;
        int n = 0;
        for (int i = from; i < from + 24; i++) {
            double x = v[i];
            if (x == x) {
                n++;
                if (!(x <= max)) {
                    max = x;
                }
            }
        }
        return n >= MIN_HOURS_DAILY ? max : Double.NaN;
    }

    /**
     * 8-h moving mean of the window ending with hour index {@code last} (hours last−7 … last; hours before the start
     * of the series count as missing), NaN with fewer than 6 valid hours.
     */
    public static double mean8h(double[] v, int last) {
        return movingMean(v, last, 8, MIN_HOURS_8H);
    }

    /** Mean of the {@code window} hours ending with index {@code last}, NaN with fewer than {@code minValid} values. */
    public static double movingMean(double[] v, int last, int window, int minValid) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, last - window + 1); i <= last; i++) {
            double x = v[i];
            if (x == x) {
                sum += x;
                n++;
            }
        }
        return n >= minValid ? sum / n : Double.NaN;
    }

    /**
     * {@link #movingMean} for every index at once, in O(n): a sliding sum, restarted every {@code window} steps so that
     * rounding errors cannot build up (they stay of the order of a direct sum of {@code window} values).
     */
    public static double[] movingMeans(double[] v, int window, int minValid) {
        int n = v.length;
        double[] out = new double[n];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i % window == 0) {
                sum = 0;
                count = 0;
                for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                    double x = v[j];
                    if (x == x) {
                        sum += x;
                        count++;
                    }
                }
            } else {
                double x = v[i];
                if (x == x) {
                    sum += x;
                    count++;
                }
                int drop = i - window;
                if (drop >= 0) {
                    double y = v[drop];
                    if (y == y) {
                        sum -= y;
                        count--;
                    }
                }
            }
            out[i] = count >= minValid ? sum / count : Double.NaN;
        }
        return out;
    }

    /** Daily maximum 8-h mean of the day whose first hour has index {@code from}. */
    public static double dailyMax8h(double[] v, int from) {
        double max = Double.NaN;
        int valid = 0;
        for (int end = from + 7; end <= from + 23; end++) {
            double m = mean8h(v, end);
            if (m == m) {
                valid++;
                if (!(m <= max)) {
                    max = m;
                }
            }
        }
        if (valid >= MIN_WINDOWS_8H || (max == max && max > O3_8H_LIMIT)) {
            return max;
        }
        return Double.NaN;
    }

    /** HJ 663 percentile of the non-NaN values (NaN if there are none); {@code p} in percent. */
    public static double percentile(double[] values, double p) {
        double[] x = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        double k = 1 + (n - 1) * p / 100.0;
        int s = (int) Math.floor(k);
        if (s >= n) {
            return x[n - 1];
        }
        return x[s - 1] + (x[s] - x[s - 1]) * (k - s);
    }
}
