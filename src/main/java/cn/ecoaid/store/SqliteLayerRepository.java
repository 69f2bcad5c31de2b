package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.LayerRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Map layers in the workspace file (tables of V005). Adding, restyling and deleting a layer each append one outbox
 * operation in the same transaction, carrying the layer's metadata and the SHA-256 of its feature content (the
 * features themselves are too many for field-by-field operations).
 */
public final class SqliteLayerRepository implements LayerRepository {
    static final String ENTITY = "map_layer";
    private static final String COLUMNS = "id, name, crs, style, fields, source_file, source_format, source_sha256,"
            + " feature_count, repairs, created_at, rev, deleted";

    private final Database db;
    private final AttachmentStore attachments;

    public SqliteLayerRepository(Database db) {
        this.db = db;
        this.attachments = new AttachmentStore(db);
    }

    /** The layers of an open workspace. */
    public static SqliteLayerRepository of(Workspace ws) {
        return new SqliteLayerRepository(ws.database());
    }

    @Override
    public Info add(Layer layer, String style, Source source) {
        String id = Ids.newId();
        String name = layer.name().strip();
        if (name.isEmpty()) {
            throw new EcoAidException("map.layer.error.name");
        }
        Info added = db.write(c -> {
            if (findLive(c, name).isPresent()) {
                throw new EcoAidException("map.layer.error.duplicate", name);
            }
            String now = db.now();
            MessageDigest sha = sha256();
            WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO map_feature (layer_id, ordinal, geometry, attributes,"
                    + " min_x, min_y, max_x, max_y) VALUES (?,?,?,?,?,?,?,?)")) {
                // the layer row first: features refer to it
                insertLayer(c, id, name, layer, style, source, now);
                int i = 0;
                for (Feature f : layer.features()) {
                    ps.setString(1, id);
                    ps.setInt(2, i++);
                    byte[] g = f.geometry() == null ? null : wkb.write(f.geometry());
                    String attrs = json(f.attributes());
                    if (g == null) {
                        ps.setNull(3, Types.BLOB);
                        for (int k = 5; k <= 8; k++) {
                            ps.setNull(k, Types.REAL);
                        }
                    } else {
                        ps.setBytes(3, g);
                        sha.update(g);
                        Envelope e = f.geometry().getEnvelopeInternal();
                        if (e.isNull()) {
                            for (int k = 5; k <= 8; k++) {
                                ps.setNull(k, Types.REAL);
                            }
                        } else {
                            ps.setDouble(5, e.getMinX());
                            ps.setDouble(6, e.getMinY());
                            ps.setDouble(7, e.getMaxX());
                            ps.setDouble(8, e.getMaxY());
                        }
                    }
                    ps.setString(4, attrs);
                    sha.update(attrs.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    ps.addBatch();
                    if (i % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            Info info = one(c, "SELECT " + COLUMNS + " FROM map_layer WHERE id = ?", id).orElseThrow();
            Map<String, Object> fields = fields(info);
            fields.put("features_sha256", HexFormat.of().formatHex(sha.digest()));
            Outbox.append(c, db, ENTITY, id, Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
            return info;
        });
        // The features travel to the team's other devices as the layer's attachment.
        SyncedFiles.attach(db, attachments, ENTITY, id, "features_attachment", "map-features-" + id + ".bin.gz",
                (c, out) -> MapFeaturesFile.write(c, id, out));
        return added;
    }

    private void insertLayer(Connection c, String id, String name, Layer layer, String style, Source source, String now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO map_layer (id, name, crs, style, fields, source_file,"
                + " source_format, source_sha256, feature_count, repairs, author, created_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.setString(3, layer.crs());
            ps.setString(4, style == null || style.isBlank() ? "{}" : style);
            ps.setString(5, json(layer.fields()));
            ps.setString(6, source == null ? "" : source.file());
            ps.setString(7, source == null ? "" : source.format());
            ps.setString(8, source == null ? "" : source.sha256());
            ps.setInt(9, layer.features().size());
            List<Map<String, Object>> repairs = new ArrayList<>();
            for (Layer.Repair r : layer.repairs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("feature", r.feature());
                m.put("reason", r.reason());
                repairs.add(m);
            }
            ps.setString(10, json(repairs));
            ps.setString(11, db.author());
            ps.setString(12, now);
            ps.setString(13, now);
            ps.executeUpdate();
        }
    }

    @Override
    public List<Info> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM map_layer WHERE deleted = 0 ORDER BY created_at, rowid")) {
                List<Info> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<Info> findByName(String name) {
        return db.read(c -> findLive(c, name.strip()));
    }

    private Optional<Info> findLive(Connection c, String name) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM map_layer WHERE name = ? AND deleted = 0", name);
    }

    @Override
    public Layer load(String id) {
        return db.read(c -> {
            Info info = one(c, "SELECT " + COLUMNS + " FROM map_layer WHERE id = ? AND deleted = 0", id)
                    .orElseThrow(() -> new EcoAidException("map.layer.error.notFound", id));
            List<Feature> features = new ArrayList<>(info.featureCount());
            WKBReader wkb = new WKBReader();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT geometry, attributes FROM map_feature WHERE layer_id = ? ORDER BY ordinal")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] g = rs.getBytes(1);
                        try {
                            features.add(new Feature(g == null ? null : wkb.read(g), attributes(rs.getString(2))));
                        } catch (ParseException e) {
                            throw new SQLException("bad WKB in layer " + id, e);
                        }
                    }
                }
            }
            return new Layer(info.name(), info.crs(), info.fields(), features, List.of());
        });
    }

