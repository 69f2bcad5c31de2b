package cn.ecoaid.ui.map;

import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.LayerRepository;
import cn.ecoaid.geo.Reprojection;
import cn.ecoaid.geo.TileSource;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.map.LayerFiles;
import cn.ecoaid.map.LayerStyle;
import cn.ecoaid.map.MapLayer;
import cn.ecoaid.map.MapRenderer;
import cn.ecoaid.map.MapStyles;
import cn.ecoaid.map.SiteLayers;
import cn.ecoaid.map.Viewport;
import cn.ecoaid.store.SqliteLayerRepository;
import cn.ecoaid.store.TileFiles;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.util.UiExecutor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * Map page: the workspace's layers and sites drawn in one projected system (the CGCS2000 3° zone of the data, or the
 * first projected layer's system), with pan, zoom, identify, coordinates under the cursor, layer order, visibility and
 * style, file import into the workspace and PNG export. Rendering is {@link MapRenderer}'s, so the window and the
 * report image look the same.
 */
public final class MapViewModel {
    private boolean userMoved;
    /** One layer of the list: name, where it is stored (null for the sites layer), the layer in the view system. */
    public static final class Item {
        private final String name;
        private final String storedId;
        private final Layer layer;
        private final ObjectProperty<LayerStyle> style;
        private final BooleanProperty visible;

        Item(String name, String storedId, Layer layer, LayerStyle style) {
            this.name = name;
            this.storedId = storedId;
            this.layer = layer;
            this.style = new SimpleObjectProperty<>(style);
            this.visible = new SimpleBooleanProperty(style.visible());
        }

        public String name() {
            return name;
        }

        public Layer layer() {
            return layer;
        }

        public ObjectProperty<LayerStyle> styleProperty() {
            return style;
        }

        public BooleanProperty visibleProperty() {
            return visible;
        }

        MapLayer mapLayer() {
            return new MapLayer(layer, style.get().withVisible(visible.get()));
        }
    }

    private static final GeometryFactory GF = new GeometryFactory();

    private final Workspace workspace;
    private final UiExecutor executor;
    private final ObservableList<Item> layers = FXCollections.observableArrayList();
    private final ObservableList<List<String>> identified = FXCollections.observableArrayList();
    private final ObservableList<TileSource> basemaps = FXCollections.observableArrayList();
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(new Viewport(0, 0, 1, 800, 600));
    private final StringProperty viewCrs = new SimpleStringProperty(CrsRegistry.CGCS2000);
    private final StringProperty cursor = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    /** Bumped whenever the picture changes: the view redraws on it. */
    private final ObjectProperty<Object> revision = new SimpleObjectProperty<>(new Object());

    public MapViewModel(Workspace workspace, UiExecutor executor) {
        this.workspace = workspace;
        this.executor = executor;
    }

    public ObservableList<Item> layers() {
        return layers;
    }

    /** Offline tile pyramids drawn under the layers, bottom first. */
    public ObservableList<TileSource> basemaps() {
        return basemaps;
    }

    /** Adds an MBTiles or GeoPackage tile pyramid as a basemap (for this session). */
    public void addBasemap(Path file) {
        try {
            TileSource t = TileFiles.open(file.toString());
            basemaps.add(t);
            message.set(Messages.get("map.ui.basemapAdded", t.name(), t.matrices().size()));
            changed();
        } catch (RuntimeException e) {
            message.set(ErrorText.describe(e));
        }
    }

    /** Closes the basemap files. */
    public void close() {
        basemaps.forEach(TileSource::close);
        basemaps.clear();
    }

