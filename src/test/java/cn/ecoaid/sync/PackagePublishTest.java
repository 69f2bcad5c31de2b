package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.PackageDto;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.BlockSources;
import cn.ecoaid.solution.CanonicalJson;
import cn.ecoaid.solution.DeviceKey;
import cn.ecoaid.solution.FrozenVersion;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.MeasureStatus;
import cn.ecoaid.solution.MeasureType;
import cn.ecoaid.solution.PackageArchive;
import cn.ecoaid.solution.PackageFiles;
import cn.ecoaid.solution.PackageVersions;
import cn.ecoaid.solution.Scope;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing frozen solution-package versions (SYNC.md §11) against the platform on SQLite, or PostgreSQL with
 * {@code ECOAID_TEST_PG_URL}: publish and verify, tampering refused, roles and team isolation, and the publish race
 * between two leads.
 */
class PackagePublishTest {
    @TempDir
    Path dir;

    static SolutionPackage newPackage(Workspace ws) {
        SolutionPackage p = SolutionPackage.create(Scope.CITY, "示例市大气污染防治综合解决方案", "示例市", "甲组");
        ws.solutions().addPackage(p);
        addMeasure(ws, p.id(), "燃煤锅炉超低排放改造", 5000.0);
        return p;
    }

    static Measure addMeasure(Workspace ws, String packageId, String name, Double cost) {
        Measure m = new Measure(Ids.newId(), packageId, name, MeasureType.ENGINEERING, "工业", "燃煤锅炉", "市生态环境局",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), cost, Map.of("PM2.5", 120.5), "", MeasureStatus.PLANNED,
                List.of());
        ws.solutions().addMeasure(m);
        return m;
    }

    static FrozenVersion freeze(Workspace ws, String packageId) {
        return new PackageVersions(ws.solutions(), ws.solutionFiles(), cn.ecoaid.blocks.WorkspaceBlocks.of(ws), Clock.systemUTC())
                .freeze(packageId, new BlockSource.Context(ws.file().toAbsolutePath().getParent(), Clock.systemUTC()),
                        PackagePublisher.signingKey(ws, DeviceKey::generate), "组长");
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void leadPublishesAndThePlatformVerifiesTheChain() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device lead = h.device("lead", Dto.Role.TEAM_LEAD, h.teamA);
            SolutionPackage p = newPackage(lead.ws());
            byte[] map = "示意图 PNG bytes".getBytes(StandardCharsets.UTF_8);
            PackageFiles.FileRef file = lead.ws().solutionFiles().put(p.id(), "map.png", "image/png", map);
            FrozenVersion v1 = freeze(lead.ws(), p.id());
            assertEquals(PackagePublisher.State.LOCAL, PackagePublisher.publication(lead.ws(), v1.id()).state());

            lead.engine().sync();
            PackagePublisher.Publication pub = PackagePublisher.publication(lead.ws(), v1.id());
            assertEquals(PackagePublisher.State.PUBLISHED, pub.state());
            assertEquals(1, pub.number());
            assertEquals(sha256(v1.manifest().getBytes(StandardCharsets.UTF_8)), pub.hash(), "a version is named by its manifest's SHA-256");

            PackageDto.PublishedVersion got = h.server.packages().verify(p.id(), 1);
            assertEquals(v1.manifest(), got.manifest());
            assertEquals(v1.records(), got.records());
            // Independently: the device's signature by the enrolled key, the server's countersignature, each record's hash.
            String enrolled = PackagePublisher.enrolledKey(lead.ws()).orElseThrow().publicKeyBase64();
            assertTrue(DeviceKey.verify(enrolled, got.manifest().getBytes(StandardCharsets.UTF_8), got.signature()));
            assertTrue(DeviceKey.verify(h.server.packages().serverKey(), got.countersigned().getBytes(StandardCharsets.UTF_8),
                    got.countersignature()));
            for (var r : CanonicalJson.parse(got.manifest()).path("records")) {
                assertEquals(r.path("sha256").asText(), sha256(got.records().get(r.path("path").asText()).getBytes(StandardCharsets.UTF_8)));
            }
            assertEquals(sha256(map), file.sha256());
            assertEquals(file.sha256(), CanonicalJson.parse(got.manifest()).path("files").get(0).path("sha256").asText());

            // A second version builds on the first; syncing again sends nothing twice.
            addMeasure(lead.ws(), p.id(), "散煤清洁化替代", 12000.0);
            FrozenVersion v2 = freeze(lead.ws(), p.id());
            lead.engine().sync();
            lead.engine().sync();
            PackageDto.PublishedVersion g2 = h.server.packages().verify(p.id(), 2);
            assertEquals(1, g2.parentVersion());
            assertEquals(pub.hash(), g2.parentHash());
            assertEquals(2, PackagePublisher.publication(lead.ws(), v2.id()).number());
            assertEquals(2, h.server.packages().versions(p.id()).versions().size());

            // Read back over HTTP: the team's packages, the versions and one version with everything to verify it.
            Raw raw = new Raw(h.uri);
            String token = Raw.token(lead, h.uri);
            PackageDto.PackageList list = raw.get(Wire.PACKAGES, token).as(PackageDto.PackageList.class);
            assertEquals(1, list.packages().size());
            assertEquals(2, list.packages().get(0).latestVersion());
            PackageDto.PublishedVersion http = raw.get(Wire.PACKAGES + "/" + p.id() + "/versions/2", token).as(PackageDto.PublishedVersion.class);
            assertEquals(g2.countersignature(), http.countersignature());
            assertEquals(404, raw.get(Wire.PACKAGES + "/" + p.id() + "/versions/9", token).status());

            // Tampering with the stored version afterwards is found by the platform's verification.
            try (var c = java.sql.DriverManager.getConnection(h.jdbcUrl()); var s = c.prepareStatement(
                    "UPDATE package_version SET records = ? WHERE package_id = ? AND number = 1")) {
                Map<String, String> changed = new TreeMap<>(v1.records());
                changed.put("records/package.json", changed.get("records/package.json").replace("示例市", "他市"));
                s.setString(1, new String(Wire.write(changed), StandardCharsets.UTF_8));
                s.setString(2, p.id());
                s.executeUpdate();
            }
            assertThrows(cn.ecoaid.platform.PlatformException.class, () -> h.server.packages().verify(p.id(), 1));
            assertTrue(h.store.verifyAudit() > 0);
        }
    }

    @Test
    void tamperedManifestContentSignatureAndMissingBlobsAreRefused() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device lead = h.device("lead", Dto.Role.TEAM_LEAD, h.teamA);
            SolutionPackage p = newPackage(lead.ws());
            FrozenVersion v = freeze(lead.ws(), p.id());
            DeviceKey key = PackagePublisher.enrolledKey(lead.ws()).orElseThrow();
            Raw raw = new Raw(h.uri);
            String token = Raw.token(lead, h.uri);
            String path = Wire.PACKAGES + "/" + p.id() + "/versions";

            String changedManifest = v.manifest().replace("示例市大气", "他市大气");
            assertEquals("SIGNATURE_INVALID", raw.post(path, new PackageDto.PublishRequest(changedManifest, v.signature(), 0, "",
                    v.records()), token).code(), "manifest changed after signing");
            Map<String, String> changedRecords = new TreeMap<>(v.records());
            String measure = changedRecords.keySet().stream().filter(k -> k.startsWith("records/measures/")).findFirst().orElseThrow();
            changedRecords.put(measure, changedRecords.get(measure).replace("5000", "50"));
            Raw.Response r = raw.post(path, new PackageDto.PublishRequest(v.manifest(), v.signature(), 0, "", changedRecords), token);
            assertEquals(422, r.status());
            assertEquals("CONTENT_HASH_MISMATCH", r.code());
            // Signed by a key this device did not enrol with, though the signature itself is valid for the manifest.
            DeviceKey other = DeviceKey.generate();
            String foreign = PackageVersions.manifest(p, 1, v.frozenAt(), "组长", other, v.records(), List.of());
            assertEquals("SIGNATURE_INVALID", raw.post(path, new PackageDto.PublishRequest(foreign,
                    other.sign(foreign.getBytes(StandardCharsets.UTF_8)), 0, "", v.records()), token).code());
            // A file whose blob was never uploaded.
            String absent = sha256("never uploaded".getBytes(StandardCharsets.UTF_8));
            String withFile = PackageVersions.manifest(p, 1, v.frozenAt(), "组长", key, v.records(),
                    List.of(new PackageFiles.FileRef("x.pdf", absent, 14, "application/pdf")));
            Raw.Response missing = raw.post(path, new PackageDto.PublishRequest(withFile, key.sign(withFile.getBytes(StandardCharsets.UTF_8)),
                    0, "", v.records()), token);
            assertEquals("MISSING_BLOB", missing.code());
            assertTrue(Wire.read(missing.body(), Dto.ErrorBody.class).message().contains(absent));
            // A manifest of another package than the address names.
            assertEquals("MANIFEST_INVALID", raw.post(Wire.PACKAGES + "/" + Ids.newId() + "/versions", new PackageDto.PublishRequest(
                    v.manifest(), v.signature(), 0, "", v.records()), token).code());
            assertTrue(h.server.packages().versions(p.id()).versions().isEmpty(), "nothing was frozen");
            assertTrue(h.store.failureCount("SIGNATURE_INVALID") >= 2);

            // The untouched version goes through; the same request again is answered from the store.
            PackageDto.PublishResponse ok = raw.post(path, new PackageDto.PublishRequest(v.manifest(), v.signature(), 0, "", v.records()),
                    token).as(PackageDto.PublishResponse.class);
            assertFalse(ok.duplicate());
            PackageDto.PublishResponse again = raw.post(path, new PackageDto.PublishRequest(v.manifest(), v.signature(), 0, "", v.records()),
                    token).as(PackageDto.PublishResponse.class);
            assertTrue(again.duplicate());
            assertEquals(ok.countersignature(), again.countersignature());
            // A version on a parent that is not the latest is 409 with the latest.
            String stale = PackageVersions.manifest(p, 2, v.frozenAt(), "组长", key, v.records(), List.of(),
                    new PackageVersions.Parent(1, "0".repeat(64)));
            Raw.Response conflict = raw.post(path, new PackageDto.PublishRequest(stale, key.sign(stale.getBytes(StandardCharsets.UTF_8)), 1,
                    "0".repeat(64), v.records()), token);
            assertEquals(409, conflict.status());
            PackageDto.PublishConflict body = conflict.as(PackageDto.PublishConflict.class);
            assertEquals("PACKAGE_VERSION_CONFLICT", body.code());
            assertEquals(1, body.latestVersion());
            assertEquals(ok.hash(), body.latestHash());
        }
    }

    @Test
    void membersCannotPublishAndOtherTeamsCannotReadOrWrite() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device lead = h.device("lead", Dto.Role.TEAM_LEAD, h.teamA);
            SyncHarness.Device member = h.member("member", h.teamA);
            SyncHarness.Device leadB = h.device("leadB", Dto.Role.TEAM_LEAD, h.teamB);
            SolutionPackage p = newPackage(lead.ws());
            FrozenVersion v = freeze(lead.ws(), p.id());
            lead.engine().sync();
            PackageDto.PublishRequest req = new PackageDto.PublishRequest(v.manifest(), v.signature(), 0, "", v.records());

            // A member's own frozen version is refused with LEAD_REQUIRED, kept locally and shown as failed.
            SolutionPackage mp = newPackage(member.ws());
            FrozenVersion mv = freeze(member.ws(), mp.id());
            member.engine().sync();
            assertEquals(PackagePublisher.State.LOCAL, PackagePublisher.publication(member.ws(), mv.id()).state(),
                    "a member's full sync does not try to publish");
            List<PackagePublisher.Outcome> out = member.engine().publishPackage(mp.id(), Integer.MAX_VALUE);
            assertTrue(out.get(0).error().contains("LEAD_REQUIRED"), out.toString());
            assertEquals(PackagePublisher.State.FAILED, PackagePublisher.publication(member.ws(), mv.id()).state());
            Raw raw = new Raw(h.uri);
            Raw.Response r = raw.post(Wire.PACKAGES + "/" + mp.id() + "/versions", new PackageDto.PublishRequest(mv.manifest(),
                    mv.signature(), 0, "", mv.records()), Raw.token(member, h.uri));
            assertEquals(403, r.status());
            assertEquals("LEAD_REQUIRED", r.code());
            // The member reads its team's packages.
            String mToken = Raw.token(member, h.uri);
            assertEquals(200, raw.get(Wire.PACKAGES + "/" + p.id() + "/versions/1", mToken).status());

            // Team B's lead neither reads nor writes team A's package, nor sees it in the list.
            String bToken = Raw.token(leadB, h.uri);
            assertEquals(403, raw.get(Wire.PACKAGES + "/" + p.id() + "/versions", bToken).status());
            assertEquals(403, raw.get(Wire.PACKAGES + "/" + p.id() + "/versions/1", bToken).status());
            assertTrue(raw.get(Wire.PACKAGES, bToken).as(PackageDto.PackageList.class).packages().isEmpty());
            assertEquals(403, raw.get(Wire.PACKAGES + "?team=" + h.teamA, bToken).status());
            assertEquals("FORBIDDEN", raw.post(Wire.PACKAGES + "/" + p.id() + "/versions", req, bToken).code());
            assertEquals(1, h.server.packages().versions(p.id()).versions().size());
        }
    }

    @Test
    void publishRaceOneWinsTheOtherRebasesAndNothingIsLost() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device a = h.device("leadA", Dto.Role.TEAM_LEAD, h.teamA);
            SyncHarness.Device b = h.device("leadB", Dto.Role.TEAM_LEAD, h.teamA);
            SolutionPackage p = newPackage(a.ws());
            Measure shared = addMeasure(a.ws(), p.id(), "施工工地扬尘管控", 800.0);
            FrozenVersion v1 = freeze(a.ws(), p.id());
            a.engine().sync();
            // B starts from the same published version (handed over as a package file).
            Path file = dir.resolve("v1.zip");
            PackageArchive.export(v1, a.ws().solutionFiles(), file);
            PackageArchive.importInto(file, b.ws().solutions(), b.ws().solutionFiles());
            // B's copy of version 1 is recognised as already published (the platform answers from its store).
            List<PackagePublisher.Outcome> known = b.engine().publishPackage(p.id(), Integer.MAX_VALUE);
            assertTrue(known.get(0).duplicate());
            assertEquals(PackagePublisher.State.PUBLISHED, PackagePublisher.publication(b.ws(), b.ws().solutions().versions(p.id())
                    .get(0).id()).state());

            // Both edit offline: each adds a measure, and both change the same measure differently.
            Measure onlyA = addMeasure(a.ws(), p.id(), "工业涂装 VOCs 治理", 2600.0);
            Measure onlyB = addMeasure(b.ws(), p.id(), "柴油货车淘汰", 3000.0);
            a.ws().solutions().updateMeasure(withCost(shared, 900.0));
            b.ws().solutions().updateMeasure(withCost(shared, 1000.0));
            FrozenVersion a2 = freeze(a.ws(), p.id());
            FrozenVersion b2 = freeze(b.ws(), p.id());
            assertEquals(2, a2.number());
            assertEquals(2, b2.number());

            // Both have seen platform version 1 and send at the same moment.
            CyclicBarrier barrier = new CyclicBarrier(2);
            boolean[] waited = {false, false};
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<List<PackagePublisher.Outcome>> fa = pool.submit(() -> raced(h, a, barrier, waited, 0, p.id()));
            Future<List<PackagePublisher.Outcome>> fb = pool.submit(() -> raced(h, b, barrier, waited, 1, p.id()));
            List<PackagePublisher.Outcome> oa = fa.get(60, TimeUnit.SECONDS);
            List<PackagePublisher.Outcome> ob = fb.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertEquals(1, h.store.failureCount("PACKAGE_VERSION_CONFLICT"), "exactly one publish was refused with 409");

            PackagePublisher.Outcome winner = oa.get(0).rebasedFrom() == 0 ? oa.get(0) : ob.get(0);
            PackagePublisher.Outcome loser = oa.get(0).rebasedFrom() == 0 ? ob.get(0) : oa.get(0);
            SyncHarness.Device loserDevice = oa.get(0).rebasedFrom() == 0 ? b : a;
            assertEquals(2, winner.publishedNumber());
            assertEquals(2, loser.rebasedFrom());
            assertEquals(2, loser.onto());
            assertEquals(3, loser.publishedNumber());
            assertEquals(List.of("records/measures/" + shared.id() + ".json"), loser.keptMine(), "the one record both changed");

            // The chain 1 → 2 → 3 is linked by parent hashes and every version verifies on the platform.
            List<PackageDto.VersionSummary> chain = h.server.packages().versions(p.id()).versions();
            assertEquals(List.of(1, 2, 3), chain.stream().map(PackageDto.VersionSummary::version).toList());
            for (int i = 0; i < chain.size(); i++) {
                PackageDto.PublishedVersion pv = h.server.packages().verify(p.id(), chain.get(i).version());
                assertEquals(i == 0 ? "" : chain.get(i - 1).hash(), pv.parentHash());
                assertEquals(sha256(pv.manifest().getBytes(StandardCharsets.UTF_8)), pv.hash());
            }
            // Nothing lost: version 3 holds both new measures; the loser's value of the shared measure is in 3, the
            // winner's in 2; the loser's original version 2 stays in its workspace, marked as rebased into 3.
            Map<String, String> r3 = h.server.packages().version(p.id(), 3).orElseThrow().records();
            assertTrue(r3.containsKey("records/measures/" + onlyA.id() + ".json"));
            assertTrue(r3.containsKey("records/measures/" + onlyB.id() + ".json"));
            double loserCost = loserDevice == a ? 900.0 : 1000.0;
            double winnerCost = loserDevice == a ? 1000.0 : 900.0;
            String key = "records/measures/" + shared.id() + ".json";
            assertEquals(loserCost, CanonicalJson.parse(r3.get(key)).path("cost").asDouble());
            assertEquals(winnerCost, CanonicalJson.parse(h.server.packages().version(p.id(), 2).orElseThrow().records().get(key))
                    .path("cost").asDouble());
            FrozenVersion original = loserDevice == a ? a2 : b2;
            PackagePublisher.Publication op = PackagePublisher.publication(loserDevice.ws(), original.id());
            assertEquals(PackagePublisher.State.REBASED, op.state());
            assertEquals(3, op.rebasedNumber());
            assertEquals(List.of(2, 3), loserDevice.ws().solutions().versions(p.id()).stream().skip(1).map(FrozenVersion::number).toList());
            // Syncing again changes nothing.
            a.engine().sync();
            b.engine().sync();
            assertEquals(3, h.server.packages().versions(p.id()).versions().size());
        }
    }

    private static List<PackagePublisher.Outcome> raced(SyncHarness h, SyncHarness.Device d, CyclicBarrier barrier, boolean[] waited,
                                                       int index, String packageId) {
        SyncEngine engine = new SyncEngine(d.ws(), h.uri, SyncEngine.Options.defaults().withAttempts(3, Duration.ofMillis(20)), point -> {
            if (point.equals("publish-before-send") && !waited[index]) {
                waited[index] = true;
                try {
                    barrier.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        return engine.publishPackage(packageId, Integer.MAX_VALUE);
    }

    static Measure withCost(Measure m, double cost) {
        return new Measure(m.id(), m.packageId(), m.name(), m.type(), m.sector(), m.sources(), m.owner(), m.start(), m.end(), cost,
                m.reductions(), m.scenario(), m.status(), m.indicators());
    }

    @Test
    void enrolledKeyIsRecoveredFromTheStoredPrivateKey() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device lead = h.device("lead", Dto.Role.TEAM_LEAD, h.teamA);
            DeviceKey k = PackagePublisher.enrolledKey(lead.ws()).orElseThrow();
            byte[] data = "签名".getBytes(StandardCharsets.UTF_8);
            // The public key the device sent at enrolment verifies what the recovered key signs.
            String enrolled;
            try (var c = java.sql.DriverManager.getConnection(h.jdbcUrl());
                 var s = c.prepareStatement("SELECT public_key FROM device WHERE id = ?")) {
                s.setString(1, lead.id());
                try (var rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    enrolled = rs.getString(1);
                }
            }
            assertNotNull(enrolled);
            assertEquals(enrolled, k.publicKeyBase64());
            assertTrue(DeviceKey.verify(enrolled, data, k.sign(data)));
        }
    }

    /** Stops the "process" at a named point, as power loss would, by throwing out of the engine. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static SyncEngine stoppingAt(SyncHarness h, SyncHarness.Device d, String at) {
        return new SyncEngine(d.ws(), h.uri, SyncEngine.Options.defaults().withAttempts(3, Duration.ofMillis(20)), point -> {
            if (point.equals(at)) {
                throw new Stop();
            }
        });
    }

    @Test
    void aLostAnswerOrAnInterruptedRebaseNeverPublishesTwice() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device a = h.device("leadA", Dto.Role.TEAM_LEAD, h.teamA);
            SyncHarness.Device b = h.device("leadB", Dto.Role.TEAM_LEAD, h.teamA);
            SolutionPackage p = newPackage(a.ws());
            FrozenVersion v1 = freeze(a.ws(), p.id());
            // The platform froze version 1 but the answer never reached the workspace.
            assertThrows(Stop.class, () -> stoppingAt(h, a, "publish-after-response").publishPackage(p.id(), Integer.MAX_VALUE));
            assertEquals(PackagePublisher.State.LOCAL, PackagePublisher.publication(a.ws(), v1.id()).state());
            assertEquals(1, h.server.packages().versions(p.id()).versions().size());
            List<PackagePublisher.Outcome> again = a.engine().publishPackage(p.id(), Integer.MAX_VALUE);
            assertTrue(again.get(0).duplicate(), "the platform answered from its store");
            assertEquals(PackagePublisher.State.PUBLISHED, PackagePublisher.publication(a.ws(), v1.id()).state());
            assertEquals(1, h.server.packages().versions(p.id()).versions().size());

            // B publishes version 2 first; A's version 2 must be rebased, and A stops just before freezing the new one.
            Path file = dir.resolve("v1.zip");
            PackageArchive.export(v1, a.ws().solutionFiles(), file);
            PackageArchive.importInto(file, b.ws().solutions(), b.ws().solutionFiles());
            addMeasure(b.ws(), p.id(), "柴油货车淘汰", 3000.0);
            freeze(b.ws(), p.id());
            b.engine().sync();
            addMeasure(a.ws(), p.id(), "工业涂装 VOCs 治理", 2600.0);
            FrozenVersion a2 = freeze(a.ws(), p.id());
            assertThrows(Stop.class, () -> stoppingAt(h, a, "rebase-before-freeze").publishPackage(p.id(), Integer.MAX_VALUE));
            assertEquals(PackagePublisher.State.REBASING, PackagePublisher.publication(a.ws(), a2.id()).state());
            assertEquals(2, a.ws().solutions().versions(p.id()).size(), "nothing frozen yet");
            a.engine().sync();
            assertEquals(PackagePublisher.State.REBASED, PackagePublisher.publication(a.ws(), a2.id()).state());
            assertEquals(List.of(1, 2, 3), a.ws().solutions().versions(p.id()).stream().map(FrozenVersion::number).toList(),
                    "exactly one new version");
            assertEquals(3, h.server.packages().versions(p.id()).versions().size());
            Map<String, String> r3 = h.server.packages().verify(p.id(), 3).records();
            assertEquals(3, r3.keySet().stream().filter(k -> k.startsWith("records/measures/")).count(), "both leads' measures");
        }
    }

    @Test
    void mergeTakesEachSidesChangesAndKeepsMineWhereBothChanged() {
        Map<String, String> base = Map.of("a", "1", "b", "1", "c", "1", "d", "1");
        Map<String, String> mine = Map.of("a", "2", "b", "1", "c", "3", "e", "new");
        Map<String, String> theirs = Map.of("a", "1", "b", "2", "c", "4", "d", "1", "f", "theirs");
        PackagePublisher.Merge<String> m = PackagePublisher.merge(base, mine, theirs);
        // a: only mine changed; b: only theirs; c: both (mine kept); d: deleted by me; e, f: added on one side.
        assertEquals(Map.of("a", "2", "b", "2", "c", "3", "e", "new", "f", "theirs"), m.result());
        assertEquals(List.of("b", "f"), m.fromTheirs());
        assertEquals(List.of("c"), m.keptMine());
    }
}
