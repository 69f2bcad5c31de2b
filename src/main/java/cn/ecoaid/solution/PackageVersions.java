package cn.ecoaid.solution;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Freezing a package into a signed, immutable version and comparing versions. The manifest (canonical JSON) lists
 * every record ({@code records/…json}) and file ({@code files/<sha256>}) with its SHA-256 and size; the signature is
 * Ed25519 over the manifest's bytes. Live blocks are rendered at freeze time and frozen as records, so a version keeps
 * the numbers it was handed over with.
 */
public final class PackageVersions {
    public static final String FORMAT = "ecoaid-solution-package";
    public static final int FORMAT_VERSION = 1;

    private final SolutionRepository repo;
    private final PackageFiles files;
    private final BlockSources blocks;
    private final Clock clock;

    public PackageVersions(SolutionRepository repo, PackageFiles files, BlockSources blocks, Clock clock) {
        this.repo = repo;
        this.files = files;
        this.blocks = blocks;
        this.clock = clock;
    }

    /** The records of the package as it is now (path → canonical JSON), live blocks rendered. */
    public Map<String, String> currentRecords(String packageId, BlockSource.Context context) {
        SolutionPackage p = repo.getPackage(packageId).orElseThrow(() -> new EcoAidException("solution.error.packageNotFound", packageId));
        Map<String, String> out = new TreeMap<>();
        out.put("records/package.json", CanonicalJson.text(SolutionCodec.toJson(p)));
        java.util.Map<String, Object> libraries = context.libraries().get();
        if (!libraries.isEmpty()) {
            out.put("records/libraries.json", CanonicalJson.text(CanonicalJson.MAPPER.valueToTree(libraries)));
        }
        for (Section s : repo.sections(packageId)) {
            String name = String.format("%02d-%s", s.kind().chapter(), s.kind().name().toLowerCase(java.util.Locale.ROOT));
            out.put("records/sections/" + name + ".json", CanonicalJson.text(SolutionCodec.toJson(s)));
            int n = 1;
            for (BlockRef ref : s.blocks()) {
                Block b = blocks.render(ref, context);
                out.put("records/blocks/" + name + "-" + n++ + ".json", CanonicalJson.text(SolutionCodec.toJson(b)));
            }
        }
        for (Measure m : repo.measures(packageId)) {
            out.put("records/measures/" + m.id() + ".json", CanonicalJson.text(SolutionCodec.toJson(m)));
        }
        for (Milestone m : repo.milestones(packageId)) {
            out.put("records/milestones/" + m.id() + ".json", CanonicalJson.text(SolutionCodec.toJson(m)));
        }
        for (TrackingRecord t : repo.tracking(packageId)) {
            out.put("records/tracking/" + t.id() + ".json", CanonicalJson.text(SolutionCodec.toJson(t)));
        }
        return out;
    }

    /**
     * The version a new version builds on: its number and the SHA-256 of its manifest bytes ({@link #hash}); number 0
     * and an empty hash for the first version. The platform accepts a version only on top of its latest (SYNC.md §11).
     */
    public record Parent(int version, String hash) {
        public static final Parent NONE = new Parent(0, "");

        public Parent {
            hash = hash == null ? "" : hash;
        }

        public static Parent of(FrozenVersion v) {
            return v == null ? NONE : new Parent(v.number(), PackageVersions.hash(v.manifest()));
        }

        /** The parent a manifest names. */
        public static Parent of(JsonNode manifest) {
            return new Parent(manifest.path("parent_version").asInt(0), manifest.path("parent_hash").asText(""));
        }
    }

    /** The identity of a version: hex SHA-256 of its manifest's UTF-8 bytes. */
    public static String hash(String manifest) {
        return CanonicalJson.sha256(manifest.getBytes(StandardCharsets.UTF_8));
    }

    /** Builds the canonical manifest text for the given content (a first version: no parent). */
    public static String manifest(SolutionPackage p, int number, String frozenAt, String author, DeviceKey key,
                                  Map<String, String> records, List<PackageFiles.FileRef> fileRefs) {
        return manifest(p, number, frozenAt, author, key, records, fileRefs, Parent.NONE);
    }

