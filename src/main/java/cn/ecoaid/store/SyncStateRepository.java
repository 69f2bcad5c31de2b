package cn.ecoaid.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workspace side of sync (SYNC.md §2, §3, §8): device credential and pull cursor, the outbox rows to push and the
 * server's answers, and applying a pulled page — records, {@code base_copy} and cursor in <b>one</b> transaction, with
 * records that have pending local operations rebased rather than overwritten.
 */
public final class SyncStateRepository {
    /**
     * Entities shared between the devices of a team: pulled changes are applied to them (see {@link SyncShapes} for how
     * fields map onto tables). The others are pushed, and kept by the platform, but stay with the device that wrote them:
     * the project and its team list (each workspace is one device's project record) and frozen package versions (they
     * travel on the package channel). An air import's values and a map layer's features travel as its attachment
     * ({@link AirValuesFile}, {@link MapFeaturesFile}).
     */
    public static final Set<String> SHARED_ENTITIES = Set.of("site", "attachment", "air_import", "map_layer", "inventory", "inventory_input",
            "water_survey", "water_sample", "bio_sample", "bibi_model", "pmf_run", "pmf_model", "pmf_run_file", "library_use", "solution_package", "solution_section",
            "solution_measure", "solution_milestone", "solution_tracking");

    /** An outbox row ready to push. {@code changes} is the outbox JSON {@code {"field": {"old": …, "new": …}}}. */
    public record PendingOp(long seq, String opId, String entity, String entityId, String kind, long baseRev,
                            JsonNode changes, List<String> blobHashes, int schemaVersion, String createdAt, int attempts) {
    }

    /** The server's answer to one op: state ACKED, CONFLICT or REJECTED. */
    public record Ack(String opId, String state, long serverRev, String conflictId, String error) {
    }

    /** A pulled record state. {@code data} holds every field ever set on the server. */
    public record Remote(long rev, String entity, String entityId, boolean deleted, Map<String, JsonNode> data) {
    }

    /** One sync run, for the history list. */
    public record Run(String at, int pushed, int conflicts, int rejected, int pulled, int blobsUp, int blobsDown, String error) {
    }

    private final Database db;
    private final Map<String, Set<String>> columns = new HashMap<>();
    private final java.nio.file.Path attachmentFolder;

    SyncStateRepository(Database db) {
        this.db = db;
        this.attachmentFolder = new AttachmentStore(db).folder();
    }

    public String now() {
        return db.now();
    }

    // ------------------------------------------------------------------------------------------------ key/value state

    public Optional<String> get(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String key, String value) {
        db.write(c -> {
            put(c, key, value);
            return null;
        });
    }

    /** Stores several values in one transaction (e.g. the device credential). */
    public void putAll(Map<String, String> values) {
        db.write(c -> {
            for (Map.Entry<String, String> e : values.entrySet()) {
                put(c, e.getKey(), e.getValue());
            }
            return null;
        });
    }

