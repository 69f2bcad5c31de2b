package cn.ecoaid.solution;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable version of a package: its number, the canonical manifest (JSON text), the Ed25519 signature of the
 * manifest bytes (Base64) and the content of every record it lists (path → canonical JSON). Files the manifest lists are
 * kept by content hash in the workspace's attachment store.
 */
public record FrozenVersion(String id, String packageId, int number, String frozenAt, String manifest, String signature,
                            Map<String, String> records) {
    public FrozenVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(signature, "signature");
        records = records == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(records));
    }
}
