package cn.ecoaid.protocol;

import java.util.List;
import java.util.Map;

/**
 * Bodies of the solution-package endpoints of /api/v1 (docs/sync-api.md, "Solution packages"): publishing a frozen,
 * device-signed version, listing a team's packages and versions, and reading one version back for verification.
 * A version's {@code hash} is the SHA-256 (hex) of its manifest's UTF-8 bytes; {@code parent_hash} links the chain.
 */
public final class PackageDto {
    private PackageDto() {
    }

    /**
     * {@code manifest}: the canonical JSON manifest as signed; {@code signature}: Base64 Ed25519 of its bytes by the
     * device's enrolled key; {@code records}: path → content of every record the manifest lists. Files the manifest
     * lists travel first through the blob channel.
     */
    public record PublishRequest(String manifest, String signature, int parentVersion, String parentHash,
                                 Map<String, String> records) {
    }

    /** The frozen version as the platform keeps it; {@code duplicate}: this manifest had been published already. */
    public record PublishResponse(String packageId, int version, String hash, String countersignature, String serverKey,
                                  String publishedAt, boolean duplicate) {
    }

    public record PackageSummary(String packageId, String title, int latestVersion, String latestHash, String publishedAt) {
    }

    public record PackageList(List<PackageSummary> packages) {
    }

    public record VersionSummary(int version, String hash, int parentVersion, String parentHash, String deviceId,
                                 String userId, String publishedAt) {
    }

    public record VersionList(String packageId, List<VersionSummary> versions) {
    }

    /**
     * One published version with everything needed to verify it offline: the manifest and the device's signature, the
     * server's countersignature over {@link #countersigned} and the server's public key, and the record contents.
     */
    public record PublishedVersion(String packageId, int version, String hash, int parentVersion, String parentHash,
                                   String manifest, String signature, String countersignature, String serverKey,
                                   String deviceId, String devicePublicKey, String publishedAt, Map<String, String> records) {
        /** The text the server countersigns. */
        public String countersigned() {
            return countersigned(packageId, version, hash, signature, publishedAt);
        }

        public static String countersigned(String packageId, int version, String hash, String signature, String publishedAt) {
            return String.join("\n", "ecoaid-package-countersignature/1", packageId, Integer.toString(version), hash, signature,
                    publishedAt);
        }
    }

    /** The body of a 409 PACKAGE_VERSION_CONFLICT: the platform's latest version the publish must build on. */
    public record PublishConflict(String code, String message, int latestVersion, String latestHash) {
    }
}
