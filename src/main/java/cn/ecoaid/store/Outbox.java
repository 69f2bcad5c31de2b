package cn.ecoaid.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The sync outbox (SYNC.md §2): every domain write appends an operation in the same transaction. Operations are never
 * deleted; they change state when the server answers.
 */
public final class Outbox {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Operation kinds. */
    public enum Kind { UPSERT, DELETE }

    /** One stored operation. {@code changes} is JSON: {@code {"field": {"old": …, "new": …}}}. */
    public record Operation(long seq, String opId, String entity, String entityId, Kind kind, long baseRev,
                            String changes, String state, String author, String createdAt) {
    }

    private final Database db;

    public Outbox(Database db) {
        this.db = db;
    }

    /** Field-by-field difference between two versions (null old = created, null new = deleted). */
    public static Map<String, Object[]> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object[]> out = new LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        if (before != null) {
            keys.addAll(before.keySet());
        }
        if (after != null) {
            keys.addAll(after.keySet());
        }
        for (String k : keys) {
            Object o = before == null ? null : before.get(k);
            Object n = after == null ? null : after.get(k);
            if (!Objects.equals(o, n)) {
                out.put(k, new Object[] {o, n});
            }
        }
        return out;
    }

    /** Appends an operation on the caller's connection, inside the caller's transaction. */
    static void append(Connection c, Database db, String entity, String entityId, Kind kind, long baseRev,
                       Map<String, Object[]> changes) throws SQLException {
        db.outboxAppended();
        ObjectNode node = JSON.createObjectNode();
        for (Map.Entry<String, Object[]> e : changes.entrySet()) {
            ObjectNode field = node.putObject(e.getKey());
            field.set("old", JSON.valueToTree(e.getValue()[0]));
            field.set("new", JSON.valueToTree(e.getValue()[1]));
        }
        String json;
        try {
            json = JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode changes", e);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (op_id, entity, entity_id, kind, base_rev, changes,"
                + " schema_version, author, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, entity);
            ps.setString(3, entityId);
            ps.setString(4, kind.name());
            ps.setLong(5, baseRev);
            ps.setString(6, json);
            ps.setInt(7, Migrator.latestVersion());
            ps.setString(8, db.author());
            ps.setString(9, db.now());
            ps.executeUpdate();
        }
    }

    /** Operations still waiting for the server, in order. */
    public List<Operation> pending() {
        return query("WHERE state = 'PENDING' ORDER BY seq", null);
    }

    /** Every operation recorded for one record, in order. */
    public List<Operation> forEntity(String entityId) {
        return query("WHERE entity_id = ? ORDER BY seq", entityId);
    }

    public int pendingCount() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE state = 'PENDING'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private List<Operation> query(String where, String arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, op_id, entity, entity_id, kind, base_rev, changes,"
                    + " state, author, created_at FROM outbox " + where)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                List<Operation> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Operation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Kind.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getString(10)));
                    }
                }
                return out;
            }
        });
    }
}
