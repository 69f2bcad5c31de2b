package cn.ecoaid.store;

import cn.ecoaid.solution.CanonicalJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a synced record's fields (what the outbox sends and the platform keeps) map onto a workspace table and back.
 * Most entities keep one field per column. Solution records keep their JSON form in a {@code data} column beside the
 * columns used to find them; water and biological samples carry their measurements and taxa counts as one field each,
 * kept locally in child tables. {@link #columns} turns pulled fields into column values (and writes child rows);
 * {@link #fields} reads a row back as the fields the platform holds, for the convergence check.
 */
final class SyncShapes {
    private static final Set<String> SYNC_COLUMNS = Set.of("id", "rev", "deleted", "author", "created_at", "updated_at");
    /** Solution tables: the column kept beside {@code data}. */
    private static final Map<String, String> SOLUTION = Map.of("solution_package", "title", "solution_section", "kind",
            "solution_measure", "position", "solution_milestone", "position", "solution_tracking", "position");

    private SyncShapes() {
    }

    /** Column values of a record with these fields; child rows are replaced as a side effect. */
    static Map<String, Object> columns(Connection c, String table, String id, Map<String, JsonNode> fields, Set<String> cols,
            boolean exists, java.nio.file.Path attachments) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        String extra = SOLUTION.get(table);
        if (extra != null) {
            ObjectNode data = CanonicalJson.object();
            fields.forEach((k, v) -> {
                if (!"deleted".equals(k)) {
                    data.set(k, v);
                }
            });
            data.put("id", id);
            out.put("data", CanonicalJson.text(data));
            if (cols.contains("package_id")) {
                out.put("package_id", text(fields.get("package_id")));
            }
            if ("position".equals(extra)) {
                if (!exists) {
                    out.put("position", SqliteSolutionRepository.nextPosition(c, table, text(fields.get("package_id"))));
                }
            } else {
                out.put(extra, text(fields.get(extra)));
            }
            return out;
        }
        for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
            if (cols.contains(e.getKey()) && !SYNC_COLUMNS.contains(e.getKey())) {
                out.put(e.getKey(), sqlValue(e.getValue()));
            }
        }
        if ("water_sample".equals(table) && fields.containsKey("measurements")) {
            replaceMeasurements(c, id, fields.get("measurements"));
        } else if ("bio_sample".equals(table) && fields.containsKey("counts")) {
            replaceCounts(c, id, fields.get("counts"));
        } else if ("air_import".equals(table) && text(fields.get("values_attachment")) != null) {
            loadAirValues(c, id, text(fields.get("kind")), text(fields.get("values_attachment")), attachments);
        } else if ("map_layer".equals(table) && text(fields.get("features_attachment")) != null) {
            var file = SyncedFiles.toLoad(c, table, id, "features_attachment", text(fields.get("features_attachment")),
                    attachments);
            if (file.isPresent()) {
                try {
                    MapFeaturesFile.load(c, id, file.get());
                } catch (java.io.IOException e) {
                    throw new SQLException("cannot load the features of map layer " + id + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /**
     * Loads an air import's values from its attachment, already downloaded and checked (the attachment's row and file
     * come before the import's change in the pull). Unchanged values are not reloaded.
     */
    private static void loadAirValues(Connection c, String importId, String kind, String attachmentId,
            java.nio.file.Path attachments) throws SQLException {
        var file = SyncedFiles.toLoad(c, "air_import", importId, "values_attachment", attachmentId, attachments);
        if (file.isPresent()) {
            try {
                AirValuesFile.load(c, importId, kind, file.get());
            } catch (java.io.IOException e) {
                throw new SQLException("cannot load the values of air import " + importId + ": " + e.getMessage(), e);
            }
        }
    }

    /** The fields of one row as the platform keeps them. */
    static Map<String, JsonNode> fields(Connection c, String table, ResultSet row, Set<String> cols) throws SQLException {
        Map<String, JsonNode> data = new TreeMap<>();
        if (SOLUTION.containsKey(table)) {
            CanonicalJson.parse(row.getString("data")).fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue()));
            return data;
        }
        for (String col : cols) {
            if (!SYNC_COLUMNS.contains(col)) {
                data.put(col, Outbox.JSON.valueToTree(row.getObject(col)));
            }
        }
        String id = row.getString("id");
        if ("water_sample".equals(table)) {
            data.put("measurements", measurements(c, id));
        } else if ("bio_sample".equals(table)) {
            data.put("counts", counts(c, id));
        } else if ("map_layer".equals(table)) {
            data.put("features_sha256", Outbox.JSON.valueToTree(MapFeaturesFile.sha256(c, id)));
        }
        return data;
    }

    /** A bio-sample count as the outbox writes it: taxon, count, tolerance (or null), order, family. */
    static java.util.List<Object> count(String taxon, double count, double tolerance, String order, String family) {
        return java.util.Arrays.asList(taxon, count, Double.isNaN(tolerance) ? null : tolerance, order, family);
    }

    private static void replaceMeasurements(Connection c, String id, JsonNode values) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM water_measurement WHERE sample_id = ?")) {
            del.setString(1, id);
            del.executeUpdate();
        }
        if (values == null || !values.isObject()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO water_measurement (sample_id, parameter, value, below_detection) VALUES (?, ?, ?, ?)")) {
            var it = values.fields();
            while (it.hasNext()) {
                var e = it.next();
                String t = e.getValue().asText().strip();
                boolean below = t.startsWith("<");
                ps.setString(1, id);
                ps.setString(2, e.getKey());
                ps.setDouble(3, Double.parseDouble(below ? t.substring(1) : t));
                ps.setInt(4, below ? 1 : 0);
                ps.executeUpdate();
            }
        }
    }

    private static JsonNode measurements(Connection c, String id) throws SQLException {
        ObjectNode out = Outbox.JSON.createObjectNode();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT parameter, value, below_detection FROM water_measurement WHERE sample_id = ? ORDER BY parameter")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String v = BigDecimal.valueOf(rs.getDouble(2)).stripTrailingZeros().toPlainString();
                    out.put(rs.getString(1), rs.getInt(3) == 1 ? "<" + v : v);
                }
            }
        }
        return out;
    }

    private static void replaceCounts(Connection c, String id, JsonNode counts) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM bio_count WHERE bio_sample_id = ?")) {
            del.setString(1, id);
            del.executeUpdate();
        }
        if (counts == null || !counts.isArray()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bio_count (bio_sample_id, seq, taxon, count, tolerance,"
                + " taxon_order, family) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (JsonNode n : counts) {
                ps.setString(1, id);
                ps.setInt(2, seq++);
                ps.setString(3, n.path(0).asText());
                ps.setDouble(4, n.path(1).asDouble());
                JsonNode tol = n.path(2);
                if (tol.isNumber()) {
                    ps.setDouble(5, tol.asDouble());
                } else {
                    ps.setNull(5, Types.REAL);
                }
                ps.setString(6, n.path(3).isTextual() ? n.path(3).asText() : "");
                ps.setString(7, n.path(4).isTextual() ? n.path(4).asText() : "");
                ps.executeUpdate();
            }
        }
    }

    private static JsonNode counts(Connection c, String id) throws SQLException {
        ArrayNode out = Outbox.JSON.createArrayNode();
        try (PreparedStatement ps = c.prepareStatement("SELECT taxon, count, tolerance, taxon_order, family FROM bio_count"
                + " WHERE bio_sample_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double tol = rs.getDouble(3);
                    boolean noTol = rs.wasNull();
                    out.add(Outbox.JSON.valueToTree(count(rs.getString(1), rs.getDouble(2), noTol ? Double.NaN : tol,
                            rs.getString(4), rs.getString(5))));
                }
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static Object sqlValue(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? 1L : 0L;
        }
        return n.toString();
    }
}