    /** Attribute rows (field, value) of the feature last identified. */
    public ObservableList<List<String>> identified() {
        return identified;
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public StringProperty viewCrsProperty() {
        return viewCrs;
    }

    public StringProperty cursorProperty() {
        return cursor;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Object> revisionProperty() {
        return revision;
    }

    private void changed() {
        revision.set(new Object());
    }

    /** What {@link #load} reads in the background. */
    record Loaded(String viewCrs, List<Item> items) {
    }

    /** Reads the workspace's layers and sites (in the background) and shows them all. */
    public void load() {
        executor.run(Messages.get("map.ui.loading"), progress -> read(), loaded -> {
            viewCrs.set(loaded.viewCrs());
            layers.setAll(loaded.items());
            zoomToAll();
            message.set(Messages.get("map.ui.loaded", loaded.items().size()));
        }, e -> message.set(ErrorText.describe(e)));
    }

    /**
     * Layers of the sites coloured by what the workspace knows of them: the AQI category of each air station's latest
     * day with data (HJ 633, the version in force that day) and the GB 3838 class of each section's latest sample of the
     * newest water survey. Empty when the workspace has no such data.
     */
    List<MapLayer> statusLayers(List<cn.ecoaid.domain.Site> siteList) {
        List<MapLayer> out = new ArrayList<>();
        java.util.Map<String, String> aqi = new java.util.HashMap<>();
        java.util.Map<String, java.awt.Color> aqiColors = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> aqiLabels = new java.util.LinkedHashMap<>();
        cn.ecoaid.air.AqiStandard.Chooser chooser = cn.ecoaid.air.AqiStandard.chooser("auto");
        for (cn.ecoaid.air.HourlySeries h : workspace.air().allHourly()) {
            cn.ecoaid.air.DailySeries d = cn.ecoaid.air.Hj663.daily(h);
            for (int day = d.days() - 1; day >= 0; day--) {
                cn.ecoaid.air.AqiResult r = cn.ecoaid.air.Aqi.daily(chooser.on(d.date(day)), d.day(day));
                if (r.category() != null) {
                    aqi.put(h.station(), Integer.toString(r.category().level()));
                    break;
                }
            }
        }
        if (!aqi.isEmpty()) {
            for (cn.ecoaid.air.AqiCategory c : cn.ecoaid.air.AqiStandard.chooser("auto").on(java.time.LocalDate.now()).categories()) {
                aqiColors.put(Integer.toString(c.level()), new java.awt.Color(c.rgb()));
                aqiLabels.put(Integer.toString(c.level()), Messages.current().locale().getLanguage().equals("zh") ? c.nameZh() : c.nameEn());
            }
            out.add(SiteLayers.status(Messages.get("map.ui.statusAqi"), siteList, aqi, aqiColors, aqiLabels));
        }
        var newest = workspace.water().newestSurvey();
        if (newest.isPresent()) {
            java.util.Map<String, cn.ecoaid.water.WaterSample> latest = new java.util.HashMap<>();
            for (cn.ecoaid.water.WaterSample w : workspace.water().samples(newest.get().id())) {
                latest.merge(w.site(), w, (a, b) -> b.date().isAfter(a.date()) ? b : a);
            }
            cn.ecoaid.water.SectionEvaluator eval = new cn.ecoaid.water.SectionEvaluator(cn.ecoaid.water.Gb3838.shipped());
            java.util.Map<String, String> classes = new java.util.HashMap<>();
            latest.forEach((code, w) -> classes.put(code, eval.evaluate(w.numbers(cn.ecoaid.water.BelowDetectionRule.HALF_LIMIT),
                    w.type(), w.target()).waterClass().name()));
            java.util.Map<String, java.awt.Color> colors = new java.util.LinkedHashMap<>();
            java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
            // the customary class colours of Chinese water-quality maps
            int[] rgb = {0x00A0E9, 0x00A0E9, 0x00B050, 0xFFD700, 0xFF8C00, 0xE60012};
            for (cn.ecoaid.water.WaterClass c : cn.ecoaid.water.WaterClass.values()) {
                colors.put(c.name(), new java.awt.Color(rgb[c.ordinal()]));
                labels.put(c.name(), c.label());
            }
            out.add(SiteLayers.status(Messages.get("map.ui.statusWater"), siteList, classes, colors, labels));
        }
        return out;
    }

    private Loaded read() {
        SqliteLayerRepository repo = SqliteLayerRepository.of(workspace);
        List<MapLayer> raw = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (LayerRepository.Info info : repo.list()) {
            Layer l = repo.load(info.id());
            raw.add(new MapLayer(l, MapStyles.parse(info.style(), MapStyles.defaultFor(l, raw.size()), l)));
            ids.add(info.id());
        }
        List<cn.ecoaid.domain.Site> siteList = workspace.sites().list();
        Layer sites = SiteLayers.of(siteList);
        if (!sites.features().isEmpty()) {
            raw.add(new MapLayer(sites, SiteLayers.style()));
            ids.add(null);
        }
        for (MapLayer status : statusLayers(siteList)) {
            raw.add(status);
            ids.add(null);
        }
        String view = raw.isEmpty() ? CrsRegistry.CGCS2000 : MapRenderer.viewCrsFor(raw);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            MapLayer ml = raw.get(i);
            String name = ml.layer().name();
            items.add(new Item(name, ids.get(i), ml.layer().reproject(view), ml.style()));
        }
        return new Loaded(view, items);
    }

    /** Imports a layer file into the workspace and adds it below the sites layer. */
    public void importFile(Path file, boolean gcj02) {
        int index = layers.size();
        executor.run(Messages.get("map.ui.importing", file.getFileName()), progress -> {
            Layer l = LayerFiles.read(file.toString(), gcj02 ? CrsRegistry.GCJ02 : null);
            if (gcj02) {
                l = l.reproject(CrsRegistry.CGCS2000);
            }
            LayerStyle style = MapStyles.defaultFor(l, index);
            LayerRepository.Info info = SqliteLayerRepository.of(workspace).add(l, MapStyles.toJson(style),
                    new LayerRepository.Source(file.getFileName().toString(), LayerFiles.extension(file), ""));
            return new Object[] {info, l, style};
        }, r -> {
            LayerRepository.Info info = (LayerRepository.Info) r[0];
            Layer l = (Layer) r[1];
            boolean first = layers.isEmpty();
            if (first) {
                viewCrs.set(MapRenderer.viewCrsFor(List.of(new MapLayer(l, (LayerStyle) r[2]))));
            }
            Item item = new Item(info.name(), info.id(), l.reproject(viewCrs.get()), (LayerStyle) r[2]);
            int at = layers.isEmpty() || layers.get(layers.size() - 1).storedId != null ? layers.size() : layers.size() - 1;
            layers.add(at, item);
            message.set(Messages.get("map.ui.imported", info.name(), info.featureCount(), info.repairs()));
            if (first) {
                zoomToAll();
            } else {
                changed();
            }
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** The layers to draw, bottom first. */
    public List<MapLayer> mapLayers() {
        List<MapLayer> out = new ArrayList<>(layers.size());
        for (Item i : layers) {
            out.add(i.mapLayer());
        }
        return out;
    }

    public void resize(int width, int height) {
        if (width <= 0 || height <= 0) {
            return;
        }
        viewport.set(viewport.get().resize(width, height));
        if (!userMoved && !layers.isEmpty()) {
            // until the user pans or zooms, the map keeps showing everything (the layers may arrive before the size)
            zoomToAll();
            return;
        }
        changed();
    }

    public void zoomToAll() {
        Viewport v = viewport.get();
        Envelope e = MapRenderer.extentOf(mapLayers(), 0.05);
        viewport.set(Viewport.fit(e, v.width(), v.height()));
        userMoved = false;
        changed();
    }

    /** Zooms by {@code factor} (> 1 in) about pixel (px, py). */
    public void zoom(double factor, double px, double py) {
        viewport.set(viewport.get().zoom(factor, px, py));
        userMoved = true;
        changed();
    }

    public void pan(double dx, double dy) {
        userMoved = true;
        viewport.set(viewport.get().pan(dx, dy));
        changed();
    }

    /** Moves a layer one place up (drawn later) or down. */
    public void move(Item item, int delta) {
        int i = layers.indexOf(item);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= layers.size()) {
            return;
        }
        layers.remove(i);
        layers.add(j, item);
        changed();
    }

    public void setVisible(Item item, boolean visible) {
        item.visibleProperty().set(visible);
        changed();
    }

    /** Restyles a layer and keeps the style in the workspace (not for the sites layer, which is styled by type). */
    public void setStyle(Item item, LayerStyle style) {
        item.styleProperty().set(style);
        if (item.storedId != null) {
            SqliteLayerRepository.of(workspace).setStyle(item.storedId, MapStyles.toJson(style));
        }
        changed();
    }

    /** Graduated colours in five quantile classes of a numeric field (yellow to red), or none for a null field. */
    public void graduate(Item item, String field) {
        LayerStyle s = item.styleProperty().get();
        if (field == null) {
            setStyle(item, s.withGraduated(null));
            return;
        }
        double[] values = item.layer().features().stream().mapToDouble(f -> f.number(field)).toArray();
        double[] breaks = LayerStyle.Graduated.quantiles(values, 5);
        setStyle(item, s.withGraduated(new LayerStyle.Graduated(field, breaks,
                LayerStyle.Graduated.ramp(new java.awt.Color(0xffffb2), new java.awt.Color(0xbd0026), breaks.length + 1))));
    }

    /** The picture for the current viewport, with scale bar, north arrow and legend. */
    public BufferedImage render() {
        return render(mapLayers(), List.copyOf(basemaps), viewport.get(), viewCrs.get());
    }

    /** The picture of basemaps and layers (in {@code crs}) for a viewport; safe on any thread. */
    public static BufferedImage render(List<MapLayer> layers, List<TileSource> tiles, Viewport v, String crs) {
        return new MapRenderer().render(layers, new MapRenderer.Options(Math.max(16, v.width()), Math.max(16, v.height()), 96,
                v.extent(), crs, null, true, null), tiles).image();
    }

    /** Writes the current view as a PNG for a report. */
    public void exportPng(Path file, int width, int height, double dpi) {
        Viewport v = viewport.get();
        List<MapLayer> ls = mapLayers();
        List<TileSource> tiles = List.copyOf(basemaps);
        String crs = viewCrs.get();
        executor.run(Messages.get("map.ui.exporting", file.getFileName()), progress -> {
            MapRenderer.Rendered r = new MapRenderer().render(ls, new MapRenderer.Options(width, height, dpi, v.extent(), crs,
                    null, true, null), tiles);
            MapRenderer.writePng(r.image(), dpi, file);
            return file;
        }, f -> message.set(Messages.get("map.ui.exported", f)), e -> message.set(ErrorText.describe(e)));
    }

    /** Shows longitude/latitude (CGCS2000) and projected coordinates of the pixel under the cursor. */
    public void hover(double px, double py) {
        Viewport v = viewport.get();
        double x = v.worldX(px);
        double y = v.worldY(py);
        double[] ll = new Reprojection(viewCrs.get(), CrsRegistry.CGCS2000).transform(x, y);
        cursor.set(Messages.get("map.ui.cursor", String.format(Locale.ROOT, "%.6f", ll[0]), String.format(Locale.ROOT, "%.6f", ll[1]),
                String.format(Locale.ROOT, "%.1f", x), String.format(Locale.ROOT, "%.1f", y), viewCrs.get()));
    }

    /**
     * Finds the topmost visible feature at a pixel: polygons that cover the point, lines and points within 4 px.
     * Fills {@link #identified()} with its layer and attributes; returns false when nothing is there.
     */
    public boolean identify(double px, double py) {
        Viewport v = viewport.get();
        Point p = GF.createPoint(new Coordinate(v.worldX(px), v.worldY(py)));
        double tol = 4 / v.pixelsPerUnit();
        Envelope probe = new Envelope(p.getCoordinate());
        probe.expandBy(tol);
        for (int i = layers.size() - 1; i >= 0; i--) {
            Item item = layers.get(i);
            if (!item.visibleProperty().get()) {
                continue;
            }
            for (Feature f : item.layer().features()) {
                Geometry g = f.geometry();
                if (g == null || !g.getEnvelopeInternal().intersects(probe)) {
                    continue;
                }
                boolean hit = g instanceof Polygonal ? g.covers(p) : g.isWithinDistance(p, tol);
                if (hit) {
                    List<List<String>> rows = new ArrayList<>();
                    rows.add(List.of(Messages.get("map.ui.layer"), item.name()));
                    for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
                        rows.add(List.of(e.getKey(), f.text(e.getKey())));
                    }
                    identified.setAll(rows);
                    return true;
                }
            }
        }
        identified.clear();
        return false;
    }
}
