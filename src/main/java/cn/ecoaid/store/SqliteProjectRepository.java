package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.domain.Project;
import cn.ecoaid.domain.ProjectRepository;
import cn.ecoaid.domain.TeamMember;
import cn.ecoaid.domain.Topic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project row and its team members; every change goes to the outbox in the same transaction. */
public final class SqliteProjectRepository implements ProjectRepository {
    private final Database db;

    public SqliteProjectRepository(Database db) {
        this.db = db;
    }

    @Override
    public Project get() {
        return db.read(SqliteProjectRepository::load);
    }

    /** Inserts the project when the workspace is created. */
    void insert(Connection c, Project p) throws SQLException {
        check(p);
        String now = db.now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO project (id, city_code, city_name, name, period_start,"
                + " period_end, topics, author, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, p.id());
            bindFields(ps, p, 2);
            ps.setString(8, db.author());
            ps.setString(9, now);
            ps.setString(10, now);
            ps.executeUpdate();
        }
        Outbox.append(c, db, "project", p.id(), Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields(p)));
        for (TeamMember m : p.team()) {
            insertMember(c, p.id(), m, now);
        }
    }

    @Override
    public void update(Project p) {
        check(p);
        db.write(c -> {
            Project before = load(c);
            if (!before.id().equals(p.id())) {
                throw new EcoAidException("project.error.otherProject", p.id());
            }
            Map<String, Object[]> changes = Outbox.diff(fields(before), fields(p));
            String now = db.now();
            if (!changes.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE project SET city_code = ?, city_name = ?, name = ?,"
                        + " period_start = ?, period_end = ?, topics = ?, updated_at = ? WHERE id = ?")) {
                    bindFields(ps, p, 1);
                    ps.setString(7, now);
                    ps.setString(8, p.id());
                    ps.executeUpdate();
                }
                Outbox.append(c, db, "project", p.id(), Outbox.Kind.UPSERT, rev(c, "project", p.id()), changes);
            }
            Map<String, TeamMember> old = new HashMap<>();
            before.team().forEach(m -> old.put(m.id(), m));
            for (TeamMember m : p.team()) {
                TeamMember prior = old.remove(m.id());
                if (prior == null) {
                    insertMember(c, p.id(), m, now);
                } else if (!prior.equals(m)) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE team_member SET name = ?, role = ?, organisation = ?, updated_at = ? WHERE id = ?")) {
                        ps.setString(1, m.name());
                        ps.setString(2, m.role());
                        ps.setString(3, m.organisation());
                        ps.setString(4, now);
                        ps.setString(5, m.id());
                        ps.executeUpdate();
                    }
                    Outbox.append(c, db, "team_member", m.id(), Outbox.Kind.UPSERT, rev(c, "team_member", m.id()),
                            Outbox.diff(memberFields(prior), memberFields(m)));
                }
            }
            for (TeamMember gone : old.values()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE team_member SET deleted = 1, updated_at = ? WHERE id = ?")) {
                    ps.setString(1, now);
                    ps.setString(2, gone.id());
                    ps.executeUpdate();
                }
                Map<String, Object[]> change = new LinkedHashMap<>();
                change.put("deleted", new Object[] {false, true});
                Outbox.append(c, db, "team_member", gone.id(), Outbox.Kind.DELETE, rev(c, "team_member", gone.id()), change);
            }
            return null;
        });
    }

    private static void check(Project p) {
        List<FieldProblem> problems = p.validate();
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
    }

    private void insertMember(Connection c, String projectId, TeamMember m, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO team_member (id, project_id, name, role, organisation,"
                + " author, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, m.id());
            ps.setString(2, projectId);
            ps.setString(3, m.name());
            ps.setString(4, m.role());
            ps.setString(5, m.organisation());
            ps.setString(6, db.author());
            ps.setString(7, now);
            ps.setString(8, now);
            ps.executeUpdate();
        }
        Outbox.append(c, db, "team_member", m.id(), Outbox.Kind.UPSERT, 0, Outbox.diff(null, memberFields(m)));
    }

    private static long rev(Connection c, String table, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rev FROM " + table + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void bindFields(PreparedStatement ps, Project p, int first) throws SQLException {
        ps.setString(first, p.cityCode());
        ps.setString(first + 1, p.cityName());
        ps.setString(first + 2, p.name());
        ps.setString(first + 3, p.periodStart() == null ? null : p.periodStart().toString());
        ps.setString(first + 4, p.periodEnd() == null ? null : p.periodEnd().toString());
        try {
            ps.setString(first + 5, Outbox.JSON.writeValueAsString(p.topics().stream().map(Topic::name).toList()));
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }

    private static Map<String, Object> fields(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("city_code", p.cityCode());
        m.put("city_name", p.cityName());
        m.put("name", p.name());
        m.put("period_start", p.periodStart() == null ? null : p.periodStart().toString());
        m.put("period_end", p.periodEnd() == null ? null : p.periodEnd().toString());
        m.put("topics", p.topics().stream().map(Topic::name).toList());
        return m;
    }

    private static Map<String, Object> memberFields(TeamMember m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", m.name());
        f.put("role", m.role());
        f.put("organisation", m.organisation());
        return f;
    }

    static Project load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, city_code, city_name, name, period_start, period_end, topics"
                + " FROM project WHERE deleted = 0 LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new EcoAidException("workspace.error.noProject");
            }
            String id = rs.getString(1);
            List<TeamMember> team = new ArrayList<>();
            try (PreparedStatement t = c.prepareStatement("SELECT id, name, role, organisation FROM team_member"
                    + " WHERE project_id = ? AND deleted = 0 ORDER BY created_at, name")) {
                t.setString(1, id);
                try (ResultSet r = t.executeQuery()) {
                    while (r.next()) {
                        team.add(new TeamMember(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                    }
                }
            }
            List<Topic> topics;
            try {
                topics = Outbox.JSON.readValue(rs.getString(7), new TypeReference<List<String>>() { }).stream()
                        .map(Topic::valueOf).toList();
            } catch (JsonProcessingException e) {
                throw new SQLException(e);
            }
            return new Project(id, rs.getString(2), rs.getString(3), rs.getString(4), date(rs.getString(5)),
                    date(rs.getString(6)), topics, team);
        }
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }
}
