package cn.ecoaid.ui.air;

import cn.ecoaid.air.AirData;
import cn.ecoaid.air.AnnualStatistics;
import cn.ecoaid.air.Aqi;
import cn.ecoaid.air.AqiCategory;
import cn.ecoaid.air.AqiItem;
import cn.ecoaid.air.AqiResult;
import cn.ecoaid.air.AqiStandard;
import cn.ecoaid.air.Attainment;
import cn.ecoaid.air.DailySeries;
import cn.ecoaid.air.Hj663;
import cn.ecoaid.air.HourlySeries;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.report.AirCharts;
import cn.ecoaid.store.SqliteAirRepository;
import cn.ecoaid.ui.util.UiExecutor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;

/**
 * Air page: import an hourly or daily station file in the background (stored in the workspace when there is one),
 * daily AQI per station and day, annual statistics with attainment marks for a year, and the AQI calendar of a station.
 */
public final class AirViewModel {
    public static final List<String> STANDARDS = List.of("auto", "HJ633-2012", "HJ633-2026");
    public static final List<String> LIMITS = List.of("auto", "GB3095-2012", "GB3095-2026", "GB3095-2026-final");

    private final UiExecutor executor;
    private final SqliteAirRepository repository;
    private final ObjectProperty<Path> input = new SimpleObjectProperty<>();
    private final StringProperty standard = new SimpleStringProperty("auto");
    private final StringProperty limits = new SimpleStringProperty("auto");
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> areaClass = new SimpleObjectProperty<>(2);
    private final ObservableList<String> aqiHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> aqiRows = FXCollections.observableArrayList();
    private final ObservableList<String> statHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> statRows = FXCollections.observableArrayList();
    private final ObservableList<String> stations = FXCollections.observableArrayList();
    private final StringProperty station = new SimpleStringProperty();
    private final ObjectProperty<BufferedImage> calendar = new SimpleObjectProperty<>();
    private final ObjectProperty<cn.ecoaid.air.DailyItem> seriesItem = new SimpleObjectProperty<>(cn.ecoaid.air.DailyItem.PM2_5);
    private final ObjectProperty<BufferedImage> series = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private AirData data;

    /** {@code repository} may be null (no workspace): the data is then only shown. */
    public AirViewModel(UiExecutor executor, SqliteAirRepository repository) {
        this.executor = executor;
        this.repository = repository;
        station.addListener((o, a, b) -> {
            drawCalendar();
            drawSeries();
        });
        seriesItem.addListener((o, a, b) -> drawSeries());
    }

    public ObjectProperty<Path> inputProperty() {
        return input;
    }

    public StringProperty standardProperty() {
        return standard;
    }

