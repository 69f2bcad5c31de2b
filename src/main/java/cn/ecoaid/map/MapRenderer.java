package cn.ecoaid.map;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.Reprojection;
import cn.ecoaid.geo.TileSource;
import cn.ecoaid.l10n.Messages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * Draws styled layers with Java2D (headless): polygons, lines and point symbols, labels in {@link Font#SANS_SERIF}
 * (a composite font with CJK glyphs), then a legend (bottom left), scale bar (bottom right), north arrow (top right)
 * and title. Layers are reprojected to the view system: the first layer's projected system, or for longitude/latitude
 * data the CGCS2000 3° Gauss-Krüger zone of the map centre, so that the scale bar is true in metres. Sizes are in
 * points and scale with the DPI.
 */
public final class MapRenderer {
    /** Image size in pixels, resolution, extent in the view system (null = all layers, 5 % margin), decorations. */
    public record Options(int width, int height, double dpi, Envelope extent, String viewCrs, String title,
                          boolean decorations, Color background) {
        public Options {
            if (width < 16 || height < 16 || width > 20000 || height > 20000 || !(dpi >= 36 && dpi <= 1200)) {
                throw new EcoAidException("map.render.error.size", width, height, dpi);
            }
            background = background == null ? Color.WHITE : background;
        }

        public static Options of(int width, int height, double dpi) {
            return new Options(width, height, dpi, null, null, null, true, Color.WHITE);
        }

        public Options withExtent(Envelope e, String crs) {
            return new Options(width, height, dpi, e, crs, title, decorations, background);
        }

        public Options withTitle(String t) {
            return new Options(width, height, dpi, extent, viewCrs, t, decorations, background);
        }

        public Options withDecorations(boolean d) {
            return new Options(width, height, dpi, extent, viewCrs, title, d, background);
        }
    }

    /** The image, the view system and the world-to-pixel mapping used. */
    public record Rendered(BufferedImage image, String viewCrs, Viewport viewport) {
    }

    /** The system a set of layers is drawn in (see the class comment). */
    public static String viewCrsFor(List<MapLayer> layers) {
        Envelope lonLat = new Envelope();
        for (MapLayer ml : layers) {
            Layer l = ml.layer();
            if (!CrsRegistry.isGeographic(l.crs()) && !CrsRegistry.WEB_MERCATOR.equals(l.crs())) {
                return l.crs();
            }
            Envelope e = l.envelope();
            if (e != null) {
                Reprojection r = new Reprojection(l.crs(), CrsRegistry.WGS84);
                double[] a = r.transform(e.getMinX(), e.getMinY());
                double[] b = r.transform(e.getMaxX(), e.getMaxY());
                lonLat.expandToInclude(a[0], a[1]);
                lonLat.expandToInclude(b[0], b[1]);
            }
        }
        if (lonLat.isNull()) {
            return CrsRegistry.CGCS2000;
        }
        return CrsRegistry.gk3For(lonLat.centre().x);
    }

    /** The layers reprojected into {@code viewCrs}. */
    public static List<MapLayer> project(List<MapLayer> layers, String viewCrs) {
        List<MapLayer> out = new ArrayList<>(layers.size());
        for (MapLayer ml : layers) {
            out.add(new MapLayer(ml.layer().reproject(viewCrs), ml.style()));
        }
        return out;
    }

    /** The bounding box of the visible layers with a margin of {@code margin} × the larger side. */
    public static Envelope extentOf(List<MapLayer> projected, double margin) {
        Envelope e = new Envelope();
        for (MapLayer ml : projected) {
            Envelope le = ml.style().visible() ? ml.layer().envelope() : null;
            if (le != null) {
                e.expandToInclude(le);
            }
        }
        if (e.isNull()) {
            return new Envelope(0, 1, 0, 1);
        }
        double m = Math.max(Math.max(e.getWidth(), e.getHeight()) * margin, 1.0);
        e.expandBy(m);
        return e;
    }

    public Rendered render(List<MapLayer> layers, Options o) {
        return render(layers, o, List.of());
    }

    /** Renders with offline basemaps (tile pyramids) drawn first, under the layers. */
    public Rendered render(List<MapLayer> layers, Options o, List<TileSource> basemaps) {
        String view = o.viewCrs() != null ? o.viewCrs() : viewCrsFor(layers);
        List<MapLayer> projected = project(layers, view);
        Envelope extent = o.extent() != null ? o.extent() : extentOf(projected, 0.05);
        Viewport vp = Viewport.fit(extent, o.width(), o.height());
        BufferedImage img = new BufferedImage(o.width(), o.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(o.background());
            g.fillRect(0, 0, o.width(), o.height());
            double pt = o.dpi() / 72.0;
            for (TileSource t : basemaps) {
                drawTiles(g, t, vp, view);
            }
            drawLayers(g, projected, vp, pt);
            if (o.decorations()) {
                boolean metres = !CrsRegistry.isGeographic(view);
                if (metres) {
                    scaleBar(g, vp, pt);
                }
                northArrow(g, vp, pt);
                legend(g, projected, vp, pt);
                if (o.title() != null && !o.title().isBlank()) {
                    title(g, o.title(), vp, pt);
                }
            }
        } finally {
            g.dispose();
        }
        return new Rendered(img, view, vp);
    }

    /** Draws layers that are already in the viewport's system; {@code pt} is pixels per point (DPI / 72). */
    public static void drawLayers(Graphics2D g, List<MapLayer> projected, Viewport vp, double pt) {
        Envelope visible = vp.extent();
        for (MapLayer ml : projected) {
            if (!ml.style().visible()) {
                continue;
            }
            LayerStyle s = ml.style();
            BasicStroke stroke = new BasicStroke((float) Math.max(0.5, s.strokeWidth() * pt), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND);
            for (Feature f : ml.layer().features()) {
                Geometry geom = f.geometry();
                if (geom == null || geom.isEmpty() || !geom.getEnvelopeInternal().intersects(visible)) {
                    continue;
                }
                Color classColor = classColor(s, f);
                drawGeometry(g, geom, s, classColor, stroke, vp, pt);
            }
            if (s.labelField() != null) {
                labels(g, ml, vp, pt, visible);
            }
        }
    }

    static Color classColor(LayerStyle s, Feature f) {
        if (s.graduated() != null) {
            int c = s.graduated().classOf(f.number(s.graduated().field()));
            return c < 0 ? null : s.graduated().colors()[c];
        }
        if (s.categories() != null) {
            return s.categories().colors().get(f.text(s.categories().field()));
        }
        return null;
    }

    private static void drawGeometry(Graphics2D g, Geometry geom, LayerStyle s, Color classColor, BasicStroke stroke,
                                     Viewport vp, double pt) {
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Geometry part = geom.getGeometryN(i);
            if (part != geom && part.getNumGeometries() > 1) {
                drawGeometry(g, part, s, classColor, stroke, vp, pt);
                continue;
            }
            if (part instanceof Polygon p) {
                Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD, p.getNumPoints() + 4);
                ring(path, p.getExteriorRing().getCoordinateSequence(), vp);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h).getCoordinateSequence(), vp);
                }
                Color fill = classColor != null ? classColor : s.fill();
                if (fill != null) {
                    g.setColor(fill);
                    g.fill(path);
                }
                if (s.stroke() != null) {
                    g.setColor(s.stroke());
                    g.setStroke(stroke);
                    g.draw(path);
                }
            } else if (part instanceof LineString l) {
                Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, l.getNumPoints());
                trace(path, l.getCoordinateSequence(), vp, false);
                Color c = classColor != null ? classColor : s.stroke() != null ? s.stroke() : s.fill();
                if (c != null) {
                    g.setColor(c);
                    g.setStroke(stroke);
                    g.draw(path);
                }
            } else if (part instanceof Point p) {
                Shape sym = symbol(s.symbol(), vp.px(p.getX()), vp.py(p.getY()), s.pointSize() * pt);
                Color fill = classColor != null ? classColor : s.fill();
                if (fill != null) {
                    g.setColor(fill);
                    g.fill(sym);
                }
                if (s.stroke() != null) {
                    g.setColor(s.stroke());
                    g.setStroke(new BasicStroke((float) Math.max(0.5, s.strokeWidth() * pt)));
                    g.draw(sym);
                }
            }
        }
    }

    private static void ring(Path2D.Double path, CoordinateSequence cs, Viewport vp) {
        trace(path, cs, vp, true);
    }

    /**
     * Adds a line to the path in pixels, skipping vertices less than a quarter pixel (in x and y) from the last one
     * kept: they cannot change the picture, and dense boundaries draw several times faster without them.
     */
    private static void trace(Path2D.Double path, CoordinateSequence cs, Viewport vp, boolean close) {
        int n = cs.size();
        if (n == 0) {
            return;
        }
        double lx = vp.px(cs.getX(0));
        double ly = vp.py(cs.getY(0));
        path.moveTo(lx, ly);
        for (int k = 1; k < n; k++) {
            double x = vp.px(cs.getX(k));
            double y = vp.py(cs.getY(k));
            if (k == n - 1 || Math.abs(x - lx) >= 0.25 || Math.abs(y - ly) >= 0.25) {
                path.lineTo(x, y);
                lx = x;
                ly = y;
            }
        }
        if (close) {
            path.closePath();
        }
    }

    /** A symbol of diameter {@code size} pixels centred on (x, y). */
    static Shape symbol(LayerStyle.Symbol symbol, double x, double y, double size) {
        double r = size / 2;
        switch (symbol) {
            case SQUARE:
                return new Rectangle2D.Double(x - r, y - r, size, size);
            case TRIANGLE: {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x, y - r);
                p.lineTo(x + r, y + r);
                p.lineTo(x - r, y + r);
                p.closePath();
                return p;
            }
            case DIAMOND: {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x, y - r);
                p.lineTo(x + r, y);
                p.lineTo(x, y + r);
                p.lineTo(x - r, y);
                p.closePath();
                return p;
            }
            default:
                return new Ellipse2D.Double(x - r, y - r, size, size);
        }
    }

    private static void labels(Graphics2D g, MapLayer ml, Viewport vp, double pt, Envelope visible) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(9 * pt));
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (Feature f : ml.layer().features()) {
            Geometry geom = f.geometry();
            String text = f.text(ml.style().labelField());
            if (geom == null || geom.isEmpty() || text.isEmpty() || !geom.getEnvelopeInternal().intersects(visible)) {
                continue;
            }
            Coordinate anchor;
            double dx = 0;
            if (geom instanceof Polygonal) {
                Geometry largest = largestPart(geom);
                double tol = Math.max(largest.getEnvelopeInternal().getWidth(), largest.getEnvelopeInternal().getHeight()) / 200;
                anchor = MaximumInscribedCircle.getCenter(largest, tol).getCoordinate();
            } else if (geom instanceof Puntal) {
                anchor = geom.getCoordinate();
                dx = ml.style().pointSize() * pt / 2 + 2 * pt;
            } else {
                Geometry largest = largestPart(geom);
                Coordinate[] cs = largest.getCoordinates();
                anchor = cs[cs.length / 2];
            }
            float x = (float) (vp.px(anchor.x) + (dx == 0 ? -fm.stringWidth(text) / 2.0 : dx));
            float y = (float) (vp.py(anchor.y) + fm.getAscent() / 2.0 - fm.getDescent() / 2.0);
            halo(g, text, x, y, pt);
        }
    }

    private static Geometry largestPart(Geometry geom) {
        Geometry best = geom.getGeometryN(0);
        for (int i = 1; i < geom.getNumGeometries(); i++) {
            Geometry p = geom.getGeometryN(i);
            if (p.getArea() + p.getLength() > best.getArea() + best.getLength()) {
                best = p;
            }
        }
        return best;
    }

    private static void halo(Graphics2D g, String text, float x, float y, double pt) {
        java.awt.font.TextLayout tl = new java.awt.font.TextLayout(text, g.getFont(), g.getFontRenderContext());
        Shape outline = tl.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(x, y));
        g.setColor(new Color(255, 255, 255, 220));
        g.setStroke(new BasicStroke((float) (2 * pt), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(new Color(0x202020));
        g.fill(outline);
    }

    /** A "nice" length (1, 2 or 5 × 10ⁿ) not above {@code max}. */
    static double niceLength(double max) {
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= max) {
                return m * p;
            }
        }
        return p;
    }

    private static void scaleBar(Graphics2D g, Viewport vp, double pt) {
        double metres = niceLength(vp.width() / 5.0 / vp.pixelsPerUnit());
        double len = metres * vp.pixelsPerUnit();
        double margin = 10 * pt;
        double h = 4 * pt;
        double x0 = vp.width() - margin - len;
        double y0 = vp.height() - margin - h;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(7 * pt));
        g.setFont(font);
        String label = metres >= 1000 ? num(metres / 1000) + " km" : num(metres) + " m";
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(new Rectangle2D.Double(x0 - 4 * pt, y0 - fm.getHeight() - 4 * pt, len + 8 * pt, h + fm.getHeight() + 6 * pt));
        for (int i = 0; i < 4; i++) {
            g.setColor(i % 2 == 0 ? Color.BLACK : Color.WHITE);
            g.fill(new Rectangle2D.Double(x0 + i * len / 4, y0, len / 4, h));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke((float) (0.5 * pt)));
        g.draw(new Rectangle2D.Double(x0, y0, len, h));
        g.drawString("0", (float) x0, (float) (y0 - 2 * pt));
        g.drawString(label, (float) (x0 + len - fm.stringWidth(label)), (float) (y0 - 2 * pt));
    }

    private static String num(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static void northArrow(Graphics2D g, Viewport vp, double pt) {
        double size = 18 * pt;
        double cx = vp.width() - 10 * pt - size / 2;
        double top = 10 * pt + 10 * pt;
        Path2D.Double left = new Path2D.Double();
        left.moveTo(cx, top);
        left.lineTo(cx - size / 3, top + size);
        left.lineTo(cx, top + size * 0.75);
        left.closePath();
        Path2D.Double right = new Path2D.Double();
        right.moveTo(cx, top);
        right.lineTo(cx + size / 3, top + size);
        right.lineTo(cx, top + size * 0.75);
        right.closePath();
        g.setColor(Color.BLACK);
        g.fill(left);
        g.setColor(Color.WHITE);
        g.fill(right);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke((float) (0.7 * pt)));
        g.draw(right);
        g.draw(left);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(9 * pt)));
        FontMetrics fm = g.getFontMetrics();
        g.drawString("N", (float) (cx - fm.stringWidth("N") / 2.0), (float) (top - 2 * pt));
    }

    private static void title(Graphics2D g, String title, Viewport vp, double pt) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(14 * pt)));
        FontMetrics fm = g.getFontMetrics();
        halo(g, title, (float) ((vp.width() - fm.stringWidth(title)) / 2.0), (float) (8 * pt + fm.getAscent()), pt);
    }

    /** One line of the legend: a swatch drawn like the layer and its text. */
    private record Entry(LayerStyle style, Color color, String text, boolean polygon, boolean line) {
    }

    private static void legend(Graphics2D g, List<MapLayer> projected, Viewport vp, double pt) {
        List<Entry> entries = new ArrayList<>();
        for (MapLayer ml : projected) {
            LayerStyle s = ml.style();
            if (!s.visible()) {
                continue;
            }
            boolean polygon = false;
            boolean line = false;
            for (Feature f : ml.layer().features()) {
                if (f.geometry() != null) {
                    polygon = f.geometry() instanceof Polygonal;
                    line = !polygon && !(f.geometry() instanceof Puntal);
                    break;
                }
            }
            if (s.graduated() != null) {
                entries.add(new Entry(null, null, ml.layer().name() + " (" + s.graduated().field() + ")", false, false));
                double[] b = s.graduated().breaks();
                for (int i = 0; i <= b.length; i++) {
                    String text = b.length == 0 ? "" : i == 0 ? "≤ " + num(b[0]) : i == b.length ? "> " + num(b[b.length - 1])
                            : num(b[i - 1]) + " – " + num(b[i]);
                    entries.add(new Entry(s, s.graduated().colors()[i], "  " + text, polygon, line));
                }
            } else if (s.categories() != null) {
                entries.add(new Entry(null, null, ml.layer().name(), false, false));
                for (Map.Entry<String, Color> c : s.categories().colors().entrySet()) {
                    String text = s.categories().labels().getOrDefault(c.getKey(), c.getKey());
                    entries.add(new Entry(s, c.getValue(), "  " + text, polygon, line));
                }
            } else {
                entries.add(new Entry(s, null, ml.layer().name(), polygon, line));
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(7.5 * pt)));
        FontMetrics fm = g.getFontMetrics();
        double row = Math.max(fm.getHeight(), 10 * pt) + 2 * pt;
        double sw = 14 * pt;
        double textWidth = 0;
        for (Entry e : entries) {
            textWidth = Math.max(textWidth, fm.stringWidth(e.text()));
        }
        String heading = Messages.get("map.legend");
        g.setFont(g.getFont().deriveFont(Font.BOLD));
        textWidth = Math.max(textWidth, g.getFontMetrics().stringWidth(heading) - sw - 4 * pt);
        double pad = 5 * pt;
        double w = pad * 3 + sw + textWidth;
        double h = pad * 2 + row * (entries.size() + 1);
        double x0 = 10 * pt;
        double y0 = vp.height() - 10 * pt - h;
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new Rectangle2D.Double(x0, y0, w, h));
        g.setColor(new Color(0x606060));
        g.setStroke(new BasicStroke((float) (0.5 * pt)));
        g.draw(new Rectangle2D.Double(x0, y0, w, h));
        g.setColor(Color.BLACK);
        g.drawString(heading, (float) (x0 + pad), (float) (y0 + pad + fm.getAscent()));
        g.setFont(g.getFont().deriveFont(Font.PLAIN));
        double y = y0 + pad + row;
        for (Entry e : entries) {
            double cy = y + row / 2;
            if (e.style() != null) {
                LayerStyle s = e.style();
                Color fill = e.color() != null ? e.color() : s.fill();
                if (e.polygon()) {
                    Rectangle2D.Double r = new Rectangle2D.Double(x0 + pad, cy - 4 * pt, sw, 8 * pt);
                    if (fill != null) {
                        g.setColor(fill);
                        g.fill(r);
                    }
                    if (s.stroke() != null) {
                        g.setColor(s.stroke());
                        g.setStroke(new BasicStroke((float) Math.max(0.5, s.strokeWidth() * pt)));
                        g.draw(r);
                    }
                } else if (e.line()) {
                    Color c = e.color() != null ? e.color() : s.stroke() != null ? s.stroke() : s.fill();
                    g.setColor(c == null ? Color.BLACK : c);
                    g.setStroke(new BasicStroke((float) Math.max(0.5, s.strokeWidth() * pt)));
                    g.draw(new java.awt.geom.Line2D.Double(x0 + pad, cy, x0 + pad + sw, cy));
                } else {
                    Shape sym = symbol(s.symbol(), x0 + pad + sw / 2, cy, Math.min(s.pointSize() * pt, row - 2 * pt));
                    if (fill != null) {
                        g.setColor(fill);
                        g.fill(sym);
                    }
                    if (s.stroke() != null) {
                        g.setColor(s.stroke());
                        g.setStroke(new BasicStroke((float) Math.max(0.5, s.strokeWidth() * pt)));
                        g.draw(sym);
                    }
                }
                g.setColor(Color.BLACK);
                g.drawString(e.text(), (float) (x0 + pad * 2 + sw), (float) (cy + fm.getAscent() / 2.0 - fm.getDescent() / 2.0));
            } else {
                g.setColor(Color.BLACK);
                g.drawString(e.text(), (float) (x0 + pad), (float) (cy + fm.getAscent() / 2.0 - fm.getDescent() / 2.0));
            }
            y += row;
        }
    }

    /** The most tiles one picture draws. */
    static final int MAX_TILES = 2048;

    /**
     * Draws the tiles of the matrix whose pixels come closest to the view's pixels; each tile is placed by the view
     * positions of three of its corners (an affine fit, which follows the rotation between, say, Web Mercator and a
     * Gauss-Krüger zone within a tile).
     */
    public static void drawTiles(Graphics2D g, TileSource tiles, Viewport vp, String viewCrs) {
        if (tiles.matrices().isEmpty()) {
            return;
        }
        Reprojection toTiles = new Reprojection(viewCrs, tiles.crs());
        Reprojection toView = new Reprojection(tiles.crs(), viewCrs);
        // size of the view's centre pixel in tile units
        double[] a = toTiles.transform(vp.centreX(), vp.centreY());
        double[] b = toTiles.transform(vp.centreX() + 1 / vp.pixelsPerUnit(), vp.centreY());
        double viewPixel = Math.hypot(b[0] - a[0], b[1] - a[1]);
        TileSource.Matrix best = null;
        for (TileSource.Matrix m : tiles.matrices()) {
            if (best == null || Math.abs(Math.log(m.pixelX() / viewPixel)) < Math.abs(Math.log(best.pixelX() / viewPixel))) {
                best = m;
            }
        }
        Envelope ext = vp.extent();
        Envelope inTiles = new Envelope();
        for (int i = 0; i <= 4; i++) {
            for (int j = 0; j <= 4; j++) {
                double[] p = toTiles.transform(ext.getMinX() + ext.getWidth() * i / 4, ext.getMinY() + ext.getHeight() * j / 4);
                inTiles.expandToInclude(p[0], p[1]);
            }
        }
        double tw = best.tileWidth() * best.pixelX();
        double th = best.tileHeight() * best.pixelY();
        int c0 = Math.max(0, (int) Math.floor((inTiles.getMinX() - tiles.minX()) / tw));
        int c1 = Math.min(best.width() - 1, (int) Math.floor((inTiles.getMaxX() - tiles.minX()) / tw));
        int r0 = Math.max(0, (int) Math.floor((tiles.maxY() - inTiles.getMaxY()) / th));
        int r1 = Math.min(best.height() - 1, (int) Math.floor((tiles.maxY() - inTiles.getMinY()) / th));
        if (c1 < c0 || r1 < r0 || (long) (c1 - c0 + 1) * (r1 - r0 + 1) > MAX_TILES) {
            return;
        }
        Object hint = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                byte[] data = tiles.tile(best.zoom(), c, r);
                if (data == null) {
                    continue;
                }
                BufferedImage img;
                try {
                    img = ImageIO.read(new java.io.ByteArrayInputStream(data));
                } catch (IOException e) {
                    img = null;
                }
                if (img == null) {
                    continue;
                }
                double x0 = tiles.minX() + c * tw;
                double y0 = tiles.maxY() - r * th;
                double[] p00 = toView.transform(x0, y0);
                double[] p10 = toView.transform(x0 + tw, y0);
                double[] p01 = toView.transform(x0, y0 - th);
                double ax = vp.px(p00[0]);
                double ay = vp.py(p00[1]);
                double w = img.getWidth();
                double h = img.getHeight();
                java.awt.geom.AffineTransform at = new java.awt.geom.AffineTransform(
                        (vp.px(p10[0]) - ax) / w, (vp.py(p10[1]) - ay) / w,
                        (vp.px(p01[0]) - ax) / h, (vp.py(p01[1]) - ay) / h, ax, ay);
                // half a tile pixel of overlap on each side hides the seams between neighbouring tiles
                at.translate(w / 2, h / 2);
                at.scale((w + 1) / w, (h + 1) / h);
                at.translate(-w / 2, -h / 2);
                g.drawImage(img, at, null);
            }
        }
        if (hint != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
        }
        if (aa != null) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        }
    }

    /** Writes a PNG that records its resolution (pHYs chunk), so word processors place it at the intended size. */
    public static void writePng(BufferedImage image, double dpi, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePng(image, dpi, out);
        } catch (IOException e) {
            throw new EcoAidException(e, "map.error.write", file, e.getMessage());
        }
    }

    public static void writePng(BufferedImage image, double dpi, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            String ppm = Long.toString(Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }
}
