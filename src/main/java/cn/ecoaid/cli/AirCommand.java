package cn.ecoaid.cli;

import cn.ecoaid.air.AirData;
import cn.ecoaid.air.AirImport;
import cn.ecoaid.air.AnnualStatistics;
import cn.ecoaid.air.Aqi;
import cn.ecoaid.air.AqiItem;
import cn.ecoaid.air.AqiResult;
import cn.ecoaid.air.AqiStandard;
import cn.ecoaid.air.Attainment;
import cn.ecoaid.air.DailyItem;
import cn.ecoaid.air.DailySeries;
import cn.ecoaid.air.Gb3095Limits;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.report.AirCharts;
import cn.ecoaid.store.SqliteAirRepository;
import cn.ecoaid.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aqi} and {@code attainment}: air-quality station data on files (HJ 633, HJ 663, GB 3095). */
public final class AirCommand {
    private AirCommand() {
    }

    /** Options shared by both commands. */
    static final class InputOptions {
        @Option(names = "--input", required = true, description = "hourly (station,time,…) or daily (station,date,…) data, CSV/XLSX")
        Path input;

        @Option(names = "--valid-only", description = "use the valid rows and report the bad ones (default: all or nothing)")
        boolean validOnly;

        @Option(names = "--missing-report", description = "write missing/invalid value counts per station and pollutant (CSV/XLSX)")
        Path missingReport;

        @Option(names = "--workspace", description = "also store the imported values in this workspace (stations matched to its sites by code)")
        Path workspace;

        AirData read(PrintWriter w) {
            AirData d = AirData.read(input, validOnly, ProgressListener.NONE);
            if (!d.problems().isEmpty()) {
                w.println(Messages.get("air.cli.skipped", d.problems().size()));
                Main.printProblems(w, d.problems());
            }
            if (workspace != null) {
                try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                    String name = input.getFileName().toString();
                    SqliteAirRepository.ImportSummary s = d.isHourly() ? ws.air().saveHourly(name, d.hourly())
                            : ws.air().saveDaily(name, d.daily());
                    w.println(Messages.get("air.cli.stored", s.stations(), s.valueRows(), workspace));
                    if (!s.unknownStations().isEmpty()) {
                        w.println(Messages.get("air.cli.unknownStations", String.join(", ", s.unknownStations())));
                    }
                }
            }
            if (missingReport != null) {
                List<List<String>> rows = new ArrayList<>();
                for (AirImport.MissingRow m : d.missing()) {
                    rows.add(List.of(m.station(), m.item(), Integer.toString(m.valid()), Integer.toString(m.empty()),
                            Integer.toString(m.marker()), Integer.toString(m.negative()), Integer.toString(m.absent())));
                }
                TableFiles.write(missingReport, List.of("station", "item", "valid", "empty", "marker", "negative",
                        "absent"), rows);
            }
            return d;
        }
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    @Command(name = "aqi", mixinStandardHelpOptions = true,
            description = "Daily AQI per station and day under HJ 633-2012 / HJ 633-2026 (chosen by date unless --standard)")
    static final class AqiRun implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        InputOptions in;

        @Option(names = "--out", required = true, description = "one row per station and day (CSV/XLSX)")
        Path out;

        @Option(names = "--standard", defaultValue = "auto", description = "auto, HJ633-2012 or HJ633-2026 (default: ${DEFAULT-VALUE})")
        String standard;

        @Option(names = "--charts", description = "folder for PNG charts: AQI calendar and daily series with the 24-h limit per station")
        Path charts;

        @Option(names = "--city", description = "also report the city (mean of the stations, HJ 663 city scale) under this name")
        String city;

