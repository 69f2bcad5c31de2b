package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Gcj02;
import cn.ecoaid.geo.GeoJson;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.Reprojection;
import cn.ecoaid.l10n.Messages;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapCommandTest {
    static final String EX = "sample-data/examples/map/";

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--lang";
        all[1] = "en";
        System.arraycopy(args, 0, all, 2, args.length);
        int s = Main.run(new PrintWriter(o), new PrintWriter(e), all);
        return new Run(s, o.toString(), e.toString());
    }

    @AfterEach
    void resetLanguage() {
        Messages.setCurrent(Messages.CHINESE);
    }

    /** Extent x 475–545 km, y 3405–3457.5 km in zone 117°E (70 km × 52.5 km on 800 × 600 px). */
    static final double MIN_X = 475000;
    static final double MAX_Y = 3457500;
    static final double PX_PER_M = 800.0 / 70000;

    static int[] pixel(double lon, double lat) {
        double[] xy = new Reprojection(CrsRegistry.CGCS2000, "EPSG:4548").transform(lon, lat);
        return new int[] {(int) Math.floor((xy[0] - MIN_X) * PX_PER_M), (int) Math.floor((MAX_Y - xy[1]) * PX_PER_M)};
    }

    @Test
    void rendersTheSampleCityWithGraduatedCounties() throws Exception {
        Path png = dir.resolve("map.png");
        Run r = run("map", "render", "--layers", EX + "counties.geojson," + EX + "river.geojson," + EX + "enterprises.geojson",
                "--style", EX + "style.json", "--view-crs", "EPSG:4548", "--extent", MIN_X + ",3405000,545000," + MAX_Y,
                "--width", "800", "--height", "600", "--dpi", "96", "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("3 layers"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        // style.json: 人口_万 breaks 35, 60 → 西城区 (64.5) #e34a33, 北县 (38.2) #fdbb84, 南县 (29.6) #fee8c8
        int[] west = pixel(116.88, 30.93);
        assertEquals(0xe34a33, img.getRGB(west[0], west[1]) & 0xFFFFFF);
        int[] north = pixel(117.2, 31.15);
        assertEquals(0xfdbb84, img.getRGB(north[0], north[1]) & 0xFFFFFF);
        int[] south = pixel(117.0, 30.84);
        assertEquals(0xfee8c8, img.getRGB(south[0], south[1]) & 0xFFFFFF);
        // outside the city, east of its border near 117.43 °E
        int[] outside = pixel(117.45, 31.0);
        assertEquals(0xffffff, img.getRGB(outside[0], outside[1]) & 0xFFFFFF);
    }

    @Test
    void convertsGbkShapefileToGeoJsonAndGeoPackageInAnotherSystem() throws Exception {
        Path out = dir.resolve("counties.geojson");
        Run r = run("map", "convert", "--in", EX + "counties_gbk/示例市县界.shp", "--out", out.toString(), "--to-crs", "EPSG:4549");
        assertEquals(0, r.status(), r.err());
        Layer l = GeoJson.read(out, "x", null);
        assertEquals("EPSG:4549", l.crs());
        assertEquals("北县", l.features().get(0).attributes().get("名称"));
        assertEquals(38.2, l.features().get(0).attributes().get("人口_万"));
        Path gpkg = dir.resolve("counties.gpkg");
        assertEquals(0, run("map", "convert", "--in", EX + "counties_gbk/示例市县界.shp", "--out", gpkg.toString()).status());
        Run info = run("map", "info", "--in", gpkg.toString());
        assertTrue(info.out().contains("EPSG:4490, 4 features"), info.out());
        // the four counties measured in zone 117°E: the same total as the GeoJSON version
        Run infoJson = run("map", "info", "--in", EX + "counties.geojson");
        String area = infoJson.out().lines().filter(s -> s.startsWith("Total area")).findFirst().orElseThrow();
        assertTrue(info.out().contains(area), info.out() + " vs " + area);
    }

    @Test
    void convertsGcj02DataToCgcs2000() throws Exception {
        double[] g = Gcj02.fromWgs84(116.404, 39.915);
        Path in = dir.resolve("gcj.geojson");
        Files.writeString(in, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"名称\":\"点\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + g[0] + "," + g[1] + "]}}]}");
        Path out = dir.resolve("cgcs.geojson");
        Run r = run("map", "convert", "--in", in.toString(), "--out", out.toString(), "--from-gcj02");
        assertEquals(0, r.status(), r.err());
        Layer l = GeoJson.read(out, "x", null);
        assertEquals(CrsRegistry.CGCS2000, l.crs());
        assertEquals(116.404, l.features().get(0).geometry().getCoordinate().x, 1e-9);
        assertEquals(39.915, l.features().get(0).geometry().getCoordinate().y, 1e-9);
    }

    @Test
    void importsLayersIntoTheWorkspaceAndRendersThemWithItsSites() throws Exception {
        Path ws = dir.resolve("city.ecoaid");
        assertEquals(0, run("workspace", "init", ws.toString(), "--city-code", "999900", "--city-name", "示例市", "--name", "驻点").status());
        assertEquals(0, run("site", "import", ws.toString(), EX + "sites.csv").status());
        Run imp = run("map", "import", "--workspace", ws.toString(), "--in", EX + "counties_gbk/示例市县界.shp", "--name", "县界");
        assertEquals(0, imp.status(), imp.err());
        assertTrue(imp.out().contains("Imported layer 县界: 4 features in EPSG:4490, 0 geometries repaired"), imp.out());
        Path style = dir.resolve("red.json");
        Files.writeString(style, "{\"fill\":\"#c00000\",\"stroke\":\"none\"}");
        assertEquals(0, run("map", "import", "--workspace", ws.toString(), "--in", EX + "river.geojson", "--style", style.toString()).status());
        Run dup = run("map", "import", "--workspace", ws.toString(), "--in", EX + "river.geojson");
        assertEquals(1, dup.status());
        assertTrue(dup.err().contains("already exists"), dup.err());
        Run list = run("map", "layers", "--workspace", ws.toString());
        assertTrue(list.out().contains("县界\t4 features\tEPSG:4490\t示例市县界.shp"), list.out());
        Path png = dir.resolve("ws.png");
        Run r = run("map", "render", "--workspace", ws.toString(), "--layers", "县界,river", "--view-crs", "EPSG:4548",
                "--extent", MIN_X + ",3405000,545000," + MAX_Y, "--width", "800", "--height", "600", "--dpi", "96",
                "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("3 layers"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        // site SS-A02 (air station, drawn #1f77b4) at 117.22 °E 30.96 °N
        int[] site = pixel(117.22, 30.96);
        assertEquals(0x1f77b4, img.getRGB(site[0], site[1]) & 0xFFFFFF);
        // without --layers all the workspace's layers are drawn
        Run all = run("map", "render", "--workspace", ws.toString(), "--out", dir.resolve("all.png").toString(), "--width", "400",
                "--height", "300", "--dpi", "72");
        assertTrue(all.out().contains("3 layers"), all.out());
        // --no-sites leaves the county fill there
        Path png2 = dir.resolve("ws2.png");
        assertEquals(0, run("map", "render", "--workspace", ws.toString(), "--layers", "县界", "--no-sites", "--view-crs", "EPSG:4548",
                "--extent", MIN_X + ",3405000,545000," + MAX_Y, "--width", "800", "--height", "600", "--dpi", "96",
                "--out", png2.toString()).status());
        assertFalse((ImageIO.read(png2.toFile()).getRGB(site[0], site[1]) & 0xFFFFFF) == 0x1f77b4);
    }

    @Test
    void importsAnEnterpriseListAndRejectsBadRowsWithReasons() throws Exception {
        Path ws = dir.resolve("e.ecoaid");
        assertEquals(0, run("workspace", "init", ws.toString(), "--city-code", "999900", "--city-name", "示例市", "--name", "驻点").status());
        Run ok = run("map", "import", "--workspace", ws.toString(), "--in", EX + "enterprises.csv");
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("Imported layer enterprises: 5 features in EPSG:4490"), ok.out());
        Path geojson = dir.resolve("e.geojson");
        assertEquals(0, run("map", "convert", "--in", EX + "enterprises.csv", "--out", geojson.toString()).status());
        Layer l = GeoJson.read(geojson, "e", null);
        assertEquals(2300L, l.features().get(3).attributes().get("排放量_t"));
        assertEquals(860.5, l.features().get(1).attributes().get("排放量_t"));
        assertEquals(116.91, l.features().get(3).geometry().getCoordinate().x);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "名称,经度,纬度\n甲,117.1,31.0\n乙,东经117,31.1\n丙,117.2,95\n");
        Run r = run("map", "import", "--workspace", ws.toString(), "--in", bad.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("Row 3, column \"经度\": not a valid coordinate: \"东经117\""), r.err());
        assertTrue(r.err().contains("Row 4, column \"纬度\""), r.err());
        assertFalse(run("map", "layers", "--workspace", ws.toString()).out().contains("bad"));
    }

    @Test
    void unknownLayerFailsWithAMessage() {
        Run r = run("map", "render", "--layers", "nowhere.geojson", "--out", dir.resolve("x.png").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("No layer file or workspace layer named nowhere.geojson"), r.err());
        assertFalse(r.err().contains("Exception"));
    }
}
