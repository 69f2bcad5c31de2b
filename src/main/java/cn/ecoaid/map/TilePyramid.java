package cn.ecoaid.map;

import cn.ecoaid.domain.CancelledException;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Reprojection;
import cn.ecoaid.store.MbTilesWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;

/**
 * Builds an offline basemap (MBTiles, Web Mercator XYZ tiles of 256 px) from styled layers, for zoom levels
 * {@code minZoom…maxZoom} over the layers' extent. Tile x = ⌊(λ + 180) / 360 · 2^z⌋, y = ⌊(1 − ln(tan φ + sec φ) / π) / 2 · 2^z⌋.
 */
public final class TilePyramid {
    private static final double HALF = 20037508.342789244;
    /** The most tiles one pyramid may have. */
    public static final long MAX_TILES = 100_000;

    private TilePyramid() {
    }

    /** Tile column of a longitude at zoom z. */
    public static int column(double lon, int z) {
        int n = 1 << z;
        return Math.max(0, Math.min(n - 1, (int) Math.floor((lon + 180) / 360 * n)));
    }

    /** Tile row (XYZ, from the top) of a latitude at zoom z. */
    public static int row(double lat, int z) {
        int n = 1 << z;
        double r = Math.toRadians(lat);
        return Math.max(0, Math.min(n - 1, (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n)));
    }

    /** Writes the pyramid; returns the number of tiles written. */
    public static long build(List<MapLayer> layers, int minZoom, int maxZoom, Path out, String name, ProgressListener progress) {
        if (minZoom < 0 || maxZoom > 22 || minZoom > maxZoom) {
            throw new EcoAidException("map.tiles.error.zoom", minZoom, maxZoom);
        }
        List<MapLayer> merc = MapRenderer.project(layers, CrsRegistry.WEB_MERCATOR);
        Envelope e = MapRenderer.extentOf(merc, 0.0);
        Reprojection toLonLat = new Reprojection(CrsRegistry.WEB_MERCATOR, CrsRegistry.WGS84);
        double[] sw = toLonLat.transform(e.getMinX(), e.getMinY());
        double[] ne = toLonLat.transform(e.getMaxX(), e.getMaxY());
        long total = 0;
        for (int z = minZoom; z <= maxZoom; z++) {
            total += (long) (column(ne[0], z) - column(sw[0], z) + 1) * (row(sw[1], z) - row(ne[1], z) + 1);
        }
        if (total > MAX_TILES) {
            throw new EcoAidException("map.tiles.error.tooMany", total, MAX_TILES);
        }
        MapRenderer renderer = new MapRenderer();
        long done = 0;
        MbTilesWriter w = new MbTilesWriter(out, name, new double[] {sw[0], sw[1], ne[0], ne[1]});
        try {
            for (int z = minZoom; z <= maxZoom; z++) {
                double size = 2 * HALF / (1 << z);
                for (int x = column(sw[0], z); x <= column(ne[0], z); x++) {
                    for (int y = row(ne[1], z); y <= row(sw[1], z); y++) {
                        if (progress.isCancelled()) {
                            throw new CancelledException();
                        }
                        double minX = -HALF + x * size;
                        double maxY = HALF - y * size;
                        Envelope tile = new Envelope(minX, minX + size, maxY - size, maxY);
                        MapRenderer.Rendered r = renderer.render(merc, new MapRenderer.Options(256, 256, 96, tile,
                                CrsRegistry.WEB_MERCATOR, null, false, Color.WHITE));
                        ByteArrayOutputStream png = new ByteArrayOutputStream();
                        try {
                            ImageIO.write(r.image(), "png", png);
                        } catch (IOException ex) {
                            throw new EcoAidException(ex, "map.error.write", out, ex.getMessage());
                        }
                        w.put(z, x, y, png.toByteArray());
                        progress.progress(++done, total);
                    }
                }
            }
        } catch (RuntimeException ex) {
            // no half-built basemap is left behind
            w.close();
            try {
                java.nio.file.Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // the error that stopped us is the one to report
            }
            throw ex;
        }
        w.close();
        return done;
    }
}
