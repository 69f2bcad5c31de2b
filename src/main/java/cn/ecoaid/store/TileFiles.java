package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.TileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * Offline basemaps: MBTiles 1.3 ({@code tiles(zoom_level, tile_column, tile_row)} in the Web Mercator XYZ scheme with
 * TMS rows, counted from the bottom) and GeoPackage 1.3 tile pyramids ({@code gpkg_tile_matrix_set},
 * {@code gpkg_tile_matrix}; rows from the top, any EPSG system). Opened read-only.
 */
public final class TileFiles {
    private static final double WEB_MERCATOR_HALF = 20037508.342789244;

    private TileFiles() {
    }

    /** Opens {@code x.mbtiles} or {@code x.gpkg[#table]} (the first tile table by default). */
    public static TileSource open(String spec) {
        String table = null;
        String path = spec;
        int hash = spec.lastIndexOf('#');
        if (hash > 0) {
            table = spec.substring(hash + 1);
            path = spec.substring(0, hash);
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new EcoAidException("map.error.read", file, "not found");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Connection c = connect(file);
        try {
            if (name.endsWith(".mbtiles")) {
                return mbtiles(c, file);
            }
            if (name.endsWith(".gpkg")) {
                return geopackage(c, file, table);
            }
            throw new EcoAidException("map.error.tilesFormat", file);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof EcoAidException ee) {
                throw ee;
            }
            throw new EcoAidException(e, "map.error.gpkgFailed", file, e.getMessage());
        }
    }

    private static Connection connect(Path file) {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw new EcoAidException(e, "map.error.gpkgFailed", file, e.getMessage());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to release
        }
    }

    private static TileSource mbtiles(Connection c, Path file) throws SQLException {
        List<TileSource.Matrix> ms = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT zoom_level FROM tiles ORDER BY zoom_level")) {
            while (rs.next()) {
                int z = rs.getInt(1);
                int n = 1 << z;
                double px = 2 * WEB_MERCATOR_HALF / (256.0 * n);
                ms.add(new TileSource.Matrix(z, n, n, 256, 256, px, px));
            }
        }
        return new Source(c, file, CrsRegistry.WEB_MERCATOR, -WEB_MERCATOR_HALF, WEB_MERCATOR_HALF, ms,
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?", true);
    }

    private static TileSource geopackage(Connection c, Path file, String table) throws SQLException {
        String t = table;
        if (t == null) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM gpkg_contents WHERE data_type = 'tiles' ORDER BY table_name")) {
                if (!rs.next()) {
                    throw new EcoAidException("map.error.gpkgFailed", file, "no tile table");
                }
                t = rs.getString(1);
            }
        }
        String crs;
        double minX;
        double maxY;
        try (PreparedStatement ps = c.prepareStatement("SELECT m.min_x, m.max_y, s.organization, s.organization_coordsys_id"
                + " FROM gpkg_tile_matrix_set m JOIN gpkg_spatial_ref_sys s ON s.srs_id = m.srs_id WHERE m.table_name = ?")) {
            ps.setString(1, t);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new EcoAidException("map.error.gpkgFailed", file, "no tile matrix set " + t);
                }
                minX = rs.getDouble(1);
                maxY = rs.getDouble(2);
                crs = CrsRegistry.parse(Integer.toString(rs.getInt(4)));
            }
        }
        List<TileSource.Matrix> ms = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT zoom_level, matrix_width, matrix_height, tile_width, tile_height,"
                + " pixel_x_size, pixel_y_size FROM gpkg_tile_matrix WHERE table_name = ? ORDER BY zoom_level")) {
            ps.setString(1, t);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ms.add(new TileSource.Matrix(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getDouble(6), rs.getDouble(7)));
                }
            }
        }
        return new Source(c, file, crs, minX, maxY, ms, "SELECT tile_data FROM \"" + t.replace("\"", "\"\"")
                + "\" WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?", false);
    }

    private static final class Source implements TileSource {
        private final Connection c;
        private final Path file;
        private final String crs;
        private final double minX;
        private final double maxY;
        private final List<Matrix> matrices;
        private final String sql;
        private final boolean tmsRows;

        Source(Connection c, Path file, String crs, double minX, double maxY, List<Matrix> matrices, String sql, boolean tmsRows) {
            this.c = c;
            this.file = file;
            this.crs = crs;
            this.minX = minX;
            this.maxY = maxY;
            this.matrices = List.copyOf(matrices);
            this.sql = sql;
            this.tmsRows = tmsRows;
        }

        @Override
        public String name() {
            return file.getFileName().toString();
        }

        @Override
        public String crs() {
            return crs;
        }

        @Override
        public double minX() {
            return minX;
        }

        @Override
        public double maxY() {
            return maxY;
        }

        @Override
        public List<Matrix> matrices() {
            return matrices;
        }

        @Override
        public synchronized byte[] tile(int zoom, int column, int row) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, zoom);
                ps.setInt(2, column);
                ps.setInt(3, tmsRows ? (1 << zoom) - 1 - row : row);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new EcoAidException(e, "map.error.gpkgFailed", file, e.getMessage());
            }
        }

        @Override
        public synchronized void close() {
            closeQuietly(c);
        }
    }
}
