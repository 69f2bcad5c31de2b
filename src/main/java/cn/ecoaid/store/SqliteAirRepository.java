package cn.ecoaid.store;

import cn.ecoaid.air.DailyItem;
import cn.ecoaid.air.DailySeries;
import cn.ecoaid.air.HourlySeries;
import cn.ecoaid.air.Pollutant;
import cn.ecoaid.domain.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imported air-quality station data in the workspace (migration V004). Stations are matched to live workspace sites by
 * code; data of unknown stations is not stored and the codes are reported. One import is one transaction: its values,
 * its {@code air_import} summary row and one outbox operation (entity {@code air_import}) commit together.
 */
public final class SqliteAirRepository {
    static final String ENTITY = "air_import";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Database db;
    private final AttachmentStore attachments;

    public SqliteAirRepository(Database db) {
        this.db = db;
        this.attachments = new AttachmentStore(db);
    }

    /** What an import stored: its id, the stations matched, the value rows written and the unknown station codes. */
    public record ImportSummary(String importId, int stations, long valueRows, List<String> unknownStations) {
    }

    /** One import as listed. */
    public record ImportRecord(String id, String fileName, String kind, int stations, long valueRows,
            String unknownStations, String firstTime, String lastTime, String createdAt) {
    }

    private static Map<String, String> siteIds(Connection c, List<String> codes) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM site WHERE code = ? AND deleted = 0")) {
            for (String code : codes) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.put(code, rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static void bindValue(PreparedStatement ps, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, v);
        }
    }

    /** Stores hourly series (hours with no row in the file are skipped). */
    public ImportSummary saveHourly(String fileName, List<HourlySeries> series) {
        return attachValues(saveHourlyRows(fileName, series), "HOURLY");
    }

    private ImportSummary saveHourlyRows(String fileName, List<HourlySeries> series) {
        return db.write(c -> {
            String id = Ids.newId();
            Map<String, String> sites = siteIds(c, series.stream().map(HourlySeries::station).toList());
            List<String> unknown = series.stream().map(HourlySeries::station).filter(s -> !sites.containsKey(s)).toList();
            String now = db.now();
            insertImport(c, id, fileName, "HOURLY", now);
            long rows = 0;
            String first = null;
            String last = null;
            Pollutant[] ps = Pollutant.values();
            try (PreparedStatement ins = c.prepareStatement("INSERT OR REPLACE INTO air_hourly (site_id, hour_end, import_id,"
                    + " so2, no2, pm10, pm25, co, o3, so2_flag, no2_flag, pm10_flag, pm25_flag, co_flag, o3_flag)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (HourlySeries s : series) {
                    String siteId = sites.get(s.station());
                    if (siteId == null) {
                        continue;
                    }
                    for (int h = 0; h < s.hours(); h++) {
                        boolean any = false;
                        for (Pollutant p : ps) {
                            any |= s.flags(p)[h] != HourlySeries.ABSENT;
                        }
                        if (!any) {
                            continue;
                        }
                        String end = s.endOf(h).format(HOUR);
                        first = first == null || end.compareTo(first) < 0 ? end : first;
                        last = last == null || end.compareTo(last) > 0 ? end : last;
                        ins.setString(1, siteId);
                        ins.setString(2, end);
                        ins.setString(3, id);
                        for (Pollutant p : ps) {
                            bindValue(ins, 4 + p.ordinal(), s.values(p)[h]);
                            byte f = s.flags(p)[h];
                            ins.setInt(10 + p.ordinal(), f == HourlySeries.ABSENT ? HourlySeries.EMPTY : f);
                        }
                        ins.addBatch();
                        if (++rows % 10_000 == 0) {
                            ins.executeBatch();
                        }
                    }
                }
                ins.executeBatch();
            }
            finishImport(c, id, fileName, "HOURLY", sites.size(), rows, unknown, first, last);
            return new ImportSummary(id, sites.size(), rows, unknown);
        });
    }

    /** Stores daily series (days with every item absent are skipped). */
    public ImportSummary saveDaily(String fileName, List<DailySeries> series) {
        return attachValues(saveDailyRows(fileName, series), "DAILY");
    }

    private ImportSummary saveDailyRows(String fileName, List<DailySeries> series) {
        return db.write(c -> {
            String id = Ids.newId();
            Map<String, String> sites = siteIds(c, series.stream().map(DailySeries::station).toList());
            List<String> unknown = series.stream().map(DailySeries::station).filter(s -> !sites.containsKey(s)).toList();
            insertImport(c, id, fileName, "DAILY", db.now());
            long rows = 0;
            String first = null;
            String last = null;
            DailyItem[] items = DailyItem.values();
            try (PreparedStatement ins = c.prepareStatement("INSERT OR REPLACE INTO air_daily (site_id, day, import_id,"
                    + " so2, no2, pm10, pm25, co, o3_8h, o3_1h, so2_flag, no2_flag, pm10_flag, pm25_flag, co_flag, o3_8h_flag,"
                    + " o3_1h_flag) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (DailySeries s : series) {
                    String siteId = sites.get(s.station());
                    if (siteId == null) {
                        continue;
                    }
                    for (int d = 0; d < s.days(); d++) {
                        boolean any = false;
                        for (DailyItem item : items) {
                            any |= s.flag(item, d) != HourlySeries.ABSENT;
                        }
                        if (!any) {
                            continue;
                        }
                        String day = s.date(d).toString();
                        first = first == null ? day : first;
                        last = day;
                        ins.setString(1, siteId);
                        ins.setString(2, day);
                        ins.setString(3, id);
                        for (DailyItem item : items) {
                            bindValue(ins, 4 + item.ordinal(), s.get(item, d));
                            ins.setInt(11 + item.ordinal(), s.flag(item, d));
                        }
                        ins.addBatch();
                        rows++;
                    }
                }
                ins.executeBatch();
            }
            finishImport(c, id, fileName, "DAILY", sites.size(), rows, unknown, first, last);
            return new ImportSummary(id, sites.size(), rows, unknown);
        });
    }

    /**
     * Keeps the import's stored values as an attachment of the import (see {@link AirValuesFile}) and records it on the
     * import with its own operation, so that the team's other devices load the same values when they pull the import.
     * The file is written and committed before the row that refers to it; if the program stops in between, the import
     * stays complete on this device and only its values do not travel.
     */
    private ImportSummary attachValues(ImportSummary summary, String kind) {
        String id = summary.importId();
        SyncedFiles.attach(db, attachments, ENTITY, id, "values_attachment", "air-values-" + id + ".csv.gz",
                (c, out) -> AirValuesFile.write(c, id, kind, out));
        return summary;
    }

    private void insertImport(Connection c, String id, String fileName, String kind, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO air_import (id, file_name, kind, stations, value_rows,"
                + " author, created_at, updated_at) VALUES (?,?,?,0,0,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, fileName);
            ps.setString(3, kind);
            ps.setString(4, db.author());
            ps.setString(5, now);
            ps.setString(6, now);
            ps.executeUpdate();
        }
    }

    private void finishImport(Connection c, String id, String fileName, String kind, int stations, long rows,
            List<String> unknown, String first, String last) throws SQLException {
        String unknownJson;
        try {
            unknownJson = Outbox.JSON.writeValueAsString(unknown);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("cannot encode station codes", e);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE air_import SET stations = ?, value_rows = ?,"
                + " unknown_stations = ?, first_time = ?, last_time = ? WHERE id = ?")) {
            ps.setInt(1, stations);
            ps.setLong(2, rows);
            ps.setString(3, unknownJson);
            ps.setString(4, first);
            ps.setString(5, last);
            ps.setString(6, id);
            ps.executeUpdate();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file_name", fileName);
        fields.put("kind", kind);
        fields.put("stations", stations);
        fields.put("value_rows", rows);
        fields.put("unknown_stations", unknown);
        fields.put("first_time", first);
        fields.put("last_time", last);
        Outbox.append(c, db, ENTITY, id, Outbox.Kind.UPSERT, 0, Outbox.diff(null, fields));
    }

    /** The imports, newest first. */
    public List<ImportRecord> imports() {
        return db.read(c -> {
            List<ImportRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, file_name, kind, stations, value_rows, unknown_stations,"
                    + " first_time, last_time, created_at FROM air_import WHERE deleted = 0 ORDER BY created_at DESC, rowid DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        });
    }

    /** The stored hourly values of the site with this code, as a series named by the code; empty when none. */
    public Optional<HourlySeries> hourly(String siteCode) {
        return db.read(c -> {
            Map<String, String> ids = siteIds(c, List.of(siteCode));
            String siteId = ids.get(siteCode);
            if (siteId == null) {
                return Optional.empty();
            }
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT hour_end, so2, no2, pm10, pm25, co, o3, so2_flag, no2_flag,"
                    + " pm10_flag, pm25_flag, co_flag, o3_flag FROM air_hourly WHERE site_id = ? ORDER BY hour_end")) {
                ps.setString(1, siteId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] r = new Object[13];
                        r[0] = LocalDateTime.parse(rs.getString(1), HOUR);
                        for (int k = 1; k <= 6; k++) {
                            double v = rs.getDouble(k + 1);
                            r[k] = rs.wasNull() ? Double.NaN : v;
                            r[k + 6] = rs.getInt(k + 7);
                        }
                        rows.add(r);
                    }
                }
            }
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            LocalDate firstDay = ((LocalDateTime) rows.get(0)[0]).minusHours(1).toLocalDate();
            LocalDate lastDay = ((LocalDateTime) rows.get(rows.size() - 1)[0]).minusHours(1).toLocalDate();
            HourlySeries s = HourlySeries.empty(siteCode, firstDay, (int) (lastDay.toEpochDay() - firstDay.toEpochDay() + 1));
            for (Object[] r : rows) {
                int h = s.indexOfEnd((LocalDateTime) r[0]);
                for (Pollutant p : Pollutant.values()) {
                    double v = (Double) r[1 + p.ordinal()];
                    byte f = ((Integer) r[7 + p.ordinal()]).byteValue();
                    if (Double.isNaN(v)) {
                        s.setMissing(p, h, f);
                    } else {
                        s.set(p, h, v);
                    }
                }
            }
            return Optional.of(s);
        });
    }

    /** Codes of the live sites that have stored hourly values, in code order. */
    public List<String> hourlySiteCodes() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT s.code FROM air_hourly h JOIN site s ON s.id = h.site_id"
                    + " WHERE s.deleted = 0 ORDER BY s.code"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The stored hourly series of every live site that has them, in code order. */
    public List<HourlySeries> allHourly() {
        List<HourlySeries> out = new ArrayList<>();
        for (String code : hourlySiteCodes()) {
            hourly(code).ifPresent(out::add);
        }
        return out;
    }

    /** Number of stored hourly rows (for tests and the overview). */
    public long hourlyRows() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM air_hourly"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}
