package cn.ecoaid.air;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.Csv;
import cn.ecoaid.io.HeaderMap;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.io.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads station data files (CSV — UTF-8 or GBK — or .xlsx).
 * <ul>
 * <li>Hourly: {@code station,time,SO2,NO2,PM10,PM2.5,CO,O3} (or 站点, 时间, 二氧化硫, 二氧化氮, 可吸入颗粒物, 细颗粒物, 一氧化碳,
 * 臭氧); {@code time} is the END of the hour in local time ({@code 2026-03-01 01:00} is 00:00–01:00; {@code 24:00} is
 * accepted).</li>
 * <li>Daily: {@code station,date,SO2,NO2,PM10,PM2.5,CO,O3_8h[,O3_1h]}.</li>
 * </ul>
 * Empty cells, markers (—, NA, N/A, NaN, null, 无效, 缺测 …) and negative values are stored as missing with a flag, never
 * as 0. Text that is neither a number nor a marker, a missing station, an unreadable time and a repeated station-hour
 * are problems reported with row, column and reason.
 */
public final class AirImport {
    static final List<String> STATION = List.of("station", "站点", "站点名称", "站点编码", "站点代码", "监测点位", "点位",
            "点位名称", "site", "code", "站号", "监测站");
    static final List<String> TIME = List.of("time", "时间", "datetime", "监测时间", "日期时间", "date_time", "timestamp");
    static final List<String> DATE = List.of("date", "日期", "监测日期");
    static final Set<String> MARKERS = Set.of("—", "——", "-", "--", "na", "n/a", "nan", "null", "none", "无效", "缺测",
            "缺失", "/", "*");

    private AirImport() {
    }

    /** Hourly data of every station found, with the problems of the file. */
    public record Hourly(List<HourlySeries> stations, List<Problem> problems, int rows) {
        public Optional<HourlySeries> station(String code) {
            return stations.stream().filter(s -> s.station().equals(code)).findFirst();
        }
    }

    /** Daily data of every station, the problems, and per station and item the count of each missing flag. */
    public record Daily(List<DailySeries> stations, List<Problem> problems, int rows, Map<String, int[][]> flagCounts) {
    }

    /** One line of the missing-value report: counts of each {@link HourlySeries} flag for a station and item. */
    public record MissingRow(String station, String item, int valid, int empty, int marker, int negative, int absent) {
    }

    /** True when the file's header has a time column (hourly), false when it has a date column (daily). */
    public static boolean isHourly(Path file) {
        Header h = header(file);
        HeaderMap m = new HeaderMap(h.cells);
        if (m.find(TIME).isPresent()) {
            return true;
        }
        if (m.find(DATE).isPresent()) {
            return false;
        }
        throw new EcoAidException("air.import.noTimeColumn", file);
    }

    public static Hourly readHourly(Path file, ProgressListener progress) {
        HourlyReader r = new HourlyReader();
        forEachRow(file, r::header, r::row, progress);
        return r.finish();
    }

    public static Daily readDaily(Path file, ProgressListener progress) {
        DailyReader r = new DailyReader();
        forEachRow(file, r::header, r::row, progress);
        return r.finish();
    }

    /** Counts of missing flags per station and pollutant of hourly data (absent = hours with no row). */
    public static List<MissingRow> missingReport(Hourly data) {
        List<MissingRow> out = new ArrayList<>();
        for (HourlySeries s : data.stations()) {
            for (Pollutant p : Pollutant.values()) {
                int[] c = s.flagCounts(p);
                out.add(new MissingRow(s.station(), p.label(), c[HourlySeries.VALID], c[HourlySeries.EMPTY],
                        c[HourlySeries.MARKER], c[HourlySeries.NEGATIVE], c[HourlySeries.ABSENT]));
            }
        }
        return out;
    }

    public static List<MissingRow> missingReport(Daily data) {
        List<MissingRow> out = new ArrayList<>();
        for (DailySeries s : data.stations()) {
            int[][] c = data.flagCounts().get(s.station());
            for (DailyItem item : DailyItem.values()) {
                int[] f = c[item.ordinal()];
                int absent = s.days() - f[HourlySeries.VALID] - f[HourlySeries.EMPTY] - f[HourlySeries.MARKER]
                        - f[HourlySeries.NEGATIVE];
                out.add(new MissingRow(s.station(), item.label(), f[HourlySeries.VALID], f[HourlySeries.EMPTY],
                        f[HourlySeries.MARKER], f[HourlySeries.NEGATIVE], absent));
            }
        }
        return out;
    }

