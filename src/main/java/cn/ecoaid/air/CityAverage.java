package cn.ecoaid.air;

import java.time.LocalDate;
import java.util.List;

/**
 * City-scale values (HJ 663 城市尺度): for each hour (or day) and pollutant, the arithmetic mean of the valid values of
 * the city's stations; hours where no station has a valid value stay missing. City daily statistics are then taken
 * from the city's hourly series by the same rules as a station's. No minimum number of stations is applied.
 */
public final class CityAverage {
    private CityAverage() {
    }

    public static HourlySeries hourly(String name, List<HourlySeries> stations) {
        LocalDate first = stations.stream().map(HourlySeries::firstDay).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = stations.stream().map(s -> s.firstDay().plusDays(s.days() - 1)).max(LocalDate::compareTo)
                .orElseThrow();
        HourlySeries city = HourlySeries.empty(name, first, (int) (last.toEpochDay() - first.toEpochDay() + 1));
        int n = city.hours();
        for (Pollutant p : Pollutant.values()) {
            double[] sum = new double[n];
            int[] count = new int[n];
            for (HourlySeries s : stations) {
                int offset = (int) (s.firstDay().toEpochDay() - first.toEpochDay()) * 24;
                double[] v = s.values(p);
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isNaN(v[i])) {
                        sum[offset + i] += v[i];
                        count[offset + i]++;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (count[i] > 0) {
                    city.set(p, i, sum[i] / count[i]);
                }
            }
        }
        return city;
    }

    public static DailySeries daily(String name, List<DailySeries> stations) {
        LocalDate first = stations.stream().map(DailySeries::firstDay).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = stations.stream().map(s -> s.date(s.days() - 1)).max(LocalDate::compareTo).orElseThrow();
        DailySeries city = DailySeries.empty(name, first, (int) (last.toEpochDay() - first.toEpochDay() + 1));
        for (DailyItem item : DailyItem.values()) {
            double[] sum = new double[city.days()];
            int[] count = new int[city.days()];
            for (DailySeries s : stations) {
                int offset = (int) (s.firstDay().toEpochDay() - first.toEpochDay());
                for (int d = 0; d < s.days(); d++) {
                    double v = s.get(item, d);
                    if (!Double.isNaN(v)) {
                        sum[offset + d] += v;
                        count[offset + d]++;
                    }
                }
            }
            for (int d = 0; d < city.days(); d++) {
                if (count[d] > 0) {
                    city.set(item, d, sum[d] / count[d]);
                }
            }
        }
        return city;
    }
}
