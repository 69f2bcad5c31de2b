package cn.ecoaid.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A map layer's stored features as a file that travels to the team's other devices (as an attachment of the layer):
 * gzip of a binary stream — a header, the row count, then per feature its ordinal, WKB geometry (or none), bounding box
 * (NaN when none) and attributes JSON in UTF-8 — exactly the columns of {@code map_feature}, reproduced bit for bit.
 */
final class MapFeaturesFile {
    private static final String MAGIC = "ECOAID-MAP-FEATURES-1";

    private MapFeaturesFile() {
    }

    static void write(Connection c, String layerId, OutputStream out) throws SQLException, IOException {
        try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out, 1 << 16), 1 << 16))) {
            d.writeUTF(MAGIC);
            long count;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM map_feature WHERE layer_id = ?")) {
                ps.setString(1, layerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            d.writeLong(count);
            try (PreparedStatement ps = c.prepareStatement("SELECT ordinal, geometry, min_x, min_y, max_x, max_y, attributes"
                    + " FROM map_feature WHERE layer_id = ? ORDER BY ordinal")) {
                ps.setString(1, layerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        d.writeInt(rs.getInt(1));
                        byte[] g = rs.getBytes(2);
                        d.writeInt(g == null ? -1 : g.length);
                        if (g != null) {
                            d.write(g);
                        }
                        for (int k = 3; k <= 6; k++) {
                            double v = rs.getDouble(k);
                            d.writeDouble(rs.wasNull() ? Double.NaN : v);
                        }
                        byte[] attrs = rs.getString(7).getBytes(StandardCharsets.UTF_8);
                        d.writeInt(attrs.length);
                        d.write(attrs);
                    }
                }
            }
        }
    }

    /** Replaces the features of layer {@code layerId} by those in {@code file}; returns the count loaded. */
    static long load(Connection c, String layerId, Path file) throws SQLException, IOException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM map_feature WHERE layer_id = ?")) {
            del.setString(1, layerId);
            del.executeUpdate();
        }
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file)), 1 << 16));
             PreparedStatement ins = c.prepareStatement("INSERT INTO map_feature (layer_id, ordinal, geometry, min_x, min_y,"
                     + " max_x, max_y, attributes) VALUES (?,?,?,?,?,?,?,?)")) {
            if (!MAGIC.equals(d.readUTF())) {
                throw new IOException("not a map features file: " + file);
            }
            long count = d.readLong();
            for (long i = 0; i < count; i++) {
                ins.setString(1, layerId);
                ins.setInt(2, d.readInt());
                int n = d.readInt();
                if (n < 0) {
                    ins.setNull(3, Types.BLOB);
                } else {
                    byte[] g = new byte[n];
                    d.readFully(g);
                    ins.setBytes(3, g);
                }
                for (int k = 4; k <= 7; k++) {
                    double v = d.readDouble();
                    if (Double.isNaN(v)) {
                        ins.setNull(k, Types.REAL);
                    } else {
                        ins.setDouble(k, v);
                    }
                }
                byte[] attrs = new byte[d.readInt()];
                d.readFully(attrs);
                ins.setString(8, new String(attrs, StandardCharsets.UTF_8));
                ins.addBatch();
                if ((i + 1) % 5000 == 0) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
            return count;
        }
    }

    /** The features' SHA-256 as the layer's first operation carries it: each geometry's WKB, then its attributes JSON. */
    static String sha256(Connection c, String layerId) throws SQLException {
        java.security.MessageDigest sha = SqliteLayerRepository.sha256();
        try (PreparedStatement ps = c.prepareStatement("SELECT geometry, attributes FROM map_feature WHERE layer_id = ?"
                + " ORDER BY ordinal")) {
            ps.setString(1, layerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] g = rs.getBytes(1);
                    if (g != null) {
                        sha.update(g);
                    }
                    sha.update(rs.getString(2).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
