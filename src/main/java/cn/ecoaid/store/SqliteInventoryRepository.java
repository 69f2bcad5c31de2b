package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.inventory.InventoryRepository;
import cn.ecoaid.inventory.SavedInventory;
import cn.ecoaid.inventory.SavedInventory.Role;
import cn.ecoaid.inventory.SavedInventory.StoredInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inventories and their input files. Files go to the {@link AttachmentStore} first (each file is durable before any row
 * refers to it); the inventory row, its input rows and their outbox rows then commit in one transaction.
 */
public final class SqliteInventoryRepository implements InventoryRepository {
    private static final String ENTITY = "inventory";
    private static final String INPUT_ENTITY = "inventory_input";

    private final Database db;
    private final AttachmentStore attachments;

    public SqliteInventoryRepository(Database db, AttachmentStore attachments) {
        this.db = db;
        this.attachments = attachments;
    }

    @Override
    public SavedInventory create(String name, int year, String notes, Map<Role, Path> files) {
        String trimmed = name == null ? "" : name.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of("name", "inventory.store.invalid.name"));
        }
        if (year < 1900 || year > 2200) {
            problems.add(FieldProblem.of("year", "inventory.store.invalid.year", year));
        }
        if (files.get(Role.ACTIVITIES) == null) {
            problems.add(FieldProblem.of("activities", "inventory.store.invalid.noActivities"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
        if (findByName(trimmed).isPresent()) {
            throw new EcoAidException("inventory.store.duplicateName", trimmed);
        }
        String id = Ids.newId();
        Map<Role, AttachmentStore.Attachment> stored = new EnumMap<>(Role.class);
        for (Map.Entry<Role, Path> f : files.entrySet()) {
            if (f.getValue() != null) {
                stored.put(f.getKey(), store(f.getValue(), id));
            }
        }
        String cleanNotes = notes == null ? "" : notes.strip();
        db.write(c -> {
            if (liveIdByName(c, trimmed).isPresent()) {
                throw new EcoAidException("inventory.store.duplicateName", trimmed);
            }
            String now = db.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO inventory (id, name, year, notes, author, created_at,"
                    + " updated_at) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, trimmed);
                ps.setInt(3, year);
                ps.setString(4, cleanNotes);
                ps.setString(5, db.author());
                ps.setString(6, now);
                ps.setString(7, now);
                ps.executeUpdate();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", trimmed);
            fields.put("year", year);
            fields.put("notes", cleanNotes);
            Outbox.append(c, db, ENTITY, id, Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
            for (Map.Entry<Role, AttachmentStore.Attachment> e : stored.entrySet()) {
                insertInput(c, id, e.getKey(), e.getValue(), now);
            }
            return null;
        });
        return get(id).orElseThrow();
    }

    @Override
    public SavedInventory replaceInput(String id, Role role, Path file) {
        get(id).orElseThrow(() -> new EcoAidException("inventory.store.notFound", id));
        AttachmentStore.Attachment a = store(file, id);
        db.write(c -> {
            String now = db.now();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, attachment_id, rev FROM inventory_input"
                    + " WHERE inventory_id = ? AND role = ? AND deleted = 0")) {
                ps.setString(1, id);
                ps.setString(2, role.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        tombstoneInput(c, rs.getString(1), rs.getString(2), rs.getLong(3), now);
                    }
                }
            }
            insertInput(c, id, role, a, now);
            touch(c, id, now);
            return null;
        });
        return get(id).orElseThrow();
    }

    @Override
    public List<SavedInventory> list() {
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM inventory WHERE deleted = 0 ORDER BY year DESC, name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<SavedInventory> out = new ArrayList<>();
            for (String id : ids) {
                load(c, id).ifPresent(out::add);
            }
            return out;
        });
    }

    @Override
    public Optional<SavedInventory> get(String id) {
        return db.read(c -> load(c, id));
    }

    @Override
    public Optional<SavedInventory> findByName(String name) {
        return db.read(c -> {
            Optional<String> id = liveIdByName(c, name == null ? "" : name.strip());
            return id.isPresent() ? load(c, id.get()) : Optional.<SavedInventory>empty();
        });
    }

    @Override
    public Path path(StoredInput input) {
        AttachmentStore.Attachment a = attachments.get(input.attachmentId())
                .orElseThrow(() -> new EcoAidException("inventory.store.missingFile", input.fileName()));
        Path p = attachments.path(a);
        if (!Files.isRegularFile(p)) {
            throw new EcoAidException("inventory.store.missingFile", input.fileName());
        }
        return p;
    }

    @Override
    public Path copyTo(StoredInput input, Path dir) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(Path.of(input.fileName()).getFileName().toString());
            Files.copy(path(input), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new EcoAidException(e, "inventory.store.cannotRead", input.fileName(), e.getMessage());
        }
    }

    @Override
    public void delete(String id) {
        db.write(c -> {
            long rev;
            try (PreparedStatement ps = c.prepareStatement("SELECT rev FROM inventory WHERE id = ? AND deleted = 0")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new EcoAidException("inventory.store.notFound", id);
                    }
                    rev = rs.getLong(1);
                }
            }
            String now = db.now();
            List<String[]> inputs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, attachment_id, rev FROM inventory_input"
                    + " WHERE inventory_id = ? AND deleted = 0")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inputs.add(new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
                    }
                }
            }
            for (String[] in : inputs) {
                tombstoneInput(c, in[0], in[1], Long.parseLong(in[2]), now);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE inventory SET deleted = 1, updated_at = ?, author = ? WHERE id = ?")) {
                ps.setString(1, now);
                ps.setString(2, db.author());
                ps.setString(3, id);
                ps.executeUpdate();
            }
            Outbox.append(c, db, ENTITY, id, Outbox.Kind.DELETE, rev, Map.of());
            return null;
        });
    }

    private AttachmentStore.Attachment store(Path file, String ownerId) {
        try (InputStream in = Files.newInputStream(file)) {
            return attachments.put(in, file.getFileName().toString(), mediaType(file), ENTITY, ownerId);
        } catch (IOException e) {
            throw new EcoAidException(e, "inventory.store.cannotRead", file, e.getMessage());
        }
    }

    private static String mediaType(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return n.endsWith(".csv") ? "text/csv" : "application/octet-stream";
    }

    private void insertInput(Connection c, String inventoryId, Role role, AttachmentStore.Attachment a, String now)
            throws SQLException {
        String inputId = Ids.newId();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inventory_input (id, inventory_id, role, attachment_id,"
                + " author, created_at, updated_at) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, inputId);
            ps.setString(2, inventoryId);
            ps.setString(3, role.name());
            ps.setString(4, a.id());
            ps.setString(5, db.author());
            ps.setString(6, now);
            ps.setString(7, now);
            ps.executeUpdate();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("inventory_id", inventoryId);
        fields.put("role", role.name());
        fields.put("attachment_id", a.id());
        Outbox.append(c, db, INPUT_ENTITY, inputId, Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
    }

    private void tombstoneInput(Connection c, String inputId, String attachmentId, long rev, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inventory_input SET deleted = 1, updated_at = ?, author = ?"
                + " WHERE id = ?")) {
            ps.setString(1, now);
            ps.setString(2, db.author());
            ps.setString(3, inputId);
            ps.executeUpdate();
        }
        Outbox.append(c, db, INPUT_ENTITY, inputId, Outbox.Kind.DELETE, rev, Map.of());
    }

    private void touch(Connection c, String id, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inventory SET updated_at = ?, author = ? WHERE id = ?")) {
            ps.setString(1, now);
            ps.setString(2, db.author());
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    private static Optional<String> liveIdByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM inventory WHERE name = ? AND deleted = 0")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<SavedInventory> load(Connection c, String id) throws SQLException {
        String name;
        int year;
        String notes;
        try (PreparedStatement ps = c.prepareStatement("SELECT name, year, notes FROM inventory WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                name = rs.getString(1);
                year = rs.getInt(2);
                notes = rs.getString(3);
            }
        }
        Map<Role, StoredInput> inputs = new EnumMap<>(Role.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT i.role, a.id, a.file_name, a.sha256 FROM inventory_input i"
                + " JOIN attachment a ON a.id = i.attachment_id WHERE i.inventory_id = ? AND i.deleted = 0")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inputs.put(Role.valueOf(rs.getString(1)), new StoredInput(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return Optional.of(new SavedInventory(id, name, year, notes, inputs));
    }
}