    // ---- row reading -------------------------------------------------------------------------------------------

    private record Header(int row, List<String> cells) {
    }

    interface HeaderSink {
        void accept(List<String> headers);
    }

    interface RowSink {
        void accept(int row, String[] cells, int count);
    }

    private static Header header(Path file) {
        if (TableFiles.isExcel(file)) {
            Table t = TableFiles.read(file);
            return new Header(1, t.headers());
        }
        if (!Files.isRegularFile(file)) {
            throw new EcoAidException("error.file.notFound", file);
        }
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.read", file, e.getMessage());
        }
        int nl = 0;
        while (nl < head.length && head[nl] != '\n') {
            nl++;
        }
        // the header line alone, so that a multi-byte character cut at the end of the buffer cannot spoil detection
        String first = TextFiles.decode(Arrays.copyOf(head, nl)).strip();
        List<Csv.Record> recs = Csv.parse(first, Csv.guessSeparator(first));
        return new Header(1, recs.isEmpty() ? List.of() : recs.get(0).cells());
    }

    private static String readText(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EcoAidException("error.file.notFound", file);
        }
        try {
            return TextFiles.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.read", file, e.getMessage());
        }
    }

    /** Streams the rows of a CSV (split without building a table) or an .xlsx file. */
    static void forEachRow(Path file, HeaderSink headerSink, RowSink sink, ProgressListener progress) {
        if (TableFiles.isExcel(file)) {
            Table t = TableFiles.read(file);
            headerSink.accept(t.headers());
            String[] cells = new String[Math.max(1, t.headers().size())];
            int i = 0;
            for (Table.Row r : t.rows()) {
                if (cells.length < r.cells().size()) {
                    cells = new String[r.cells().size()];
                }
                for (int c = 0; c < r.cells().size(); c++) {
                    cells[c] = r.get(c);
                }
                sink.accept(r.number(), cells, r.cells().size());
                if ((++i & 0xFFFF) == 0) {
                    progress.checkCancelled();
                    progress.progress(i, t.rows().size());
                }
            }
            return;
        }
        String text = readText(file);
        int n = text.length();
        int pos = 0;
        int line = 0;
        boolean headerDone = false;
        char sep = Csv.guessSeparator(text);
        String[] cells = new String[16];
        while (pos < n) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = n;
            }
            line++;
            int stop = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            int start = pos;
            pos = end + 1;
            if (stop == start) {
                continue;
            }
            int count;
            if (hasQuote(text, start, stop)) {
                // quoted fields: the full parser (a quoted field may hold a line break)
                int recEnd = stop;
                List<Csv.Record> recs = Csv.parse(text.substring(start, stop), sep);
                while (recs.isEmpty() || unbalancedQuotes(text, start, recEnd)) {
                    if (pos >= n) {
                        break;
                    }
                    int e2 = text.indexOf('\n', pos);
                    e2 = e2 < 0 ? n : e2;
                    recEnd = e2 > pos && text.charAt(e2 - 1) == '\r' ? e2 - 1 : e2;
                    pos = e2 + 1;
                    recs = Csv.parse(text.substring(start, recEnd), sep);
                }
                List<String> r = recs.isEmpty() ? List.of() : recs.get(0).cells();
                if (cells.length < r.size()) {
                    cells = new String[r.size()];
                }
                count = r.size();
                for (int c = 0; c < count; c++) {
                    cells[c] = r.get(c).strip();
                }
            } else {
                count = 0;
                int s = start;
                while (true) {
                    int e = text.indexOf(sep, s);
                    if (e < 0 || e > stop) {
                        e = stop;
                    }
                    if (count == cells.length) {
                        cells = Arrays.copyOf(cells, count * 2);
                    }
                    cells[count++] = text.substring(s, e).strip();
                    if (e == stop) {
                        break;
                    }
                    s = e + 1;
                }
            }
            if (!headerDone) {
                List<String> h = new ArrayList<>(count);
                for (int c = 0; c < count; c++) {
                    h.add(cells[c]);
                }
                headerSink.accept(h);
                headerDone = true;
            } else {
                sink.accept(line, cells, count);
            }
            if ((line & 0xFFFF) == 0) {
                progress.checkCancelled();
                progress.progress(start, n);
            }
        }
        if (!headerDone) {
            headerSink.accept(List.of());
        }
    }

    private static boolean hasQuote(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '"') {
                return true;
            }
        }
        return false;
    }

    private static boolean unbalancedQuotes(String text, int from, int to) {
        int q = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '"') {
                q++;
            }
        }
        return (q & 1) == 1;
    }

    // ---- cells -------------------------------------------------------------------------------------------------

    /** Parsed value: a concentration, or NaN with a flag in {@link #lastFlag}. */
    static final class CellParser {
        byte lastFlag;

        /** Returns the value, NaN for a missing one (flag set), or throws NumberFormatException for bad text. */
        double parse(String s) {
            if (s.isEmpty()) {
                lastFlag = HourlySeries.EMPTY;
                return Double.NaN;
            }
            double v = fastParse(s);
            if (Double.isNaN(v)) {
                if (MARKERS.contains(s.toLowerCase(Locale.ROOT))) {
                    lastFlag = HourlySeries.MARKER;
                    return Double.NaN;
                }
                v = Double.parseDouble(s);
                if (Double.isNaN(v)) {
                    lastFlag = HourlySeries.MARKER;
                    return Double.NaN;
                }
            }
            if (v < 0) {
                lastFlag = HourlySeries.NEGATIVE;
                return Double.NaN;
            }
            lastFlag = HourlySeries.VALID;
            return v;
        }
    }

    /** Plain decimals ("12", "-3.5", "0.625") without Double.parseDouble; NaN for anything else. */
    static double fastParse(String s) {
        int n = s.length();
        int i = 0;
        boolean neg = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            i++;
        }
        if (i >= n || n - i > 15) {
            return Double.NaN;
        }
        long mant = 0;
        int scale = 0;
        boolean dot = false;
        boolean digits = false;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                mant = mant * 10 + (ch - '0');
                digits = true;
                if (dot) {
                    scale++;
                }
            } else if (ch == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        double v = scale == 0 ? mant : mant / POW10[scale];
        return neg ? -v : v;
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
        1e15};

    /**
     * Epoch hour of a time written as y-M-d H[:mm[:ss]] with any separators (2026-03-01 01:00, 2026/3/1 1:00,
     * 2026-03-01T01:00:00, 20260301 01); -1 when unreadable or not on the full hour.
     */
    static long epochHour(String s) {
        int[] f = new int[6];
        int k = 0;
        int n = s.length();
        int i = 0;
        if (n >= 8 && allDigits(s, 0, 8) && (n == 8 || !Character.isDigit(s.charAt(8)))) {
            f[0] = Integer.parseInt(s.substring(0, 4));
            f[1] = Integer.parseInt(s.substring(4, 6));
            f[2] = Integer.parseInt(s.substring(6, 8));
            k = 3;
            i = 8;
        }
        while (i < n && k < 6) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                int v = 0;
                int len = 0;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && len < 9) {
                    v = v * 10 + (s.charAt(i) - '0');
                    i++;
                    len++;
                }
                f[k++] = v;
            } else {
                i++;
            }
        }
        if (k < 4 || f[4] != 0 || f[5] != 0 || f[3] > 24) {
            return -1;
        }
        try {
            return LocalDate.of(f[0], f[1], f[2]).toEpochDay() * 24 + f[3];
        } catch (DateTimeException e) {
            return -1;
        }
    }

    static LocalDate date(String s) {
        long h = epochHour(s.strip() + " 0");
        return h < 0 ? null : LocalDate.ofEpochDay(h / 24);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- hourly ------------------------------------------------------------------------------------------------

    private static final class HourlyReader {
        int stationCol = -1;
        int timeCol = -1;
        final int[] cols = new int[Pollutant.COUNT];
        List<String> headers = List.of();
        final Map<String, Integer> stationIds = new LinkedHashMap<>();
        int size;
        int[] station = new int[1024];
        int[] hour = new int[1024];
        int[] rowNo = new int[1024];
        double[][] values = new double[Pollutant.COUNT][1024];
        byte[][] flags = new byte[Pollutant.COUNT][1024];
        final List<Problem> problems = new ArrayList<>();
        final CellParser parser = new CellParser();
        int rows;

        void header(List<String> h) {
            headers = h;
            HeaderMap m = new HeaderMap(h);
            stationCol = m.find(STATION).orElse(-1);
            timeCol = m.find(TIME).orElse(-1);
            List<String> missing = new ArrayList<>();
            if (stationCol < 0) {
                missing.add("station/站点");
            }
            if (timeCol < 0) {
                missing.add("time/时间");
            }
            for (Pollutant p : Pollutant.values()) {
                cols[p.ordinal()] = m.find(p.aliases()).orElse(-1);
                if (cols[p.ordinal()] < 0) {
                    missing.add(p.label());
                }
            }
            if (!missing.isEmpty()) {
                throw new EcoAidException("air.import.missingColumns", String.join(", ", missing));
            }
        }

        void row(int row, String[] cells, int count) {
            rows++;
            String st = stationCol < count ? cells[stationCol] : "";
            String t = timeCol < count ? cells[timeCol] : "";
            boolean ok = true;
            if (st.isEmpty()) {
                problems.add(Problem.of(row, headers.get(stationCol), "air.import.noStation"));
                ok = false;
            }
            long eh = t.isEmpty() ? -1 : epochHour(t);
            if (eh < 0) {
                problems.add(Problem.of(row, headers.get(timeCol), "air.import.badTime", t));
                ok = false;
            }
            if (size == station.length) {
                grow();
            }
            for (Pollutant p : Pollutant.values()) {
                int c = cols[p.ordinal()];
                String s = c < count ? cells[c] : "";
                try {
                    values[p.ordinal()][size] = parser.parse(s);
                    flags[p.ordinal()][size] = parser.lastFlag;
                } catch (NumberFormatException e) {
                    problems.add(Problem.of(row, headers.get(c), "air.import.badNumber", s));
                    ok = false;
                }
            }
            if (!ok) {
                return;
            }
            station[size] = stationIds.computeIfAbsent(st, k -> stationIds.size());
            hour[size] = (int) (eh - 1);
            rowNo[size] = row;
            size++;
        }

        void grow() {
            int n = station.length * 2;
            station = Arrays.copyOf(station, n);
            hour = Arrays.copyOf(hour, n);
            rowNo = Arrays.copyOf(rowNo, n);
            for (int p = 0; p < Pollutant.COUNT; p++) {
                values[p] = Arrays.copyOf(values[p], n);
                flags[p] = Arrays.copyOf(flags[p], n);
            }
        }

        Hourly finish() {
            int ns = stationIds.size();
            int[] min = new int[ns];
            int[] max = new int[ns];
            Arrays.fill(min, Integer.MAX_VALUE);
            Arrays.fill(max, Integer.MIN_VALUE);
            for (int i = 0; i < size; i++) {
                int s = station[i];
                min[s] = Math.min(min[s], hour[i]);
                max[s] = Math.max(max[s], hour[i]);
            }
            HourlySeries[] series = new HourlySeries[ns];
            int[] base = new int[ns];
            int[][] seenRow = new int[ns][];
            for (Map.Entry<String, Integer> e : stationIds.entrySet()) {
                int s = e.getValue();
                int firstDay = Math.floorDiv(min[s], 24);
                int lastDay = Math.floorDiv(max[s], 24);
                series[s] = HourlySeries.empty(e.getKey(), LocalDate.ofEpochDay(firstDay), lastDay - firstDay + 1);
                base[s] = firstDay * 24;
                seenRow[s] = new int[series[s].hours()];
            }
            Pollutant[] ps = Pollutant.values();
            for (int i = 0; i < size; i++) {
                int s = station[i];
                int h = hour[i] - base[s];
                if (seenRow[s][h] != 0) {
                    problems.add(Problem.of(rowNo[i], headers.get(timeCol), "air.import.duplicateHour",
                            series[s].station(), seenRow[s][h]));
                    continue;
                }
                seenRow[s][h] = rowNo[i];
                for (Pollutant p : ps) {
                    series[s].values(p)[h] = values[p.ordinal()][i];
                    series[s].flags(p)[h] = flags[p.ordinal()][i];
                }
            }
            problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
            return new Hourly(List.of(series), List.copyOf(problems), rows);
        }
    }

    // ---- daily -------------------------------------------------------------------------------------------------

    private static final class DailyReader {
        int stationCol = -1;
        int dateCol = -1;
        final int[] cols = new int[DailyItem.COUNT];
        List<String> headers = List.of();
        final Map<String, List<Object[]>> byStation = new LinkedHashMap<>();
        final List<Problem> problems = new ArrayList<>();
        final CellParser parser = new CellParser();
        int rows;

        void header(List<String> h) {
            headers = h;
            HeaderMap m = new HeaderMap(h);
            stationCol = m.find(STATION).orElse(-1);
            dateCol = m.find(DATE).orElse(-1);
            List<String> missing = new ArrayList<>();
            if (stationCol < 0) {
                missing.add("station/站点");
            }
            if (dateCol < 0) {
                missing.add("date/日期");
            }
            for (DailyItem item : DailyItem.values()) {
                cols[item.ordinal()] = m.find(item.aliases()).orElse(-1);
                if (cols[item.ordinal()] < 0 && item != DailyItem.O3_1H) {
                    missing.add(item.label());
                }
            }
            if (!missing.isEmpty()) {
                throw new EcoAidException("air.import.missingColumns", String.join(", ", missing));
            }
        }

        void row(int row, String[] cells, int count) {
            rows++;
            String st = stationCol < count ? cells[stationCol] : "";
            String ds = dateCol < count ? cells[dateCol] : "";
            boolean ok = true;
            if (st.isEmpty()) {
                problems.add(Problem.of(row, headers.get(stationCol), "air.import.noStation"));
                ok = false;
            }
            LocalDate date = ds.isEmpty() ? null : date(ds);
            if (date == null) {
                problems.add(Problem.of(row, headers.get(dateCol), "air.import.badDate", ds));
                ok = false;
            }
            double[] v = new double[DailyItem.COUNT];
            byte[] f = new byte[DailyItem.COUNT];
            for (DailyItem item : DailyItem.values()) {
                int c = cols[item.ordinal()];
                if (c < 0) {
                    v[item.ordinal()] = Double.NaN;
                    f[item.ordinal()] = HourlySeries.ABSENT;
                    continue;
                }
                String s = c < count ? cells[c] : "";
                try {
                    v[item.ordinal()] = parser.parse(s);
                    f[item.ordinal()] = parser.lastFlag;
                } catch (NumberFormatException e) {
                    problems.add(Problem.of(row, headers.get(c), "air.import.badNumber", s));
                    ok = false;
                }
            }
            if (ok) {
                byStation.computeIfAbsent(st, k -> new ArrayList<>()).add(new Object[] {row, date, v, f});
            }
        }

        Daily finish() {
            List<DailySeries> out = new ArrayList<>();
            Map<String, int[][]> counts = new HashMap<>();
            for (Map.Entry<String, List<Object[]>> e : byStation.entrySet()) {
                LocalDate first = LocalDate.MAX;
                LocalDate last = LocalDate.MIN;
                for (Object[] r : e.getValue()) {
                    LocalDate d = (LocalDate) r[1];
                    first = d.isBefore(first) ? d : first;
                    last = d.isAfter(last) ? d : last;
                }
                int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
                DailySeries s = DailySeries.empty(e.getKey(), first, days);
                int[] seen = new int[days];
                int[][] c = new int[DailyItem.COUNT][HourlySeries.FLAG_COUNT];
                for (Object[] r : e.getValue()) {
                    int d = (int) (((LocalDate) r[1]).toEpochDay() - first.toEpochDay());
                    if (seen[d] != 0) {
                        problems.add(Problem.of((Integer) r[0], headers.get(dateCol), "air.import.duplicateDay",
                                e.getKey(), seen[d]));
                        continue;
                    }
                    seen[d] = (Integer) r[0];
                    double[] v = (double[]) r[2];
                    byte[] f = (byte[]) r[3];
                    for (DailyItem item : DailyItem.values()) {
                        s.set(item, d, v[item.ordinal()], f[item.ordinal()]);
                        if (f[item.ordinal()] != HourlySeries.ABSENT) {
                            c[item.ordinal()][f[item.ordinal()]]++;
                        }
                    }
                }
                out.add(s);
                counts.put(e.getKey(), c);
            }
            problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
            return new Daily(List.copyOf(out), List.copyOf(problems), rows, Map.copyOf(counts));
        }
    }
}
