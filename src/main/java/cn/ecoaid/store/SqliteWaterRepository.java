package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.water.BibiJson;
import cn.ecoaid.water.BibiModel;
import cn.ecoaid.water.BioSample;
import cn.ecoaid.water.Measured;
import cn.ecoaid.water.WaterBodyType;
import cn.ecoaid.water.WaterClass;
import cn.ecoaid.water.WaterSample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Water-ecology data in the workspace file (migration V006__water.sql): surveys, water-quality samples with their
 * measurements, biological samples with their taxa counts, saved B-IBI models. Each write and its outbox operations
 * commit in one transaction (one UPSERT per survey, sample or model, carrying the sample's measurements or counts).
 */
public final class SqliteWaterRepository {
    private final Database db;

    public SqliteWaterRepository(Database db) {
        this.db = db;
    }

    /** A survey (campaign): name, hydrological period or season, note. */
    public record Survey(String id, String name, String period, String note) {
    }

    /** A saved model's id, name and save time. */
    public record ModelInfo(String id, String name, String createdAt) {
    }

    public Survey createSurvey(String name, String period, String note) {
        if (name == null || name.isBlank()) {
            throw new EcoAidException("water.store.surveyName");
        }
        Survey s = new Survey(Ids.newId(), name.strip(), period == null ? "" : period, note == null ? "" : note);
        db.write(c -> {
            String now = db.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO water_survey (id, name, period, note, author, created_at,"
                    + " updated_at) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, s.id());
                ps.setString(2, s.name());
                ps.setString(3, s.period());
                ps.setString(4, s.note());
                ps.setString(5, db.author());
                ps.setString(6, now);
                ps.setString(7, now);
                ps.executeUpdate();
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", s.name());
            f.put("period", s.period());
            f.put("note", s.note());
            Outbox.append(c, db, "water_survey", s.id(), Outbox.Kind.UPSERT, 0, Outbox.diff(null, f));
            return null;
        });
        return s;
    }

    /** The survey saved last, if any. */
    public Optional<Survey> newestSurvey() {
        List<Survey> all = surveys();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public List<Survey> surveys() {
        return db.read(c -> {
            List<Survey> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, period, note FROM water_survey WHERE deleted = 0"
                    + " ORDER BY created_at, name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Survey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    private static void requireSurvey(Connection c, String surveyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM water_survey WHERE id = ? AND deleted = 0")) {
            ps.setString(1, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new EcoAidException("water.store.noSurvey", surveyId);
                }
            }
        }
    }

    /** Adds water-quality samples to a survey, all or nothing; returns the number added. */
    public int addSamples(String surveyId, List<WaterSample> samples) {
        return db.write(c -> {
            requireSurvey(c, surveyId);
            String now = db.now();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO water_sample (id, survey_id, site_code, sample_date,"
                    + " water_body_type, target_class, water_body, period, author, created_at, updated_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement m = c.prepareStatement("INSERT INTO water_measurement (sample_id, parameter, value,"
                    + " below_detection) VALUES (?,?,?,?)")) {
                for (WaterSample w : samples) {
                    String id = Ids.newId();
                    s.setString(1, id);
                    s.setString(2, surveyId);
                    s.setString(3, w.site());
                    s.setString(4, w.date().toString());
                    s.setString(5, w.type().name());
                    s.setString(6, w.target() == null ? "" : w.target().name());
                    s.setString(7, w.waterBody() == null ? "" : w.waterBody());
                    s.setString(8, w.period() == null ? "" : w.period());
                    s.setString(9, db.author());
                    s.setString(10, now);
                    s.setString(11, now);
                    s.executeUpdate();
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (Map.Entry<String, Measured> e : w.values().entrySet()) {
                        m.setString(1, id);
                        m.setString(2, e.getKey());
                        m.setDouble(3, e.getValue().value());
                        m.setInt(4, e.getValue().belowDetection() ? 1 : 0);
                        m.executeUpdate();
                        values.put(e.getKey(), e.getValue().text());
                    }
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("survey_id", surveyId);
                    f.put("site_code", w.site());
                    f.put("sample_date", w.date().toString());
                    f.put("water_body_type", w.type().name());
                    f.put("target_class", w.target() == null ? "" : w.target().name());
                    f.put("water_body", w.waterBody());
                    f.put("period", w.period());
                    f.put("measurements", values);
                    Outbox.append(c, db, "water_sample", id, Outbox.Kind.UPSERT, 0, Outbox.diff(null, f));
                }
            }
            return samples.size();
        });
    }

    /** The water-quality samples of a survey, by site and date. */
    public List<WaterSample> samples(String surveyId) {
        return db.read(c -> {
            List<WaterSample> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, site_code, sample_date, water_body_type, target_class,"
                    + " water_body, period FROM water_sample WHERE survey_id = ? AND deleted = 0 ORDER BY site_code, sample_date");
                 PreparedStatement m = c.prepareStatement("SELECT parameter, value, below_detection FROM water_measurement"
                    + " WHERE sample_id = ? ORDER BY rowid")) {
                ps.setString(1, surveyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Measured> values = new LinkedHashMap<>();
                        m.setString(1, rs.getString(1));
                        try (ResultSet mr = m.executeQuery()) {
                            while (mr.next()) {
                                values.put(mr.getString(1), new Measured(mr.getDouble(2), mr.getInt(3) == 1));
                            }
                        }
                        String target = rs.getString(5);
                        out.add(new WaterSample(rs.getString(2), LocalDate.parse(rs.getString(3)),
                                WaterBodyType.valueOf(rs.getString(4)), target.isEmpty() ? null : WaterClass.valueOf(target),
                                rs.getString(6), rs.getString(7), values));
                    }
                }
            }
            return out;
        });
    }

    /** Adds biological samples with their taxa counts to a survey, all or nothing. */
    public int addBioSamples(String surveyId, List<BioSample> samples) {
        return db.write(c -> {
            requireSurvey(c, surveyId);
            String now = db.now();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bio_sample (id, survey_id, sample_code, site_code,"
                    + " sample_date, bio_group, role, author, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement t = c.prepareStatement("INSERT INTO bio_count (bio_sample_id, seq, taxon, count, tolerance,"
                    + " taxon_order, family) VALUES (?,?,?,?,?,?,?)")) {
                for (BioSample b : samples) {
                    String id = Ids.newId();
                    s.setString(1, id);
                    s.setString(2, surveyId);
                    s.setString(3, b.id());
                    s.setString(4, b.site());
                    s.setString(5, b.date());
                    s.setString(6, b.group());
                    s.setString(7, b.role());
                    s.setString(8, db.author());
                    s.setString(9, now);
                    s.setString(10, now);
                    s.executeUpdate();
                    List<Object> counts = new ArrayList<>();
                    int seq = 0;
                    for (BioSample.Count n : b.taxa()) {
                        t.setString(1, id);
                        t.setInt(2, seq++);
                        t.setString(3, n.taxon());
                        t.setDouble(4, n.count());
                        if (Double.isNaN(n.tolerance())) {
                            t.setNull(5, Types.REAL);
                        } else {
                            t.setDouble(5, n.tolerance());
                        }
                        t.setString(6, n.order());
                        t.setString(7, n.family());
                        t.executeUpdate();
                        counts.add(SyncShapes.count(n.taxon(), n.count(), n.tolerance(), n.order(), n.family()));
                    }
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("survey_id", surveyId);
                    f.put("sample_code", b.id());
                    f.put("site_code", b.site());
                    f.put("sample_date", b.date());
                    f.put("bio_group", b.group());
                    f.put("role", b.role());
                    f.put("counts", counts);
                    Outbox.append(c, db, "bio_sample", id, Outbox.Kind.UPSERT, 0, Outbox.diff(null, f));
                }
            }
            return samples.size();
        });
    }

    public List<BioSample> bioSamples(String surveyId) {
        return db.read(c -> {
            List<BioSample> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, sample_code, site_code, sample_date, bio_group, role"
                    + " FROM bio_sample WHERE survey_id = ? AND deleted = 0 ORDER BY created_at, rowid");
                 PreparedStatement t = c.prepareStatement("SELECT taxon, count, tolerance, taxon_order, family FROM bio_count"
                    + " WHERE bio_sample_id = ? ORDER BY seq")) {
                ps.setString(1, surveyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<BioSample.Count> counts = new ArrayList<>();
                        t.setString(1, rs.getString(1));
                        try (ResultSet tr = t.executeQuery()) {
                            while (tr.next()) {
                                double tol = tr.getDouble(3);
                                if (tr.wasNull()) {
                                    tol = Double.NaN;
                                }
                                counts.add(new BioSample.Count(tr.getString(1), tr.getDouble(2), tol,
                                        tr.getString(4), tr.getString(5)));
                            }
                        }
                        out.add(new BioSample(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                counts));
                    }
                }
            }
            return out;
        });
    }

    /** Saves a B-IBI model under a name; returns its id. */
    public String saveModel(String name, BibiModel model) {
        String json = BibiJson.write(model);
        String id = Ids.newId();
        db.write(c -> {
            String now = db.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bibi_model (id, name, model_json, author, created_at,"
                    + " updated_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, json);
                ps.setString(4, db.author());
                ps.setString(5, now);
                ps.setString(6, now);
                ps.executeUpdate();
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name);
            f.put("model_json", json);
            Outbox.append(c, db, "bibi_model", id, Outbox.Kind.UPSERT, 0, Outbox.diff(null, f));
            return null;
        });
        return id;
    }

    public List<ModelInfo> models() {
        return db.read(c -> {
            List<ModelInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created_at FROM bibi_model WHERE deleted = 0"
                    + " ORDER BY created_at, name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ModelInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    public Optional<BibiModel> model(String id) {
        String json = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT model_json FROM bibi_model WHERE id = ? AND deleted = 0")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return Optional.ofNullable(json).map(BibiJson::read);
    }
}
