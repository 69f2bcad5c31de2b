package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentStoreTest {
    @TempDir
    Path dir;

    @Test
    void contentIsStoredUnderItsSha256AndRecorded() throws Exception {
        try (Workspace ws = TestWorkspaces.create(dir)) {
            byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
            AttachmentStore.Attachment a = ws.attachments().put(new ByteArrayInputStream(data), "照片.jpg", "image/jpeg",
                    "site", "s1");
            // SHA-256("abc"), FIPS 180-2 example
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", a.sha256());
            assertEquals(3, a.size());
            assertEquals("abc", Files.readString(ws.attachments().path(a)));
            assertEquals(a, ws.attachments().get(a.id()).orElseThrow());
            assertEquals("UPSERT", ws.outbox().forEntity(a.id()).get(0).kind().name());
        }
    }

    @Test
    void sameContentIsStoredOnce() throws Exception {
        try (Workspace ws = TestWorkspaces.create(dir)) {
            var a = ws.attachments().put(new ByteArrayInputStream(new byte[] {1, 2}), "a", null, "", "");
            var b = ws.attachments().put(new ByteArrayInputStream(new byte[] {1, 2}), "b", null, "", "");
            assertEquals(a.sha256(), b.sha256());
            try (var files = Files.walk(ws.attachments().folder())) {
                assertEquals(1, files.filter(Files::isRegularFile).count());
            }
        }
    }

    @Test
    void orphanFilesAreSweptOnOpenAndReferencedOnesKept() throws Exception {
        Path file;
        Path kept;
        Path orphan;
        Path temp;
        try (Workspace ws = TestWorkspaces.create(dir)) {
            file = ws.file();
            var a = ws.attachments().put(new ByteArrayInputStream(new byte[] {7}), "k", null, "", "");
            kept = ws.attachments().path(a);
            // A crash between writing the file and committing its row leaves a file no row refers to.
            orphan = ws.attachments().folder().resolve("00").resolve("00".repeat(32));
            Files.createDirectories(orphan.getParent());
            Files.write(orphan, new byte[] {1});
            temp = ws.attachments().folder().resolve("put-123.tmp");
            Files.write(temp, new byte[] {1});
        }
        try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "x")) {
            assertTrue(Files.exists(kept));
            assertFalse(Files.exists(orphan));
            assertFalse(Files.exists(temp));
        }
    }
}
