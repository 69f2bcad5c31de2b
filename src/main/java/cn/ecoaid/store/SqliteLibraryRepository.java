package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.library.LibraryContent;
import cn.ecoaid.library.LibraryKind;
import cn.ecoaid.library.LibraryUse;
import cn.ecoaid.library.LibraryVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local copies of the platform's reference libraries (migration V011): read-only immutable versions with their rows,
 * one pull cursor per kind, and which version each analysis used. A pulled page of versions and the cursor commit in
 * one transaction; a version whose rows do not match its hash, or that differs from the copy already held under the
 * same number, refuses the whole page.
 */
public final class SqliteLibraryRepository {
    /** A version as pulled: its description and rows. */
    public record Incoming(LibraryVersion version, LibraryContent content) {
    }

    private static final TypeReference<List<String>> CELLS = new TypeReference<>() { };
    private static final String COLUMNS = "kind, version, label, sha256, scope, file_name, row_count, loaded_at, loaded_by,"
            + " pulled_at";
    private final Database db;

    SqliteLibraryRepository(Database db) {
        this.db = db;
    }

    /** The libraries of an open workspace. */
    public static SqliteLibraryRepository of(Workspace ws) {
        return new SqliteLibraryRepository(ws.database());
    }

    /** The pull cursor of a kind: the version the next pull starts after (0 before the first). */
    public long cursor(LibraryKind kind) {
        return db.read(c -> longOf(c, "SELECT version FROM library_cursor WHERE kind = ?", kind.id()));
    }

    /** Sets a cursor (a reset after the platform answered that the cursor is ahead of it). */
    public void setCursor(LibraryKind kind, long version) {
        db.write(c -> {
            putCursor(c, kind, version);
            return null;
        });
    }

    /** The highest version held of a kind (0 if none). */
    public long maxHeld(LibraryKind kind) {
        return db.read(c -> longOf(c, "SELECT coalesce(max(version), 0) FROM library_version WHERE kind = ?", kind.id()));
    }

