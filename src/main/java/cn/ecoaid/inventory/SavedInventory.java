package cn.ecoaid.inventory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * An emission inventory kept in the workspace: a name, the inventory year, notes, and its input files by role. The
 * results are always recomputed from these inputs with the factor library, so a total can be traced to its records.
 */
public record SavedInventory(String id, String name, int year, String notes, Map<Role, StoredInput> inputs) {
    /** What an input file holds (the formats are those of docs/formats.md, "Inventories"). */
    public enum Role { ACTIVITIES, FACTORS, CONTROLS, MEASURES, SOURCES, PROXIES }

    /** One stored input: the attachment holding the file, its original name and content hash. */
    public record StoredInput(String attachmentId, String fileName, String sha256) {
    }

    public SavedInventory {
        EnumMap<Role, StoredInput> ordered = new EnumMap<>(Role.class);
        ordered.putAll(inputs);
        inputs = Collections.unmodifiableMap(ordered);
    }

    public Optional<StoredInput> input(Role role) {
        return Optional.ofNullable(inputs.get(role));
    }
}
