package cn.ecoaid.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.Reprojection;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.w3c.dom.Node;

class MapRendererTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final Color FILL = new Color(0x33, 0x99, 0x33);
    static final Color BG = Color.WHITE;

    @TempDir
    Path dir;

    static LinearRing ring(double x0, double y0, double x1, double y1) {
        return GF.createLinearRing(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
            new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    static int rgb(BufferedImage img, double x, double y) {
        return img.getRGB((int) Math.floor(x), (int) Math.floor(y)) & 0xFFFFFF;
    }

    /**
     * Extent 10 km × 7.5 km (x 500 000–510 000, y 3 430 000–3 437 500) on 800 × 600 px: 0.08 px per metre, so a world
     * point (x, y) is at pixel ((x − 500 000) × 0.08, (3 437 500 − y) × 0.08) — computed here by hand, not by the renderer.
     */
    static double px(double x) {
        return (x - 500000) * 0.08;
    }

    static double py(double y) {
        return (3437500 - y) * 0.08;
    }

    @Test
    void fillsPolygonsWhereTheyAreAndNotInTheirHoles() {
        // a 4 km square from (502 000, 3 431 000) with a 1 km hole at (503 500, 3 432 500)
        Geometry square = GF.createPolygon(ring(502000, 3431000, 506000, 3435000), new LinearRing[] {ring(503500, 3432500, 504500, 3433500)});
        Layer l = new Layer("面", "EPSG:4548", List.of(new Feature(square, Map.of())));
        LayerStyle style = new LayerStyle(FILL, null, 0, LayerStyle.Symbol.CIRCLE, 5, null, null, null, true);
        MapRenderer.Rendered r = new MapRenderer().render(List.of(new MapLayer(l, style)),
                MapRenderer.Options.of(800, 600, 96).withExtent(new org.locationtech.jts.geom.Envelope(500000, 510000, 3430000, 3437500), null)
                        .withDecorations(false));
        BufferedImage img = r.image();
        assertEquals("EPSG:4548", r.viewCrs());
        assertEquals(FILL.getRGB() & 0xFFFFFF, rgb(img, px(502500), py(3434500)));
        assertEquals(FILL.getRGB() & 0xFFFFFF, rgb(img, px(505500), py(3431500)));
        assertEquals(BG.getRGB() & 0xFFFFFF, rgb(img, px(504000), py(3433000)), "hole");
        assertEquals(BG.getRGB() & 0xFFFFFF, rgb(img, px(501000), py(3433000)), "west of the square");
        assertEquals(BG.getRGB() & 0xFFFFFF, rgb(img, px(507000), py(3433000)), "east of the square");
        assertEquals(BG.getRGB() & 0xFFFFFF, rgb(img, px(504000), py(3436000)), "north of the square");
        // edges: 2 px inside and outside the west edge at x = 502 000 → pixel 160
        assertEquals(FILL.getRGB() & 0xFFFFFF, rgb(img, 162, py(3433000)));
        assertEquals(BG.getRGB() & 0xFFFFFF, rgb(img, 157, py(3433000)));
    }

    @Test
    void graduatedColoursFollowTheClassBreaksAndLonLatDataLandInTheZone() {
        // Three 2 km squares drawn in EPSG:4548, stored as CGCS2000 lon/lat; population 100, 250, 900 with breaks 200, 500.
        Color[] colors = {new Color(0xffffb2), new Color(0xfd8d3c), new Color(0xbd0026)};
        Reprojection back = new Reprojection("EPSG:4548", CrsRegistry.CGCS2000);
        List<Feature> fs = List.of(
                new Feature(back.transform(GF.createPolygon(ring(501000, 3432000, 503000, 3434000))), Map.of("人口", 100L)),
                new Feature(back.transform(GF.createPolygon(ring(504000, 3432000, 506000, 3434000))), Map.of("人口", 250L)),
                new Feature(back.transform(GF.createPolygon(ring(507000, 3432000, 509000, 3434000))), Map.of("人口", 900.0)));
        Layer l = new Layer("县", CrsRegistry.CGCS2000, fs);
        LayerStyle style = new LayerStyle(Color.GRAY, null, 0, LayerStyle.Symbol.CIRCLE, 5, null,
                new LayerStyle.Graduated("人口", new double[] {200, 500}, colors), null, true);
        MapRenderer.Rendered r = new MapRenderer().render(List.of(new MapLayer(l, style)),
                MapRenderer.Options.of(800, 600, 96).withExtent(new org.locationtech.jts.geom.Envelope(500000, 510000, 3430000, 3437500), null)
                        .withDecorations(false));
        assertEquals("EPSG:4548", r.viewCrs(), "lon/lat data are drawn in the 3° zone of their centre (117°E)");
        BufferedImage img = r.image();
        assertEquals(colors[0].getRGB() & 0xFFFFFF, rgb(img, px(502000), py(3433000)));
        assertEquals(colors[1].getRGB() & 0xFFFFFF, rgb(img, px(505000), py(3433000)));
        assertEquals(colors[2].getRGB() & 0xFFFFFF, rgb(img, px(508000), py(3433000)));
        assertEquals(BG.getRGB() & 0xFFFFFF, rgb(img, px(503500), py(3433000)));
    }

    @Test
    void drawsPointsAndLinesAtTheirPlaces() {
        Color red = new Color(0xd62728);
        Color blue = new Color(0x1f77b4);
        Layer pts = new Layer("站", "EPSG:4548", List.of(new Feature(GF.createPoint(new Coordinate(502000, 3435000)), Map.of())));
        Layer river = new Layer("河", "EPSG:4548", List.of(new Feature(GF.createLineString(new Coordinate[] {
            new Coordinate(500000, 3432000), new Coordinate(510000, 3432000)}), Map.of())));
        MapRenderer.Rendered r = new MapRenderer().render(List.of(
                new MapLayer(river, new LayerStyle(null, blue, 3, LayerStyle.Symbol.CIRCLE, 5, null, null, null, true)),
                new MapLayer(pts, new LayerStyle(red, null, 0, LayerStyle.Symbol.SQUARE, 10, null, null, null, true))),
                MapRenderer.Options.of(800, 600, 72).withExtent(new org.locationtech.jts.geom.Envelope(500000, 510000, 3430000, 3437500), null)
                        .withDecorations(false));
        BufferedImage img = r.image();
        // a 10 pt square at 72 dpi is 10 px: its centre and 3 px off are red, 8 px off is background
        assertEquals(red.getRGB() & 0xFFFFFF, rgb(img, px(502000), py(3435000)));
        assertEquals(red.getRGB() & 0xFFFFFF, rgb(img, px(502000) + 3, py(3435000) - 3));
        assertEquals(BG.getRGB() & 0xFFFFFF, rgb(img, px(502000) + 8, py(3435000)));
        // the river is 3 px wide along y pixel 440
        assertEquals(blue.getRGB() & 0xFFFFFF, rgb(img, px(505000), py(3432000)));
        assertEquals(BG.getRGB() & 0xFFFFFF, rgb(img, px(505000), py(3432000) + 4));
    }

    @Test
    void decorationsAndLabelsDrawWithoutCoveringTheCentre() throws Exception {
        Geometry square = GF.createPolygon(ring(502000, 3431000, 506000, 3435000));
        Layer l = new Layer("县界", "EPSG:4548", List.of(new Feature(square, Map.of("名称", "东城区"))));
        LayerStyle style = new LayerStyle(FILL, Color.BLACK, 1, LayerStyle.Symbol.CIRCLE, 5, "名称", null, null, true);
        MapRenderer.Rendered r = new MapRenderer().render(List.of(new MapLayer(l, style)),
                MapRenderer.Options.of(800, 600, 96).withExtent(new org.locationtech.jts.geom.Envelope(500000, 510000, 3430000, 3437500), null)
                        .withTitle("示例市"));
        BufferedImage img = r.image();
        // the label sits on the centre of the square: some dark (text) pixels near (px(504000), py(3433000))
        int dark = 0;
        for (int x = (int) px(504000) - 30; x < px(504000) + 30; x++) {
            for (int y = (int) py(3433000) - 8; y < py(3433000) + 8; y++) {
                Color c = new Color(img.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 300) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 20, "label glyph pixels: " + dark);
        // away from label and decorations the fill is untouched
        assertEquals(FILL.getRGB() & 0xFFFFFF, rgb(img, px(502500), py(3434500)));
        // north arrow: black pixels in the top-right corner
        boolean black = false;
        for (int x = 740; x < 790 && !black; x++) {
            for (int y = 20; y < 70 && !black; y++) {
                black = (img.getRGB(x, y) & 0xFFFFFF) == 0;
            }
        }
        assertTrue(black);
        Path png = dir.resolve("m.png");
        MapRenderer.writePng(img, 96, png);
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            Node root = meta.getAsTree("javax_imageio_png_1.0");
            String ppm = null;
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) {
                    ppm = n.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue();
                }
            }
            assertEquals(Long.toString(Math.round(96 / 0.0254)), ppm);
            assertEquals(800, reader.getWidth(0));
        }
    }

    @Test
    void scaleBarLengthsAreNiceNumbers() {
        assertEquals(2000.0, MapRenderer.niceLength(2500));
        assertEquals(5000.0, MapRenderer.niceLength(9999));
        assertEquals(1000.0, MapRenderer.niceLength(1999));
        assertEquals(0.5, MapRenderer.niceLength(0.7), 1e-12);
    }

    @Test
    void classBreakHelpers() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {4, 7}, LayerStyle.Graduated.equalInterval(v, 3), 1e-12);
        // ranks ⌈10·1/4⌉ = 3, ⌈10·2/4⌉ = 5, ⌈10·3/4⌉ = 8
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3, 5, 8}, LayerStyle.Graduated.quantiles(v, 4), 1e-12);
        Color[] ramp = LayerStyle.Graduated.ramp(new Color(0, 0, 0), new Color(200, 100, 50), 3);
        assertEquals(new Color(100, 50, 25), ramp[1]);
        LayerStyle.Graduated g = new LayerStyle.Graduated("x", new double[] {4, 7}, ramp);
        assertEquals(0, g.classOf(4));
        assertEquals(1, g.classOf(4.0001));
        assertEquals(2, g.classOf(100));
        assertEquals(-1, g.classOf(Double.NaN));
    }
}
