package cn.ecoaid.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The stored values of one air import as a file that travels to the other devices of the team (as an attachment of the
 * import): gzip-compressed UTF-8 CSV, a header line and one line per stored hour or day — site id, time, the values
 * (empty when missing; shortest exact decimal form) and their flags, exactly the columns of {@code air_hourly} or
 * {@code air_daily}. Loading it on another device reproduces the rows bit for bit.
 */
final class AirValuesFile {
    private static final String[] HOURLY = {"site_id", "hour_end", "so2", "no2", "pm10", "pm25", "co", "o3",
        "so2_flag", "no2_flag", "pm10_flag", "pm25_flag", "co_flag", "o3_flag"};
    private static final String[] DAILY = {"site_id", "day", "so2", "no2", "pm10", "pm25", "co", "o3_8h", "o3_1h",
        "so2_flag", "no2_flag", "pm10_flag", "pm25_flag", "co_flag", "o3_8h_flag", "o3_1h_flag"};

    private AirValuesFile() {
    }

    private static String[] columns(String kind) {
        return "DAILY".equals(kind) ? DAILY : HOURLY;
    }

    private static String table(String kind) {
        return "DAILY".equals(kind) ? "air_daily" : "air_hourly";
    }

    /** The number of value columns (the ones after site id and time, before the flags). */
    private static int values(String kind) {
        return (columns(kind).length - 2) / 2;
    }

    /** Writes the rows of import {@code importId} to {@code out} (which is closed). */
    static void write(Connection c, String importId, String kind, OutputStream out) throws SQLException, IOException {
        String[] cols = columns(kind);
        int nv = values(kind);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
                { def.setLevel(Deflater.BEST_SPEED); }
            };
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
             PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", cols) + " FROM " + table(kind)
                     + " WHERE import_id = ? ORDER BY site_id, " + cols[1])) {
            w.write(String.join(",", cols));
            w.write('\n');
            ps.setString(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder line = new StringBuilder(128);
                while (rs.next()) {
                    line.setLength(0);
                    line.append(rs.getString(1)).append(',').append(rs.getString(2));
                    for (int i = 0; i < nv; i++) {
                        double v = rs.getDouble(3 + i);
                        line.append(',');
                        if (!rs.wasNull()) {
                            line.append(v);
                        }
                    }
                    for (int i = 0; i < nv; i++) {
                        line.append(',').append(rs.getInt(3 + nv + i));
                    }
                    w.append(line).append('\n');
                }
            }
        }
    }

    /** Replaces the rows of import {@code importId} by those in {@code file}; returns the rows loaded. */
    static long load(Connection c, String importId, String kind, Path file) throws SQLException, IOException {
        String[] cols = columns(kind);
        int nv = values(kind);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table(kind) + " WHERE import_id = ?")) {
            del.setString(1, importId);
            del.executeUpdate();
        }
        long rows = 0;
        String sql = "INSERT OR REPLACE INTO " + table(kind) + " (" + String.join(", ", cols) + ", import_id) VALUES ("
                + "?, ".repeat(cols.length) + "?)";
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
             PreparedStatement ins = c.prepareStatement(sql)) {
            String header = r.readLine();
            if (header == null || !header.equals(String.join(",", cols))) {
                throw new IOException("not an air values file of kind " + kind + ": " + file);
            }
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length != cols.length) {
                    throw new IOException("line " + (rows + 2) + " of " + file + " has " + f.length + " fields");
                }
                ins.setString(1, f[0]);
                ins.setString(2, f[1]);
                for (int i = 0; i < nv; i++) {
                    if (f[2 + i].isEmpty()) {
                        ins.setNull(3 + i, Types.REAL);
                    } else {
                        ins.setDouble(3 + i, Double.parseDouble(f[2 + i]));
                    }
                }
                for (int i = 0; i < nv; i++) {
                    ins.setInt(3 + nv + i, Integer.parseInt(f[2 + nv + i]));
                }
                ins.setString(cols.length + 1, importId);
                ins.addBatch();
                if (++rows % 10_000 == 0) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        return rows;
    }
}
