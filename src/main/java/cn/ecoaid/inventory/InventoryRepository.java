package cn.ecoaid.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inventories kept in the workspace. Every change is one transaction with its outbox rows. */
public interface InventoryRepository {
    /**
     * Stores a new inventory with copies of the given files. Names are unique among live inventories.
     *
     * @throws cn.ecoaid.domain.InvalidRecordException when the name is blank, the year is out of range or there are no
     *     activity records
     * @throws cn.ecoaid.domain.DuplicateCodeException when another live inventory has the name
     */
    SavedInventory create(String name, int year, String notes, Map<SavedInventory.Role, Path> files);

    /** Replaces (or adds) one input file of an inventory. */
    SavedInventory replaceInput(String id, SavedInventory.Role role, Path file);

    List<SavedInventory> list();

    Optional<SavedInventory> get(String id);

    Optional<SavedInventory> findByName(String name);

    /** The local file holding a stored input, for reading. */
    Path path(SavedInventory.StoredInput input);

    /** Copies a stored input into {@code dir} under its original file name (the readers choose the format by it). */
    Path copyTo(SavedInventory.StoredInput input, Path dir);

    /**
     * Copies every stored input of {@code inv} into a new temporary folder (deleted when the program exits), under the
     * original file names, for the readers that choose CSV or Excel by the name.
     */
    default Map<SavedInventory.Role, Path> copyAllToTemp(SavedInventory inv) {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("ecoaid-inventory-");
            dir.toFile().deleteOnExit();
            Map<SavedInventory.Role, Path> out = new java.util.EnumMap<>(SavedInventory.Role.class);
            inv.inputs().forEach((role, in) -> {
                Path p = copyTo(in, dir);
                p.toFile().deleteOnExit();
                out.put(role, p);
            });
            return out;
        } catch (java.io.IOException e) {
            throw new cn.ecoaid.domain.EcoAidException(e, "inventory.store.cannotRead", inv.name(), e.getMessage());
        }
    }

    /** Tombstones the inventory and its inputs. */
    void delete(String id);
}