    public StringProperty limitsProperty() {
        return limits;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObjectProperty<Integer> areaClassProperty() {
        return areaClass;
    }

    public ObservableList<String> aqiHeaders() {
        return aqiHeaders;
    }

    public ObservableList<List<String>> aqiRows() {
        return aqiRows;
    }

    public ObservableList<String> statHeaders() {
        return statHeaders;
    }

    public ObservableList<List<String>> statRows() {
        return statRows;
    }

    public ObservableList<String> stations() {
        return stations;
    }

    public StringProperty stationProperty() {
        return station;
    }

    public ObjectProperty<BufferedImage> calendarProperty() {
        return calendar;
    }

    public StringProperty messageProperty() {
        return message;
    }

    record Loaded(AirData data, List<List<String>> aqi, SqliteAirRepository.ImportSummary stored) {
    }

    /** Imports the chosen file (valid rows; bad rows are counted in the message). */
    public void importFile() {
        Path file = input.get();
        if (file == null) {
            message.set(Messages.get("air.ui.noFile"));
            return;
        }
        String std = standard.get();
        executor.run(Messages.get("air.ui.importing", file.getFileName()), progress -> load(file, std, progress),
                r -> show(r, r.stored() == null ? Messages.get("air.ui.notStored")
                        : Messages.get("air.ui.stored", r.stored().stations(), r.stored().valueRows(),
                                r.stored().unknownStations().isEmpty() ? "—" : String.join(", ", r.stored().unknownStations()))),
                e -> message.set(ErrorText.describe(e)));
    }

    /**
     * Shows the hourly data already kept in the workspace (from earlier imports), so that the page has the station data
     * when the workspace is opened again. Does nothing without a workspace or stored data.
     */
    public void loadStored() {
        if (repository == null || data != null) {
            return;
        }
        String std = standard.get();
        executor.run(Messages.get("air.ui.loadingStored"), progress -> {
            List<HourlySeries> hourly = repository.allHourly();
            if (hourly.isEmpty()) {
                return null;
            }
            progress.checkCancelled();
            List<DailySeries> daily = new ArrayList<>();
            for (HourlySeries h : hourly) {
                daily.add(Hj663.daily(h));
            }
            AirData d = new AirData(List.copyOf(daily), List.copyOf(hourly), List.of(), List.of(), 0);
            return new Loaded(d, aqiTable(d, std), null);
        }, r -> {
            if (r != null) {
                show(r, Messages.get("air.ui.fromWorkspace"));
            }
        }, e -> message.set(ErrorText.describe(e)));
    }

    private void show(Loaded r, String storedNote) {
        data = r.data();
        aqiHeaders.setAll(aqiHeaderTitles());
        aqiRows.setAll(r.aqi());
        List<String> codes = r.data().daily().stream().map(DailySeries::station).toList();
        stations.setAll(codes);
        if (year.get() == null) {
            year.set(mainYear(r.data()));
        }
        station.set(null);
        station.set(codes.isEmpty() ? null : codes.get(0));
        message.set(Messages.get("air.ui.imported", codes.size(), r.aqi().size(), r.data().problems().size())
                + " " + storedNote);
        computeStatistics();
    }

    Loaded load(Path file, String std, ProgressListener progress) {
        AirData d = AirData.read(file, true, progress);
        List<List<String>> rows = aqiTable(d, std);
        SqliteAirRepository.ImportSummary stored = null;
        if (repository != null) {
            String name = file.getFileName().toString();
            stored = d.isHourly() ? repository.saveHourly(name, d.hourly()) : repository.saveDaily(name, d.daily());
        }
        return new Loaded(d, rows, stored);
    }

    /** One row per station and day: AQI, primary pollutant, category, standard and the IAQI of every item. */
    static List<List<String>> aqiTable(AirData d, String std) {
        AqiStandard.Chooser chooser = AqiStandard.chooser(std);
        List<List<String>> rows = new ArrayList<>();
        for (DailySeries s : d.daily()) {
            for (int day = 0; day < s.days(); day++) {
                AqiResult r = Aqi.daily(chooser.on(s.date(day)), s.day(day));
                List<String> row = new ArrayList<>(List.of(s.station(), s.date(day).toString(), r.aqiText(),
                        r.primaryText(), r.category() == null ? "" : r.category().nameZh(), r.standard().number()));
                for (AqiItem item : ITEMS) {
                    row.add(r.iaqi(item) < 0 ? "" : Integer.toString(r.iaqi(item)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static final AqiItem[] ITEMS = {AqiItem.SO2_24H, AqiItem.NO2_24H, AqiItem.PM10_24H, AqiItem.PM2_5_24H, AqiItem.CO_24H,
        AqiItem.O3_8H, AqiItem.O3_1H};

    static List<String> aqiHeaderTitles() {
        List<String> h = new ArrayList<>(List.of(Messages.get("air.ui.col.station"), Messages.get("air.ui.col.date"), "AQI",
                Messages.get("air.ui.col.primary"), Messages.get("air.ui.col.category"), Messages.get("air.ui.col.standard")));
        for (AqiItem item : ITEMS) {
            h.add("IAQI " + item.label());
        }
        return h;
    }

    /** The year with the most days in the data. */
    static int mainYear(AirData d) {
        Map<Integer, Integer> count = new HashMap<>();
        for (DailySeries s : d.daily()) {
            for (int i = 0; i < s.days(); i++) {
                count.merge(s.date(i).getYear(), 1, Integer::sum);
            }
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(LocalDate.now().getYear());
    }

    /** Annual statistics of every station for the chosen year, limits and area class. */
    public void computeStatistics() {
        if (data == null || year.get() == null) {
            return;
        }
        int y = year.get();
        AqiStandard.Chooser chooser = AqiStandard.chooser(standard.get());
        List<List<String>> rows = new ArrayList<>();
        for (DailySeries s : data.daily()) {
            AnnualStatistics.Result r = AnnualStatistics.compute(s, y, chooser, limits.get(), areaClass.get());
            for (Attainment.Row a : Attainment.assess(r)) {
                int dec = a.pollutant() == cn.ecoaid.air.Pollutant.CO ? 1 : 0;
                String mark = a.attained() == null ? Messages.get("air.ui.notValid")
                        : a.attained() ? Messages.get("air.ui.attained") : Messages.get("air.ui.exceeded");
                rows.add(List.of(s.station(), a.pollutant().label() + " " + a.kind().label(), num(a.value(), dec),
                        num(a.limit(), dec), mark, num(a.gap(), dec), num(a.gapPercent(), 1), Integer.toString(a.validDays())));
            }
            rows.add(List.of(s.station(), Messages.get("air.ui.goodDays"), num(r.goodDayRatio(), 1), "", "", "", "",
                    Integer.toString(r.aqiDays())));
            rows.add(List.of(s.station(), Messages.get("air.ui.composite"), num(r.compositeIndex(), 2), "",
                    r.compositeValid() ? "" : Messages.get("air.ui.notValid"), "", "", ""));
        }
        statHeaders.setAll(Messages.get("air.ui.col.station"), Messages.get("air.ui.col.statistic"),
                Messages.get("air.ui.col.value"), Messages.get("air.ui.col.limit"), Messages.get("air.ui.col.attainment"),
                Messages.get("air.ui.col.gap"), Messages.get("air.ui.col.gapPct"), Messages.get("air.ui.col.validDays"));
        statRows.setAll(rows);
    }

    private void drawCalendar() {
        calendar.set(null);
        if (data == null || station.get() == null) {
            return;
        }
        calendar.set(AirCharts.render(calendarChart(station.get()), 1000, 520, null));
    }

    JFreeChart calendarChart(String code) {
        DailySeries s = data.daily().stream().filter(d -> d.station().equals(code)).findFirst().orElseThrow();
        AqiStandard.Chooser chooser = AqiStandard.chooser(standard.get());
        List<LocalDate> days = new ArrayList<>();
        int[] levels = new int[s.days()];
        for (int i = 0; i < s.days(); i++) {
            days.add(s.date(i));
            AqiResult r = Aqi.daily(chooser.on(s.date(i)), s.day(i));
            levels[i] = r.category() == null ? 0 : r.category().level();
        }
        AqiStandard last = chooser.on(s.date(s.days() - 1));
        return AirCharts.calendar(Messages.get("air.chart.calendarTitle", code), days, levels,
                last.categories().stream().mapToInt(AqiCategory::rgb).toArray(),
                last.categories().stream().map(AqiCategory::nameZh).toArray(String[]::new));
    }

    /** The pollutant of the time-series chart (daily values). */
    public ObjectProperty<cn.ecoaid.air.DailyItem> seriesItemProperty() {
        return seriesItem;
    }

    /** Daily values of the chosen station and pollutant with the GB 3095 grade-2 daily limit line. */
    public ObjectProperty<BufferedImage> seriesProperty() {
        return series;
    }

    private void drawSeries() {
        series.set(null);
        if (data == null || station.get() == null || seriesItem.get() == null) {
            return;
        }
        series.set(AirCharts.render(seriesChart(station.get(), seriesItem.get()), 1000, 450, null));
    }

    JFreeChart seriesChart(String code, cn.ecoaid.air.DailyItem item) {
        DailySeries s = data.daily().stream().filter(d -> d.station().equals(code)).findFirst().orElseThrow();
        List<java.time.LocalDateTime> times = new ArrayList<>();
        for (int i = 0; i < s.days(); i++) {
            times.add(s.date(i).atStartOfDay());
        }
        cn.ecoaid.air.Gb3095Limits lim = cn.ecoaid.air.Gb3095Limits.pick(s.date(s.days() - 1), "auto");
        double limit = lim.dailyLimit(item, areaClass.get() == null ? 2 : areaClass.get());
        String unit = item == cn.ecoaid.air.DailyItem.CO ? "mg/m³" : "µg/m³";
        return AirCharts.timeSeries(Messages.get("air.chart.seriesTitle", code, item.label()), item.label(), unit, times,
                s.values(item), false, limit, Messages.get("air.chart.limit", lim.label(),
                        num(limit, item == cn.ecoaid.air.DailyItem.CO ? 1 : 0)));
    }

    /** Writes the time series of the chosen station and pollutant as PNG. */
    public void exportSeries(Path file) {
        if (data == null || station.get() == null) {
            message.set(Messages.get("air.ui.nothingToExport"));
            return;
        }
        JFreeChart chart = seriesChart(station.get(), seriesItem.get());
        executor.run(Messages.get("sites.exporting", file.getFileName()), progress -> {
            AirCharts.writePng(chart, file, 1600, 700);
            return file;
        }, f -> message.set(Messages.get("air.ui.exported", f)), e -> message.set(ErrorText.describe(e)));
    }

    /** Writes the calendar of the chosen station as PNG. */
    public void exportCalendar(Path file) {
        if (data == null || station.get() == null) {
            message.set(Messages.get("air.ui.nothingToExport"));
            return;
        }
        JFreeChart chart = calendarChart(station.get());
        executor.run(Messages.get("sites.exporting", file.getFileName()), progress -> {
            AirCharts.writePng(chart, file, 1000, 520);
            return file;
        }, f -> message.set(Messages.get("air.ui.exported", f)), e -> message.set(ErrorText.describe(e)));
    }

    /** Writes the AQI table and the statistics table (CSV or .xlsx by extension; statistics to "…-statistics"). */
    public void exportTables(Path file) {
        if (aqiRows.isEmpty()) {
            message.set(Messages.get("air.ui.nothingToExport"));
            return;
        }
        List<String> h1 = List.copyOf(aqiHeaders);
        List<List<String>> r1 = List.copyOf(aqiRows);
        List<String> h2 = List.copyOf(statHeaders);
        List<List<String>> r2 = List.copyOf(statRows);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path stats = file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-statistics"
                + (dot < 0 ? "" : name.substring(dot)));
        executor.run(Messages.get("sites.exporting", file.getFileName()), progress -> {
            TableFiles.write(file, h1, r1);
            TableFiles.write(stats, h2, r2);
            return file;
        }, f -> message.set(Messages.get("air.ui.exported", f)), e -> message.set(ErrorText.describe(e)));
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
