package cn.ecoaid.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Reprojection;
import cn.ecoaid.geo.TileSource;
import cn.ecoaid.store.TileFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/** Offline basemap tiles land where the XYZ tile scheme puts them, also in a Gauss-Krüger view. */
public class BasemapTest {
    @TempDir
    Path dir;

    static byte[] png(Color c) throws Exception {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A red tile at zoom 10 x 844 y 419 (XYZ) and a blue one east of it, around 117°E 31°N. */
    public static void writeMbtiles(Path mb) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mb); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (10, ?, 604, ?)")) {
                ps.setInt(1, 844);
                ps.setBytes(2, png(Color.RED));
                ps.executeUpdate();
                ps.setInt(1, 845);
                ps.setBytes(2, png(Color.BLUE));
                ps.executeUpdate();
            }
        }
    }

    /** Tile edges by the slippy-map formulas: lon = x / 2^z × 360 − 180, lat = atan(sinh(π (1 − 2 y / 2^z))). */
    static double lon(int x, int z) {
        return x / Math.pow(2, z) * 360 - 180;
    }

    static double lat(int y, int z) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / Math.pow(2, z)))));
    }

    @Test
    void mbtilesTilesAreDrawnUnderLayersAtTheirPlace() throws Exception {
        // zoom 10: 117°E 31°N is in tile x 844, y 419 (XYZ); MBTiles stores TMS row 1023 − 419 = 604
        Path mb = dir.resolve("base.mbtiles");
        writeMbtiles(mb);
        Envelope extent = new Envelope(460000, 540000, 3405000, 3465000);
        MapRenderer.Rendered r;
        try (TileSource t = TileFiles.open(mb.toString())) {
            assertEquals(CrsRegistry.WEB_MERCATOR, t.crs());
            r = new MapRenderer().render(List.of(), MapRenderer.Options.of(800, 600, 96).withExtent(extent, "EPSG:4548")
                    .withDecorations(false), List.of(t));
        }
        Reprojection toView = new Reprojection(CrsRegistry.WGS84, "EPSG:4548");
        double latMid = (lat(419, 10) + lat(420, 10)) / 2;
        int[] red = pixel(toView.transform((lon(844, 10) + lon(845, 10)) / 2, latMid));
        int[] blue = pixel(toView.transform((lon(845, 10) + lon(846, 10)) / 2, latMid));
        int[] none = pixel(toView.transform((lon(844, 10) + lon(845, 10)) / 2, lat(419, 10) + 0.02));
        assertEquals(0xff0000, r.image().getRGB(red[0], red[1]) & 0xFFFFFF);
        assertEquals(0x0000ff, r.image().getRGB(blue[0], blue[1]) & 0xFFFFFF);
        assertEquals(0xffffff, r.image().getRGB(none[0], none[1]) & 0xFFFFFF);
        // 3 px either side of the boundary between the two tiles (at 117.0703125°E)
        int[] edge = pixel(toView.transform(lon(845, 10), latMid));
        assertEquals(0xff0000, r.image().getRGB(edge[0] - 3, edge[1]) & 0xFFFFFF);
        assertEquals(0x0000ff, r.image().getRGB(edge[0] + 3, edge[1]) & 0xFFFFFF);
    }

    @Test
    void geoPackageTilesInAGaussKrugerZone() throws Exception {
        // one zoom level of 2 × 1 tiles of 256 px at 100 m per pixel, top left (460 000, 3 465 000) in EPSG:4548
        Path gp = dir.resolve("base.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gp); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,"
                    + " organization_coordsys_id INTEGER, definition TEXT, description TEXT)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('CGCS2000 / 3-degree Gauss-Kruger CM 117E', 4548, 'EPSG', 4548, 'x', NULL)");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT)");
            s.execute("INSERT INTO gpkg_contents VALUES ('base', 'tiles', 'base')");
            s.execute("CREATE TABLE gpkg_tile_matrix_set (table_name TEXT PRIMARY KEY, srs_id INTEGER, min_x DOUBLE, min_y DOUBLE,"
                    + " max_x DOUBLE, max_y DOUBLE)");
            s.execute("INSERT INTO gpkg_tile_matrix_set VALUES ('base', 4548, 460000, 3439400, 511200, 3465000)");
            s.execute("CREATE TABLE gpkg_tile_matrix (table_name TEXT, zoom_level INTEGER, matrix_width INTEGER, matrix_height INTEGER,"
                    + " tile_width INTEGER, tile_height INTEGER, pixel_x_size DOUBLE, pixel_y_size DOUBLE)");
            s.execute("INSERT INTO gpkg_tile_matrix VALUES ('base', 0, 2, 1, 256, 256, 100, 100)");
            s.execute("CREATE TABLE base (id INTEGER PRIMARY KEY, zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO base (zoom_level, tile_column, tile_row, tile_data) VALUES (0, ?, 0, ?)")) {
                ps.setInt(1, 0);
                ps.setBytes(2, png(Color.RED));
                ps.executeUpdate();
                ps.setInt(1, 1);
                ps.setBytes(2, png(Color.BLUE));
                ps.executeUpdate();
            }
        }
        MapRenderer.Rendered r;
        try (TileSource t = TileFiles.open(gp.toString())) {
            assertEquals("EPSG:4548", t.crs());
            r = new MapRenderer().render(List.of(), MapRenderer.Options.of(800, 600, 96)
                    .withExtent(new Envelope(460000, 540000, 3405000, 3465000), "EPSG:4548").withDecorations(false), List.of(t));
        }
        assertEquals(0xff0000, r.image().getRGB(100, 150) & 0xFFFFFF); // (470 000, 3 450 000)
        assertEquals(0x0000ff, r.image().getRGB(350, 150) & 0xFFFFFF); // (495 000, 3 450 000)
        assertEquals(0xffffff, r.image().getRGB(100, 350) & 0xFFFFFF); // (470 000, 3 430 000): below the tiles
        assertEquals(0xffffff, r.image().getRGB(600, 150) & 0xFFFFFF); // (520 000, 3 450 000): east of them
    }

    /** 80 km × 60 km on 800 × 600 px: 0.01 px per metre from (460 000, 3 465 000) at the top left. */
    static int[] pixel(double[] xy) {
        return new int[] {(int) Math.floor((xy[0] - 460000) * 0.01), (int) Math.floor((3465000 - xy[1]) * 0.01)};
    }
}
