package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.solution.CanonicalJson;
import cn.ecoaid.solution.FrozenVersion;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.Milestone;
import cn.ecoaid.solution.Section;
import cn.ecoaid.solution.SolutionCodec;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.solution.SolutionRepository;
import cn.ecoaid.solution.SolutionRules;
import cn.ecoaid.solution.TrackingRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Solution packages in the workspace file. Each row keeps the record's JSON ({@link SolutionCodec}); each write and its
 * outbox operation (entity = table name) commit in one transaction; deletes set the tombstone.
 */
public final class SqliteSolutionRepository implements SolutionRepository {
    static final String PACKAGE = "solution_package";
    static final String SECTION = "solution_section";
    static final String MEASURE = "solution_measure";
    static final String MILESTONE = "solution_milestone";
    static final String TRACKING = "solution_tracking";
    static final String VERSION = "solution_version";

    private final Database db;

    public SqliteSolutionRepository(Database db) {
        this.db = db;
    }

    // ---- packages ----

    @Override
    public void addPackage(SolutionPackage p) {
        SolutionRules.check(SolutionRules.validate(p));
        db.write(c -> {
            insert(c, PACKAGE, p.id(), null, "title", p.title(), SolutionCodec.toJson(p));
            return null;
        });
    }

    @Override
    public void updatePackage(SolutionPackage p) {
        SolutionRules.check(SolutionRules.validate(p));
        db.write(c -> {
            update(c, PACKAGE, p.id(), "title", p.title(), SolutionCodec.toJson(p));
            return null;
        });
    }

    @Override
    public Optional<SolutionPackage> getPackage(String id) {
        return db.read(c -> one(c, PACKAGE, id).map(SolutionCodec::packageFrom));
    }

    @Override
    public List<SolutionPackage> packages() {
        return db.read(c -> list(c, "SELECT data FROM solution_package WHERE deleted = 0 ORDER BY created_at, title", null,
                SolutionCodec::packageFrom));
    }

    @Override
    public void deletePackage(String id) {
        tombstone(PACKAGE, id);
    }

    // ---- sections ----

