package cn.ecoaid.platform;

import cn.ecoaid.platform.PlatformStore.Principal;
import cn.ecoaid.protocol.Dto.Role;
import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.PackageDto;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.protocol.WireException;
import cn.ecoaid.domain.Ed25519;
import cn.ecoaid.domain.Hashes;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Published solution-package versions (SYNC.md §11): a team lead's device publishes a frozen version it signed with its
 * enrolled Ed25519 key; the registry checks role, team, signature, every record and file hash and that the version
 * builds on the package's latest one, then countersigns it with the server key ({@value #KEY_FILE} in the data folder)
 * and freezes it, all in one transaction of the store with an audit entry. {@link #verify} re-checks a stored version.
 * The platform checks the exact bytes the device signed; that they are canonical JSON (solution.CanonicalJson) is the
 * client's rule, which keeps hashes reproducible.
 */
public final class PackageRegistry {
    public static final String KEY_FILE = "platform-ed25519.properties";
    /** The manifest format the platform accepts (solution.PackageVersions.FORMAT). */
    static final String FORMAT = "ecoaid-solution-package";

    /** The publish does not build on the latest version: 409 with that version (the client rebases and republishes). */
    public static final class Conflict extends WireException {
        private static final long serialVersionUID = 1L;
        private final int latestVersion;
        private final String latestHash;

        Conflict(int latestVersion, String latestHash) {
            super(ErrorCode.PACKAGE_VERSION_CONFLICT, "the latest version is " + latestVersion);
            this.latestVersion = latestVersion;
            this.latestHash = latestHash;
        }

        public PackageDto.PublishConflict conflictBody() {
            return new PackageDto.PublishConflict(code().name(), getMessage(), latestVersion, latestHash);
        }
    }

    private final PlatformStore store;
    private final BlobFiles blobs;
    private final KeyPair serverKey;

    public PackageRegistry(PlatformStore store, Path dataDir) {
        this.store = store;
        this.blobs = new BlobFiles(dataDir);
        Path file = dataDir.resolve(KEY_FILE);
        try {
            this.serverKey = Ed25519.loadOrCreate(file, "EcoAid platform countersigning key (Ed25519). Keep private.");
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new PlatformException(e, "platform.package.key", file, e.getMessage());
        }
    }

    /** The server's public key (Base64 X.509) that countersignatures verify against. */
    public String serverKey() {
        return Ed25519.publicKeyBase64(serverKey);
    }

    private static String hash(String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int parentVersion(JsonNode manifest) {
        return manifest.path("parent_version").asInt(0);
    }

    private static String parentHash(JsonNode manifest) {
        return manifest.path("parent_hash").asText("");
    }

    private record Head(String teamId, int number, String hash) {
    }

    private static Optional<Head> head(Connection c, String packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT team_id, number, hash FROM package_head WHERE package_id = ?")) {
            ps.setString(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Head(rs.getString(1), rs.getInt(2), rs.getString(3))) : Optional.empty();
            }
        }
    }

    /** The team a published package belongs to (the team of its first publisher). */
    public Optional<String> teamOf(String packageId) {
        return store.tx(c -> head(c, packageId).map(Head::teamId));
    }

    // ------------------------------------------------------------------------------------------------ publish

    /** Checks, countersigns and stores one version; a manifest published before returns its stored answer. */
    public PackageDto.PublishResponse publish(Principal p, String packageId, PackageDto.PublishRequest req, String address) {
        try {
            return store.tx(c -> publish(c, p, packageId, req, address));
        } catch (WireException e) {
            store.recordFailure(p.deviceId(), e.code().name(), "package " + packageId + ": " + e.getMessage());
            throw e;
        }
    }

    private PackageDto.PublishResponse publish(Connection c, Principal p, String packageId, PackageDto.PublishRequest req,
                                               String address) throws SQLException {
        if (p.role() != Role.TEAM_LEAD || p.teamId() == null) {
            throw new WireException(ErrorCode.LEAD_REQUIRED, "only a team lead publishes packages");
        }
        if (req == null || req.manifest() == null || req.signature() == null) {
            throw new WireException(ErrorCode.BAD_REQUEST, "manifest and signature are required");
        }
        Optional<Head> head = head(c, packageId);
        if (head.isPresent() && !head.get().teamId().equals(p.teamId())) {
            throw new WireException(ErrorCode.FORBIDDEN, "the package belongs to another team");
        }
        String hash = hash(req.manifest());
        Optional<PackageDto.PublishedVersion> same = byHash(c, packageId, hash);
        if (same.isPresent()) {
            PackageDto.PublishedVersion v = same.get();
            return new PackageDto.PublishResponse(packageId, v.version(), v.hash(), v.countersignature(), serverKey(),
                    v.publishedAt(), true);
        }
        JsonNode m = manifest(req.manifest(), packageId);
        int number = m.path("version").asInt(0);
        int parentVersion = parentVersion(m);
        String parentHash = parentHash(m);
        if (parentVersion != req.parentVersion() || !parentHash.equals(req.parentHash() == null ? "" : req.parentHash())
                || number <= parentVersion) {
            throw new WireException(ErrorCode.MANIFEST_INVALID, "version and parent must match the manifest");
        }
        String deviceKey = devicePublicKey(c, p.deviceId());
        if (deviceKey == null || !deviceKey.equals(m.path("signer").path("public_key").asText())
                || !Ed25519.verify(deviceKey, req.manifest().getBytes(StandardCharsets.UTF_8), req.signature())) {
            throw new WireException(ErrorCode.SIGNATURE_INVALID, "not signed by the key this device enrolled with");
        }
        Map<String, String> records = req.records() == null ? Map.of() : new TreeMap<>(req.records());
        checkRecords(m, records);
        for (JsonNode f : m.path("files")) {
            String sha = f.path("sha256").asText();
            if (!BlobFiles.SHA256.matcher(sha).matches() || !("files/" + sha).equals(f.path("path").asText())) {
                throw new WireException(ErrorCode.MANIFEST_INVALID, "file " + f.path("path").asText());
            }
            if (!blobRef(c, p.teamId(), sha) || !blobs.has(sha)) {
                throw new WireException(ErrorCode.MISSING_BLOB, sha);
            }
        }
        int latest = head.map(Head::number).orElse(0);
        String latestHash = head.map(Head::hash).orElse("");
        if (parentVersion != latest || !parentHash.equals(latestHash)) {
            throw new Conflict(latest, latestHash);
        }
        String at = store.now();
        String counter = Ed25519.sign(serverKey.getPrivate(), PackageDto.PublishedVersion.countersigned(packageId, number, hash,
                req.signature(), at).getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO package_version (package_id, number, team_id, hash,"
                + " parent_number, parent_hash, manifest, signature, countersignature, records, device_id, device_key, user_id,"
                + " published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setString(i++, packageId);
            ps.setInt(i++, number);
            ps.setString(i++, p.teamId());
            ps.setString(i++, hash);
            ps.setInt(i++, parentVersion);
            ps.setString(i++, parentHash);
            ps.setString(i++, req.manifest());
            ps.setString(i++, req.signature().strip());
            ps.setString(i++, counter);
            ps.setString(i++, new String(Wire.write(records), StandardCharsets.UTF_8));
            ps.setString(i++, p.deviceId());
            ps.setString(i++, deviceKey);
            ps.setString(i++, p.userId());
            ps.setString(i, at);
            ps.executeUpdate();
        }
        String title = m.path("title").asText("");
        if (head.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO package_head (package_id, team_id, title, number, hash,"
                    + " published_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, packageId);
                ps.setString(2, p.teamId());
                ps.setString(3, title);
                ps.setInt(4, number);
                ps.setString(5, hash);
                ps.setString(6, at);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE package_head SET title = ?, number = ?, hash = ?, published_at = ?"
                    + " WHERE package_id = ? AND number = ? AND hash = ?")) {
                ps.setString(1, title);
                ps.setInt(2, number);
                ps.setString(3, hash);
                ps.setString(4, at);
                ps.setString(5, packageId);
                ps.setInt(6, latest);
                ps.setString(7, latestHash);
                if (ps.executeUpdate() != 1) {
                    throw new Conflict(latest, latestHash);
                }
            }
        }
        store.auditIn(c, p, "publish-package", "package_version", packageId + "/" + number, address);
        return new PackageDto.PublishResponse(packageId, number, hash, counter, serverKey(), at, false);
    }

    /** The manifest parsed: a JSON object of this package, format and signature algorithm. */
    private static JsonNode manifest(String text, String packageId) {
        JsonNode m;
        try {
            m = Wire.mapper().readTree(text);
        } catch (IOException e) {
            throw new WireException(ErrorCode.MANIFEST_INVALID, "not JSON");
        }
        if (m == null || !m.isObject()) {
            throw new WireException(ErrorCode.MANIFEST_INVALID, "not a JSON object");
        }
        if (!FORMAT.equals(m.path("format").asText()) || !packageId.equals(m.path("package_id").asText())) {
            throw new WireException(ErrorCode.MANIFEST_INVALID, "format or package id");
        }
        if (!Ed25519.ALGORITHM.equals(m.path("signer").path("algorithm").asText())) {
            throw new WireException(ErrorCode.MANIFEST_INVALID, "unsupported signature algorithm");
        }
        return m;
    }

    /** Every record the manifest lists is there with its SHA-256 and size, and nothing else. */
    private static void checkRecords(JsonNode m, Map<String, String> records) {
        int listed = 0;
        for (JsonNode r : m.path("records")) {
            listed++;
            String path = r.path("path").asText();
            String content = records.get(path);
            if (content == null) {
                throw new WireException(ErrorCode.CONTENT_HASH_MISMATCH, path + " is missing");
            }
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (!Hashes.sha256(bytes).equals(r.path("sha256").asText()) || bytes.length != r.path("size").asLong(-1)) {
                throw new WireException(ErrorCode.CONTENT_HASH_MISMATCH, path);
            }
        }
        if (listed != records.size()) {
            throw new WireException(ErrorCode.CONTENT_HASH_MISMATCH, "records the manifest does not list");
        }
    }

    private static String devicePublicKey(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT public_key FROM device WHERE id = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean blobRef(Connection c, String teamId, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM blob_ref WHERE team_id = ? AND sha256 = ?")) {
            ps.setString(1, teamId);
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Packages published by a team, by title. */
    public List<PackageDto.PackageSummary> packages(String teamId) {
        return store.tx(c -> {
            List<PackageDto.PackageSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT package_id, title, number, hash, published_at FROM package_head"
                    + " WHERE team_id = ? ORDER BY title, package_id")) {
                ps.setString(1, teamId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PackageDto.PackageSummary(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** The versions of a package, by number. */
    public PackageDto.VersionList versions(String packageId) {
        return store.tx(c -> {
            List<PackageDto.VersionSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT number, hash, parent_number, parent_hash, device_id, user_id,"
                    + " published_at FROM package_version WHERE package_id = ? ORDER BY number")) {
                ps.setString(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PackageDto.VersionSummary(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return new PackageDto.VersionList(packageId, out);
        });
    }

    private static final String VERSION_COLUMNS = "package_id, number, hash, parent_number, parent_hash, manifest, signature,"
            + " countersignature, device_id, device_key, published_at, records";

    public Optional<PackageDto.PublishedVersion> version(String packageId, int number) {
        return store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM package_version WHERE package_id = ? AND number = ?")) {
                ps.setString(1, packageId);
                ps.setInt(2, number);
                return read(ps);
            }
        });
    }

    private Optional<PackageDto.PublishedVersion> byHash(Connection c, String packageId, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                + " FROM package_version WHERE package_id = ? AND hash = ?")) {
            ps.setString(1, packageId);
            ps.setString(2, hash);
            return read(ps);
        }
    }

    private Optional<PackageDto.PublishedVersion> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Map<String, String> records;
            try {
                records = Wire.mapper().readValue(rs.getString(12), new TypeReference<TreeMap<String, String>>() { });
            } catch (IOException e) {
                throw new SQLException("bad records JSON in store", e);
            }
            return Optional.of(new PackageDto.PublishedVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), serverKey(), rs.getString(9),
                    rs.getString(10), rs.getString(11), records));
        }
    }

    // ------------------------------------------------------------------------------------------------ verification

    /**
     * Verifies a stored version from scratch: the manifest's hash, the device's signature by the key the device enrolled
     * with, the server's countersignature, every record's and file's SHA-256, and the link to its parent version.
     * Throws {@link PlatformException} naming the first problem.
     */
    public PackageDto.PublishedVersion verify(String packageId, int number) {
        PackageDto.PublishedVersion v = version(packageId, number)
                .orElseThrow(() -> new PlatformException("platform.package.notFound", packageId, number));
        String actual = hash(v.manifest());
        if (!actual.equals(v.hash())) {
            throw new PlatformException("solution.verify.hash", "manifest.json", v.hash(), actual);
        }
        JsonNode m;
        try {
            m = manifest(v.manifest(), packageId);
        } catch (WireException e) {
            throw new PlatformException("solution.verify.badManifest", e.getMessage());
        }
        String enrolled = store.tx(c -> devicePublicKey(c, v.deviceId()));
        if (enrolled == null || !enrolled.equals(v.devicePublicKey()) || !enrolled.equals(m.path("signer").path("public_key").asText())
                || !Ed25519.verify(enrolled, v.manifest().getBytes(StandardCharsets.UTF_8), v.signature())) {
            throw new PlatformException("solution.verify.signature", m.path("signer").path("fingerprint").asText());
        }
        if (!Ed25519.verify(serverKey(), v.countersigned().getBytes(StandardCharsets.UTF_8), v.countersignature())) {
            throw new PlatformException("platform.package.countersignature", Hashes.sha256(java.util.Base64.getDecoder().decode(serverKey())).substring(0, 16));
        }
        try {
            checkRecords(m, v.records());
        } catch (WireException e) {
            throw new PlatformException("platform.package.content", e.getMessage());
        }
        for (JsonNode f : m.path("files")) {
            String path = f.path("path").asText();
            String sha = f.path("sha256").asText();
            String got;
            try {
                got = BlobFiles.SHA256.matcher(sha).matches() && blobs.has(sha) ? Hashes.sha256(blobs.blob(sha)) : null;
            } catch (IOException e) {
                got = null;
            }
            if (got == null) {
                throw new PlatformException("solution.verify.missing", path);
            }
            if (!got.equals(sha)) {
                throw new PlatformException("solution.verify.hash", path, sha, got);
            }
        }
        int parentVersion = parentVersion(m);
        String parentHash = parentHash(m);
        boolean linked;
        if (parentVersion == 0) {
            linked = parentHash.isEmpty() && v.parentVersion() == 0;
        } else {
            linked = parentVersion == v.parentVersion() && parentHash.equals(v.parentHash())
                    && version(packageId, parentVersion).map(pv -> pv.hash().equals(parentHash)).orElse(false);
        }
        if (!linked || m.path("version").asInt() != number) {
            throw new PlatformException("platform.package.chain", number, parentVersion);
        }
        return v;
    }
}
