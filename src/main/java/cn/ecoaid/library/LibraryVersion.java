package cn.ecoaid.library;

/**
 * A library version held on this device: which kind, its version number and label, the content hash, whether it is
 * national or for a province ({@code scope}), and when it was loaded on the platform and pulled here.
 */
public record LibraryVersion(LibraryKind kind, long version, String label, String sha256, String scope, String fileName,
                             int rowCount, String loadedAt, String loadedBy, String pulledAt) {
    /** "v3 · label · 1a2b3c4d5e6f" — the short reference an analysis shows. */
    public String shortRef() {
        return shortRef(version, label, sha256);
    }

    static String shortRef(long version, String label, String sha256) {
        return "v" + version + " · " + label + " · " + (sha256.length() > 12 ? sha256.substring(0, 12) : sha256);
    }
}
