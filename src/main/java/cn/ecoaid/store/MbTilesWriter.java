package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Writes an MBTiles 1.3 file: {@code metadata} (name, format, bounds, minzoom, maxzoom) and {@code tiles} with TMS
 * rows. Tiles are given in the XYZ scheme (row 0 at the top); everything is committed once, on {@link #close()}.
 */
public final class MbTilesWriter implements AutoCloseable {
    private final Path file;
    private final Connection c;
    private final PreparedStatement insert;
    private int minZoom = Integer.MAX_VALUE;
    private int maxZoom = Integer.MIN_VALUE;
    private final double[] bounds;

    /** A new file (replacing one there) with a name and the bounds west, south, east, north in degrees. */
    public MbTilesWriter(Path file, String name, double[] bounds) {
        this.file = file;
        this.bounds = bounds.clone();
        try {
            Files.deleteIfExists(file);
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
                s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
                s.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
                meta(ps, "name", name);
                meta(ps, "format", "png");
                meta(ps, "type", "baselayer");
                meta(ps, "version", "1.3");
            }
            insert = c.prepareStatement("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)");
        } catch (SQLException | java.io.IOException e) {
            throw new EcoAidException(e, "map.error.write", file, e.getMessage());
        }
    }

    private static void meta(PreparedStatement ps, String k, String v) throws SQLException {
        ps.setString(1, k);
        ps.setString(2, v);
        ps.executeUpdate();
    }

    /** Adds a PNG tile at zoom z, column x, XYZ row y. */
    public void put(int z, int x, int y, byte[] png) {
        try {
            insert.setInt(1, z);
            insert.setInt(2, x);
            insert.setInt(3, (1 << z) - 1 - y);
            insert.setBytes(4, png);
            insert.executeUpdate();
            minZoom = Math.min(minZoom, z);
            maxZoom = Math.max(maxZoom, z);
        } catch (SQLException e) {
            throw new EcoAidException(e, "map.error.write", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
                meta(ps, "bounds", String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", bounds[0], bounds[1], bounds[2], bounds[3]));
                if (minZoom <= maxZoom) {
                    meta(ps, "minzoom", Integer.toString(minZoom));
                    meta(ps, "maxzoom", Integer.toString(maxZoom));
                }
            }
            insert.close();
            c.commit();
            c.close();
        } catch (SQLException e) {
            throw new EcoAidException(e, "map.error.write", file, e.getMessage());
        }
    }
}
