package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.platform.PlatformServer;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.store.AttachmentStore;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles and team isolation on every endpoint: a member (or lead) of team A can neither read nor write team B's records,
 * conflicts, blobs or devices; members cannot resolve or revoke; a provincial admin reads but does not push; a revoked
 * device is refused; a tampered blob is refused; size and rate limits answer with their codes.
 */
class AccessTest {
    @TempDir
    Path dir;

    @Test
    void teamAHasNoWayIntoTeamB() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            SyncHarness.Device lead = h.device("leadA", Dto.Role.TEAM_LEAD, h.teamA);
            SyncHarness.Device b = h.member("b", h.teamB);
            SyncHarness.Device b2 = h.member("b2", h.teamB);
            Site secret = Site.create("B1", "乙组站点", SiteType.AIR_STATION, 110.0, 30.0);
            b.ws().sites().add(secret);
            AttachmentStore.Attachment file = b.ws().attachments().put(new ByteArrayInputStream(
                    "乙组附件".getBytes(StandardCharsets.UTF_8)), "b.txt", "text/plain", "site", secret.id());
            b.engine().sync();
            b2.engine().sync();
            b2.ws().sites().update(b2.ws().sites().get(secret.id()).orElseThrow().withName("乙2"));
            b.ws().sites().update(b.ws().sites().get(secret.id()).orElseThrow().withName("乙1"));
            b.engine().sync();
            b2.engine().sync();
            Dto.Conflict bConflict = h.store.conflicts(java.util.Set.of(h.teamB), "OPEN").get(0);

            Raw raw = new Raw(h.uri);
            for (SyncHarness.Device intruder : List.of(a, lead)) {
                String token = Raw.token(intruder, h.uri);
                assertEquals(403, raw.get(Wire.PULL + "?since=0&team=" + h.teamB, token).status());
                Dto.PullResponse own = raw.get(Wire.PULL + "?since=0", token).as(Dto.PullResponse.class);
                assertTrue(own.changes().stream().noneMatch(c -> c.entityId().equals(secret.id()) || c.entityId().equals(file.id())));
                assertEquals(403, raw.get(Wire.CONFLICTS + "?team=" + h.teamB, token).status());
                assertEquals(403, raw.post(Wire.CONFLICTS + "/" + bConflict.id() + "/resolve",
                        new Dto.ResolveRequest("x-" + intruder.id(), Map.of("name", TextNode.valueOf("甲改"))), token).status());
                assertEquals(404, raw.get(Wire.BLOBS + "/" + file.sha256(), token).status());
                assertEquals(403, raw.post(Wire.DEVICES + "/" + b.id() + "/revoke", Map.of(), token).status());
                assertEquals(403, raw.get(Wire.RECORDS + "/site/" + secret.id() + "/history", token).status());
            }
            // Team B reads its record's versions: created by b, renamed by b (synced first), then b2's conflicting rename,
            // which kept the platform's value.
            Dto.RecordHistory hist = raw.get(Wire.RECORDS + "/site/" + secret.id() + "/history", Raw.token(b2, h.uri))
                    .as(Dto.RecordHistory.class);
            assertEquals(List.of("乙组站点", "乙1", "乙1"), hist.versions().stream().map(v -> v.data().get("name").asText()).toList());
            assertEquals(List.of(b.id(), b.id(), b2.id()), hist.versions().stream().map(Dto.RecordVersion::deviceId).toList());
            assertTrue(hist.versions().get(1).changed().contains("name"), hist.versions().get(1).changed().toString());
            assertEquals(404, raw.get(Wire.RECORDS + "/site/no-such-id/history", Raw.token(b2, h.uri)).status());
            // Writing B's record by its id: refused, and B's record is unchanged.
            a.engine().sync();
            long seq = a.ws().syncState().firstUnpushedSeq();
            Dto.Op forged = new Dto.Op("forged-op", seq, "site", secret.id(), "UPSERT", 99,
                    Map.of("name", new Dto.Change(null, TextNode.valueOf("被改"))), List.of(), null, 3);
            Dto.PushResponse refused = raw.post(Wire.PUSH, new Dto.PushRequest(a.id(), "f", seq, List.of(forged)),
                    Raw.token(a, h.uri)).as(Dto.PushResponse.class);
            assertEquals(Dto.OpStatus.REJECTED, refused.results().get(0).status());
            assertEquals("FORBIDDEN", refused.results().get(0).code());
            // Referencing B's blob from team A: the server answers as if it did not exist.
            Dto.Op steal = new Dto.Op("steal-op", seq + 1, "attachment", "x", "UPSERT", 0,
                    Map.of("sha256", new Dto.Change(null, TextNode.valueOf(file.sha256()))), List.of(file.sha256()), null, 3);
            Dto.PushResponse missing = raw.post(Wire.PUSH, new Dto.PushRequest(a.id(), "g", seq + 1, List.of(steal)),
                    Raw.token(a, h.uri)).as(Dto.PushResponse.class);
            assertEquals(Dto.OpStatus.MISSING_BLOB, missing.results().get(0).status());
            assertEquals(Map.of("乙1", 1L), h.store.records(h.teamB, "site").values().stream()
                    .collect(java.util.stream.Collectors.groupingBy(r -> r.data().get("name").asText(), java.util.stream.Collectors.counting())));
            // Pushing as another device id is refused.
            assertEquals(400, raw.post(Wire.PUSH, new Dto.PushRequest(b.id(), "h", 1, List.of()), Raw.token(a, h.uri)).status());

