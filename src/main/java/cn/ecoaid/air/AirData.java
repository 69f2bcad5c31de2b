package cn.ecoaid.air;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Station data ready for reports: daily statistics of every station (from hourly data by HJ 663, or read from a daily
 * file), the hourly series when the input was hourly, the import problems and the missing-value report.
 */
public record AirData(List<DailySeries> daily, List<HourlySeries> hourly, List<Problem> problems,
        List<AirImport.MissingRow> missing, int rows) {

    /**
     * Reads an hourly or daily file (told apart by its time or date column). With problems and {@code validOnly}
     * false, nothing is returned: {@link ImportRejectedException}.
     */
    public static AirData read(Path file, boolean validOnly, ProgressListener progress) {
        AirData d;
        if (AirImport.isHourly(file)) {
            AirImport.Hourly h = AirImport.readHourly(file, progress);
            List<DailySeries> daily = new ArrayList<>();
            for (HourlySeries s : h.stations()) {
                daily.add(Hj663.daily(s));
            }
            d = new AirData(List.copyOf(daily), h.stations(), h.problems(), AirImport.missingReport(h), h.rows());
        } else {
            AirImport.Daily dd = AirImport.readDaily(file, progress);
            d = new AirData(dd.stations(), List.of(), dd.problems(), AirImport.missingReport(dd), dd.rows());
        }
        if (!d.problems().isEmpty() && !validOnly) {
            throw new ImportRejectedException(d.problems());
        }
        return d;
    }

    public boolean isHourly() {
        return !hourly.isEmpty();
    }

    /** The city-scale daily values of all stations ({@link CityAverage}), named {@code name}. */
    public DailySeries city(String name) {
        if (daily.isEmpty()) {
            throw new cn.ecoaid.domain.EcoAidException("air.chart.noData");
        }
        return isHourly() ? Hj663.daily(CityAverage.hourly(name, hourly)) : CityAverage.daily(name, daily);
    }
}
