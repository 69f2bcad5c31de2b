package cn.ecoaid.cli;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.LayerRepository;
import cn.ecoaid.geo.Measure;
import cn.ecoaid.geo.TileSource;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.map.LayerFiles;
import cn.ecoaid.map.LayerStyle;
import cn.ecoaid.map.MapLayer;
import cn.ecoaid.map.MapRenderer;
import cn.ecoaid.map.MapStyles;
import cn.ecoaid.map.SiteLayers;
import cn.ecoaid.map.TilePyramid;
import cn.ecoaid.store.SqliteLayerRepository;
import cn.ecoaid.store.TileFiles;
import cn.ecoaid.store.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code map render|convert|import|layers|info}: offline maps from files and the workspace. */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Offline maps: render PNG map images, convert and import GeoJSON/Shapefile/KML/GeoPackage layers",
        subcommands = {MapCommand.Render.class, MapCommand.Convert.class, MapCommand.Import.class, MapCommand.Layers.class,
            MapCommand.Info.class, MapCommand.Tiles.class})
public final class MapCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** How input coordinates are declared and converted. */
    static final class CrsOptions {
        @Option(names = "--crs", description = "coordinate system of the input when the file does not say (EPSG:4490, 4549, WGS84, GCJ02 …)")
        String crs;

        @Option(names = "--from-gcj02", description = "the input is GCJ-02 (Chinese web-map coordinates): convert it")
        boolean fromGcj02;

        @Option(names = "--to-crs", description = "convert to this system (default for GCJ-02 input: EPSG:4490)")
        String toCrs;

        String declared() {
            return fromGcj02 ? CrsRegistry.GCJ02 : crs == null ? null : CrsRegistry.parse(crs);
        }

        Layer convert(Layer l) {
            String target = toCrs != null ? CrsRegistry.parse(toCrs) : fromGcj02 ? CrsRegistry.CGCS2000 : null;
            return target == null ? l : l.reproject(target);
        }
    }

    static void printRepairs(PrintWriter w, Layer l) {
        for (Layer.Repair r : l.repairs()) {
            w.println("  " + Messages.get("map.cli.repaired", r.feature() + 1, r.reason()));
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true, description = "Render layers to a PNG map image with legend, scale bar and north arrow")
    static final class Render implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--layers", split = ",", description = "layer files (.geojson .json .shp .kml .gpkg[#table] .csv .xlsx) or workspace layer names, bottom first"
                + " (default with --workspace: all its layers)")
        List<String> layers = new ArrayList<>();

        @Option(names = "--workspace", description = "workspace: its layers can be named in --layers and its sites are drawn on top")
        Path workspace;

        @Option(names = "--no-sites", description = "do not draw the workspace's sites")
        boolean noSites;

        @Option(names = "--crs", description = "coordinate system of layer files that do not say")
        String crs;

        @Option(names = "--style", description = "style file (JSON, docs/formats.md)")
        Path style;

        @Option(names = "--title", description = "map title (default: the style file's)")
        String title;

        @Option(names = "--view-crs", description = "draw in this projected system (default: the Gauss-Krüger 3° zone of the map centre)")
        String viewCrs;

        @Option(names = "--extent", description = "minX,minY,maxX,maxY in the view system (default: all layers)")
        String extent;

        @Option(names = "--width", defaultValue = "2000")
        int width;

        @Option(names = "--height", defaultValue = "1500")
        int height;

        @Option(names = "--dpi", defaultValue = "300")
        double dpi;

        @Option(names = "--basemap", split = ",", description = "offline tile pyramids drawn under the layers (.mbtiles, .gpkg[#table])")
        List<String> basemaps = new ArrayList<>();

        @Option(names = "--out", required = true, description = "PNG file")
        Path out;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            MapStyles.StyleFile styles = style == null ? new MapStyles.StyleFile(null, java.util.Map.of()) : MapStyles.readFile(style);
            List<MapLayer> mapLayers = new ArrayList<>();
            Workspace ws = workspace == null ? null : Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author());
            try {
                String declared = crs == null ? null : CrsRegistry.parse(crs);
                SqliteLayerRepository repo = ws == null ? null : SqliteLayerRepository.of(ws);
                List<String> names = layers;
                if (names.isEmpty() && repo != null) {
                    names = repo.list().stream().map(LayerRepository.Info::name).toList();
                }
                for (String spec : names) {
                    String name = spec.strip();
                    Optional<LayerRepository.Info> stored = repo == null ? Optional.empty() : repo.findByName(name);
                    Layer layer;
                    LayerStyle base;
                    if (stored.isPresent()) {
                        layer = repo.load(stored.get().id());
                        base = MapStyles.parse(stored.get().style(), MapStyles.defaultFor(layer, mapLayers.size()), layer);
                    } else if (Files.exists(Path.of(name.replaceFirst("#[^#/\\\\]*$", "")))) {
                        layer = LayerFiles.read(name, declared);
                        base = MapStyles.defaultFor(layer, mapLayers.size());
                        printRepairsOf(w, layer);
                    } else {
                        throw new EcoAidException("map.cli.noLayer", name);
                    }
                    mapLayers.add(new MapLayer(layer, MapStyles.apply(styles.layers().get(layer.name()), base, layer)));
                }
                if (ws != null && !noSites) {
                    Layer sites = SiteLayers.of(ws.sites().list());
                    if (!sites.features().isEmpty()) {
                        mapLayers.add(new MapLayer(sites, MapStyles.apply(styles.layers().get(SiteLayers.NAME), SiteLayers.style(), sites)));
                    }
                }
            } finally {
                if (ws != null) {
                    ws.close();
                }
            }
            if (mapLayers.isEmpty()) {
                throw new EcoAidException("map.cli.nothingToDraw");
            }
            MapRenderer.Options o = new MapRenderer.Options(width, height, dpi, parseExtent(extent),
                    viewCrs == null ? null : CrsRegistry.parse(viewCrs), title != null ? title : styles.title(), true, null);
            List<TileSource> tiles = new ArrayList<>();
            MapRenderer.Rendered r;
            try {
                for (String b : basemaps) {
                    tiles.add(TileFiles.open(b.strip()));
                }
                r = new MapRenderer().render(mapLayers, o, tiles);
            } finally {
                tiles.forEach(TileSource::close);
            }
            MapRenderer.writePng(r.image(), dpi, out);
            long vertices = mapLayers.stream().mapToLong(ml -> ml.layer().vertices()).sum();
            w.println(Messages.get("map.cli.rendered", out, Integer.toString(width), Integer.toString(height), num(dpi),
                    mapLayers.size(), Long.toString(vertices), r.viewCrs()));
        }

        private void printRepairsOf(PrintWriter w, Layer layer) {
            if (!layer.repairs().isEmpty()) {
                w.println(Messages.get("map.cli.repairs", layer.name(), layer.repairs().size()));
                printRepairs(w, layer);
            }
        }

        private static Envelope parseExtent(String text) {
            if (text == null) {
                return null;
            }
            String[] p = text.split(",");
            try {
                if (p.length == 4) {
                    return new Envelope(Double.parseDouble(p[0].strip()), Double.parseDouble(p[2].strip()),
                            Double.parseDouble(p[1].strip()), Double.parseDouble(p[3].strip()));
                }
            } catch (NumberFormatException e) {
                throw new EcoAidException(e, "map.cli.badExtent", text);
            }
            throw new EcoAidException("map.cli.badExtent", text);
        }
    }

    static String coord(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Command(name = "convert", mixinStandardHelpOptions = true, description = "Convert a layer file to GeoJSON or GeoPackage, optionally reprojecting")
    static final class Convert implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--in", required = true, description = "input (.geojson .json .shp .kml .gpkg[#table] .csv .xlsx)")
        String in;

        @Option(names = "--out", required = true, description = "output (.geojson or .gpkg)")
        Path out;

        @CommandLine.Mixin
        CrsOptions crs;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            Layer l = crs.convert(LayerFiles.read(in, crs.declared()));
            LayerFiles.write(l, out);
            w.println(Messages.get("map.cli.converted", in, out, l.features().size(), l.crs(), l.repairs().size()));
            printRepairs(w, l);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a layer file into the workspace")
    static final class Import implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true)
        Path workspace;

        @Option(names = "--in", required = true, description = "layer file (.geojson .json .shp .kml .gpkg[#table] .csv .xlsx)")
        String in;

        @Option(names = "--name", description = "layer name (default: the file name)")
        String name;

        @Option(names = "--style", description = "style of this layer (JSON file with one layer style, docs/formats.md)")
        Path style;

        @CommandLine.Mixin
        CrsOptions crs;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            Layer l = crs.convert(LayerFiles.read(in, crs.declared()));
            if (name != null) {
                l = l.withName(name);
            }
            String styleJson = "{}";
            if (style != null) {
                try {
                    styleJson = MapStyles.toJson(MapStyles.parse(Files.readString(style), MapStyles.defaultFor(l, 0), l));
                } catch (IOException e) {
                    throw new EcoAidException(e, "map.style.error.file", style, e.getMessage());
                }
            }
            Path file = Path.of(in.replaceFirst("#[^#/\\\\]*$", ""));
            String format = LayerFiles.extension(file);
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                LayerRepository.Info info = SqliteLayerRepository.of(ws).add(l, styleJson,
                        new LayerRepository.Source(file.getFileName().toString(), format, sha256(file)));
                w.println(Messages.get("map.cli.imported", info.name(), info.featureCount(), info.crs(), info.repairs()));
            }
            printRepairs(w, l);
        }

        private static String sha256(Path file) {
            try {
                return cn.ecoaid.domain.Hashes.sha256(file);
            } catch (IOException e) {
                throw new EcoAidException(e, "map.error.read", file, e.getMessage());
            }
        }
    }

    @Command(name = "layers", mixinStandardHelpOptions = true, description = "List the map layers of a workspace")
    static final class Layers implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true)
        Path workspace;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                List<LayerRepository.Info> all = SqliteLayerRepository.of(ws).list();
                if (all.isEmpty()) {
                    w.println(Messages.get("map.cli.noLayers"));
                }
                for (LayerRepository.Info i : all) {
                    w.println(Messages.get("map.cli.layer", i.name(), i.featureCount(), i.crs(), i.sourceFile(), i.createdAt()));
                }
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Describe a layer file: system, features, fields, extent, area, repairs")
    static final class Info implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--in", required = true)
        String in;

        @CommandLine.Mixin
        CrsOptions crs;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            Layer l = crs.convert(LayerFiles.read(in, crs.declared()));
            Envelope e = l.envelope();
            w.println(Messages.get("map.cli.info", l.name(), l.crs(), l.features().size(), Long.toString(l.vertices()),
                    String.join(", ", l.fields())));
            if (e != null) {
                w.println(Messages.get("map.cli.extent", coord(e.getMinX()), coord(e.getMinY()), coord(e.getMaxX()), coord(e.getMaxY())));
                double area = 0;
                double length = 0;
                String measuring = null;
                for (cn.ecoaid.geo.Feature f : l.features()) {
                    if (f.geometry() != null && !f.geometry().isEmpty()) {
                        area += Measure.area(f.geometry(), l.crs());
                        length += Measure.length(f.geometry(), l.crs());
                        measuring = Measure.measuringCrs(f.geometry(), l.crs());
                    }
                }
                w.println(Messages.get("map.cli.measure", String.format(Locale.ROOT, "%.6f", area / 1e6),
                        String.format(Locale.ROOT, "%.3f", length / 1000), measuring));
            }
            w.println(Messages.get("map.cli.repairs", l.name(), l.repairs().size()));
            printRepairs(w, l);
        }
    }

    @Command(name = "tiles", mixinStandardHelpOptions = true, description = "Build an offline basemap (MBTiles) from styled layers")
    static final class Tiles implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--layers", split = ",", required = true, description = "layer files, bottom first")
        List<String> layers = new ArrayList<>();

        @Option(names = "--crs", description = "coordinate system of layer files that do not say")
        String crs;

        @Option(names = "--style", description = "style file (JSON, docs/formats.md)")
        Path style;

        @Option(names = "--min-zoom", defaultValue = "8")
        int minZoom;

        @Option(names = "--max-zoom", defaultValue = "12")
        int maxZoom;

        @Option(names = "--out", required = true, description = "MBTiles file")
        Path out;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            MapStyles.StyleFile styles = style == null ? new MapStyles.StyleFile(null, java.util.Map.of()) : MapStyles.readFile(style);
            String declared = crs == null ? null : CrsRegistry.parse(crs);
            List<MapLayer> mapLayers = new ArrayList<>();
            for (String f : layers) {
                Layer l = LayerFiles.read(f.strip(), declared);
                LayerStyle s = MapStyles.apply(styles.layers().get(l.name()), MapStyles.defaultFor(l, mapLayers.size()), l);
                mapLayers.add(new MapLayer(l, s));
            }
            String name = out.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            long n = TilePyramid.build(mapLayers, minZoom, maxZoom, out, name, cn.ecoaid.domain.ProgressListener.NONE);
            w.println(Messages.get("map.cli.tiles", out, Long.toString(n), minZoom, maxZoom));
        }
    }
}
