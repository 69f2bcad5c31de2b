package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows that are too many for an outbox operation (an air import's values, a map layer's features) travel as a file
 * attached to their parent record: the file is written from the stored rows, kept as a content-addressed attachment
 * (committed before the row that refers to it), and the parent records the attachment in one column with its own
 * operation. A device that pulls the parent loads the rows from the file ({@link SyncShapes}).
 */
final class SyncedFiles {
    /** Writes the rows of one parent record to a stream (which it closes). */
    @FunctionalInterface
    interface RowWriter {
        void write(Connection c, OutputStream out) throws SQLException, IOException;
    }

    private SyncedFiles() {
    }

    /** Attaches the rows written by {@code writer} to record {@code id} of {@code table}, in {@code column}. */
    static String attach(Database db, AttachmentStore attachments, String table, String id, String column, String fileName,
            RowWriter writer) {
        AttachmentStore.Attachment a;
        try {
            Files.createDirectories(attachments.folder());
            Path tmp = Files.createTempFile(attachments.folder(), "rows-", ".tmp");
            try {
                db.read(c -> {
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        writer.write(c, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
                try (InputStream in = Files.newInputStream(tmp)) {
                    a = attachments.put(in, fileName, "application/gzip", table, id);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EcoAidException(e, "attachment.error.write", fileName, e.getMessage());
        }
        db.write(c -> {
            long rev;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")) {
                ps.setString(1, a.id());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT rev FROM " + table + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rev = rs.next() ? rs.getLong(1) : 0;
                }
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put(column, null);
            Outbox.append(c, db, table, id, Outbox.Kind.UPSERT, rev, Outbox.diff(before, Map.of(column, a.id())));
            return null;
        });
        return a.id();
    }

    /**
     * The downloaded file of attachment {@code attachmentId} if record {@code id} of {@code table} does not already hold
     * it in {@code column}; empty when the rows are already loaded.
     */
    static java.util.Optional<Path> toLoad(Connection c, String table, String id, String column, String attachmentId,
            Path folder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && attachmentId.equals(rs.getString(1))) {
                    return java.util.Optional.empty();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM attachment WHERE id = ?")) {
            ps.setString(1, attachmentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String sha = rs.getString(1);
                    return java.util.Optional.of(folder.resolve(sha.substring(0, 2)).resolve(sha));
                }
            }
        }
        throw new SQLException(table + " " + id + " refers to attachment " + attachmentId + ", which has not arrived");
    }
}
