package cn.ecoaid.store;

import cn.ecoaid.domain.Crs;
import cn.ecoaid.domain.DuplicateCodeException;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteRepository;
import cn.ecoaid.domain.SiteRules;
import cn.ecoaid.domain.SiteType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sites in the workspace file; each write and its outbox operation commit together. */
public final class SqliteSiteRepository implements SiteRepository {
    static final String ENTITY = "site";
    private static final String COLUMNS = "id, code, name, type, longitude, latitude, crs, admin_code, attributes, rev, deleted";

    private final Database db;

    public SqliteSiteRepository(Database db) {
        this.db = db;
    }

    @Override
    public List<Site> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM site WHERE deleted = 0 ORDER BY code")) {
                return readAll(ps);
            }
        });
    }

    @Override
    public Optional<Site> get(String id) {
        return db.read(c -> one(c, "SELECT " + COLUMNS + " FROM site WHERE id = ? AND deleted = 0", id));
    }

    @Override
    public Optional<Site> findByCode(String code) {
        return db.read(c -> one(c, "SELECT " + COLUMNS + " FROM site WHERE code = ? AND deleted = 0", code.strip()));
    }

    @Override
    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM site WHERE deleted = 0");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public void add(Site site) {
        addAll(List.of(site));
    }

    @Override
    public void addAll(List<Site> sites) {
        for (Site s : sites) {
            validate(s);
        }
        Set<String> codes = new HashSet<>();
        for (Site s : sites) {
            if (!codes.add(s.code())) {
                throw new DuplicateCodeException(s.code());
            }
        }
        db.write(c -> {
            String now = db.now();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO site (" + COLUMNS
                         + ", author, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,0,0,?,?,?)")) {
                for (Site s : sites) {
                    // Codes are unique among live sites written here; copies pulled from other devices may repeat one
                    // (V010), so the check is ours, not the database's.
                    if (one(c, "SELECT " + COLUMNS + " FROM site WHERE code = ? AND deleted = 0", s.code()).isPresent()) {
                        throw new DuplicateCodeException(s.code());
                    }
                    bind(insert, s);
                    insert.setString(10, db.author());
                    insert.setString(11, now);
                    insert.setString(12, now);
                    insert.executeUpdate();
                    Outbox.append(c, db, ENTITY, s.id(), Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields(s)));
                }
            }
            return null;
        });
    }

    @Override
    public void update(Site site) {
        validate(site);
        db.write(c -> {
            Stored before = stored(c, site.id()).filter(st -> !st.deleted())
                    .orElseThrow(() -> new EcoAidException("site.error.notFound", site.id()));
            // A new code must be free; a site keeps its code even when a copy pulled from another device shares it (V010).
            if (!site.code().equals(before.site().code())) {
                Optional<Site> sameCode = one(c, "SELECT " + COLUMNS + " FROM site WHERE code = ? AND deleted = 0 AND id <> ?",
                        site.code(), site.id());
                if (sameCode.isPresent()) {
                    throw new DuplicateCodeException(site.code());
                }
            }
            Map<String, Object[]> changes = Outbox.diff(fields(before.site()), fields(site));
            if (changes.isEmpty()) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE site SET id = ?, code = ?, name = ?, type = ?, longitude = ?,"
                    + " latitude = ?, crs = ?, admin_code = ?, attributes = ?, updated_at = ? WHERE id = ?")) {
                bind(ps, site);
                ps.setString(10, db.now());
                ps.setString(11, site.id());
                ps.executeUpdate();
            }
            Outbox.append(c, db, ENTITY, site.id(), Outbox.Kind.UPSERT, before.rev(), changes);
            return null;
        });
    }

    @Override
    public void delete(String id) {
        setDeleted(id, true);
    }

    @Override
    public void restore(String id) {
        setDeleted(id, false);
    }

    private void setDeleted(String id, boolean deleted) {
        db.write(c -> {
            Stored before = stored(c, id).orElseThrow(() -> new EcoAidException("site.error.notFound", id));
            if (before.deleted() == deleted) {
                return null;
            }
            if (!deleted) {
                Optional<Site> sameCode = one(c, "SELECT " + COLUMNS + " FROM site WHERE code = ? AND deleted = 0",
                        before.site().code());
                if (sameCode.isPresent()) {
                    throw new DuplicateCodeException(before.site().code());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE site SET deleted = ?, updated_at = ? WHERE id = ?")) {
                ps.setInt(1, deleted ? 1 : 0);
                ps.setString(2, db.now());
                ps.setString(3, id);
                ps.executeUpdate();
            }
            Map<String, Object[]> change = new LinkedHashMap<>();
            change.put("deleted", new Object[] {!deleted, deleted});
            Outbox.append(c, db, ENTITY, id, deleted ? Outbox.Kind.DELETE : Outbox.Kind.UPSERT, before.rev(), change);
            return null;
        });
    }

    private static void validate(Site s) {
        List<FieldProblem> problems = SiteRules.validate(s);
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
    }

    /** The synced fields of a site, by name, as they travel in an operation. */
    static Map<String, Object> fields(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("name", s.name());
        m.put("type", s.type().name());
        m.put("longitude", s.longitude());
        m.put("latitude", s.latitude());
        m.put("crs", s.crs().name());
        m.put("admin_code", s.adminCode());
        m.put("attributes", s.attributes());
        return m;
    }

    private record Stored(Site site, long rev, boolean deleted) {
    }

    private static Optional<Stored> stored(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM site WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(read(rs), rs.getLong(10), rs.getInt(11) == 1)) : Optional.empty();
            }
        }
    }

    private static Optional<Site> one(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<Site> all = readAll(ps);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }
    }

    private static List<Site> readAll(PreparedStatement ps) throws SQLException {
        List<Site> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static Site read(ResultSet rs) throws SQLException {
        double lon = rs.getDouble(5);
        Double longitude = rs.wasNull() ? null : lon;
        double lat = rs.getDouble(6);
        Double latitude = rs.wasNull() ? null : lat;
        return new Site(rs.getString(1), rs.getString(2), rs.getString(3), SiteType.valueOf(rs.getString(4)),
                longitude, latitude, Crs.valueOf(rs.getString(7)), rs.getString(8), attributes(rs.getString(9)));
    }

    private static void bind(PreparedStatement ps, Site s) throws SQLException {
        ps.setString(1, s.id());
        ps.setString(2, s.code());
        ps.setString(3, s.name());
        ps.setString(4, s.type().name());
        if (s.longitude() == null) {
            ps.setNull(5, Types.REAL);
        } else {
            ps.setDouble(5, s.longitude());
        }
        if (s.latitude() == null) {
            ps.setNull(6, Types.REAL);
        } else {
            ps.setDouble(6, s.latitude());
        }
        ps.setString(7, s.crs().name());
        ps.setString(8, s.adminCode());
        try {
            ps.setString(9, Outbox.JSON.writeValueAsString(s.attributes()));
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode attributes", e);
        }
    }

    private static Map<String, String> attributes(String json) throws SQLException {
        try {
            return Outbox.JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("bad attributes JSON", e);
        }
    }
}