    @Override
    public void saveSection(Section s) {
        requirePackage(s.packageId());
        db.write(c -> {
            Optional<String> existing = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM solution_section WHERE package_id = ? AND kind = ? AND deleted = 0")) {
                ps.setString(1, s.packageId());
                ps.setString(2, s.kind().name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        existing = Optional.of(rs.getString(1));
                    }
                }
            }
            if (existing.isPresent()) {
                Section same = new Section(existing.get(), s.packageId(), s.kind(), s.text(), s.blocks());
                update(c, SECTION, same.id(), "kind", same.kind().name(), SolutionCodec.toJson(same));
            } else {
                insert(c, SECTION, s.id(), s.packageId(), "kind", s.kind().name(), SolutionCodec.toJson(s));
            }
            return null;
        });
    }

    @Override
    public List<Section> sections(String packageId) {
        List<Section> out = new ArrayList<>(db.read(c -> list(c,
                "SELECT data FROM solution_section WHERE package_id = ? AND deleted = 0", packageId, SolutionCodec::sectionFrom)));
        out.sort(Comparator.comparing(Section::kind));
        return out;
    }

    // ---- measures ----

    @Override
    public void addMeasure(Measure m) {
        SolutionRules.check(SolutionRules.validate(m));
        requirePackage(m.packageId());
        db.write(c -> {
            insert(c, MEASURE, m.id(), m.packageId(), "position", nextPosition(c, MEASURE, m.packageId()), SolutionCodec.toJson(m));
            return null;
        });
    }

    @Override
    public void updateMeasure(Measure m) {
        SolutionRules.check(SolutionRules.validate(m));
        db.write(c -> {
            update(c, MEASURE, m.id(), null, null, SolutionCodec.toJson(m));
            return null;
        });
    }

    @Override
    public void deleteMeasure(String id) {
        tombstone(MEASURE, id);
    }

    @Override
    public List<Measure> measures(String packageId) {
        return db.read(c -> list(c, "SELECT data FROM solution_measure WHERE package_id = ? AND deleted = 0 ORDER BY position",
                packageId, SolutionCodec::measureFrom));
    }

    // ---- milestones ----

    @Override
    public void addMilestone(Milestone m) {
        SolutionRules.check(SolutionRules.validate(m));
        requirePackage(m.packageId());
        db.write(c -> {
            insert(c, MILESTONE, m.id(), m.packageId(), "position", nextPosition(c, MILESTONE, m.packageId()),
                    SolutionCodec.toJson(m));
            return null;
        });
    }

    @Override
    public void deleteMilestone(String id) {
        tombstone(MILESTONE, id);
    }

    @Override
    public List<Milestone> milestones(String packageId) {
        List<Milestone> out = new ArrayList<>(db.read(c -> list(c,
                "SELECT data FROM solution_milestone WHERE package_id = ? AND deleted = 0 ORDER BY position", packageId,
                SolutionCodec::milestoneFrom)));
        out.sort(Comparator.comparing(Milestone::date).thenComparing(Milestone::indicator));
        return out;
    }

    // ---- tracking ----

    @Override
    public void addTracking(TrackingRecord t) {
        SolutionRules.check(SolutionRules.validate(t));
        requirePackage(t.packageId());
        db.write(c -> {
            insert(c, TRACKING, t.id(), t.packageId(), "position", nextPosition(c, TRACKING, t.packageId()), SolutionCodec.toJson(t));
            return null;
        });
    }

    @Override
    public void deleteTracking(String id) {
        tombstone(TRACKING, id);
    }

    @Override
    public List<TrackingRecord> tracking(String packageId) {
        List<TrackingRecord> out = new ArrayList<>(db.read(c -> list(c,
                "SELECT data FROM solution_tracking WHERE package_id = ? AND deleted = 0 ORDER BY position", packageId,
                SolutionCodec::trackingFrom)));
        out.sort(Comparator.comparing(TrackingRecord::indicator).thenComparing(TrackingRecord::date));
        return out;
    }

    // ---- versions ----

    @Override
    public void addVersion(FrozenVersion v) {
        requirePackage(v.packageId());
        db.write(c -> {
            int next = 1;
            // Numbers only grow; an imported version may start above 1.
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(number), 0) + 1 FROM solution_version WHERE package_id = ?")) {
                ps.setString(1, v.packageId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        next = rs.getInt(1);
                    }
                }
            }
            if (v.number() < next) {
                throw new EcoAidException("solution.error.versionNumber", v.number(), next);
            }
            ObjectNode records = CanonicalJson.object();
            v.records().forEach(records::put);
            String now = db.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO solution_version (id, package_id, number, frozen_at, manifest,"
                    + " signature, records, author, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, v.id());
                ps.setString(2, v.packageId());
                ps.setInt(3, v.number());
                ps.setString(4, v.frozenAt());
                ps.setString(5, v.manifest());
                ps.setString(6, v.signature());
                ps.setString(7, CanonicalJson.text(records));
                ps.setString(8, db.author());
                ps.setString(9, now);
                ps.setString(10, now);
                ps.executeUpdate();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("package_id", v.packageId());
            fields.put("number", v.number());
            fields.put("frozen_at", v.frozenAt());
            fields.put("manifest", v.manifest());
            fields.put("signature", v.signature());
            fields.put("records", CanonicalJson.toMap(records));
            Outbox.append(c, db, VERSION, v.id(), Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
            return null;
        });
    }

    @Override
    public List<FrozenVersion> versions(String packageId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, package_id, number, frozen_at, manifest, signature, records"
                    + " FROM solution_version WHERE package_id = ? AND deleted = 0 ORDER BY number")) {
                ps.setString(1, packageId);
                List<FrozenVersion> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, String> records = new LinkedHashMap<>();
                        CanonicalJson.parse(rs.getString(7)).fields()
                                .forEachRemaining(e -> records.put(e.getKey(), e.getValue().asText()));
                        out.add(new FrozenVersion(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), records));
                    }
                }
                return out;
            }
        });
    }

    // ---- helpers ----

    private void requirePackage(String packageId) {
        if (packageId == null || getPackage(packageId).isEmpty()) {
            throw new EcoAidException("solution.error.packageNotFound", packageId);
        }
    }

    static int nextPosition(Connection c, String table, String packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(position), 0) + 1 FROM " + table + " WHERE package_id = ?")) {
            ps.setString(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 1;
            }
        }
    }

    /** Inserts a row with its data and one extra column ({@code title}, {@code kind} or {@code position}). */
    private void insert(Connection c, String table, String id, String packageId, String column, Object value, JsonNode data)
            throws SQLException {
        String now = db.now();
        boolean hasPackage = packageId != null;
        String sql = "INSERT INTO " + table + " (id, " + (hasPackage ? "package_id, " : "") + column
                + ", data, author, created_at, updated_at) VALUES (?, " + (hasPackage ? "?, " : "") + "?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, id);
            if (hasPackage) {
                ps.setString(i++, packageId);
            }
            ps.setObject(i++, value);
            ps.setString(i++, CanonicalJson.text(data));
            ps.setString(i++, db.author());
            ps.setString(i++, now);
            ps.setString(i, now);
            try {
                ps.executeUpdate();
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed")) {
                    throw new EcoAidException(e, "solution.error.duplicate", id);
                }
                throw e;
            }
        }
        Outbox.append(c, db, table, id, Outbox.Kind.UPSERT, 0,
                Outbox.diff(null, CanonicalJson.toMap(CanonicalJson.parse(CanonicalJson.text(data)))));
    }

    private void update(Connection c, String table, String id, String column, Object value, JsonNode data) throws SQLException {
        long rev;
        JsonNode before;
        try (PreparedStatement ps = c.prepareStatement("SELECT data, rev FROM " + table + " WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new EcoAidException("solution.error.notFound", id);
                }
                before = CanonicalJson.parse(rs.getString(1));
                rev = rs.getLong(2);
            }
        }
        // Compare both as parsed from their canonical text, so numbers have the same Java types.
        Map<String, Object[]> changes = Outbox.diff(CanonicalJson.toMap(before),
                CanonicalJson.toMap(CanonicalJson.parse(CanonicalJson.text(data))));
        if (changes.isEmpty()) {
            return;
        }
        String sql = "UPDATE " + table + " SET data = ?, updated_at = ?" + (column == null ? "" : ", " + column + " = ?")
                + " WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, CanonicalJson.text(data));
            ps.setString(2, db.now());
            int i = 3;
            if (column != null) {
                ps.setObject(i++, value);
            }
            ps.setString(i, id);
            ps.executeUpdate();
        }
        Outbox.append(c, db, table, id, Outbox.Kind.UPSERT, rev, changes);
    }

    private void tombstone(String table, String id) {
        db.write(c -> {
            long rev;
            try (PreparedStatement ps = c.prepareStatement("SELECT rev FROM " + table + " WHERE id = ? AND deleted = 0")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new EcoAidException("solution.error.notFound", id);
                    }
                    rev = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET deleted = 1, updated_at = ? WHERE id = ?")) {
                ps.setString(1, db.now());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            Map<String, Object[]> change = new LinkedHashMap<>();
            change.put("deleted", new Object[] {false, true});
            Outbox.append(c, db, table, id, Outbox.Kind.DELETE, rev, change);
            return null;
        });
    }

    private static Optional<JsonNode> one(Connection c, String table, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM " + table + " WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(CanonicalJson.parse(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private static <T> List<T> list(Connection c, String sql, String arg, Function<JsonNode, T> read) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read.apply(CanonicalJson.parse(rs.getString(1))));
                }
            }
            return out;
        }
    }
}
