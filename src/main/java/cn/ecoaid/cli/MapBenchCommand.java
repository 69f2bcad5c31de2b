package cn.ecoaid.cli;

import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.GeoJson;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.map.LayerFiles;
import cn.ecoaid.map.LayerStyle;
import cn.ecoaid.map.MapLayer;
import cn.ecoaid.map.MapRenderer;
import cn.ecoaid.map.MapStyles;
import cn.ecoaid.store.GeoPackageFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench map}: a synthetic layer of irregular polygons around 117°E 31°N with the requested number of vertices;
 * reprojection throughput (CGCS2000 → GK zone, GCJ-02 → CGCS2000), render to PNG (median of runs), and GeoJSON /
 * GeoPackage write and read times.
 */
@Command(name = "map", mixinStandardHelpOptions = true, description = "Map benchmark (reprojection, PNG render, GeoJSON/GeoPackage I/O)")
public final class MapBenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--vertices", defaultValue = "250000", description = "vertices in the layer (default: ${DEFAULT-VALUE})")
    int vertices;

    @Option(names = "--per-polygon", defaultValue = "500")
    int perPolygon;

    @Option(names = "--repeat", defaultValue = "5", description = "runs of each step (median printed)")
    int repeat;

    @Option(names = "--width", defaultValue = "2000")
    int width;

    @Option(names = "--height", defaultValue = "1500")
    int height;

    @Option(names = "--dpi", defaultValue = "300")
    double dpi;

    @Option(names = "--out", description = "keep the last PNG here")
    Path out;

    static Layer synthetic(int vertices, int perPolygon, long seed) {
        GeometryFactory gf = new GeometryFactory();
        SplittableRandom rnd = new SplittableRandom(seed);
        int polygons = Math.max(1, vertices / perPolygon);
        int side = (int) Math.ceil(Math.sqrt(polygons));
        List<Feature> fs = new ArrayList<>(polygons);
        for (int p = 0; p < polygons; p++) {
            double cx = 116.8 + 0.6 * ((p % side) + 0.5) / side;
            double cy = 30.8 + 0.4 * ((p / side) + 0.5) / side;
            double r = 0.4 * 0.45 / side;
            Coordinate[] cs = new Coordinate[perPolygon];
            double phase = rnd.nextDouble() * Math.PI;
            for (int i = 0; i < perPolygon - 1; i++) {
                double a = 2 * Math.PI * i / (perPolygon - 1);
                double rr = r * (0.8 + 0.15 * Math.sin(7 * a + phase) + 0.05 * Math.sin(23 * a));
                cs[i] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
            }
            cs[perPolygon - 1] = new Coordinate(cs[0]);
            fs.add(new Feature(gf.createPolygon(cs), Map.of("id", (long) p, "value", rnd.nextDouble() * 100)));
        }
        return new Layer("bench", CrsRegistry.CGCS2000, fs);
    }

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        Layer layer = synthetic(vertices, perPolygon, 42);
        w.println(Messages.get("map.bench.layer", layer.features().size(), Long.toString(layer.vertices())));
        // reprojection of all vertices
        double[] proj = new double[repeat];
        double[] gcj = new double[repeat];
        for (int k = 0; k < repeat; k++) {
            long t0 = System.nanoTime();
            Layer projected = layer.reproject("EPSG:4548");
            proj[k] = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            Layer fromGcj = new Layer("g", CrsRegistry.GCJ02, layer.fields(), layer.features(), List.of()).reproject(CrsRegistry.CGCS2000);
            gcj[k] = (System.nanoTime() - t1) / 1e6;
            if (projected.features().isEmpty() || fromGcj.features().isEmpty()) {
                throw new IllegalStateException();
            }
        }
        double pm = FoundationBench.median(proj);
        double gm = FoundationBench.median(gcj);
        w.println(Messages.get("map.bench.reproject", "CGCS2000 → EPSG:4548", f(pm), f(layer.vertices() / pm / 1000)));
        w.println(Messages.get("map.bench.reproject", "GCJ-02 → CGCS2000", f(gm), f(layer.vertices() / gm / 1000)));
        // render: first (reprojection included) and on layers already in the view system
        LayerStyle style = MapStyles.parse("{\"stroke\":\"#555555\",\"graduated\":{\"field\":\"value\",\"classes\":5,\"method\":\"quantile\"}}",
                MapStyles.defaultFor(layer, 0), layer);
        List<MapLayer> layers = List.of(new MapLayer(layer, style));
        List<MapLayer> inView = MapRenderer.project(layers, "EPSG:4548");
        double[] full = new double[repeat];
        double[] draw = new double[repeat];
        MapRenderer renderer = new MapRenderer();
        MapRenderer.Rendered last = null;
        for (int k = 0; k < repeat; k++) {
            long t0 = System.nanoTime();
            last = renderer.render(layers, MapRenderer.Options.of(width, height, dpi));
            full[k] = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            renderer.render(inView, MapRenderer.Options.of(width, height, dpi).withExtent(null, "EPSG:4548"));
            draw[k] = (System.nanoTime() - t1) / 1e6;
        }
        w.println(Messages.get("map.bench.render", Integer.toString(width), Integer.toString(height), f(dpi), f(FoundationBench.median(full)), f(FoundationBench.median(draw))));
        try {
            Path tmp = Files.createTempDirectory("ecoaid-map-bench");
            try {
                long t0 = System.nanoTime();
                MapRenderer.writePng(last.image(), dpi, out != null ? out : tmp.resolve("bench.png"));
                double png = (System.nanoTime() - t0) / 1e6;
                Path gj = tmp.resolve("bench.geojson");
                Path gp = tmp.resolve("bench.gpkg");
                long t1 = System.nanoTime();
                GeoJson.write(layer, gj);
                double gjw = (System.nanoTime() - t1) / 1e6;
                long t2 = System.nanoTime();
                LayerFiles.read(gj.toString(), null);
                double gjr = (System.nanoTime() - t2) / 1e6;
                long t3 = System.nanoTime();
                GeoPackageFiles.write(layer, gp);
                double gpw = (System.nanoTime() - t3) / 1e6;
                long t4 = System.nanoTime();
                LayerFiles.read(gp.toString(), null);
                double gpr = (System.nanoTime() - t4) / 1e6;
                w.println(Messages.get("map.bench.io", f(png), f(gjw), f(gjr), Long.toString(Files.size(gj) / 1024), f(gpw), f(gpr),
                        Long.toString(Files.size(gp) / 1024)));
            } finally {
                try (var s = Files.walk(tmp)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new cn.ecoaid.domain.EcoAidException(e, "map.error.write", "temp", e.getMessage());
        }
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