        @Option(names = "--realtime", description = "real-time (hourly) reports of hourly input: one row per station and hour (CSV/XLSX)")
        Path realtime;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            AqiStandard.Chooser chooser = AqiStandard.chooser(standard);
            AirData d = in.read(w);
            List<String> headers = new ArrayList<>(List.of("station", "date", "AQI", "primary_pollutant", "category",
                    "level", "colour", "standard"));
            AqiItem[] items = {AqiItem.SO2_24H, AqiItem.NO2_24H, AqiItem.PM10_24H, AqiItem.PM2_5_24H, AqiItem.CO_24H,
                AqiItem.O3_8H, AqiItem.O3_1H};
            for (AqiItem i : items) {
                headers.add("IAQI_" + i.label());
            }
            for (DailyItem i : DailyItem.values()) {
                headers.add(i.label());
            }
            headers.add("missing");
            List<List<String>> rows = new ArrayList<>();
            List<DailySeries> all = new ArrayList<>(d.daily());
            if (city != null && !city.isBlank()) {
                all.add(d.city(city.strip()));
            }
            for (DailySeries s : all) {
                for (int day = 0; day < s.days(); day++) {
                    LocalDate date = s.date(day);
                    AqiResult r = Aqi.daily(chooser.on(date), s.day(day));
                    List<String> row = new ArrayList<>(List.of(s.station(), date.toString(), r.aqiText(),
                            r.primaryText(), r.category() == null ? "" : r.category().nameZh(),
                            r.category() == null ? "" : Integer.toString(r.category().level()),
                            r.category() == null ? "" : r.category().colourHex(), r.standard().number()));
                    for (AqiItem i : items) {
                        row.add(r.iaqi(i) < 0 ? "" : Integer.toString(r.iaqi(i)));
                    }
                    for (DailyItem i : DailyItem.values()) {
                        row.add(num(s.get(i, day), i == DailyItem.CO ? 2 : 1));
                    }
                    row.add(r.missing().stream().map(AqiItem::column).collect(Collectors.joining(";")));
                    rows.add(row);
                }
            }
            TableFiles.write(out, headers, rows);
            w.println(Messages.get("air.cli.aqiWritten", d.daily().size(), rows.size(), out));
            if (realtime != null) {
                writeRealtime(d, chooser, realtime);
            }
            if (charts != null) {
                int n = 0;
                for (DailySeries s : all) {
                    n += writeCharts(s, chooser, charts);
                }
                w.println(Messages.get("air.cli.chartsWritten", n, charts));
            }
        }
    }

    /** One row per station and hour: the real-time report (实时报) of that hour. */
    static void writeRealtime(AirData d, AqiStandard.Chooser chooser, Path file) {
        if (!d.isHourly()) {
            throw new EcoAidException("air.cli.realtimeNeedsHourly");
        }
        AqiItem[] items = {AqiItem.SO2_1H, AqiItem.NO2_1H, AqiItem.PM10_24H, AqiItem.PM2_5_24H, AqiItem.CO_1H,
            AqiItem.O3_1H, AqiItem.O3_8H};
        List<String> headers = new ArrayList<>(List.of("station", "time", "AQI", "primary_pollutant", "category", "standard"));
        for (AqiItem i : items) {
            headers.add("IAQI_" + i.column());
        }
        headers.add("missing");
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<List<String>> rows = new ArrayList<>();
        for (cn.ecoaid.air.HourlySeries h : d.hourly()) {
            cn.ecoaid.air.RealtimeAqi.forEach(h, chooser, (i, r) -> {
                boolean any = false;
                for (cn.ecoaid.air.Pollutant p : cn.ecoaid.air.Pollutant.values()) {
                    any |= h.flags(p)[i] != cn.ecoaid.air.HourlySeries.ABSENT;
                }
                if (!any) {
                    return;
                }
                List<String> row = new ArrayList<>(List.of(h.station(), h.endOf(i).format(f), r.aqiText(), r.primaryText(),
                        r.category() == null ? "" : r.category().nameZh(), r.standard().number()));
                for (AqiItem it : items) {
                    row.add(r.iaqi(it) < 0 ? "" : Integer.toString(r.iaqi(it)));
                }
                row.add(r.missing().stream().map(AqiItem::column).collect(Collectors.joining(";")));
                rows.add(row);
            });
        }
        TableFiles.write(file, headers, rows);
    }

    /** Calendar and one series per daily item of a station; returns the number of files. */
    static int writeCharts(DailySeries s, AqiStandard.Chooser chooser, Path folder) {
        String safe = s.station().replaceAll("[\\\\/:*?\"<>|\\s]", "_");
        List<LocalDate> days = new ArrayList<>();
        List<LocalDateTime> times = new ArrayList<>();
        int[] levels = new int[s.days()];
        for (int day = 0; day < s.days(); day++) {
            days.add(s.date(day));
            times.add(s.date(day).atStartOfDay());
            AqiResult r = Aqi.daily(chooser.on(s.date(day)), s.day(day));
            levels[day] = r.category() == null ? 0 : r.category().level();
        }
        AqiStandard last = chooser.on(s.date(s.days() - 1));
        int[] colours = last.categories().stream().mapToInt(c -> c.rgb()).toArray();
        String[] names = last.categories().stream().map(c -> c.nameZh()).toArray(String[]::new);
        AirCharts.writePng(AirCharts.calendar(Messages.get("air.chart.calendarTitle", s.station()), days, levels, colours,
                names), folder.resolve(safe + "-calendar.png"), 1000, 120 + 32 * Math.max(1, (int) (s.days() / 30.4 + 1)));
        Gb3095Limits lim = Gb3095Limits.pick(s.date(s.days() - 1), "auto");
        int files = 1;
        for (DailyItem item : DailyItem.values()) {
            double limit = lim.dailyLimit(item, 2);
            String unit = item == DailyItem.CO ? "mg/m³" : "µg/m³";
            AirCharts.writePng(AirCharts.timeSeries(Messages.get("air.chart.seriesTitle", s.station(), item.label()),
                    item.label(), unit, times, s.values(item), false, limit,
                    Messages.get("air.chart.limit", lim.label(), num(limit, item == DailyItem.CO ? 1 : 0))),
                    folder.resolve(safe + "-" + item.label() + ".png"), 1000, 450);
            files++;
        }
        return files;
    }

    @Command(name = "attainment", mixinStandardHelpOptions = true,
            description = "Annual HJ 663 statistics per station and attainment against GB 3095-2012 / GB 3095-2026")
    static final class AttainmentRun implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        InputOptions in;

        @Option(names = "--year", required = true, description = "calendar year")
        int year;

        @Option(names = "--out", required = true, description = "statistics, one row per station and statistic (CSV/XLSX)")
        Path out;

        @Option(names = "--limits", defaultValue = "auto",
                description = "auto (in force on 31 Dec; daily exceedances by each day's date), GB3095-2012, GB3095-2026, GB3095-2026-final (default: ${DEFAULT-VALUE})")
        String limits;

        @Option(names = "--standard", defaultValue = "auto", description = "AQI version for the category days: auto, HJ633-2012, HJ633-2026")
        String standard;

        @Option(names = "--class", defaultValue = "2", description = "area class 1 or 2 of the stations (default: ${DEFAULT-VALUE})")
        int areaClass;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            Gb3095Limits.pick(LocalDate.of(year, 12, 31), limits);
            if (areaClass != 1 && areaClass != 2) {
                throw new EcoAidException("air.error.areaClass", areaClass);
            }
            AqiStandard.Chooser chooser = AqiStandard.chooser(standard);
            AirData d = in.read(w);
            List<List<String>> rows = new ArrayList<>();
            for (DailySeries s : d.daily()) {
                AnnualStatistics.Result r = AnnualStatistics.compute(s, year, chooser, limits, areaClass);
                String lim = r.annualLimits().label();
                for (Attainment.Row a : Attainment.assess(r)) {
                    int dec = a.pollutant() == cn.ecoaid.air.Pollutant.CO ? 1 : 0;
                    AnnualStatistics.Statistic st = r.statistic(a.pollutant(), a.kind());
                    rows.add(List.of(s.station(), Integer.toString(year), a.pollutant().label(), a.kind().label(),
                            num(a.value(), dec), num(st.value(), 3), Boolean.toString(a.valid()),
                            Integer.toString(a.validDays()),
                            st.shortMonths().stream().map(m -> Integer.toString(m.getValue())).collect(Collectors.joining(";")),
                            num(a.limit(), dec), a.attained() == null ? "" : a.attained() ? "yes" : "no",
                            num(a.gap(), dec), num(a.gapPercent(), 1), lim, Integer.toString(areaClass)));
                }
                List<String[]> extra = new ArrayList<>();
                for (int level = 1; level <= 6; level++) {
                    extra.add(new String[] {"AQI", "days_level" + level, Integer.toString(r.categoryDays()[level - 1])});
                }
                extra.add(new String[] {"AQI", "aqi_days", Integer.toString(r.aqiDays())});
                extra.add(new String[] {"AQI", "na_days", Integer.toString(r.naDays())});
                extra.add(new String[] {"AQI", "good_day_ratio_pct", num(r.goodDayRatio(), 1)});
                extra.add(new String[] {"AQI", "polluted_days", Integer.toString(r.pollutedDays())});
                for (DailyItem i : DailyItem.values()) {
                    if (i != DailyItem.O3_1H) {
                        extra.add(new String[] {i.label(), "exceedance_days", Integer.toString(r.exceedanceDays()[i.ordinal()])});
                    }
                }
                extra.add(new String[] {"ALL", "exceedance_days", Integer.toString(r.exceedanceDaysAny())});
                if (d.isHourly()) {
                    cn.ecoaid.air.HourlySeries h = d.hourly().get(d.daily().indexOf(s));
                    int[] hours = AnnualStatistics.exceedanceHours(h, year, limits, areaClass);
                    for (cn.ecoaid.air.Pollutant p : List.of(cn.ecoaid.air.Pollutant.SO2, cn.ecoaid.air.Pollutant.NO2,
                            cn.ecoaid.air.Pollutant.CO, cn.ecoaid.air.Pollutant.O3)) {
                        extra.add(new String[] {p.label(), "exceedance_hours_1h", Integer.toString(hours[p.ordinal()])});
                    }
                }
                extra.add(new String[] {"ALL", "composite_index", num(r.compositeIndex(), 2)});
                for (String[] e : extra) {
                    boolean ci = e[1].equals("composite_index");
                    rows.add(List.of(s.station(), Integer.toString(year), e[0], e[1], e[2], "",
                            ci ? Boolean.toString(r.compositeValid()) : "", "", "", "", "", "", "", lim,
                            Integer.toString(areaClass)));
                }
            }
            TableFiles.write(out, List.of("station", "year", "pollutant", "statistic", "value", "value_unrounded", "valid",
                    "valid_days", "short_months", "limit", "attained", "gap", "gap_pct", "limits", "area_class"), rows);
            w.println(Messages.get("air.cli.attainmentWritten", d.daily().size(), Integer.toString(year), out));
        }
    }
}