            // Members neither resolve nor revoke in their own team.
            String bToken = Raw.token(b, h.uri);
            assertEquals(403, raw.post(Wire.CONFLICTS + "/" + bConflict.id() + "/resolve",
                    new Dto.ResolveRequest("m-1", Map.of("name", TextNode.valueOf("乙"))), bToken).status());
            assertEquals(403, raw.post(Wire.DEVICES + "/" + b2.id() + "/revoke", Map.of(), bToken).status());

            // A provincial admin of the province reads team B but pushes nothing; another province's admin reads nothing.
            SyncHarness.Device prov = h.device("prov", Dto.Role.PROVINCIAL_ADMIN, null);
            String pToken = Raw.token(prov, h.uri);
            assertTrue(raw.get(Wire.PULL + "?since=0&team=" + h.teamB, pToken).as(Dto.PullResponse.class).changes().size() >= 3);
            assertEquals(403, raw.post(Wire.PUSH, new Dto.PushRequest(prov.id(), "p", 1, List.of()), pToken).status());
            String other = h.store.createProvince("他省");
            String otherAdmin = h.store.createUser("他省管理员", Dto.Role.PROVINCIAL_ADMIN, null, other);
            SyncHarness.Device far = enrol(h, otherAdmin, "far");
            assertEquals(403, raw.get(Wire.PULL + "?since=0&team=" + h.teamB, Raw.token(far, h.uri)).status());

