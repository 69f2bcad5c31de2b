package cn.ecoaid.cli;

import cn.ecoaid.air.AirImport;
import cn.ecoaid.air.AnnualStatistics;
import cn.ecoaid.air.Aqi;
import cn.ecoaid.air.AqiResult;
import cn.ecoaid.air.AqiStandard;
import cn.ecoaid.air.DailySeries;
import cn.ecoaid.air.Hj663;
import cn.ecoaid.air.HourlySeries;
import cn.ecoaid.air.RealtimeAqi;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.l10n.Messages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench air}: a province-year of hourly station data (default 200 stations × 8,760 h, seeded) written as CSV,
 * then timed: import, HJ 663 daily statistics, daily AQI, real-time AQI of every hour, annual statistics; heap; and the
 * sqlite3 shell's {@code .import} of the same file when sqlite3 is on the PATH.
 */
@Command(name = "air", mixinStandardHelpOptions = true, description = "Air-quality benchmark (import, statistics, AQI, sqlite3 .import)")
public final class AirBenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--stations", defaultValue = "200")
    int stations;

    @Option(names = "--hours", defaultValue = "8760")
    int hours;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--repeat", defaultValue = "3", description = "runs of each step (median printed)")
    int repeat;

    @Option(names = "--dir", description = "folder for the generated file (default: a temporary folder, deleted)")
    Path dir;

    @Option(names = "--no-sqlite", description = "skip the sqlite3 comparison")
    boolean noSqlite;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        try {
            boolean temp = dir == null;
            Path folder = temp ? Files.createTempDirectory("ecoaid-air-bench") : Files.createDirectories(dir);
            Path csv = folder.resolve("hourly.csv");
            long t0 = System.nanoTime();
            long bytes = generate(csv, stations, hours, seed);
            w.println(Messages.get("air.bench.generated", stations, hours, (long) stations * hours, bytes / (1024 * 1024),
                    ms(System.nanoTime() - t0), csv));
            w.flush();
            long[] importMs = new long[repeat];
            AirImport.Hourly data = null;
            for (int i = 0; i < repeat; i++) {
                data = null;
                long s = System.nanoTime();
                data = AirImport.readHourly(csv, ProgressListener.NONE);
                importMs[i] = ms(System.nanoTime() - s);
            }
            long rows = data.rows();
            w.println(Messages.get("air.bench.import", rows, median(importMs), rate(rows, median(importMs)),
                    data.problems().size()));
            System.gc();
            long retained = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            AqiStandard.Chooser chooser = AqiStandard.chooser("auto");
            long[] dailyMs = new long[repeat];
            long[] aqiMs = new long[repeat];
            long[] rtMs = new long[repeat];
            long[] annualMs = new long[repeat];
            long checksum = 0;
            for (int i = 0; i < repeat; i++) {
                long s = System.nanoTime();
                List<DailySeries> daily = new ArrayList<>();
                for (HourlySeries h : data.stations()) {
                    daily.add(Hj663.daily(h));
                }
                dailyMs[i] = ms(System.nanoTime() - s);
                s = System.nanoTime();
                long sum = 0;
                for (DailySeries d : daily) {
                    for (int day = 0; day < d.days(); day++) {
                        AqiResult r = Aqi.daily(chooser.on(d.date(day)), d.day(day));
                        sum += r.aqi();
                    }
                }
                aqiMs[i] = ms(System.nanoTime() - s);
                s = System.nanoTime();
                long[] acc = new long[1];
                for (HourlySeries h : data.stations()) {
                    RealtimeAqi.forEach(h, chooser, (idx, r) -> acc[0] += r.aqi());
                }
                rtMs[i] = ms(System.nanoTime() - s);
                s = System.nanoTime();
                int year = data.stations().get(0).firstDay().getYear();
                for (DailySeries d : daily) {
                    sum += (long) AnnualStatistics.compute(d, year, chooser, "auto", 2).aqiDays();
                }
                annualMs[i] = ms(System.nanoTime() - s);
                checksum = sum + acc[0];
            }
            long hoursTotal = (long) stations * hours;
            w.println(Messages.get("air.bench.daily", hoursTotal, median(dailyMs)));
            w.println(Messages.get("air.bench.aqiDaily", (long) stations * (hours / 24), median(aqiMs)));
            w.println(Messages.get("air.bench.aqiRealtime", hoursTotal, median(rtMs), rate(hoursTotal, median(rtMs))));
            w.println(Messages.get("air.bench.annual", stations, median(annualMs), Long.toString(checksum)));
            w.println(Messages.get("air.bench.heap", retained, peakHeap(), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
            if (!noSqlite) {
                sqlite(w, folder, csv, rows);
            }
            if (temp) {
                try (var files = Files.list(folder)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", dir, e.getMessage());
        }
    }

    private void sqlite(PrintWriter w, Path folder, Path csv, long rows) throws IOException {
        Path db = folder.resolve("bench.db");
        long[] times = new long[repeat];
        for (int i = 0; i < repeat; i++) {
            Files.deleteIfExists(db);
            long s = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder("sqlite3", db.toString());
            pb.redirectErrorStream(true);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                w.println(Messages.get("air.bench.noSqlite"));
                return;
            }
            try (var in = p.getOutputStream()) {
                in.write((".mode csv\n.import " + csv + " hourly\n").getBytes(StandardCharsets.UTF_8));
            }
            p.getInputStream().readAllBytes();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            times[i] = ms(System.nanoTime() - s);
        }
        Files.deleteIfExists(db);
        w.println(Messages.get("air.bench.sqlite", rows, median(times), rate(rows, median(times))));
    }

    /** Writes the seeded file; returns its size in bytes. */
    static long generate(Path csv, int stations, int hours, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        LocalDateTime first = LocalDateTime.of(2025, 1, 1, 1, 0);
        String[] times = new String[hours];
        for (int h = 0; h < hours; h++) {
            times[h] = first.plusHours(h).format(f);
        }
        StringBuilder line = new StringBuilder(64);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("station,time,SO2,NO2,PM10,PM2.5,CO,O3\n");
            for (int s = 0; s < stations; s++) {
                String code = (1001 + s) + "A";
                double k = 0.6 + rnd.nextDouble() * 0.8;
                double pm = 40 * k;
                for (int h = 0; h < hours; h++) {
                    int hod = h % 24;
                    double season = Math.cos(2 * Math.PI * h / 8760.0);
                    pm = Math.max(3, pm + rnd.nextGaussian() * 4 + (40 * k * (1 + 0.6 * season) - pm) * 0.05);
                    double diurnal = Math.sin(2 * Math.PI * (hod - 9) / 24.0);
                    line.setLength(0);
                    line.append(code).append(',').append(times[h]).append(',');
                    line.append(Math.round(8 * k + rnd.nextDouble() * 6)).append(',');
                    line.append(Math.round(30 * k + 15 * (-diurnal) + rnd.nextDouble() * 10)).append(',');
                    line.append(Math.round(pm * 1.6 + rnd.nextDouble() * 10)).append(',');
                    if (rnd.nextInt(100) == 0) {
                        line.append('—');
                    } else {
                        line.append(Math.round(pm));
                    }
                    line.append(',');
                    line.append(Math.round((0.5 + pm / 100) * 10) / 10.0).append(',');
                    line.append(Math.round(Math.max(2, (60 - 40 * season) * (1 + diurnal) * k + rnd.nextDouble() * 10)));
                    line.append('\n');
                    out.append(line);
                }
            }
        }
        return Files.size(csv);
    }

    static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    static long rate(long n, long ms) {
        return ms == 0 ? n * 1000 : n * 1000 / ms;
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
