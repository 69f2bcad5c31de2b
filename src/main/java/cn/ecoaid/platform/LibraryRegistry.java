package cn.ecoaid.platform;

import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.LibraryDto;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.protocol.WireException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's reference libraries (SYNC.md §10): each load of a validated file becomes the next immutable version of
 * its kind, stored with its rows and content hash and an audit entry in one transaction. National versions are seen by
 * everyone; a provincial admin's version only in its province. Nothing here updates or deletes a version.
 */
public final class LibraryRegistry {
    /** The scope name of a version every province sees. */
    public static final String NATIONAL = "NATIONAL";
    private static final TypeReference<List<String>> CELLS = new TypeReference<>() { };

    /**
     * Checks a library's rows before they are stored (the workbench's own readers, wired in by the command that starts
     * the server); throws {@link WireException} with {@link ErrorCode#LIBRARY_REJECTED} naming rows and columns.
     */
    @FunctionalInterface
    public interface Validator {
        void validate(String kind, String fileName, List<String> headers, List<List<String>> rows);
    }

    private final PlatformStore store;

    public LibraryRegistry(PlatformStore store) {
        this.store = store;
    }

    /** A kind's wire name, or NOT_FOUND. */
    public static String kind(String name) {
        String k = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        if (!LibraryDto.KINDS.contains(k)) {
            throw new WireException(ErrorCode.NOT_FOUND, "library " + name);
        }
        return k;
    }

