package cn.ecoaid.solution;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The single-file form of a frozen version (docs/formats.md "Solution package file"): a zip holding
 * {@code manifest.json}, {@code signature} (Base64 Ed25519 of the manifest bytes), {@code records/…json} and
 * {@code files/<sha256>}. {@link #verify} checks the layout, every hash and the signature.
 */
public final class PackageArchive {
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "signature";
    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L); // 1980-01-01, the zip epoch
    private static final long MAX_ENTRY = 512L * 1024 * 1024;

    private PackageArchive() {
    }

    /** A verified archive's content. */
    public record Content(JsonNode manifest, String manifestText, String signature, Map<String, String> records,
                          Map<String, byte[]> files) {
        public int version() {
            return manifest.path("version").asInt();
        }

        public String packageId() {
            return manifest.path("package_id").asText();
        }

        public String fingerprint() {
            return manifest.path("signer").path("fingerprint").asText();
        }
    }

    /** Writes {@code v} (with its files) to {@code out}, atomically. */
    public static void export(FrozenVersion v, PackageFiles files, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".ecoaid-", ".zip.tmp");
            try (OutputStream raw = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(raw)) {
                put(zip, MANIFEST, v.manifest().getBytes(StandardCharsets.UTF_8));
                put(zip, SIGNATURE, v.signature().getBytes(StandardCharsets.US_ASCII));
                for (Map.Entry<String, String> r : v.records().entrySet()) {
                    put(zip, r.getKey(), r.getValue().getBytes(StandardCharsets.UTF_8));
                }
                for (JsonNode f : CanonicalJson.parse(v.manifest()).path("files")) {
                    put(zip, f.path("path").asText(), files.read(f.path("sha256").asText()));
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", out, e.getMessage());
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(EPOCH);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    /** Reads and verifies an exported package; throws {@link PackageVerificationException} naming what is wrong. */
    public static Content verify(Path file) {
        Map<String, byte[]> entries = new TreeMap<>();
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                byte[] content = zip.readNBytes((int) Math.min(MAX_ENTRY, Integer.MAX_VALUE - 8));
                if (entries.put(e.getName(), content) != null) {
                    throw new PackageVerificationException("solution.verify.duplicateEntry", e.getName());
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EcoAidException(e, "error.file.notFound", file);
        } catch (IOException e) {
            throw new PackageVerificationException("solution.verify.notArchive", file, e.getMessage());
        }
        byte[] manifestBytes = entries.remove(MANIFEST);
        byte[] signatureBytes = entries.remove(SIGNATURE);
        if (manifestBytes == null || signatureBytes == null) {
            throw new PackageVerificationException("solution.verify.missing", manifestBytes == null ? MANIFEST : SIGNATURE);
        }
        JsonNode manifest;
        try {
            manifest = CanonicalJson.MAPPER.readTree(manifestBytes);
        } catch (IOException ex) {
            throw new PackageVerificationException("solution.verify.badManifest", ex.getMessage());
        }
        if (manifest == null || !PackageVersions.FORMAT.equals(manifest.path("format").asText())) {
            throw new PackageVerificationException("solution.verify.badManifest", "format");
        }
        String publicKey = manifest.path("signer").path("public_key").asText("");
        String signature = new String(signatureBytes, StandardCharsets.US_ASCII);
        if (!DeviceKey.verify(publicKey, manifestBytes, signature)) {
            throw new PackageVerificationException("solution.verify.signature", manifest.path("signer").path("fingerprint").asText());
        }
        Map<String, String> records = new TreeMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> listed = PackageVersions.hashes(manifest);
        for (Map.Entry<String, String> l : listed.entrySet()) {
            byte[] content = entries.remove(l.getKey());
            if (content == null) {
                throw new PackageVerificationException("solution.verify.missing", l.getKey());
            }
            String actual = CanonicalJson.sha256(content);
            if (!actual.equals(l.getValue())) {
                throw new PackageVerificationException("solution.verify.hash", l.getKey(), l.getValue(), actual);
            }
            if (l.getKey().startsWith("records/")) {
                records.put(l.getKey(), new String(content, StandardCharsets.UTF_8));
            } else {
                files.put(l.getValue(), content);
            }
        }
        if (!entries.isEmpty()) {
            throw new PackageVerificationException("solution.verify.unlisted", entries.keySet().iterator().next());
        }
        return new Content(manifest, new String(manifestBytes, StandardCharsets.UTF_8), signature, records, files);
    }

    /**
     * Verifies {@code file} and adds its package, records, files and the version itself to {@code repo}; the package
     * must not exist there yet. Returns the imported package.
     */
    public static SolutionPackage importInto(Path file, SolutionRepository repo, PackageFiles files) {
        Content c = verify(file);
        SolutionPackage p = null;
        for (Map.Entry<String, String> r : c.records().entrySet()) {
            if (r.getKey().equals("records/package.json")) {
                p = SolutionCodec.packageFrom(CanonicalJson.parse(r.getValue()));
            }
        }
        if (p == null) {
            throw new PackageVerificationException("solution.verify.missing", "records/package.json");
        }
        if (repo.getPackage(p.id()).isPresent()) {
            throw new EcoAidException("solution.error.alreadyExists", p.title(), p.id());
        }
        // Read and check every record before writing anything, so a bad record leaves the workspace untouched.
        SolutionRules.check(SolutionRules.validate(p));
        List<Section> sections = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        List<Milestone> milestones = new ArrayList<>();
        List<TrackingRecord> tracking = new ArrayList<>();
        for (Map.Entry<String, String> r : c.records().entrySet()) {
            JsonNode node = CanonicalJson.parse(r.getValue());
            String path = r.getKey();
            try {
                if (path.startsWith("records/sections/")) {
                    sections.add(SolutionCodec.sectionFrom(node));
                } else if (path.startsWith("records/measures/")) {
                    Measure m = SolutionCodec.measureFrom(node);
                    SolutionRules.check(SolutionRules.validate(m));
                    measures.add(m);
                } else if (path.startsWith("records/milestones/")) {
                    Milestone m = SolutionCodec.milestoneFrom(node);
                    SolutionRules.check(SolutionRules.validate(m));
                    milestones.add(m);
                } else if (path.startsWith("records/tracking/")) {
                    TrackingRecord t = SolutionCodec.trackingFrom(node);
                    SolutionRules.check(SolutionRules.validate(t));
                    tracking.add(t);
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new PackageVerificationException("solution.verify.badRecord", path, String.valueOf(e.getMessage()));
            }
        }
        repo.addPackage(p);
        sections.forEach(repo::saveSection);
        measures.forEach(repo::addMeasure);
        milestones.forEach(repo::addMilestone);
        tracking.forEach(repo::addTracking);
        for (JsonNode f : c.manifest().path("files")) {
            files.put(p.id(), f.path("name").asText(), f.path("media_type").asText(), c.files().get(f.path("sha256").asText()));
        }
        repo.addVersion(new FrozenVersion(Ids.newId(), p.id(), c.version(), c.manifest().path("frozen_at").asText(),
                c.manifestText(), c.signature(), c.records()));
        return p;
    }
}
