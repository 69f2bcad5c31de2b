package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Content-addressed attachments in a folder beside the workspace ({@code <workspace>.files/ab/abcdef…}). The file is
 * written to a temporary name, fsynced and atomically renamed <em>before</em> the row that refers to it commits, so a
 * crash leaves at worst an orphan file, which {@link #sweepOrphans()} removes on the next open.
 */
public final class AttachmentStore {
    /** A stored attachment. */
    public record Attachment(String id, String sha256, long size, String fileName, String mediaType,
                             String ownerEntity, String ownerId) {
    }

    private final Database db;
    private final Path folder;

    public AttachmentStore(Database db) {
        this.db = db;
        this.folder = db.file().resolveSibling(db.file().getFileName() + ".files");
    }

    public Path folder() {
        return folder;
    }

    /** Stores the content of {@code in} and records it as an attachment of the given record. */
    public Attachment put(InputStream in, String fileName, String mediaType, String ownerEntity, String ownerId) {
        String sha;
        long size;
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "put-", ".tmp");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream raw = Files.newOutputStream(tmp); DigestOutputStream out = new DigestOutputStream(raw, digest)) {
                size = in.transferTo(out);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            sha = HexFormat.of().formatHex(digest.digest());
            Path target = blobPath(sha);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                fsyncDirectory(target.getParent());
            }
        } catch (IOException e) {
            throw new EcoAidException(e, "attachment.error.write", fileName, e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Attachment a = new Attachment(Ids.newId(), sha, size, fileName, mediaType == null ? "application/octet-stream" : mediaType,
                ownerEntity == null ? "" : ownerEntity, ownerId == null ? "" : ownerId);
        db.write(c -> {
            String now = db.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachment (id, sha256, size, file_name, media_type,"
                    + " owner_entity, owner_id, author, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, a.id());
                ps.setString(2, a.sha256());
                ps.setLong(3, a.size());
                ps.setString(4, a.fileName());
                ps.setString(5, a.mediaType());
                ps.setString(6, a.ownerEntity());
                ps.setString(7, a.ownerId());
                ps.setString(8, db.author());
                ps.setString(9, now);
                ps.setString(10, now);
                ps.executeUpdate();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("sha256", a.sha256());
            fields.put("size", a.size());
            fields.put("file_name", a.fileName());
            fields.put("media_type", a.mediaType());
            fields.put("owner_entity", a.ownerEntity());
            fields.put("owner_id", a.ownerId());
            Outbox.append(c, db, "attachment", a.id(), Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
            return null;
        });
        return a;
    }

    public Optional<Attachment> get(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, sha256, size, file_name, media_type, owner_entity, owner_id"
                    + " FROM attachment WHERE id = ? AND deleted = 0")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Attachment(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))) : Optional.empty();
                }
            }
        });
    }

    /** The file holding an attachment's content. */
    public Path path(Attachment a) {
        return blobPath(a.sha256());
    }

    /** Deletes blob files and temporary files that no attachment row (live or tombstoned) refers to. */
    public int sweepOrphans() {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Set<String> referenced = new HashSet<>(db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT sha256 FROM attachment");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }));
        int removed = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp") || !referenced.contains(name)) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new EcoAidException(e, "attachment.error.sweep", folder, e.getMessage());
        }
        return removed;
    }

    private Path blobPath(String sha) {
        return folder.resolve(sha.substring(0, 2)).resolve(sha);
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // not supported on every platform (Windows); the rename itself is atomic
        }
    }
}
