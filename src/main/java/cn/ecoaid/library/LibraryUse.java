package cn.ecoaid.library;

/** The library version an analysis (entity, id) used: kind, version, content hash and label at the time. */
public record LibraryUse(String entity, String entityId, LibraryKind kind, long version, String sha256, String label) {
    public String shortRef() {
        return LibraryVersion.shortRef(version, label, sha256);
    }
}
