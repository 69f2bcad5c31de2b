package cn.ecoaid.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.TileSource;
import cn.ecoaid.store.TileFiles;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class TilePyramidTest {
    @TempDir
    Path dir;

    /** Fractional tile coordinates by the slippy-map formulas. */
    static double fx(double lon, int z) {
        return (lon + 180) / 360 * (1 << z);
    }

    static double fy(double lat, int z) {
        double r = Math.toRadians(lat);
        return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z);
    }

    @Test
    void tileNumbersFollowTheXyzScheme() {
        assertEquals(844, TilePyramid.column(117.0, 10));
        assertEquals(419, TilePyramid.row(31.0, 10));
        assertEquals(0, TilePyramid.column(-180, 3));
        assertEquals(7, TilePyramid.row(-85, 3));
    }

    @Test
    void buildsAnMbtilesBasemapWithTheLayersDrawnWhereTheyAre() throws Exception {
        GeometryFactory gf = new GeometryFactory();
        Layer square = new Layer("sq", CrsRegistry.CGCS2000, List.of(new Feature(gf.createPolygon(new Coordinate[] {
            new Coordinate(116.9, 30.9), new Coordinate(117.0, 30.9), new Coordinate(117.0, 31.0), new Coordinate(116.9, 31.0),
            new Coordinate(116.9, 30.9)}), Map.of())));
        LayerStyle red = new LayerStyle(Color.RED, null, 0, LayerStyle.Symbol.CIRCLE, 5, null, null, null, true);
        Path mb = dir.resolve("b.mbtiles");
        long n = TilePyramid.build(List.of(new MapLayer(square, red)), 9, 10, mb, "b", ProgressListener.NONE);
        assertEquals(2, n, "one tile at zoom 9 and one at zoom 10 cover the square");
        try (TileSource t = TileFiles.open(mb.toString())) {
            assertEquals(2, t.matrices().size());
            byte[] png = t.tile(10, 844, 419);
            assertNotNull(png);
            assertNull(t.tile(10, 845, 419));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            int px = (int) Math.floor((fx(116.95, 10) - 844) * 256);
            int py = (int) Math.floor((fy(30.95, 10) - 419) * 256);
            assertEquals(0xff0000, img.getRGB(px, py) & 0xFFFFFF);
            int wx = (int) Math.floor((fx(116.8, 10) - 844) * 256);
            assertEquals(0xffffff, img.getRGB(wx, py) & 0xFFFFFF);
        }
    }
}
