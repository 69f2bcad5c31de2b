package cn.ecoaid.solution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageVersionsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    /** A package with two measures, a milestone, tracking and a section with a live block. */
    static SolutionPackage fill(SolutionRepository repo, List<Measure> measures) {
        SolutionPackage p = new SolutionPackage("8f1c2d4e-0000-4000-8000-000000000001", Scope.CITY, "示例市大气污染防治综合解决方案",
                "示例市", "驻点工作组");
        repo.addPackage(p);
        for (Measure m : measures) {
            repo.addMeasure(m.withPackageId(p.id()));
        }
        repo.addMilestone(new Milestone("8f1c2d4e-0000-4000-8000-000000000010", p.id(), LocalDate.of(2027, 12, 31),
                "PM2.5 年均浓度", 30, "µg/m³", Milestone.Direction.AT_MOST));
        repo.addTracking(new TrackingRecord("8f1c2d4e-0000-4000-8000-000000000020", p.id(), "", "PM2.5 年均浓度",
                LocalDate.of(2026, 6, 30), 35.25, "µg/m³"));
        repo.saveSection(new Section("8f1c2d4e-0000-4000-8000-000000000030", p.id(), SectionKind.DIAGNOSIS,
                "2025 年 PM2.5 年均浓度 38 µg/m³，超标 0.09 倍。", List.of(new BlockRef("fixed", Map.of("n", "2"), true))));
        return p;
    }

    static List<Measure> twoMeasures() {
        Measure a = new Measure("8f1c2d4e-0000-4000-8000-000000000101", "", "燃煤锅炉超低排放改造", MeasureType.ENGINEERING,
                "工业", "燃煤锅炉", "市生态环境局", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 5000.0,
                Map.of("PM2.5", 120.5, "NOx", 300.0), "S1", MeasureStatus.PLANNED, List.of("PM2.5 年均浓度"));
        Measure b = new Measure("8f1c2d4e-0000-4000-8000-000000000102", "", "扬尘精细化管控", MeasureType.MANAGEMENT,
                "扬尘", "施工工地", "市住建局", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 6, 30), 800.0,
                Map.of("PM10", 900.0), "", MeasureStatus.IN_PROGRESS, List.of());
        return List.of(a, b);
    }

    /** A block source with fixed numbers, standing in for a capability's results. */
    static BlockSources fixedBlocks() {
        return new BlockSources().register(new BlockSource() {
            @Override
            public String id() {
                return "fixed";
            }

            @Override
            public Block render(BlockRef ref, Context context) {
                int n = Integer.parseInt(ref.params().get("n"));
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    rows.add(List.of("行" + i, i * 1.5));
                }
                return new Block("fixed", "固定表", List.of("名称", "数值"), rows, ref.chart(), new Provenance("run", "GB 3095-2012", "data"));
            }
        });
    }

    static BlockSource.Context context(Path dir) {
        return new BlockSource.Context(dir, CLOCK);
    }

    @Test
    void manifestIsCanonicalAndStableAcrossRecordOrders() {
        DeviceKey key = DeviceKey.generate();
        InMemorySolutionRepository r1 = new InMemorySolutionRepository();
        fill(r1, twoMeasures());
        List<Measure> reversed = new ArrayList<>(twoMeasures());
        Collections.reverse(reversed);
        InMemorySolutionRepository r2 = new InMemorySolutionRepository();
        fill(r2, reversed);
        String id = "8f1c2d4e-0000-4000-8000-000000000001";
        Map<String, String> rec1 = new PackageVersions(r1, PackageFiles.NONE, fixedBlocks(), CLOCK).currentRecords(id, context(dir));
        Map<String, String> rec2 = new PackageVersions(r2, PackageFiles.NONE, fixedBlocks(), CLOCK).currentRecords(id, context(dir));
        assertEquals(rec1, rec2);
        SolutionPackage p = r1.getPackage(id).orElseThrow();
        String m1 = PackageVersions.manifest(p, 1, "2026-11-28T08:00:00Z", "tester", key, rec1, List.of());
        String m2 = PackageVersions.manifest(p, 1, "2026-11-28T08:00:00Z", "tester", key, new LinkedHashMap<>(rec2), List.of());
        assertEquals(m1, m2);
        // Canonical: no whitespace outside strings, keys sorted, numbers plain.
        assertFalse(m1.contains(": ") || m1.contains(", ") || m1.contains("\n"));
        JsonNode m = CanonicalJson.parse(m1);
        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        List<String> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        assertEquals(sorted, keys);
        String measure = rec1.get("records/measures/8f1c2d4e-0000-4000-8000-000000000101.json");
        assertTrue(measure.contains("\"cost\":5000,"), measure);
        assertTrue(measure.contains("\"reductions\":{\"NOx\":300,\"PM2.5\":120.5}"), measure);
        // Each record's hash in the manifest is the SHA-256 of its bytes, computed independently here.
        for (JsonNode r : m.path("records")) {
            byte[] bytes = rec1.get(r.path("path").asText()).getBytes(StandardCharsets.UTF_8);
            assertEquals(sha256(bytes), r.path("sha256").asText());
            assertEquals(bytes.length, r.path("size").asInt());
        }
        assertEquals(7, m.path("records").size()); // package, 1 section, 1 block, 2 measures, 1 milestone, 1 tracking
    }

    @Test
    void canonicalNumbersAreStable() {
        assertEquals("{\"a\":30,\"b\":0.001,\"c\":-2.5,\"d\":0,\"e\":12345678901234}",
                CanonicalJson.text(CanonicalJson.parse("{ \"e\": 12345678901234.0, \"d\": -0.0, \"c\": -2.50, \"b\": 1e-3, \"a\": 30.0 }")));
    }

    static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private FrozenVersion frozen(InMemorySolutionRepository repo, DeviceKey key) {
        SolutionPackage p = fill(repo, twoMeasures());
        return new PackageVersions(repo, PackageFiles.NONE, fixedBlocks(), CLOCK).freeze(p.id(), context(dir), key, "tester");
    }

    @Test
    void frozenVersionSignatureVerifiesAndComparisonFindsChanges() {
        DeviceKey key = DeviceKey.generate();
        InMemorySolutionRepository repo = new InMemorySolutionRepository();
        FrozenVersion v1 = frozen(repo, key);
        assertEquals(1, v1.number());
        assertTrue(DeviceKey.verify(key.publicKeyBase64(), v1.manifest().getBytes(StandardCharsets.UTF_8), v1.signature()));
        assertFalse(DeviceKey.verify(DeviceKey.generate().publicKeyBase64(), v1.manifest().getBytes(StandardCharsets.UTF_8),
                v1.signature()));
        String pid = v1.packageId();
        Measure first = repo.measures(pid).get(0);
        repo.updateMeasure(first.withStatus(MeasureStatus.DONE));
        repo.deleteMeasure(repo.measures(pid).get(1).id());
        repo.addTracking(new TrackingRecord(Ids.newId(), pid, "", "PM2.5 年均浓度", LocalDate.of(2026, 12, 31), 33, "µg/m³"));
        FrozenVersion v2 = new PackageVersions(repo, PackageFiles.NONE, fixedBlocks(), CLOCK).freeze(pid, context(dir), key, "tester");
        assertEquals(2, v2.number());
        PackageVersions.Comparison c = PackageVersions.compare(v1.manifest(), v2.manifest());
        assertEquals(List.of("records/measures/" + first.id() + ".json"), c.changed());
        assertEquals(List.of("records/measures/8f1c2d4e-0000-4000-8000-000000000102.json"), c.removed());
        assertEquals(1, c.added().size());
        assertTrue(c.added().get(0).startsWith("records/tracking/"));
        assertTrue(PackageVersions.compare(v1.manifest(), v1.manifest()).same());
    }

    @Test
    void exportVerifiesAndImportsIntoAnotherRepository() {
        DeviceKey key = DeviceKey.generate();
        InMemorySolutionRepository repo = new InMemorySolutionRepository();
        FrozenVersion v1 = frozen(repo, key);
        Path zip = dir.resolve("pkg.zip");
        PackageArchive.export(v1, PackageFiles.NONE, zip);
        PackageArchive.Content c = PackageArchive.verify(zip);
        assertEquals(1, c.version());
        assertEquals(key.fingerprint(), c.fingerprint());
        InMemorySolutionRepository other = new InMemorySolutionRepository();
        SolutionPackage imported = PackageArchive.importInto(zip, other, PackageFiles.NONE);
        assertEquals(repo.getPackage(imported.id()), other.getPackage(imported.id()));
        assertEquals(repo.measures(imported.id()), other.measures(imported.id()));
        assertEquals(repo.milestones(imported.id()), other.milestones(imported.id()));
        assertEquals(repo.tracking(imported.id()), other.tracking(imported.id()));
        assertEquals(repo.sections(imported.id()), other.sections(imported.id()));
        assertEquals(v1.manifest(), other.versions(imported.id()).get(0).manifest());
        assertThrows(cn.ecoaid.domain.EcoAidException.class, () -> PackageArchive.importInto(zip, other, PackageFiles.NONE));
    }

    /** Rewrites the zip, changing one byte of {@code entry} at {@code offset}. */
    static Path tamper(Path zip, String entry, int offset, Path out) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in);
             OutputStream os = Files.newOutputStream(out); ZipOutputStream zout = new ZipOutputStream(os)) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                byte[] b = zin.readAllBytes();
                if (e.getName().equals(entry)) {
                    b[offset] ^= 0x01;
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(b);
                zout.closeEntry();
            }
        }
        return out;
    }

    static List<String> entries(Path zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                out.add(e.getName());
                zin.readAllBytes();
            }
        }
        return out;
    }

    @Test
    void tamperingAnyByteOfARecordOrTheManifestFails() throws IOException {
        DeviceKey key = DeviceKey.generate();
        FrozenVersion v1 = frozen(new InMemorySolutionRepository(), key);
        Path zip = dir.resolve("pkg.zip");
        PackageArchive.export(v1, PackageFiles.NONE, zip);
        int n = 0;
        for (String entry : entries(zip)) {
            if (entry.equals(PackageArchive.SIGNATURE)) {
                continue;
            }
            int size = entry.equals(PackageArchive.MANIFEST) ? v1.manifest().getBytes(StandardCharsets.UTF_8).length
                    : v1.records().get(entry).getBytes(StandardCharsets.UTF_8).length;
            for (int offset : new int[] {0, size / 2, size - 1}) {
                Path bad = tamper(zip, entry, offset, dir.resolve("bad" + n++ + ".zip"));
                PackageVerificationException e = assertThrows(PackageVerificationException.class, () -> PackageArchive.verify(bad));
                String expected = entry.equals(PackageArchive.MANIFEST) ? "solution.verify." : "solution.verify.hash";
                assertTrue(e.key().startsWith(expected), entry + "@" + offset + ": " + e.key());
            }
        }
        assertTrue(n >= 24, "tampered " + n);
        // A changed signature fails too.
        Path badSig = tamper(zip, PackageArchive.SIGNATURE, 3, dir.resolve("badsig.zip"));
        assertEquals("solution.verify.signature",
                assertThrows(PackageVerificationException.class, () -> PackageArchive.verify(badSig)).key());
    }

    @Test
    void aSignedPackageWithAnInvalidRecordImportsNothing() {
        DeviceKey key = DeviceKey.generate();
        SolutionPackage p = SolutionPackage.create(Scope.CITY, "坏记录", "示例市", "");
        Measure bad = new Measure(Ids.newId(), p.id(), "负投资", MeasureType.MANAGEMENT, "", "", "", null, null, -5.0, Map.of(), "",
                MeasureStatus.PLANNED, List.of());
        Map<String, String> records = new java.util.TreeMap<>();
        records.put("records/package.json", CanonicalJson.text(SolutionCodec.toJson(p)));
        records.put("records/measures/" + bad.id() + ".json", CanonicalJson.text(SolutionCodec.toJson(bad)));
        String manifest = PackageVersions.manifest(p, 1, "2026-11-28T08:00:00Z", "tester", key, records, List.of());
        FrozenVersion v = new FrozenVersion(Ids.newId(), p.id(), 1, "2026-11-28T08:00:00Z", manifest,
                key.sign(manifest.getBytes(StandardCharsets.UTF_8)), records);
        Path zip = dir.resolve("bad-record.zip");
        PackageArchive.export(v, PackageFiles.NONE, zip);
        PackageArchive.verify(zip); // integrity is fine: the signer signed a bad record
        InMemorySolutionRepository target = new InMemorySolutionRepository();
        cn.ecoaid.domain.InvalidRecordException e = assertThrows(cn.ecoaid.domain.InvalidRecordException.class,
                () -> PackageArchive.importInto(zip, target, PackageFiles.NONE));
        assertEquals("cost", e.problems().get(0).field());
        assertTrue(target.packages().isEmpty());
    }

    @Test
    void deviceKeyFileIsCreatedOnceAndReused() {
        Path f = dir.resolve("keys/device.properties");
        DeviceKey a = DeviceKey.loadOrCreate(f);
        DeviceKey b = DeviceKey.loadOrCreate(f);
        assertEquals(a.publicKeyBase64(), b.publicKeyBase64());
        byte[] data = "清单".getBytes(StandardCharsets.UTF_8);
        assertTrue(DeviceKey.verify(a.publicKeyBase64(), data, b.sign(data)));
        assertNotEquals(a.publicKeyBase64(), DeviceKey.generate().publicKeyBase64());
        assertEquals(16, a.fingerprint().length());
    }
}