    private static void put(Connection c, String key, String value) throws SQLException {
        if (value == null) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_state WHERE key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_state (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    /** The pull cursor: every server revision up to it is applied here. */
    public long cursor() {
        return get("pull_cursor").map(Long::parseLong).orElse(0L);
    }

    // ------------------------------------------------------------------------------------------------ outbox

    /** Pending operations in outbox order, at most {@code limit}. */
    public List<PendingOp> pending(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, op_id, entity, entity_id, kind, base_rev, changes, blob_hashes,"
                    + " schema_version, created_at, attempts FROM outbox WHERE state = 'PENDING' ORDER BY seq LIMIT ?")) {
                ps.setInt(1, limit);
                List<PendingOp> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonNode changes = tree(rs.getString(7));
                        List<String> blobs = new ArrayList<>();
                        tree(rs.getString(8)).forEach(n -> blobs.add(n.asText()));
                        if ("attachment".equals(rs.getString(3)) && changes.path("sha256").hasNonNull("new")) {
                            String sha = changes.path("sha256").path("new").asText();
                            if (!blobs.contains(sha)) {
                                blobs.add(sha);
                            }
                        }
                        out.add(new PendingOp(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getLong(6), changes, blobs, rs.getInt(9), rs.getString(10), rs.getInt(11)));
                    }
                }
                return out;
            }
        });
    }

    /** The outbox seq the next push starts from: the first pending op, or one past the last op. */
    public long firstUnpushedSeq() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce((SELECT min(seq) FROM outbox WHERE state = 'PENDING'),"
                    + " (SELECT coalesce(max(seq), 0) + 1 FROM outbox))"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 1L;
            }
        });
    }

    public int pendingCount() {
        return count("SELECT count(*) FROM outbox WHERE state = 'PENDING'");
    }

    /** Operations by state (PENDING, ACKED, CONFLICT, REJECTED). */
    public Map<String, Integer> countsByState() {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT state, count(*) FROM outbox GROUP BY state ORDER BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** The state of every outbox operation, by op id, in outbox order. */
    public Map<String, String> opStates() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT op_id, state FROM outbox ORDER BY seq"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Stores the server's answers; only now do the rows leave PENDING (SYNC.md §6). */
    public void recordAcks(List<Ack> acks) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = ?, server_rev = ?, conflict_id = ?,"
                    + " last_error = ?, attempts = attempts + 1 WHERE op_id = ? AND state = 'PENDING'")) {
                for (Ack a : acks) {
                    ps.setString(1, a.state());
                    ps.setLong(2, a.serverRev());
                    ps.setString(3, a.conflictId());
                    ps.setString(4, a.error());
                    ps.setString(5, a.opId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Counts a failed attempt on the given operations and keeps the error for the sync page. */
    public void recordAttempt(List<String> opIds, String error) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE op_id = ?")) {
                for (String id : opIds) {
                    ps.setString(1, error);
                    ps.setString(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------------ pull

    /**
     * Applies one pulled page and advances the cursor to {@code next} in one transaction. A record with pending local
     * operations gets the server state with those operations replayed on top (they are still to be pushed, and the server
     * merges them three-way); other records become exactly the server state. Entities not in {@link #SHARED_ENTITIES}
     * are skipped.
     */
    public int applyPage(List<Remote> page, long next) {
        return db.writeUnchecked(c -> {
            int applied = 0;
            for (Remote r : page) {
                if (!SHARED_ENTITIES.contains(r.entity())) {
                    continue;
                }
                apply(c, r);
                applied++;
            }
            put(c, "pull_cursor", Long.toString(next));
            return applied;
        });
    }

    private void apply(Connection c, Remote r) throws SQLException {
        String table = r.entity();
        Set<String> cols = columns(c, table);
        Map<String, JsonNode> fields = new LinkedHashMap<>(r.data());
        boolean deleted = r.deleted();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, changes FROM outbox WHERE entity = ? AND entity_id = ?"
                + " AND state = 'PENDING' ORDER BY seq")) {
            ps.setString(1, r.entity());
            ps.setString(2, r.entityId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("DELETE".equals(rs.getString(1))) {
                        deleted = true;
                    }
                    var it = tree(rs.getString(2)).fields();
                    while (it.hasNext()) {
                        var f = it.next();
                        if ("deleted".equals(f.getKey())) {
                            deleted = f.getValue().path("new").asBoolean();
                        } else {
                            fields.put(f.getKey(), f.getValue().path("new"));
                        }
                    }
                }
            }
        }
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            ps.setString(1, r.entityId());
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        Map<String, Object> values = SyncShapes.columns(c, table, r.entityId(), fields, cols, exists, attachmentFolder);
        List<String> names = new ArrayList<>(values.keySet());
        String now = db.now();
        if (exists) {
            StringBuilder sql = new StringBuilder("UPDATE " + table + " SET ");
            for (String n : names) {
                sql.append(n).append(" = ?, ");
            }
            sql.append("deleted = ?, rev = ?, updated_at = ? WHERE id = ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = bindValues(ps, names, values, 1);
                ps.setInt(i++, deleted ? 1 : 0);
                ps.setLong(i++, r.rev());
                ps.setString(i++, now);
                ps.setString(i, r.entityId());
                ps.executeUpdate();
            }
        } else {
            StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (id, ");
            for (String n : names) {
                sql.append(n).append(", ");
            }
            sql.append("deleted, rev, author, created_at, updated_at) VALUES (?");
            sql.append(", ?".repeat(names.size() + 5)).append(')');
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setString(1, r.entityId());
                int i = bindValues(ps, names, values, 2);
                ps.setInt(i++, deleted ? 1 : 0);
                ps.setLong(i++, r.rev());
                ps.setString(i++, "sync");
                ps.setString(i++, now);
                ps.setString(i, now);
                ps.executeUpdate();
            }
        }
        ObjectNode base = Outbox.JSON.createObjectNode();
        r.data().forEach(base::set);
        base.put("deleted", r.deleted());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO base_copy (entity, entity_id, rev, data) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (entity, entity_id) DO UPDATE SET rev = excluded.rev, data = excluded.data")) {
            ps.setString(1, r.entity());
            ps.setString(2, r.entityId());
            ps.setLong(3, r.rev());
            ps.setString(4, base.toString());
            ps.executeUpdate();
        }
    }

    /** Binds values from parameter {@code first}; returns the next index. */
    private static int bindValues(PreparedStatement ps, List<String> names, Map<String, Object> values, int first)
            throws SQLException {
        int i = first;
        for (String n : names) {
            Object v = values.get(n);
            if (v == null) {
                ps.setNull(i, java.sql.Types.NULL);
            } else if (v instanceof Long l) {
                ps.setLong(i, l);
            } else if (v instanceof Double d) {
                ps.setDouble(i, d);
            } else {
                ps.setString(i, v.toString());
            }
            i++;
        }
        return i;
    }

    private Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> cached = columns.get(table);
        if (cached != null) {
            return cached;
        }
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        columns.put(table, out);
        return out;
    }

    /** The state of every record of a shared entity, as the convergence check compares it with the platform's. */
    public Map<String, Remote> records(String entity) {
        if (!SHARED_ENTITIES.contains(entity)) {
            throw new IllegalArgumentException(entity);
        }
        return db.read(c -> {
            Map<String, Remote> out = new java.util.TreeMap<>();
            Set<String> cols = columns(c, entity);
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + entity); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, JsonNode> data = SyncShapes.fields(c, entity, rs, cols);
                    out.put(rs.getString("id"), new Remote(rs.getLong("rev"), entity, rs.getString("id"), rs.getInt("deleted") == 1, data));
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------------------------------------ status, history

    /** Marks a sync as server-confirmed (the overview and status bar read {@code last_confirmed_sync}). */
    public void confirmSync(String at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO workspace_meta (key, value) VALUES ('last_confirmed_sync', ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, at);
                ps.executeUpdate();
            }
            put(c, "last_error", null);
            return null;
        });
    }

    public Optional<String> lastConfirmedSync() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM workspace_meta WHERE key = 'last_confirmed_sync'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    public void addRun(Run run) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_history (at, pushed, conflicts, rejected, pulled, blobs_up,"
                    + " blobs_down, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, run.at());
                ps.setInt(2, run.pushed());
                ps.setInt(3, run.conflicts());
                ps.setInt(4, run.rejected());
                ps.setInt(5, run.pulled());
                ps.setInt(6, run.blobsUp());
                ps.setInt(7, run.blobsDown());
                ps.setString(8, run.error());
                ps.executeUpdate();
            }
            if (run.error() != null) {
                put(c, "last_error", run.error());
            }
            return null;
        });
    }

    /** The latest runs, newest first. */
    public List<Run> history(int limit) {
        return db.read(c -> {
            List<Run> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at, pushed, conflicts, rejected, pulled, blobs_up, blobs_down, error"
                    + " FROM sync_history ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Run(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                                rs.getInt(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    private int count(String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static JsonNode tree(String json) throws SQLException {
        try {
            return Outbox.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("bad JSON in outbox", e);
        }
    }
}
