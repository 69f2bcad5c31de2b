package cn.ecoaid.air;

import java.util.ArrayList;
import java.util.List;

/**
 * Attainment (达标) of each annual statistic against GB 3095: the rounded statistic (GB/T 8170) compared with the limit
 * of the station's area class; the gap is value − limit (negative = below the limit) in the pollutant's unit and in
 * percent of the limit. A statistic from too few valid days has no attainment verdict ({@code attained} null).
 */
public final class Attainment {
    private Attainment() {
    }

    public record Row(String station, int year, Pollutant pollutant, AnnualStatistics.Kind kind, double value,
            boolean valid, int validDays, double limit, Boolean attained, double gap, double gapPercent,
            String limits, int areaClass) {
    }

    public static List<Row> assess(AnnualStatistics.Result r) {
        List<Row> out = new ArrayList<>();
        for (AnnualStatistics.Statistic s : r.statistics()) {
            double limit = r.annualLimits().limit(s.pollutant(), s.kind().averaging(), r.areaClass());
            double gap = s.rounded() - limit;
            Boolean ok = s.valid() && !Double.isNaN(s.rounded()) ? s.rounded() <= limit : null;
            out.add(new Row(r.station(), r.year(), s.pollutant(), s.kind(), s.rounded(), s.valid(), s.validDays(), limit,
                    ok, gap, 100 * gap / limit, r.annualLimits().label(), r.areaClass()));
        }
        return out;
    }
}