    /**
     * Stores checked rows as the next version of their kind; returns it without rows. The rows must be rectangular and
     * not empty; nothing is stored otherwise. Rows equal to the newest version of the same scope store nothing new: that
     * version is returned (so a retried upload cannot make two versions).
     *
     * @param provinceId null for a national version, else the province it is for (must exist)
     */
    public LibraryDto.Version load(String kindName, List<String> headers, List<List<String>> rows, String label, String fileName,
                                   String provinceId, String actor, String device, String role, String address) {
        String kind = kind(kindName);
        if (headers == null || headers.isEmpty() || rows == null || rows.isEmpty()) {
            throw new WireException(ErrorCode.LIBRARY_REJECTED, "no header or no rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null || rows.get(i).size() != headers.size()) {
                throw new WireException(ErrorCode.LIBRARY_REJECTED, "row " + (i + 2) + " does not have " + headers.size() + " cells");
            }
        }
        String sha = LibraryDto.contentHash(headers, rows);
        return store.tx(c -> {
            if (provinceId != null && !exists(c, "SELECT 1 FROM province WHERE id = ?", provinceId)) {
                throw new PlatformException("platform.error.unknown", "province", provinceId);
            }
            // Loading the same rows again (a retried request, the same file twice) gives the version that holds them.
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM library_version WHERE kind = ? AND"
                    + (provinceId == null ? " province_id IS NULL" : " province_id = ?") + " ORDER BY version DESC LIMIT 1")) {
                ps.setString(1, kind);
                if (provinceId != null) {
                    ps.setString(2, provinceId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long newest = rs.getLong(1);
                        for (LibraryDto.Version v : versions(c, kind, newest - 1, 1, provinceId, true, false)) {
                            if (v.version() == newest && v.sha256().equals(sha)) {
                                return v;
                            }
                        }
                    }
                }
            }
            long version;
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM library_version WHERE kind = ?")) {
                ps.setString(1, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1) + 1;
                }
            }
            String at = store.now();
            String name = label == null || label.isBlank() ? fileName : label.strip();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_version (kind, version, label, sha256, province_id,"
                    + " file_name, row_count, headers, loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, kind);
                ps.setLong(2, version);
                ps.setString(3, name);
                ps.setString(4, sha);
                ps.setString(5, provinceId);
                ps.setString(6, fileName);
                ps.setInt(7, rows.size());
                ps.setString(8, json(headers));
                ps.setString(9, at);
                ps.setString(10, actor);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_row (kind, version, row_no, cells) VALUES (?, ?, ?, ?)")) {
                int n = 0;
                for (List<String> row : rows) {
                    ps.setString(1, kind);
                    ps.setLong(2, version);
                    ps.setInt(3, ++n);
                    ps.setString(4, json(row));
                    ps.addBatch();
                    if (n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            store.auditIn(c, actor, device, role, "load-library", "library_" + kind, Long.toString(version), version, address);
            return new LibraryDto.Version(kind, version, name, sha, provinceId == null ? NATIONAL : provinceId, fileName,
                    rows.size(), at, actor, headers, null);
        });
    }

    /** Each kind's latest version visible in {@code provinceId} (null: national versions only; {@code all}: every version). */
    public LibraryDto.Kinds kinds(String provinceId, boolean all) {
        return store.tx(c -> {
            List<LibraryDto.KindInfo> out = new ArrayList<>();
            for (String k : LibraryDto.KINDS) {
                List<LibraryDto.Version> versions = versions(c, k, 0, Integer.MAX_VALUE, provinceId, all, false);
                if (versions.isEmpty()) {
                    out.add(new LibraryDto.KindInfo(k, 0, null, null, null, 0));
                } else {
                    LibraryDto.Version v = versions.get(versions.size() - 1);
                    out.add(new LibraryDto.KindInfo(k, v.version(), v.sha256(), v.label(), v.loadedAt(), versions.size()));
                }
            }
            return new LibraryDto.Kinds(out);
        });
    }

    /** Versions of {@code kind} after {@code since}, ascending, at most {@code limit}, with their rows. */
    public LibraryDto.Page page(String kindName, long since, int limit, String provinceId, boolean all) {
        if (since < 0) {
            throw new WireException(ErrorCode.BAD_REQUEST, "since must not be negative");
        }
        String kind = kind(kindName);
        return store.tx(c -> {
            List<LibraryDto.Version> versions = versions(c, kind, since, limit + 1, provinceId, all, true);
            boolean more = versions.size() > limit;
            if (more) {
                versions = versions.subList(0, limit);
            }
            long latest = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM library_version WHERE kind = ?"
                    + (all ? "" : " AND (province_id IS NULL OR province_id = ?)"))) {
                ps.setString(1, kind);
                if (!all) {
                    ps.setString(2, provinceId == null ? "" : provinceId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    latest = rs.getLong(1);
                }
            }
            long next = versions.isEmpty() ? Math.min(since, latest) : versions.get(versions.size() - 1).version();
            return new LibraryDto.Page(kind, List.copyOf(versions), next, latest, more);
        });
    }

    private List<LibraryDto.Version> versions(Connection c, String kind, long since, int limit, String provinceId, boolean all,
                                              boolean withRows) throws SQLException {
        List<LibraryDto.Version> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, label, sha256, province_id, file_name, row_count, headers,"
                + " loaded_at, loaded_by FROM library_version WHERE kind = ? AND version > ?"
                + (all ? "" : " AND (province_id IS NULL OR province_id = ?)") + " ORDER BY version LIMIT ?")) {
            int i = 1;
            ps.setString(i++, kind);
            ps.setLong(i++, since);
            if (!all) {
                ps.setString(i++, provinceId == null ? "" : provinceId);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String scope = rs.getString(4) == null ? NATIONAL : rs.getString(4);
                    out.add(new LibraryDto.Version(kind, rs.getLong(1), rs.getString(2), rs.getString(3), scope, rs.getString(5),
                            rs.getInt(6), rs.getString(8), rs.getString(9), cells(rs.getString(7)), null));
                }
            }
        }
        if (!withRows) {
            return out;
        }
        List<LibraryDto.Version> full = new ArrayList<>(out.size());
        for (LibraryDto.Version v : out) {
            List<List<String>> rows = new ArrayList<>(v.rowCount());
            try (PreparedStatement ps = c.prepareStatement("SELECT cells FROM library_row WHERE kind = ? AND version = ? ORDER BY row_no")) {
                ps.setString(1, kind);
                ps.setLong(2, v.version());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(cells(rs.getString(1)));
                    }
                }
            }
            full.add(new LibraryDto.Version(v.kind(), v.version(), v.label(), v.sha256(), v.scope(), v.fileName(), v.rowCount(),
                    v.loadedAt(), v.loadedBy(), v.headers(), rows));
        }
        return full;
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String json(List<String> cells) {
        return new String(Wire.write(cells), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> cells(String json) throws SQLException {
        try {
            return Wire.mapper().readValue(json, CELLS);
        } catch (IOException e) {
            throw new SQLException("bad library row JSON", e);
        }
    }
}
