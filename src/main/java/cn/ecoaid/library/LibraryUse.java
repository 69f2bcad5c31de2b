package cn.ecoaid.library;

/** The library version an analysis (entity, id) used: kind, version, content hash and label at the time. */
public record LibraryUse(String entity, String entityId, LibraryKind kind, long version, String sha256, String label) {
    public String shortRef() {
        return "v" + version + " · " + label + " · " + (sha256.length() > 12 ? sha256.substring(0, 12) : sha256);
    }
}