    /** Builds the canonical manifest text for the given content on top of {@code parent}. */
    public static String manifest(SolutionPackage p, int number, String frozenAt, String author, DeviceKey key,
                                  Map<String, String> records, List<PackageFiles.FileRef> fileRefs, Parent parent) {
        ObjectNode m = CanonicalJson.object();
        m.put("format", FORMAT);
        m.put("format_version", FORMAT_VERSION);
        m.put("package_id", p.id());
        m.put("title", p.title());
        m.put("city", p.city());
        m.put("scope", p.scope().name());
        m.put("version", number);
        m.put("frozen_at", frozenAt);
        m.put("author", author);
        m.put("parent_version", parent.version());
        m.put("parent_hash", parent.hash());
        ObjectNode signer = m.putObject("signer");
        signer.put("algorithm", DeviceKey.ALGORITHM);
        signer.put("public_key", key.publicKeyBase64());
        signer.put("fingerprint", key.fingerprint());
        ArrayNode recs = m.putArray("records");
        new TreeMap<>(records).forEach((path, content) -> {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            ObjectNode r = recs.addObject();
            r.put("path", path);
            r.put("sha256", CanonicalJson.sha256(bytes));
            r.put("size", bytes.length);
        });
        ArrayNode fs = m.putArray("files");
        fileRefs.stream().sorted(java.util.Comparator.comparing(PackageFiles.FileRef::sha256)).forEach(f -> {
            ObjectNode r = fs.addObject();
            r.put("path", "files/" + f.sha256());
            r.put("name", f.name());
            r.put("media_type", f.mediaType());
            r.put("sha256", f.sha256());
            r.put("size", f.size());
        });
        return CanonicalJson.text(m);
    }

    /** Freezes the package as its next version, signed with {@code key}, and stores it. */
    public FrozenVersion freeze(String packageId, BlockSource.Context context, DeviceKey key, String author) {
        SolutionPackage p = repo.getPackage(packageId).orElseThrow(() -> new EcoAidException("solution.error.packageNotFound", packageId));
        Map<String, String> records = currentRecords(packageId, context);
        List<FrozenVersion> versions = repo.versions(packageId);
        FrozenVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        int number = latest == null ? 1 : latest.number() + 1;
        return freezeContent(Ids.newId(), p, number, Parent.of(latest), records, files.list(packageId), key, author);
    }

    /**
     * Freezes given content (records and files, e.g. merged on top of the platform's latest version) as version
     * {@code number} of {@code p} with the id {@code id}, signed with {@code key}, and stores it.
     */
    public FrozenVersion freezeContent(String id, SolutionPackage p, int number, Parent parent, Map<String, String> records,
                                       List<PackageFiles.FileRef> fileRefs, DeviceKey key, String author) {
        String frozenAt = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        String manifest = manifest(p, number, frozenAt, author, key, records, fileRefs, parent);
        String signature = key.sign(manifest.getBytes(StandardCharsets.UTF_8));
        FrozenVersion v = new FrozenVersion(id, p.id(), number, frozenAt, manifest, signature, records);
        repo.addVersion(v);
        return v;
    }

    /** The files a manifest lists. */
    public static List<PackageFiles.FileRef> files(JsonNode manifest) {
        List<PackageFiles.FileRef> out = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            out.add(new PackageFiles.FileRef(f.path("name").asText(""), f.path("sha256").asText(), f.path("size").asLong(),
                    f.path("media_type").asText("")));
        }
        return out;
    }

    /** What changed from version {@code a} to version {@code b}, by record and file path. */
    public record Comparison(List<String> added, List<String> removed, List<String> changed) {
        public boolean same() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public static Comparison compare(String manifestA, String manifestB) {
        Map<String, String> a = hashes(CanonicalJson.parse(manifestA));
        Map<String, String> b = hashes(CanonicalJson.parse(manifestB));
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : b.entrySet()) {
            String old = a.get(e.getKey());
            if (old == null) {
                added.add(e.getKey());
            } else if (!old.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        for (String k : a.keySet()) {
            if (!b.containsKey(k)) {
                removed.add(k);
            }
        }
        return new Comparison(added, removed, changed);
    }

    /** path → sha256 of every record and file a manifest lists. */
    public static Map<String, String> hashes(JsonNode manifest) {
        Map<String, String> out = new TreeMap<>();
        for (String list : new String[] {"records", "files"}) {
            for (JsonNode r : manifest.path(list)) {
                out.put(r.path("path").asText(), r.path("sha256").asText());
            }
        }
        return out;
    }
}
