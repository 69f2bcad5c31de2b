package cn.ecoaid.platform;

import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.WireException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Blob files of the platform: chunks of open uploads in {@code uploads/<id>/<index>}, finished blobs in
 * {@code blobs/<sha[0:2]>/<sha>}. Every file is written to a temporary name, fsynced and atomically renamed.
 */
final class BlobFiles {
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    BlobFiles(Path root) {
        this.root = root;
    }

    Path blob(String sha) {
        return root.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha);
    }

    boolean has(String sha) {
        return Files.isRegularFile(blob(sha));
    }

    private Path chunk(String uploadId, int index) {
        return root.resolve("uploads").resolve(uploadId).resolve(Integer.toString(index));
    }

    List<Integer> received(String uploadId, int chunks) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            if (Files.isRegularFile(chunk(uploadId, i))) {
                out.add(i);
            }
        }
        return out;
    }

    /** Stores one chunk after checking its SHA-256; idempotent. */
    void putChunk(String uploadId, int index, byte[] data, String sha) {
        if (sha == null || !sha.equalsIgnoreCase(hex(data))) {
            throw new WireException(ErrorCode.CHUNK_HASH_MISMATCH, "chunk " + index);
        }
        Path target = chunk(uploadId, index);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(index + ".tmp");
            Files.write(tmp, data);
            // No fsync per chunk: completion re-reads and hashes every chunk, so a chunk damaged by a power cut is
            // caught there; the joined blob is fsynced before it is renamed into the store.
            move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Joins the chunks, checks the total size and hash, and moves the blob into the store. */
    void complete(String uploadId, int chunks, String sha, long size) {
        Path dir = root.resolve("uploads").resolve(uploadId);
        try {
            Path tmp = dir.resolve("joined.tmp");
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (int i = 0; i < chunks; i++) {
                    Path part = chunk(uploadId, i);
                    if (!Files.isRegularFile(part)) {
                        throw new WireException(ErrorCode.UPLOAD_INCOMPLETE, "chunk " + i + " missing");
                    }
                    byte[] buf = new byte[1 << 16];
                    try (InputStream in = Files.newInputStream(part)) {
                        for (int n; (n = in.read(buf)) > 0; ) {
                            md.update(buf, 0, n);
                            out.write(buf, 0, n);
                            total += n;
                        }
                    }
                }
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (total != size || !got.equals(sha)) {
                deleteTree(dir);
                throw new WireException(ErrorCode.BLOB_HASH_MISMATCH, "expected " + sha + "/" + size + ", got " + got + "/" + total);
            }
            force(tmp);
            Path target = blob(sha);
            Files.createDirectories(target.getParent());
            move(tmp, target);
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void discard(String uploadId) {
        try {
            deleteTree(root.resolve("uploads").resolve(uploadId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
