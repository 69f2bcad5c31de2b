package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * OGC GeoPackage 1.3 (OGC 12-128r18) feature tables read and written directly on SQLite: {@code gpkg_spatial_ref_sys},
 * {@code gpkg_contents}, {@code gpkg_geometry_columns} and the GeoPackage geometry blob (GP header, SRS id, optional
 * envelope, ISO WKB). SRS rows for EPSG systems are written with the WKT of proj4j's EPSG database. Written in this
 * package because only {@code store} may use SQL; raster tiles are not handled.
 */
public final class GeoPackageFiles {
    private static final int APPLICATION_ID = 0x47504B47; // "GPKG"
    private static final int USER_VERSION = 10300;

    private GeoPackageFiles() {
    }

    /** The names of the feature tables in a GeoPackage. */
    public static List<String> featureTables(Path file) {
        return withConnection(file, c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Reads one feature table (the first one when {@code table} is null). */
    public static Layer read(Path file, String table, String declaredCrs) {
        if (!Files.isRegularFile(file)) {
            throw new EcoAidException("map.error.read", file, "not found");
        }
        String t = table != null ? table : featureTables(file).stream().findFirst()
                .orElseThrow(() -> new EcoAidException("map.error.gpkgFailed", file, "no feature table"));
        return withConnection(file, c -> {
            String geomColumn;
            int srsId;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new EcoAidException("map.error.gpkgFailed", file, "no table " + t);
                    }
                    geomColumn = rs.getString(1);
                    srsId = rs.getInt(2);
                }
            }
            String crs = declaredCrs != null ? declaredCrs : crsOf(c, srsId, file);
            List<Feature> features = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote(t))) {
                ResultSetMetaData md = rs.getMetaData();
                int geomIndex = -1;
                String pk = primaryKey(c, t);
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String name = md.getColumnName(i);
                    if (name.equalsIgnoreCase(geomColumn)) {
                        geomIndex = i;
                    } else if (!name.equalsIgnoreCase(pk)) {
                        fields.add(name);
                    }
                }
                while (rs.next()) {
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnName(i);
                        if (i == geomIndex || name.equalsIgnoreCase(pk)) {
                            continue;
                        }
                        Object v = rs.getObject(i);
                        if (v instanceof Integer n) {
                            v = n.longValue();
                        } else if (v instanceof Float f) {
                            v = f.doubleValue();
                        } else if (v instanceof byte[]) {
                            v = null;
                        }
                        attrs.put(name, v);
                    }
                    byte[] blob = geomIndex < 0 ? null : rs.getBytes(geomIndex);
                    features.add(new Feature(blob == null ? null : decode(blob, wkb, file), attrs));
                }
            }
            return new Layer(t, crs, fields, features, List.of());
        });
    }

    private static String primaryKey(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                if (rs.getInt("pk") == 1 && "INTEGER".equalsIgnoreCase(rs.getString("type"))) {
                    return rs.getString("name");
                }
            }
        }
        return "";
    }

    private static String crsOf(Connection c, int srsId, Path file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, srsId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (ORGANIZATION.equals(rs.getString(1)) && rs.getInt(2) == GCJ02_SRS_ID) {
                        return CrsRegistry.GCJ02;
                    }
                    if ("EPSG".equalsIgnoreCase(rs.getString(1))) {
                        return CrsRegistry.parse(Integer.toString(rs.getInt(2)));
                    }
                    String wkt = rs.getString(3);
                    return cn.ecoaid.geo.PrjCrs.fromWkt(wkt).orElseThrow(() -> new EcoAidException("map.error.noCrs", file));
                }
            }
        }
        throw new EcoAidException("map.error.noCrs", file);
    }

    static Geometry decode(byte[] blob, WKBReader wkb, Path file) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new EcoAidException("map.error.gpkgFailed", file, "geometry blob without GP header");
        }
        int flags = blob[3] & 0xFF;
        int envelope = (flags >> 1) & 0x07;
        int envelopeBytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new EcoAidException("map.error.gpkgFailed", file, "envelope code " + envelope);
        };
        try {
            byte[] body = java.util.Arrays.copyOfRange(blob, 8 + envelopeBytes, blob.length);
            return wkb.read(body);
        } catch (ParseException e) {
            throw new EcoAidException(e, "map.error.gpkgFailed", file, e.getMessage());
        }
    }

    static byte[] encode(Geometry g, int srsId) {
        byte[] body = new WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN).write(g);
        boolean empty = g.isEmpty();
        ByteBuffer b = ByteBuffer.allocate(8 + (empty ? 0 : 32) + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        b.put((byte) (1 | (empty ? (1 << 4) : (1 << 1)))); // little-endian; envelope [minx,maxx,miny,maxy] or empty flag
        b.putInt(srsId);
        if (!empty) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        b.put(body);
        return b.array();
    }

    /** Writes a layer as a new GeoPackage with one feature table named after the layer (replacing an existing file). */
    public static void write(Layer layer, Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new EcoAidException(e, "map.error.write", file, e.getMessage());
        }
        String table = tableName(layer.name());
        int srsId = srsId(layer.crs());
        withConnection(file, c -> {
            // one transaction for the tables and the rows: a single commit (and fsync) for the whole file
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("PRAGMA user_version = " + USER_VERSION);
                s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                        + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
                        + " description TEXT)");
                s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                        + " identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT"
                        + " (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,"
                        + " srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
                s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                        + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
                        + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                        + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                        + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
                StringBuilder ddl = new StringBuilder("CREATE TABLE " + quote(table) + " (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY");
                for (String f : layer.fields()) {
                    ddl.append(", ").append(quote(f)).append(' ').append(sqlType(layer, f));
                }
                s.execute(ddl.append(')').toString());
            }
            try {
                insertSrs(c, "Undefined cartesian SRS", -1, "NONE", -1, "undefined");
                insertSrs(c, "Undefined geographic SRS", 0, "NONE", 0, "undefined");
                insertSrs(c, "WGS 84 geodetic", 4326, "EPSG", 4326, CrsRegistry.wkt(CrsRegistry.WGS84).orElse("undefined"));
                if (srsId == GCJ02_SRS_ID) {
                    insertSrs(c, "GCJ-02 (WGS 84 with the published Chinese offset)", srsId, ORGANIZATION, srsId,
                            CrsRegistry.wkt(CrsRegistry.WGS84).orElse("undefined"));
                } else if (srsId > 0 && srsId != 4326) {
                    insertSrs(c, layer.crs(), srsId, "EPSG", srsId, CrsRegistry.wkt(layer.crs()).orElse("undefined"));
                }
                Envelope env = layer.envelope();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier,"
                        + " min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, table);
                    ps.setString(2, layer.name());
                    for (int i = 0; i < 4; i++) {
                        if (env == null) {
                            ps.setNull(3 + i, Types.DOUBLE);
                        }
                    }
                    if (env != null) {
                        ps.setDouble(3, env.getMinX());
                        ps.setDouble(4, env.getMinY());
                        ps.setDouble(5, env.getMaxX());
                        ps.setDouble(6, env.getMaxY());
                    }
                    ps.setInt(7, srsId);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)")) {
                    ps.setString(1, table);
                    ps.setString(2, geometryType(layer));
                    ps.setInt(3, srsId);
                    ps.executeUpdate();
                }
                StringBuilder sql = new StringBuilder("INSERT INTO " + quote(table) + " (geom");
                for (String f : layer.fields()) {
                    sql.append(", ").append(quote(f));
                }
                sql.append(") VALUES (?").append(", ?".repeat(layer.fields().size())).append(')');
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    for (Feature f : layer.features()) {
                        if (f.geometry() == null) {
                            ps.setNull(1, Types.BLOB);
                        } else {
                            ps.setBytes(1, encode(f.geometry(), srsId));
                        }
                        int i = 2;
                        for (String name : layer.fields()) {
                            Object v = f.attributes().get(name);
                            if (v == null) {
                                ps.setNull(i, Types.NULL);
                            } else if (v instanceof Long l) {
                                ps.setLong(i, l);
                            } else if (v instanceof Number n) {
                                ps.setDouble(i, n.doubleValue());
                            } else if (v instanceof Boolean b) {
                                ps.setInt(i, b ? 1 : 0);
                            } else {
                                ps.setString(i, v.toString());
                            }
                            i++;
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return null;
        });
    }

    /** GCJ-02 has no EPSG code: it is written under our own organisation and id, and recognised on reading. */
    static final int GCJ02_SRS_ID = 990002;
    static final String ORGANIZATION = "ECOAID";

    private static int srsId(String crs) {
        if (crs.startsWith("EPSG:")) {
            return Integer.parseInt(crs.substring(5));
        }
        return GCJ02_SRS_ID;
    }

    private static void insertSrs(Connection c, String name, int id, String org, int orgId, String wkt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)")) {
            ps.setString(1, name);
            ps.setInt(2, id);
            ps.setString(3, org);
            ps.setInt(4, orgId);
            ps.setString(5, wkt);
            ps.executeUpdate();
        }
    }

    private static String sqlType(Layer layer, String field) {
        boolean anyText = false;
        boolean anyReal = false;
        boolean anyValue = false;
        for (Feature f : layer.features()) {
            Object v = f.attributes().get(field);
            if (v == null) {
                continue;
            }
            anyValue = true;
            if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
                continue;
            }
            if (v instanceof Number) {
                anyReal = true;
            } else {
                anyText = true;
            }
        }
        return anyText || !anyValue ? "TEXT" : anyReal ? "DOUBLE" : "INTEGER";
    }

    private static String geometryType(Layer layer) {
        String type = null;
        for (Feature f : layer.features()) {
            if (f.geometry() == null) {
                continue;
            }
            String t = f.geometry().getGeometryType().toUpperCase(Locale.ROOT);
            if (type == null) {
                type = t;
            } else if (!type.equals(t)) {
                return "GEOMETRY";
            }
        }
        return type == null ? "GEOMETRY" : type;
    }

    static String tableName(String name) {
        String t = name == null || name.isBlank() ? "layer" : name.strip();
        return t.startsWith("gpkg_") ? "t_" + t : t;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T withConnection(Path file, Work<T> work) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            return work.run(c);
        } catch (SQLException e) {
            throw new EcoAidException(e, "map.error.gpkgFailed", file, e.getMessage());
        }
    }
}
