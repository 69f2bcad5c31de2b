package cn.ecoaid.cli;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.geo.GridAllocator;
import cn.ecoaid.inventory.Activity;
import cn.ecoaid.inventory.Aggregation;
import cn.ecoaid.inventory.CoalMassBalance;
import cn.ecoaid.inventory.ControlTable;
import cn.ecoaid.inventory.EmissionFactor;
import cn.ecoaid.inventory.FactorLibrary;
import cn.ecoaid.inventory.InventoryCalculator;
import cn.ecoaid.inventory.InventoryGridding;
import cn.ecoaid.inventory.Pollutant;
import cn.ecoaid.inventory.SourceType;
import cn.ecoaid.inventory.Units;
import cn.ecoaid.inventory.ghg.Uncertainty;
import cn.ecoaid.io.Csv;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench inventory}: compute and aggregate N activity records (and the same aggregation by the sqlite3 shell, if
 * installed), grid points and polygons on a 1 km grid of a 100 km × 100 km city, Monte Carlo draws × categories.
 */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = "Inventory benchmark (compute, sqlite3, grid, Monte Carlo)")
public final class InventoryBenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "1000000")
    int records;

    @Option(names = "--repeat", defaultValue = "3", description = "runs of compute + aggregate (median printed)")
    int repeat;

    @Option(names = "--points", defaultValue = "100000")
    int points;

    @Option(names = "--polygons", defaultValue = "10000")
    int polygons;

    @Option(names = "--draws", defaultValue = "10000")
    int draws;

    @Option(names = "--categories", defaultValue = "500")
    int categories;

    @Option(names = "--no-sqlite", description = "skip the sqlite3 comparison")
    boolean noSqlite;

    static final String[] CATEGORIES = {"电力热力源", "工业源", "移动源和油品储运销", "生活源", "农业源", "扬尘源", "废弃物处理源", "生物质开放燃烧源"};
    static final String[] FUELS = {"煤炭", "天然气", "柴油", "燃料油", "生物质"};
    static final String[] CONTROLS = {"", "石灰石/石膏法", "选择性催化还原法", "袋式除尘法", "活性炭法", "低氮燃烧技术", "普通静电除尘法"};
    static final Pollutant[] POLLUTANTS = {Pollutant.SO2, Pollutant.NOX, Pollutant.CO, Pollutant.VOCS, Pollutant.PM25};

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        try {
            benchCompute(w);
            benchGrid(w);
            benchMonteCarlo(w);
        } catch (IOException e) {
            throw new cn.ecoaid.domain.EcoAidException(e, "error.file.write", "bench", e.getMessage());
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getPeakUsage().getUsed();
            }
        }
        w.println(Messages.get("inventory.bench.heap", used / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    }

    private void benchCompute(PrintWriter w) throws IOException {
        SplittableRandom r = new SplittableRandom(20261128);
        List<EmissionFactor> factors = new ArrayList<>();
        Map<String, Double> efTable = new HashMap<>();
        for (String c : CATEGORIES) {
            for (String f : FUELS) {
                for (Pollutant p : POLLUTANTS) {
                    double v = Math.round(r.nextDouble() * 20 * 1000) / 1000.0 + 0.001;
                    factors.add(new EmissionFactor("B-" + c + f + p.label(), p, v, Units.factorUnit("kg/t", ""),
                            List.of(c, "", f, ""), "", "bench", "", "USER", true, Double.NaN, Double.NaN, false));
                    efTable.put(c + "|" + f + "|" + p.label(), v);
                }
            }
        }
        InventoryCalculator calc = new InventoryCalculator(new FactorLibrary(factors), ControlTable.tcses144(),
                CoalMassBalance.tcses144());
        String[] counties = new String[20];
        for (int i = 0; i < counties.length; i++) {
            counties[i] = "county" + i;
        }
        String[] level1 = new String[50];
        for (int i = 0; i < level1.length; i++) {
            level1[i] = "L1-" + i;
        }
        Units.Unit t = Units.unit("t", "");
        List<Activity> acts = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            String id = Integer.toString(i);
            double rate = Math.round(r.nextDouble() * 100) / 100.0;
            acts.add(new Activity(id, id, SourceType.POINT, counties[r.nextInt(counties.length)], "",
                    List.of(CATEGORIES[r.nextInt(CATEGORIES.length)], level1[r.nextInt(level1.length)], FUELS[r.nextInt(FUELS.length)],
                            "", CONTROLS[r.nextInt(CONTROLS.length)]),
                    Math.round(r.nextDouble() * 1e5) / 100.0, t, rate, "", Double.NaN, Double.NaN, Map.of(), Double.NaN, Double.NaN));
        }
        long[] times = new long[Math.max(1, repeat)];
        Aggregation agg = null;
        long emissions = 0;
        for (int k = 0; k < times.length; k++) {
            long t0 = System.nanoTime();
            Aggregation a = new Aggregation(Aggregation.parse("pollutant,category,county"));
            long[] n = new long[1];
            calc.computeAll(acts, e -> {
                a.accept(e);
                n[0]++;
            }, ProgressListener.NONE);
            a.rows();
            times[k] = System.nanoTime() - t0;
            agg = a;
            emissions = n[0];
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        w.println(Messages.get("inventory.bench.compute", records, emissions, agg.rows().size(),
                Long.toString(TimeUnit.NANOSECONDS.toMillis(sorted[sorted.length / 2])), times.length));
        if (!noSqlite) {
            sqlite(w, acts, efTable, agg);
        }
    }

    private void sqlite(PrintWriter w, List<Activity> acts, Map<String, Double> efTable, Aggregation agg) throws IOException {
        Path dir = Files.createTempDirectory("ecoaid-bench");
        try {
            Path a = dir.resolve("activities.csv");
            try (BufferedWriter out = Files.newBufferedWriter(a, StandardCharsets.UTF_8)) {
                out.write("id,category,county,fuel,control,amount,rate\n");
                for (Activity x : acts) {
                    out.write(Csv.line(List.of(x.id(), x.category(), x.county(), x.path().get(2), x.control(),
                            Double.toString(x.amount()), Double.toString(x.operatingRate()))));
                    out.write('\n');
                }
            }
            Path f = dir.resolve("factors.csv");
            try (BufferedWriter out = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                out.write("category,fuel,pollutant,ef\n");
                for (Map.Entry<String, Double> e : efTable.entrySet()) {
                    String[] k = e.getKey().split("\\|");
                    out.write(Csv.line(List.of(k[0], k[1], k[2], Double.toString(e.getValue()))));
                    out.write('\n');
                }
            }
            Path c = dir.resolve("controls.csv");
            ControlTable ct = ControlTable.tcses144();
            try (BufferedWriter out = Files.newBufferedWriter(c, StandardCharsets.UTF_8)) {
                out.write("control,pollutant,eta\n");
                for (String name : CONTROLS) {
                    if (name.isEmpty()) {
                        continue;
                    }
                    for (Pollutant p : POLLUTANTS) {
                        var slot = ControlTable.slot(p);
                        if (slot.isPresent()) {
                            double eta = ControlTable.combine(ct.resolve(name, "bench"), slot.get());
                            out.write(Csv.line(List.of(name, p.label(), Double.toString(eta))));
                            out.write('\n');
                        }
                    }
                }
            }
            Path db = dir.resolve("bench.db");
            String importSql = ".mode csv\n.import " + a + " activities\n.import " + f + " factors\n.import " + c + " controls\n";
            long t0 = System.nanoTime();
            String imported = sqlite3(db, importSql);
            long importMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (imported == null) {
                w.println(Messages.get("inventory.bench.noSqlite"));
                return;
            }
            String query = ".mode csv\nSELECT f.pollutant, a.category, a.county, "
                    + "SUM(CAST(a.amount AS REAL) * CAST(f.ef AS REAL) * (1 - COALESCE(CAST(c.eta AS REAL), 0) * CAST(a.rate AS REAL))) "
                    + "FROM activities a JOIN factors f ON f.category = a.category AND f.fuel = a.fuel "
                    + "LEFT JOIN controls c ON c.control = a.control AND c.pollutant = f.pollutant "
                    + "GROUP BY 1, 2, 3;\n";
            long t1 = System.nanoTime();
            String result = sqlite3(db, query);
            long queryMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
            double maxRel = 0;
            int rows = 0;
            for (Csv.Record rec : Csv.parse(result == null ? "" : result, ',')) {
                List<String> cells = rec.cells();
                if (cells.size() < 4) {
                    continue;
                }
                rows++;
                double sql = Double.parseDouble(cells.get(3));
                double java = agg.emittedKg(List.of(cells.get(0), cells.get(1), cells.get(2)));
                maxRel = Math.max(maxRel, Math.abs(sql - java) / Math.max(Math.abs(java), 1e-300));
            }
            if (rows != agg.rows().size()) {
                maxRel = Double.POSITIVE_INFINITY;
            }
            w.println(Messages.get("inventory.bench.sqlite", Long.toString(importMs), Long.toString(queryMs),
                    String.format(java.util.Locale.ROOT, "%.3g", maxRel)));
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs the sqlite3 shell with a script on stdin; null when sqlite3 is not installed. */
    private static String sqlite3(Path db, String script) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sqlite3", db.toString());
        pb.redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return null;
        }
        try (var in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private void benchGrid(PrintWriter w) {
        SplittableRandom r = new SplittableRandom(7);
        GeometryFactory gf = new GeometryFactory();
        double lon0 = 119.48;
        double lat0 = 29.75;
        double dLon = 100_000 / (111_320 * Math.cos(Math.toRadians(30.2)));
        double dLat = 100_000 / 110_574.0;
        List<InventoryGridding.GridSource> sources = new ArrayList<>(points + polygons);
        for (int i = 0; i < points; i++) {
            Geometry g = gf.createPoint(new Coordinate(lon0 + r.nextDouble() * dLon, lat0 + r.nextDouble() * dLat));
            sources.add(new InventoryGridding.GridSource("p" + i, "工业源", "", "", g, "",
                    Map.of(Pollutant.SO2, r.nextDouble() * 1000, Pollutant.NOX, r.nextDouble() * 1000)));
        }
        List<GridAllocator.WeightedPolygon> proxy = new ArrayList<>();
        double step = 2_000 / 100_000.0;
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 50; j++) {
                Envelope e = new Envelope(lon0 + i * step * dLon, lon0 + (i + 1) * step * dLon, lat0 + j * step * dLat,
                        lat0 + (j + 1) * step * dLat);
                proxy.add(new GridAllocator.WeightedPolygon(gf.toGeometry(e), r.nextDouble() * 1000));
            }
        }
        for (int i = 0; i < polygons; i++) {
            double cx = lon0 + r.nextDouble() * dLon;
            double cy = lat0 + r.nextDouble() * dLat;
            int n = 6 + r.nextInt(10);
            Coordinate[] c = new Coordinate[n + 1];
            double radius = (500 + r.nextDouble() * 2500) / 100_000.0;
            for (int k = 0; k < n; k++) {
                double ang = 2 * Math.PI * k / n;
                double rad = radius * (0.5 + 0.5 * r.nextDouble());
                c[k] = new Coordinate(cx + rad * dLon * Math.cos(ang), cy + rad * dLat * Math.sin(ang));
            }
            c[n] = c[0];
            sources.add(new InventoryGridding.GridSource("a" + i, "生活源", "", "", gf.createPolygon(c), i % 2 == 0 ? "pop" : "",
                    Map.of(Pollutant.SO2, r.nextDouble() * 1000, Pollutant.NOX, r.nextDouble() * 1000)));
        }
        long t0 = System.nanoTime();
        InventoryGridding.Result res = InventoryGridding.grid(sources, Map.of("pop", proxy), 1000, Double.NaN, ProgressListener.NONE);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        double worst = 0;
        for (int k = 0; k < res.pollutants().size(); k++) {
            double s = res.allocation().outside(k);
            for (double v : res.allocation().layer(k)) {
                s += v;
            }
            double total = res.totalKg().get(res.pollutants().get(k));
            worst = Math.max(worst, Math.abs(s - total) / total);
        }
        w.println(Messages.get("inventory.bench.grid", points, polygons, 1000, res.allocation().grid().cells(), Long.toString(ms),
                String.format(java.util.Locale.ROOT, "%.3g", worst)));
    }

    private void benchMonteCarlo(PrintWriter w) {
        SplittableRandom r = new SplittableRandom(11);
        List<Uncertainty.Input> in = new ArrayList<>();
        for (int i = 0; i < categories; i++) {
            in.add(new Uncertainty.Input("c" + i, r.nextDouble() * 1e5, 1 + r.nextDouble() * 20, 1 + r.nextDouble() * 80));
        }
        long t0 = System.nanoTime();
        Uncertainty.MonteCarlo mc = Uncertainty.monteCarlo(in, draws, 1, Uncertainty.Distribution.LOGNORMAL, ProgressListener.NONE);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        w.println(Messages.get("inventory.bench.monteCarlo", draws, categories, Long.toString(ms),
                String.format(java.util.Locale.ROOT, "%.2f", mc.halfWidthPct())));
    }
}