    @Override
    public void setStyle(String id, String style) {
        db.write(c -> {
            Stored before = stored(c, id);
            if (before.info().style().equals(style)) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE map_layer SET style = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, style);
                ps.setString(2, db.now());
                ps.setString(3, id);
                ps.executeUpdate();
            }
            Map<String, Object[]> change = new LinkedHashMap<>();
            change.put("style", new Object[] {before.info().style(), style});
            Outbox.append(c, db, ENTITY, id, Outbox.Kind.UPSERT, before.rev(), change);
            return null;
        });
    }

    @Override
    public void delete(String id) {
        db.write(c -> {
            Stored before = stored(c, id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE map_layer SET deleted = 1, updated_at = ? WHERE id = ?")) {
                ps.setString(1, db.now());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            Map<String, Object[]> change = new LinkedHashMap<>();
            change.put("deleted", new Object[] {false, true});
            Outbox.append(c, db, ENTITY, id, Outbox.Kind.DELETE, before.rev(), change);
            return null;
        });
    }

    private record Stored(Info info, long rev) {
    }

    private Stored stored(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM map_layer WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new EcoAidException("map.layer.error.notFound", id);
                }
                return new Stored(read(rs), rs.getLong(12));
            }
        }
    }

    static Map<String, Object> fields(Info i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("crs", i.crs());
        m.put("style", i.style());
        m.put("fields", i.fields());
        m.put("source_file", i.sourceFile());
        m.put("source_format", i.sourceFormat());
        m.put("source_sha256", i.sourceSha256());
        m.put("feature_count", i.featureCount());
        return m;
    }

    private static Optional<Info> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Info read(ResultSet rs) throws SQLException {
        List<String> fields;
        int repairs;
        try {
            fields = Outbox.JSON.readValue(rs.getString(5), new TypeReference<List<String>>() { });
            repairs = Outbox.JSON.readTree(rs.getString(10)).size();
        } catch (JsonProcessingException e) {
            throw new SQLException("bad layer JSON", e);
        }
        return new Info(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), fields, rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getInt(9), repairs, rs.getString(11));
    }

    private static String json(Object o) throws SQLException {
        try {
            return Outbox.JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode JSON", e);
        }
    }

    private static Map<String, Object> attributes(String json) throws SQLException {
        try {
            JsonNode n = Outbox.JSON.readTree(json);
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                Object value;
                if (v.isNull()) {
                    value = null;
                } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                    value = v.longValue();
                } else if (v.isNumber()) {
                    value = v.doubleValue();
                } else if (v.isBoolean()) {
                    value = v.booleanValue();
                } else {
                    value = v.asText();
                }
                out.put(e.getKey(), value);
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new SQLException("bad attributes JSON", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
