package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.platform.PlatformServer;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.Wire;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload left incomplete is resumable for 7 days (its chunks are listed), then dropped (SYNC.md §9). */
class UploadExpiryTest {
    @TempDir
    Path dir;

    @Test
    void incompleteUploadsResumeThenExpireAfterSevenDays() throws Exception {
        ClockSkewTest.ShiftClock serverClock = new ClockSkewTest.ShiftClock(Duration.ZERO);
        try (SyncHarness h = new SyncHarness(dir, PlatformServer.Config.defaults(0).withLimits(1 << 20, 1000, 1024, 1 << 20)
                .withTokenTtl(Duration.ofDays(30)), serverClock, null)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            byte[] content = new byte[2500];
            new java.util.Random(9).nextBytes(content);
            String sha = SyncEngine.hex(content);
            Raw raw = new Raw(h.uri);
            String token = Raw.token(a, h.uri);
            Dto.BlobUpload up = raw.post(Wire.BLOBS, new Dto.BlobStart(sha, content.length), token).as(Dto.BlobUpload.class);
            byte[] c1 = java.util.Arrays.copyOfRange(content, 1024, 2048);
            assertEquals(200, raw.put(Wire.BLOBS + "/uploads/" + up.uploadId() + "/chunks/1", c1, SyncEngine.hex(c1), token).status());
            serverClock.offset = Duration.ofDays(6);
            assertEquals(List.of(), h.store.expireUploads(Duration.ofDays(7)));
            Dto.BlobUpload resumed = raw.post(Wire.BLOBS, new Dto.BlobStart(sha, content.length), token).as(Dto.BlobUpload.class);
            assertEquals(up.uploadId(), resumed.uploadId(), "the same upload resumes");
            assertEquals(List.of(1), resumed.received(), "with the chunk already held");
            serverClock.offset = Duration.ofDays(8);
            assertEquals(List.of(up.uploadId()), h.store.expireUploads(Duration.ofDays(7)));
            Dto.BlobUpload fresh = raw.post(Wire.BLOBS, new Dto.BlobStart(sha, content.length), token).as(Dto.BlobUpload.class);
            assertTrue(!fresh.uploadId().equals(up.uploadId()) && fresh.received().isEmpty(), "a new upload after expiry");
        }
    }
}