    /**
     * Stores a pulled page and moves the cursor to {@code next}, in one transaction; returns how many versions were new.
     *
     * @throws EcoAidException {@code library.error.hash} when rows do not match their hash, {@code library.error.mismatch}
     *     when a version number held here has other content on the platform
     */
    public int apply(LibraryKind kind, List<Incoming> page, long next) {
        for (Incoming in : page) {
            if (in.version().kind() != kind || !in.content().sha256().equals(in.version().sha256())) {
                throw new EcoAidException("library.error.hash", kind.id(), in.version().version());
            }
        }
        return db.write(c -> {
            int added = 0;
            for (Incoming in : page) {
                LibraryVersion v = in.version();
                Optional<LibraryVersion> held = version(c, kind, v.version());
                if (held.isPresent()) {
                    if (!held.get().sha256().equals(v.sha256())) {
                        throw new EcoAidException("library.error.mismatch", kind.id(), v.version(), held.get().sha256(), v.sha256());
                    }
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_version (" + COLUMNS + ", headers)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, kind.id());
                    ps.setLong(2, v.version());
                    ps.setString(3, v.label());
                    ps.setString(4, v.sha256());
                    ps.setString(5, v.scope());
                    ps.setString(6, v.fileName() == null ? "" : v.fileName());
                    ps.setInt(7, in.content().rows().size());
                    ps.setString(8, v.loadedAt());
                    ps.setString(9, v.loadedBy() == null ? "" : v.loadedBy());
                    ps.setString(10, db.now());
                    ps.setString(11, json(in.content().headers()));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_row (kind, version, row_no, cells) VALUES (?, ?, ?, ?)")) {
                    int n = 0;
                    for (List<String> row : in.content().rows()) {
                        ps.setString(1, kind.id());
                        ps.setLong(2, v.version());
                        ps.setInt(3, ++n);
                        ps.setString(4, json(row));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                added++;
            }
            putCursor(c, kind, next);
            return added;
        });
    }

    /** Every version held of a kind, oldest first. */
    public List<LibraryVersion> versions(LibraryKind kind) {
        return db.read(c -> {
            List<LibraryVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM library_version WHERE kind = ? ORDER BY version")) {
                ps.setString(1, kind.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(version(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The newest version held of a kind. */
    public Optional<LibraryVersion> latest(LibraryKind kind) {
        List<LibraryVersion> all = versions(kind);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Optional<LibraryVersion> version(LibraryKind kind, long version) {
        return db.read(c -> version(c, kind, version));
    }

    /** A held version, or the newest when {@code version} is 0; an error naming the kind when there is none. */
    public LibraryVersion require(LibraryKind kind, long version) {
        Optional<LibraryVersion> v = version == 0 ? latest(kind) : version(kind, version);
        return v.orElseThrow(() -> version == 0 ? new EcoAidException("library.error.none", kind.id())
                : new EcoAidException("library.error.noVersion", kind.id(), version));
    }

    /** The rows of a held version. */
    public LibraryContent content(LibraryVersion v) {
        return db.read(c -> {
            List<String> headers;
            try (PreparedStatement ps = c.prepareStatement("SELECT headers FROM library_version WHERE kind = ? AND version = ?")) {
                ps.setString(1, v.kind().id());
                ps.setLong(2, v.version());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new EcoAidException("library.error.noVersion", v.kind().id(), v.version());
                    }
                    headers = cells(rs.getString(1));
                }
            }
            List<List<String>> rows = new ArrayList<>(v.rowCount());
            try (PreparedStatement ps = c.prepareStatement("SELECT cells FROM library_row WHERE kind = ? AND version = ? ORDER BY row_no")) {
                ps.setString(1, v.kind().id());
                ps.setLong(2, v.version());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(cells(rs.getString(1)));
                    }
                }
            }
            return new LibraryContent(v.kind(), headers, rows);
        });
    }

    // ------------------------------------------------------------------------------------------------ analyses

    /**
     * Records that an analysis used a library version (replacing what it used before for that kind), with its outbox
     * row in the same transaction.
     */
    public LibraryUse recordUse(String entity, String entityId, LibraryVersion v) {
        LibraryUse use = new LibraryUse(entity, entityId, v.kind(), v.version(), v.sha256(), v.label());
        db.write(c -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("entity", entity);
            fields.put("entity_id", entityId);
            fields.put("kind", v.kind().id());
            fields.put("version", v.version());
            fields.put("sha256", v.sha256());
            fields.put("label", v.label());
            String now = db.now();
            Optional<Object[]> old = liveUse(c, entity, entityId, v.kind());
            if (old.isPresent()) {
                Map<String, Object> before = new LinkedHashMap<>(fields);
                before.put("version", old.get()[1]);
                before.put("sha256", old.get()[2]);
                before.put("label", old.get()[3]);
                try (PreparedStatement ps = c.prepareStatement("UPDATE library_use SET version = ?, sha256 = ?, label = ?, updated_at = ?"
                        + " WHERE id = ?")) {
                    ps.setLong(1, v.version());
                    ps.setString(2, v.sha256());
                    ps.setString(3, v.label());
                    ps.setString(4, now);
                    ps.setString(5, (String) old.get()[0]);
                    ps.executeUpdate();
                }
                Outbox.append(c, db, "library_use", (String) old.get()[0], Outbox.Kind.UPSERT, (Long) old.get()[4],
                        Outbox.diff(before, fields));
                return null;
            }
            String id = Ids.newId();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_use (id, entity, entity_id, kind, version, sha256, label,"
                    + " author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, entity);
                ps.setString(3, entityId);
                ps.setString(4, v.kind().id());
                ps.setLong(5, v.version());
                ps.setString(6, v.sha256());
                ps.setString(7, v.label());
                ps.setString(8, db.author());
                ps.setString(9, now);
                ps.setString(10, now);
                ps.executeUpdate();
            }
            Outbox.append(c, db, "library_use", id, Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
            return null;
        });
        return use;
    }

    /** Every analysis's recorded library version (live records), by entity, id and kind. */
    public List<LibraryUse> allUses() {
        return db.read(c -> {
            List<LibraryUse> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT entity, entity_id, kind, version, sha256, label FROM library_use"
                    + " WHERE deleted = 0 ORDER BY entity, entity_id, kind");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LibraryUse(rs.getString(1), rs.getString(2), LibraryKind.require(rs.getString(3)), rs.getLong(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    /** The library versions an analysis used, by kind. */
    public List<LibraryUse> uses(String entity, String entityId) {
        return db.read(c -> {
            List<LibraryUse> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, version, sha256, label FROM library_use WHERE entity = ?"
                    + " AND entity_id = ? AND deleted = 0 ORDER BY kind")) {
                ps.setString(1, entity);
                ps.setString(2, entityId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LibraryUse(entity, entityId, LibraryKind.require(rs.getString(1)), rs.getLong(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    public Optional<LibraryUse> use(String entity, String entityId, LibraryKind kind) {
        return uses(entity, entityId).stream().filter(u -> u.kind() == kind).findFirst();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Optional<Object[]> liveUse(Connection c, String entity, String entityId, LibraryKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, sha256, label, rev FROM library_use WHERE entity = ?"
                + " AND entity_id = ? AND kind = ? AND deleted = 0")) {
            ps.setString(1, entity);
            ps.setString(2, entityId);
            ps.setString(3, kind.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getLong(5)}) : Optional.empty();
            }
        }
    }

    private Optional<LibraryVersion> version(Connection c, LibraryKind kind, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM library_version WHERE kind = ? AND version = ?")) {
            ps.setString(1, kind.id());
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(version(rs)) : Optional.empty();
            }
        }
    }

    private static LibraryVersion version(ResultSet rs) throws SQLException {
        return new LibraryVersion(LibraryKind.require(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    private void putCursor(Connection c, LibraryKind kind, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_cursor (kind, version, checked_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (kind) DO UPDATE SET version = excluded.version, checked_at = excluded.checked_at")) {
            ps.setString(1, kind.id());
            ps.setLong(2, version);
            ps.setString(3, db.now());
            ps.executeUpdate();
        }
    }

    private static long longOf(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static String json(List<String> cells) throws SQLException {
        try {
            return Outbox.JSON.writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode library row", e);
        }
    }

    private static List<String> cells(String json) throws SQLException {
        try {
            return Outbox.JSON.readValue(json, CELLS);
        } catch (JsonProcessingException e) {
            throw new SQLException("bad library row JSON", e);
        }
    }
}
