package cn.ecoaid.air;

import java.time.LocalDate;

/**
 * Real-time reports (实时报) for every hour of a station's series. The version is chosen by the natural day the hour
 * belongs to (the hour ending 2026-03-01 00:00 is the last hour of 28 February). HJ 633-2012: SO2, NO2, CO, O3 1-h,
 * O3 8-h moving mean (≥ 6 valid hours) and PM10/PM2.5 24-h moving means (≥ 20 valid hours, HJ 663); HJ 633-2026: the
 * 1-h means of all six, PM10 and PM2.5 against the 24-h breakpoints.
 */
public final class RealtimeAqi {
    /** Receives the report of hour {@code index} of the series. */
    @FunctionalInterface
    public interface Sink {
        void accept(int index, AqiResult result);
    }

    private RealtimeAqi() {
    }

    public static void forEach(HourlySeries h, AqiStandard.Chooser chooser, Sink sink) {
        double[] so2 = h.values(Pollutant.SO2);
        double[] no2 = h.values(Pollutant.NO2);
        double[] pm10 = h.values(Pollutant.PM10);
        double[] pm25 = h.values(Pollutant.PM2_5);
        double[] co = h.values(Pollutant.CO);
        double[] o3 = h.values(Pollutant.O3);
        double[] c = new double[AqiItem.COUNT];
        boolean any2012 = chooser.on(h.firstDay()).edition() == AqiStandard.Edition.HJ633_2012;
        double[] o3m8 = any2012 ? Hj663.movingMeans(o3, 8, Hj663.MIN_HOURS_8H) : null;
        double[] pm10m24 = any2012 ? Hj663.movingMeans(pm10, 24, Hj663.MIN_HOURS_DAILY) : null;
        double[] pm25m24 = any2012 ? Hj663.movingMeans(pm25, 24, Hj663.MIN_HOURS_DAILY) : null;
        LocalDate day = h.firstDay();
        for (int d = 0; d < h.days(); d++, day = day.plusDays(1)) {
            AqiStandard std = chooser.on(day);
            boolean v2012 = std.edition() == AqiStandard.Edition.HJ633_2012;
            for (int i = d * 24; i < d * 24 + 24; i++) {
                java.util.Arrays.fill(c, Double.NaN);
                c[AqiItem.SO2_1H.ordinal()] = so2[i];
                c[AqiItem.NO2_1H.ordinal()] = no2[i];
                c[AqiItem.CO_1H.ordinal()] = co[i];
                c[AqiItem.O3_1H.ordinal()] = o3[i];
                if (v2012) {
                    c[AqiItem.O3_8H.ordinal()] = o3m8[i];
                    c[AqiItem.PM10_24H.ordinal()] = pm10m24[i];
                    c[AqiItem.PM2_5_24H.ordinal()] = pm25m24[i];
                    if (so2[i] > 800) {
                        c[AqiItem.SO2_24H.ordinal()] = Hj663.movingMean(so2, i, 24, Hj663.MIN_HOURS_DAILY);
                    }
                } else {
                    c[AqiItem.PM10_24H.ordinal()] = pm10[i];
                    c[AqiItem.PM2_5_24H.ordinal()] = pm25[i];
                }
                sink.accept(i, Aqi.compute(std, Aqi.Report.REALTIME, c));
            }
        }
    }
}
