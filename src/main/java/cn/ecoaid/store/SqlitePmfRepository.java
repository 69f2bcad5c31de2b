package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.pmf.PmfRunRepository;
import cn.ecoaid.pmf.PmfRuns;
import cn.ecoaid.pmf.SavedPmfRun;
import cn.ecoaid.pmf.SavedPmfRun.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * PMF runs kept in the workspace (migration V009). Files go to the {@link AttachmentStore} first (durable before any
 * row refers to them); the run row, its model rows and file rows and their outbox operations (entities
 * {@code pmf_run}, {@code pmf_model}, {@code pmf_run_file}) then commit in one transaction. Deletes are tombstones.
 */
public final class SqlitePmfRepository implements PmfRunRepository {
    static final String ENTITY = "pmf_run";
    static final String MODEL_ENTITY = "pmf_model";
    static final String FILE_ENTITY = "pmf_run_file";

    private final Database db;
    private final AttachmentStore attachments;

    public SqlitePmfRepository(Database db, AttachmentStore attachments) {
        this.db = db;
        this.attachments = attachments;
    }

    @Override
    public SavedPmfRun create(SavedPmfRun run, Map<Role, NewFile> files) {
        String name = run.name() == null ? "" : run.name().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "pmf.store.invalid.name"));
        }
        for (Role r : List.of(Role.CONC, Role.UNC, Role.BEST_W, Role.BEST_H)) {
            if (files.get(r) == null) {
                problems.add(FieldProblem.of(r.name().toLowerCase(java.util.Locale.ROOT), "pmf.store.invalid.noFile", r.name()));
            }
        }
        if (run.models().isEmpty()) {
            problems.add(FieldProblem.of("models", "pmf.store.invalid.noModels"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
        if (findByName(name).isPresent()) {
            throw new EcoAidException("pmf.store.duplicateName", name);
        }
        String id = Ids.newId();
        Map<Role, AttachmentStore.Attachment> stored = new EnumMap<>(Role.class);
        for (Map.Entry<Role, NewFile> f : files.entrySet()) {
            stored.put(f.getKey(), attachments.put(new ByteArrayInputStream(f.getValue().content()), f.getValue().fileName(),
                    f.getValue().fileName().endsWith(".csv") ? "text/csv" : "application/octet-stream", ENTITY, id));
        }
        SavedPmfRun.ModelSummary best = run.bestModel();
        db.write(c -> {
            if (liveIdByName(c, name).isPresent()) {
                throw new EcoAidException("pmf.store.duplicateName", name);
            }
            String now = db.now();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("software", run.software());
            fields.put("method", run.settings().method().id());
            fields.put("factors", run.settings().factors());
            fields.put("models", run.settings().models());
            fields.put("seed", run.settings().seed());
            fields.put("robust", run.settings().robust() ? 1 : 0);
            fields.put("settings", PmfRuns.settingsJson(run.settings()));
            fields.put("preparation", PmfRuns.preparationJson(run.preparation()));
            fields.put("species", PmfRuns.speciesJson(run.species()));
            fields.put("samples", run.samples());
            fields.put("best_model", run.best() + 1);
            fields.put("q_true", best.qTrue());
            fields.put("q_robust", best.qRobust());
            fields.put("factor_names", PmfRuns.namesJson(run.factorNames()));
            StringBuilder cols = new StringBuilder("id");
            StringBuilder marks = new StringBuilder("?");
            for (String k : fields.keySet()) {
                cols.append(", ").append(k);
                marks.append(",?");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pmf_run (" + cols + ", author, created_at, updated_at)"
                    + " VALUES (" + marks + ",?,?,?)")) {
                int i = 1;
                ps.setString(i++, id);
                for (Object v : fields.values()) {
                    ps.setObject(i++, v);
                }
                ps.setString(i++, db.author());
                ps.setString(i++, now);
                ps.setString(i, now);
                ps.executeUpdate();
            }
            Outbox.append(c, db, ENTITY, id, Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
            for (SavedPmfRun.ModelSummary m : run.models()) {
                insertModel(c, id, m, now);
            }
            for (Map.Entry<Role, AttachmentStore.Attachment> e : stored.entrySet()) {
                insertFile(c, id, e.getKey(), e.getValue(), now);
            }
            return null;
        });
        return get(id).orElseThrow();
    }

    @Override
    public List<SavedPmfRun> list() {
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM pmf_run WHERE deleted = 0 ORDER BY created_at DESC, name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<SavedPmfRun> out = new ArrayList<>();
            for (String id : ids) {
                load(c, id).ifPresent(out::add);
            }
            return out;
        });
    }

    @Override
    public Optional<SavedPmfRun> get(String id) {
        return db.read(c -> load(c, id));
    }

    @Override
    public Optional<SavedPmfRun> findByName(String name) {
        return db.read(c -> {
            Optional<String> id = liveIdByName(c, name == null ? "" : name.strip());
            return id.isPresent() ? load(c, id.get()) : Optional.<SavedPmfRun>empty();
        });
    }

    @Override
    public byte[] read(SavedPmfRun.StoredFile file) {
        AttachmentStore.Attachment a = attachments.get(file.attachmentId())
                .orElseThrow(() -> new EcoAidException("pmf.store.missingFile", file.fileName(), file.attachmentId()));
        Path p = attachments.path(a);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new EcoAidException(e, "pmf.store.missingFile", file.fileName(), file.attachmentId());
        }
    }

    @Override
    public SavedPmfRun setFactorNames(String id, List<String> names) {
        db.write(c -> {
            long rev;
            String old;
            try (PreparedStatement ps = c.prepareStatement("SELECT rev, factor_names FROM pmf_run WHERE id = ? AND deleted = 0")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new EcoAidException("pmf.store.notFound", id);
                    }
                    rev = rs.getLong(1);
                    old = rs.getString(2);
                }
            }
            String json = PmfRuns.namesJson(names);
            if (json.equals(old)) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE pmf_run SET factor_names = ?, rev = rev + 1, updated_at = ?,"
                    + " author = ? WHERE id = ?")) {
                ps.setString(1, json);
                ps.setString(2, db.now());
                ps.setString(3, db.author());
                ps.setString(4, id);
                ps.executeUpdate();
            }
            Outbox.append(c, db, ENTITY, id, Outbox.Kind.UPSERT, rev,
                    Outbox.diff(Map.of("factor_names", old), Map.of("factor_names", json)));
            return null;
        });
        return get(id).orElseThrow();
    }

    @Override
    public void delete(String id) {
        db.write(c -> {
            long rev;
            try (PreparedStatement ps = c.prepareStatement("SELECT rev FROM pmf_run WHERE id = ? AND deleted = 0")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new EcoAidException("pmf.store.notFound", id);
                    }
                    rev = rs.getLong(1);
                }
            }
            String now = db.now();
            tombstoneChildren(c, "pmf_model", MODEL_ENTITY, id, now);
            tombstoneChildren(c, "pmf_run_file", FILE_ENTITY, id, now);
            try (PreparedStatement ps = c.prepareStatement("UPDATE pmf_run SET deleted = 1, updated_at = ?, author = ? WHERE id = ?")) {
                ps.setString(1, now);
                ps.setString(2, db.author());
                ps.setString(3, id);
                ps.executeUpdate();
            }
            Outbox.append(c, db, ENTITY, id, Outbox.Kind.DELETE, rev, Map.of());
            return null;
        });
    }

    private void tombstoneChildren(Connection c, String table, String entity, String runId, String now) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, rev FROM " + table + " WHERE run_id = ? AND deleted = 0")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2))});
                }
            }
        }
        for (String[] r : rows) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET deleted = 1, updated_at = ?, author = ?"
                    + " WHERE id = ?")) {
                ps.setString(1, now);
                ps.setString(2, db.author());
                ps.setString(3, r[0]);
                ps.executeUpdate();
            }
            Outbox.append(c, db, entity, r[0], Outbox.Kind.DELETE, Long.parseLong(r[1]), Map.of());
        }
    }

    private void insertModel(Connection c, String runId, SavedPmfRun.ModelSummary m, String now) throws SQLException {
        String modelId = Ids.newId();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pmf_model (id, run_id, model, seed, q_true, q_robust,"
                + " iterations, converged, seconds, author, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, modelId);
            ps.setString(2, runId);
            ps.setInt(3, m.model());
            ps.setLong(4, m.seed());
            ps.setDouble(5, m.qTrue());
            ps.setDouble(6, m.qRobust());
            ps.setInt(7, m.iterations());
            ps.setInt(8, m.converged() ? 1 : 0);
            ps.setDouble(9, m.seconds());
            ps.setString(10, db.author());
            ps.setString(11, now);
            ps.setString(12, now);
            ps.executeUpdate();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("run_id", runId);
        fields.put("model", m.model());
        fields.put("seed", m.seed());
        fields.put("q_true", m.qTrue());
        fields.put("q_robust", m.qRobust());
        fields.put("iterations", m.iterations());
        fields.put("converged", m.converged() ? 1 : 0);
        fields.put("seconds", m.seconds());
        Outbox.append(c, db, MODEL_ENTITY, modelId, Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
    }

    private void insertFile(Connection c, String runId, Role role, AttachmentStore.Attachment a, String now) throws SQLException {
        String fileId = Ids.newId();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pmf_run_file (id, run_id, role, attachment_id, author,"
                + " created_at, updated_at) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, fileId);
            ps.setString(2, runId);
            ps.setString(3, role.name());
            ps.setString(4, a.id());
            ps.setString(5, db.author());
            ps.setString(6, now);
            ps.setString(7, now);
            ps.executeUpdate();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("run_id", runId);
        fields.put("role", role.name());
        fields.put("attachment_id", a.id());
        Outbox.append(c, db, FILE_ENTITY, fileId, Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
    }

    private static Optional<String> liveIdByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM pmf_run WHERE name = ? AND deleted = 0")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<SavedPmfRun> load(Connection c, String id) throws SQLException {
        String name;
        String created;
        String software;
        String settings;
        String preparation;
        String species;
        int samples;
        int best;
        String names;
        try (PreparedStatement ps = c.prepareStatement("SELECT name, created_at, software, settings, preparation, species,"
                + " samples, best_model, factor_names FROM pmf_run WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                name = rs.getString(1);
                created = rs.getString(2);
                software = rs.getString(3);
                settings = rs.getString(4);
                preparation = rs.getString(5);
                species = rs.getString(6);
                samples = rs.getInt(7);
                best = rs.getInt(8) - 1;
                names = rs.getString(9);
            }
        }
        List<SavedPmfRun.ModelSummary> models = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT model, seed, q_true, q_robust, iterations, converged, seconds"
                + " FROM pmf_model WHERE run_id = ? AND deleted = 0 ORDER BY model")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    models.add(new SavedPmfRun.ModelSummary(rs.getInt(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getInt(5), rs.getInt(6) == 1, rs.getDouble(7)));
                }
            }
        }
        Map<Role, SavedPmfRun.StoredFile> files = new EnumMap<>(Role.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT f.role, a.id, a.file_name, a.sha256 FROM pmf_run_file f"
                + " JOIN attachment a ON a.id = f.attachment_id WHERE f.run_id = ? AND f.deleted = 0")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.put(Role.valueOf(rs.getString(1)), new SavedPmfRun.StoredFile(rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return Optional.of(new SavedPmfRun(id, name, created, software, PmfRuns.settingsFromJson(settings),
                PmfRuns.preparationFromJson(preparation), PmfRuns.speciesFromJson(species), samples, models, best,
                PmfRuns.namesFromJson(names), files));
    }
}