            // No token, a made-up token.
            assertEquals("UNAUTHENTICATED", raw.get(Wire.PULL + "?since=0", null).code());
            assertEquals("UNAUTHENTICATED", raw.get(Wire.PULL + "?since=0", "made-up").code());
        }
    }

    private static SyncHarness.Device enrol(SyncHarness h, String user, String name) {
        var ws = h.workspace(name);
        SyncEngine e = new SyncEngine(ws, h.uri);
        return new SyncHarness.Device(ws, e, e.enrol(h.code(user), name).deviceId());
    }

    @Test
    void revokedDeviceIsRefusedAndItsChangesWait() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            SyncHarness.Device lead = h.device("lead", Dto.Role.TEAM_LEAD, h.teamA);
            a.ws().sites().add(Site.create("A1", "甲站", SiteType.AIR_STATION, 116.0, 39.0));
            a.engine().sync();
            lead.engine().revoke(a.id());
            a.ws().sites().add(Site.create("A2", "甲站2", SiteType.AIR_STATION, 116.0, 39.0));
            SyncException e = assertThrows(SyncException.class, () -> a.engine().sync());
            assertEquals(ErrorCode.DEVICE_REVOKED, e.code());
            assertEquals(1, a.ws().syncState().pendingCount(), "the change stays waiting, not marked synced");
            assertTrue(a.engine().status().lastError().contains("DEVICE_REVOKED"));
            SyncEngine fresh = new SyncEngine(a.ws(), h.uri);
            assertEquals(ErrorCode.DEVICE_REVOKED, assertThrows(SyncException.class, fresh::sync).code());
            assertTrue(h.store.failureCount("DEVICE_REVOKED") >= 1);
            assertTrue(h.store.verifyAudit() > 0);
        }
    }

    @Test
    void tamperedBlobIsRefused() throws Exception {
        try (SyncHarness h = new SyncHarness(dir, PlatformServer.Config.defaults(0).withLimits(1 << 20, 1000, 1024, 1 << 20),
                Clock.systemUTC(), null)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            byte[] content = new byte[3000];
            new java.util.Random(7).nextBytes(content);
            String sha = SyncEngine.hex(content);
            Raw raw = new Raw(h.uri);
            String token = Raw.token(a, h.uri);
            Dto.BlobUpload up = raw.post(Wire.BLOBS, new Dto.BlobStart(sha, content.length), token).as(Dto.BlobUpload.class);
            assertEquals(3, up.chunks());
            byte[] c0 = java.util.Arrays.copyOfRange(content, 0, 1024);
            // A chunk whose bytes do not match the hash sent with it.
            byte[] flipped = c0.clone();
            flipped[10] ^= 1;
            Raw.Response bad = raw.put(Wire.BLOBS + "/uploads/" + up.uploadId() + "/chunks/0", flipped, SyncEngine.hex(c0), token);
            assertEquals(422, bad.status());
            assertEquals("CHUNK_HASH_MISMATCH", bad.code());
            // Consistent chunks of different content: the whole-blob check at completion refuses it.
            for (int i = 0; i < 3; i++) {
                byte[] chunk = java.util.Arrays.copyOfRange(content, i * 1024, Math.min(content.length, (i + 1) * 1024));
                if (i == 2) {
                    chunk[0] ^= 1;
                }
                assertEquals(200, raw.put(Wire.BLOBS + "/uploads/" + up.uploadId() + "/chunks/" + i, chunk, SyncEngine.hex(chunk),
                        token).status());
            }
            Raw.Response done = raw.post(Wire.BLOBS + "/uploads/" + up.uploadId() + "/complete", Map.of(), token);
            assertEquals(422, done.status());
            assertEquals("BLOB_HASH_MISMATCH", done.code());
            assertFalse(h.store.teamHasBlob(h.teamA, sha));
            assertEquals(404, raw.get(Wire.BLOBS + "/" + sha, token).status());
            // The real content then goes up through the client, in chunks, and the other device gets the same bytes.
            AttachmentStore.Attachment att = a.ws().attachments().put(new ByteArrayInputStream(content), "x.bin", null, "", "");
            SyncEngine.Report r = a.engine().sync();
            assertEquals(1, r.blobsUp());
            SyncHarness.Device b = h.member("b", h.teamA);
            assertEquals(1, b.engine().sync().blobsDown());
            assertEquals(sha, att.sha256());
            assertTrue(b.ws().attachments().get(att.id()).isPresent());
            h.assertConverged(h.teamA, List.of(a, b));
        }
    }

    @Test
    void sizeAndRateLimitsAnswerWithTheirCodes() throws Exception {
        try (SyncHarness h = new SyncHarness(dir, PlatformServer.Config.defaults(0).withLimits(64 << 10, 5, 1024, 4096)
                .withRate(2, 8), Clock.systemUTC(), null)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            Raw raw = new Raw(h.uri);
            String token = Raw.token(a, h.uri);
            assertEquals("PAYLOAD_TOO_LARGE", raw.post(Wire.PUSH, new byte[100 << 10], token).code());
            List<Dto.Op> six = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                six.add(new Dto.Op("op" + i, i + 1, "site", "s" + i, "UPSERT", 0, Map.of(), List.of(), null, 3));
            }
            assertEquals("BATCH_TOO_LARGE", raw.post(Wire.PUSH, new Dto.PushRequest(a.id(), "x", 1, six), token).code());
            assertEquals("BLOB_TOO_LARGE", raw.post(Wire.BLOBS, new Dto.BlobStart("a".repeat(64), 5000), token).code());
            int limited = 0;
            for (int i = 0; i < 20; i++) {
                if (raw.get(Wire.PULL + "?since=0", token).status() == 429) {
                    limited++;
                }
            }
            assertTrue(limited >= 5, "burst of 8 at 2/s: most of 20 quick requests are refused, got " + limited);
            assertTrue(h.store.failureCount("RATE_LIMITED") >= 5);
        }
    }
}
