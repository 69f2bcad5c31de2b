package cn.ecoaid.platform;

import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.Dto.Role;
import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.protocol.WireException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The platform's store over JDBC: embedded SQLite ({@code jdbc:sqlite:…}) or PostgreSQL ({@code jdbc:postgresql:…}) with
 * the same SQL. One connection; every unit of work is one transaction, serialised. The server revision comes from the
 * single {@code rev_counter} row updated inside the writing transaction (SYNC.md §5), so revisions commit in order.
 */
public final class PlatformStore implements AutoCloseable {
    /** Who is calling: an enrolled, non-revoked device and its user. */
    public record Principal(String deviceId, String userId, Role role, String teamId, String provinceId) {
    }

    /** A device as stored. */
    public record Device(String id, String userId, String name, boolean revoked, long lastSeq) {
    }

    /** An open blob upload. */
    public record Upload(String id, String teamId, String deviceId, String sha256, long size, int chunkSize) {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final Pattern ENTITY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String GENESIS = "0".repeat(64);

    private final Connection connection;
    private final Clock clock;
    private final boolean postgres;
    private final Map<String, PreparedStatement> statements = new java.util.HashMap<>();
    private long auditSeq;
    private String auditHash;

    private PlatformStore(Connection connection, Clock clock, boolean postgres) {
        this.connection = connection;
        this.clock = clock;
        this.postgres = postgres;
    }

    /** Opens (creating the schema if needed) the store at a JDBC URL. */
    public static PlatformStore open(String jdbcUrl, Clock clock) {
        try {
            Connection c;
            boolean pg = jdbcUrl.startsWith("jdbc:postgresql:");
            if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
                config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
                config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.FULL);
                config.enforceForeignKeys(true);
                config.setBusyTimeout(30_000);
                c = DriverManager.getConnection(jdbcUrl, config.toProperties());
            } else {
                c = DriverManager.getConnection(jdbcUrl);
            }
            c.setAutoCommit(false);
            PlatformStore store = new PlatformStore(c, clock, pg);
            store.createSchema();
            return store;
        } catch (SQLException e) {
            throw new PlatformException(e, "platform.error.store", jdbcUrl, e.getMessage());
        }
    }

    private void createSchema() throws SQLException {
        String sql;
        try (InputStream in = PlatformStore.class.getResourceAsStream("/cn/ecoaid/platform/schema.sql")) {
            sql = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("platform schema missing from the build", e);
        }
        tx(c -> {
            try (Statement s = c.createStatement()) {
                StringBuilder current = new StringBuilder();
                for (String line : sql.split("\\R")) {
                    if (line.strip().startsWith("--") || line.isBlank()) {
                        continue;
                    }
                    current.append(line).append('\n');
                    if (line.strip().endsWith(";")) {
                        s.executeUpdate(current.toString());
                        current.setLength(0);
                    }
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) {
                    auditSeq = rs.getLong(1);
                    auditHash = rs.getString(2);
                } else {
                    auditSeq = 0;
                    auditHash = GENESIS;
                }
            }
            return null;
        });
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Runs one transaction; rolls back (and forgets audit entries it appended) on any failure. */
    synchronized <T> T tx(Work<T> work) {
        long seq = auditSeq;
        String hash = auditHash;
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the next call fails too
            }
            auditSeq = seq;
            auditHash = hash;
            if (e instanceof SQLException sql) {
                throw new PlatformException(sql, "platform.error.store", "", sql.getMessage());
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e;
        }
    }

    String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------------------------------------ administration

    public String createProvince(String name) {
        String id = UUID.randomUUID().toString();
        tx(c -> {
            update(c, "INSERT INTO province (id, name) VALUES (?, ?)", id, name);
            audit(c, "admin", null, "NATIONAL_ADMIN", "create-province", "province", id, 0, null, "cli");
            return null;
        });
        return id;
    }

    public String createTeam(String provinceId, String name) {
        String id = UUID.randomUUID().toString();
        tx(c -> {
            if (!exists(c, "SELECT 1 FROM province WHERE id = ?", provinceId)) {
                throw new PlatformException("platform.error.unknown", "province", provinceId);
            }
            update(c, "INSERT INTO team (id, province_id, name) VALUES (?, ?, ?)", id, provinceId, name);
            audit(c, "admin", null, "NATIONAL_ADMIN", "create-team", "team", id, 0, null, "cli");
            return null;
        });
        return id;
    }

    /** Members and team leads belong to a team; a provincial admin to a province; a national admin to neither. */
    public String createUser(String name, Role role, String teamId, String provinceId) {
        String id = UUID.randomUUID().toString();
        tx(c -> {
            String province = provinceId;
            if (role == Role.MEMBER || role == Role.TEAM_LEAD) {
                province = one(c, "SELECT province_id FROM team WHERE id = ?", teamId)
                        .orElseThrow(() -> new PlatformException("platform.error.unknown", "team", teamId));
            } else if (role == Role.PROVINCIAL_ADMIN && !exists(c, "SELECT 1 FROM province WHERE id = ?", provinceId)) {
                throw new PlatformException("platform.error.unknown", "province", provinceId);
            }
            boolean inTeam = role == Role.MEMBER || role == Role.TEAM_LEAD;
            update(c, "INSERT INTO app_user (id, name, role, team_id, province_id) VALUES (?, ?, ?, ?, ?)", id, name,
                    role.name(), inTeam ? teamId : null, role == Role.NATIONAL_ADMIN ? null : province);
            audit(c, "admin", null, "NATIONAL_ADMIN", "create-user", "user", id, 0, null, "cli");
            return null;
        });
        return id;
    }

    /** Issues a one-time enrolment code for a user, valid for {@code ttl}; returns the code (shown once). */
    public String issueCode(String userId, Duration ttl, String actor) {
        byte[] raw = new byte[10];
        RANDOM.nextBytes(raw);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tx(c -> {
            if (!exists(c, "SELECT 1 FROM app_user WHERE id = ?", userId)) {
                throw new PlatformException("platform.error.unknown", "user", userId);
            }
            update(c, "INSERT INTO enrol_code (code_hash, user_id, expires_at) VALUES (?, ?, ?)", sha256(code), userId,
                    Instant.now(clock).plus(ttl).toString());
            audit(c, actor, null, null, "issue-code", "user", userId, 0, null, "cli");
            return null;
        });
        return code;
    }

    /** Revokes a device: every later request from it is refused. */
    public void revokeDevice(String deviceId, String actor, String address) {
        tx(c -> {
            if (update(c, "UPDATE device SET revoked = 1 WHERE id = ?", deviceId) == 0) {
                throw new WireException(ErrorCode.NOT_FOUND, "device " + deviceId);
            }
            audit(c, actor, null, null, "revoke-device", "device", deviceId, 0, null, address);
            return null;
        });
    }

    public Optional<String> teamOfDevice(String deviceId) {
        return tx(c -> one(c, "SELECT u.team_id FROM device d JOIN app_user u ON u.id = d.user_id WHERE d.id = ?", deviceId));
    }

    public Optional<String> provinceOfTeam(String teamId) {
        return tx(c -> one(c, "SELECT province_id FROM team WHERE id = ?", teamId));
    }

    // ------------------------------------------------------------------------------------------------ enrolment, auth

    public Dto.EnrolResponse enrol(Dto.EnrolRequest req, String address) {
        if (req == null || req.code() == null || req.code().isBlank()) {
            throw new WireException(ErrorCode.CODE_INVALID, "no code");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String deviceId = UUID.randomUUID().toString();
        return tx(c -> {
            String userId;
            String expires;
            String used;
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, expires_at, used_at FROM enrol_code WHERE code_hash = ?")) {
                ps.setString(1, sha256(req.code().strip()));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new WireException(ErrorCode.CODE_INVALID, "unknown code");
                    }
                    userId = rs.getString(1);
                    expires = rs.getString(2);
                    used = rs.getString(3);
                }
            }
            if (used != null) {
                throw new WireException(ErrorCode.CODE_INVALID, "code already used");
            }
            if (Instant.parse(expires).isBefore(Instant.now(clock))) {
                throw new WireException(ErrorCode.CODE_INVALID, "code expired");
            }
            update(c, "UPDATE enrol_code SET used_at = ?, device_id = ? WHERE code_hash = ?", now(), deviceId,
                    sha256(req.code().strip()));
            update(c, "INSERT INTO device (id, user_id, name, public_key, refresh_hash, last_seq, revoked, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0, ?)", deviceId, userId, req.deviceName() == null ? "" : req.deviceName(),
                    req.publicKey(), sha256(refresh), Math.max(0, req.firstSeq() - 1), now());
            Principal p = principal(c, deviceId).orElseThrow();
            audit(c, userId, deviceId, p.role().name(), "enrol", "device", deviceId, 0, null, address);
            return new Dto.EnrolResponse(deviceId, refresh, userId, p.teamId(), p.role());
        });
    }

    /** The principal of a device if its refresh token matches and it is not revoked. */
    public Principal checkRefresh(String deviceId, String refreshToken) {
        return tx(c -> {
            Optional<String> hash = one(c, "SELECT refresh_hash FROM device WHERE id = ?", deviceId);
            if (hash.isEmpty() || refreshToken == null || !MessageDigest.isEqual(
                    hash.get().getBytes(StandardCharsets.US_ASCII), sha256(refreshToken).getBytes(StandardCharsets.US_ASCII))) {
                throw new WireException(ErrorCode.UNAUTHENTICATED, "bad device credential");
            }
            return activePrincipal(c, deviceId);
        });
    }

    /** The principal of a device, refused when revoked. */
    public Principal activePrincipal(String deviceId) {
        return tx(c -> activePrincipal(c, deviceId));
    }

    private Principal activePrincipal(Connection c, String deviceId) throws SQLException {
        if (exists(c, "SELECT 1 FROM device WHERE id = ? AND revoked = 1", deviceId)) {
            throw new WireException(ErrorCode.DEVICE_REVOKED, deviceId);
        }
        return principal(c, deviceId).orElseThrow(() -> new WireException(ErrorCode.UNAUTHENTICATED, "unknown device"));
    }

    private Optional<Principal> principal(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, u.id, u.role, u.team_id, u.province_id FROM device d"
                + " JOIN app_user u ON u.id = d.user_id WHERE d.id = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Principal(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5))) : Optional.empty();
            }
        }
    }

    public Optional<Device> device(String deviceId) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, user_id, name, revoked, last_seq FROM device WHERE id = ?")) {
                ps.setString(1, deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Device(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4) == 1, rs.getLong(5))) : Optional.empty();
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ push

    /**
     * Applies a batch of a device's operations in outbox order (SYNC.md §6–7), all in one transaction; each op's effect
     * and its {@code applied_op} row commit together. A repeated op id returns its stored result.
     */
    public Dto.PushResponse push(Principal p, Dto.PushRequest req, String address) {
        return tx(c -> {
            long lastSeq = one(c, "SELECT last_seq FROM device WHERE id = ?", p.deviceId()).map(Long::parseLong).orElseThrow();
            List<Dto.OpResult> results = new ArrayList<>();
            long expected = lastSeq + 1;
            for (Dto.Op op : req.ops()) {
                Optional<Dto.OpResult> done = stored(c, op.opId());
                if (done.isPresent()) {
                    Dto.OpResult r = done.get();
                    results.add(new Dto.OpResult(r.opId(), r.seq(), Dto.OpStatus.DUPLICATE, r.rev(), r.conflictId(),
                            r.status().name()));
                    continue;
                }
                if (op.seq() != expected) {
                    if (results.isEmpty() || op.seq() > expected) {
                        throw new WireException(ErrorCode.SEQ_GAP, "expected seq " + expected + ", got " + op.seq(), expected);
                    }
                    throw new WireException(ErrorCode.BAD_REQUEST, "seq " + op.seq() + " reused by another op");
                }
                Dto.OpResult r = applyOp(c, p, op, address);
                if (r.status() == Dto.OpStatus.MISSING_BLOB) {
                    results.add(r);
                    break;
                }
                results.add(r);
                expected++;
            }
            update(c, "UPDATE device SET last_seq = ?, last_seen = ? WHERE id = ?", expected - 1, now(), p.deviceId());
            return new Dto.PushResponse(results, expected, highWater(c));
        });
    }

    private Optional<Dto.OpResult> stored(Connection c, String opId) throws SQLException {
        PreparedStatement ps = prep(c, "SELECT op_id, seq, status, rev, conflict_id, code FROM applied_op WHERE op_id = ?");
        ps.setString(1, opId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Dto.OpResult(rs.getString(1), rs.getLong(2),
                    Dto.OpStatus.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5), rs.getString(6))) : Optional.empty();
        }
    }

    private record State(String teamId, long rev, boolean deleted, Map<String, JsonNode> data) {
    }

    private Optional<State> state(Connection c, String entity, String id) throws SQLException {
        PreparedStatement ps = prep(c, "SELECT team_id, rev, deleted, data FROM record_state WHERE entity = ? AND entity_id = ?");
        ps.setString(1, entity);
        ps.setString(2, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new State(rs.getString(1), rs.getLong(2), rs.getInt(3) == 1, json(rs.getString(4))))
                    : Optional.empty();
        }
    }

    private Dto.OpResult reject(Connection c, Principal p, Dto.Op op, String code) throws SQLException {
        update(c, "INSERT INTO applied_op (op_id, device_id, seq, status, rev, conflict_id, code) VALUES (?, ?, ?, ?, 0, NULL, ?)",
                op.opId(), p.deviceId(), op.seq(), Dto.OpStatus.REJECTED.name(), code);
        recordFailure(c, p.deviceId(), code, op.opId());
        return new Dto.OpResult(op.opId(), op.seq(), Dto.OpStatus.REJECTED, 0, null, code);
    }

    private Dto.OpResult applyOp(Connection c, Principal p, Dto.Op op, String address) throws SQLException {
        if (op.opId() == null || op.entity() == null || !ENTITY.matcher(op.entity()).matches() || op.entityId() == null
                || op.entityId().length() > 64 || !("UPSERT".equals(op.kind()) || "DELETE".equals(op.kind()))) {
            return reject(c, p, op, "BAD_OP");
        }
        Map<String, Dto.Change> changes = op.changes() == null ? Map.of() : op.changes();
        for (String f : changes.keySet()) {
            if (!FIELD.matcher(f).matches()) {
                return reject(c, p, op, "BAD_FIELD");
            }
        }
        if (p.teamId() == null) {
            return reject(c, p, op, "NO_TEAM");
        }
        for (String sha : op.blobs() == null ? List.<String>of() : op.blobs()) {
            if (!exists(c, "SELECT 1 FROM blob_ref WHERE team_id = ? AND sha256 = ?", p.teamId(), sha)) {
                return new Dto.OpResult(op.opId(), op.seq(), Dto.OpStatus.MISSING_BLOB, 0, null, sha);
            }
        }
        Optional<State> current = state(c, op.entity(), op.entityId());
        if (current.isPresent() && !current.get().teamId().equals(p.teamId())) {
            return reject(c, p, op, "FORBIDDEN");
        }
        Map<String, JsonNode> wanted = new TreeMap<>();
        Boolean deletedWanted = "DELETE".equals(op.kind()) ? Boolean.TRUE : null;
        for (Map.Entry<String, Dto.Change> e : changes.entrySet()) {
            JsonNode v = e.getValue() == null || e.getValue().value() == null ? NullNode.getInstance() : e.getValue().value();
            if ("deleted".equals(e.getKey())) {
                deletedWanted = v.asBoolean();
            } else {
                wanted.put(e.getKey(), v);
            }
        }
        Map<String, JsonNode> data = new TreeMap<>(current.map(State::data).orElse(Map.of()));
        boolean deleted = current.map(State::deleted).orElse(false);
        Map<String, Dto.FieldConflict> conflicts = new TreeMap<>();
        String conflictKind = null;
        Set<String> applied = new LinkedHashSet<>();
        if (current.isEmpty() || op.baseRev() >= current.get().rev()) {
            data.putAll(wanted);
            applied.addAll(wanted.keySet());
            if (deletedWanted != null && deletedWanted != deleted) {
                deleted = deletedWanted;
                applied.add("deleted");
            }
        } else {
            Set<String> serverChanged = changedSince(c, op.entity(), op.entityId(), op.baseRev(), p.deviceId());
            boolean deleting = Boolean.TRUE.equals(deletedWanted);
            if (deleted && !Boolean.FALSE.equals(deletedWanted) && !deleting) {
                // An update against a delete: the tombstone stays, the update waits as a conflict (SYNC.md §7).
                conflictKind = "DELETED";
                for (Map.Entry<String, JsonNode> e : wanted.entrySet()) {
                    conflicts.put(e.getKey(), new Dto.FieldConflict(old(changes, e.getKey()), e.getValue(),
                            data.getOrDefault(e.getKey(), NullNode.getInstance())));
                }
            } else {
                for (Map.Entry<String, JsonNode> e : wanted.entrySet()) {
                    String f = e.getKey();
                    JsonNode theirs = data.getOrDefault(f, NullNode.getInstance());
                    if (!serverChanged.contains(f)) {
                        data.put(f, e.getValue());
                        applied.add(f);
                    } else if (!theirs.equals(e.getValue())) {
                        conflicts.put(f, new Dto.FieldConflict(old(changes, f), e.getValue(), theirs));
                    }
                }
                if (deletedWanted != null && deletedWanted != deleted) {
                    if (deleting) {
                        // A delete against a concurrent update: the tombstone wins and the update is kept in history;
                        // the lead sees it as a conflict so a restore stays possible.
                        Set<String> updated = new LinkedHashSet<>(serverChanged);
                        updated.remove("deleted");
                        if (!updated.isEmpty()) {
                            conflictKind = "DELETED";
                            for (String f : updated) {
                                conflicts.put(f, new Dto.FieldConflict(NullNode.getInstance(), NullNode.getInstance(),
                                        data.getOrDefault(f, NullNode.getInstance())));
                            }
                        }
                    }
                    deleted = deletedWanted;
                    applied.add("deleted");
                }
                if (conflictKind == null && !conflicts.isEmpty()) {
                    conflictKind = "FIELDS";
                }
            }
        }
        long rev = nextRev(c);
        String serverTime = now();
        update(c, "INSERT INTO record_state (entity, entity_id, team_id, rev, deleted, data) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (entity, entity_id) DO UPDATE SET rev = excluded.rev, deleted = excluded.deleted, data = excluded.data",
                op.entity(), op.entityId(), p.teamId(), rev, deleted ? 1 : 0, Wire.mapper().valueToTree(data).toString());
        update(c, "INSERT INTO op_log (rev, op_id, device_id, device_seq, team_id, entity, entity_id, kind, base_rev, changed,"
                        + " deleted, data, client_time, server_time, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rev, op.opId(), p.deviceId(), op.seq(), p.teamId(), op.entity(), op.entityId(), op.kind(), op.baseRev(),
                Wire.mapper().valueToTree(applied).toString(), deleted ? 1 : 0, Wire.mapper().valueToTree(data).toString(),
                op.clientTime(), serverTime, p.userId());
        String conflictId = null;
        Dto.OpStatus status = Dto.OpStatus.APPLIED;
        if (conflictKind != null) {
            conflictId = UUID.randomUUID().toString();
            status = Dto.OpStatus.CONFLICT;
            update(c, "INSERT INTO sync_conflict (id, team_id, entity, entity_id, kind, op_id, device_id, base_rev, rev, fields,"
                            + " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)",
                    conflictId, p.teamId(), op.entity(), op.entityId(), conflictKind, op.opId(), p.deviceId(), op.baseRev(),
                    rev, Wire.mapper().valueToTree(conflicts).toString(), serverTime);
        }
        update(c, "INSERT INTO applied_op (op_id, device_id, seq, status, rev, conflict_id, code) VALUES (?, ?, ?, ?, ?, ?, NULL)",
                op.opId(), p.deviceId(), op.seq(), status.name(), rev, conflictId);
        audit(c, p.userId(), p.deviceId(), p.role().name(), status == Dto.OpStatus.CONFLICT ? "push-conflict" : "push",
                op.entity(), op.entityId(), rev, op.opId(), address);
        return new Dto.OpResult(op.opId(), op.seq(), status, rev, conflictId, null);
    }

    private static JsonNode old(Map<String, Dto.Change> changes, String field) {
        Dto.Change ch = changes.get(field);
        return ch == null || ch.old() == null ? NullNode.getInstance() : ch.old();
    }

    /**
     * Fields changed on the server since {@code baseRev} by others: the device's own earlier operations precede this one
     * in its outbox, so they are part of what it started from.
     */
    private Set<String> changedSince(Connection c, String entity, String id, long baseRev, String device) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT changed FROM op_log WHERE entity = ? AND entity_id = ? AND rev > ?"
                + " AND (device_id <> ? OR kind = 'RESOLVE')")) {
            ps.setString(1, entity);
            ps.setString(2, id);
            ps.setLong(3, baseRev);
            ps.setString(4, device);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (JsonNode n : readTree(rs.getString(1))) {
                        out.add(n.asText());
                    }
                }
            }
        }
        return out;
    }

    /** The next server revision, from the counter row inside the caller's transaction (SYNC.md §5). */
    private long nextRev(Connection c) throws SQLException {
        PreparedStatement ps = prep(c, "UPDATE rev_counter SET rev = rev + 1 WHERE id = 1 RETURNING rev");
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long highWater(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rev FROM rev_counter WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public long highWater() {
        return tx(PlatformStore::highWater);
    }

    // ------------------------------------------------------------------------------------------------ pull

    /** A team's changes after {@code since}, in ascending revision, at most {@code limit}. */
    public Dto.PullResponse pull(String teamId, long since, int limit) {
        return tx(c -> {
            long high = highWater(c);
            List<Dto.RemoteChange> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rev, op_id, device_id, entity, entity_id, deleted, data, server_time"
                    + " FROM op_log WHERE team_id = ? AND rev > ? ORDER BY rev LIMIT ?")) {
                ps.setString(1, teamId);
                ps.setLong(2, since);
                ps.setInt(3, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Dto.RemoteChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6) == 1, json(rs.getString(7)), rs.getString(8)));
                    }
                }
            }
            boolean more = out.size() > limit;
            if (more) {
                out = out.subList(0, limit);
            }
            long next = more ? out.get(out.size() - 1).rev() : Math.max(high, since);
            return new Dto.PullResponse(out, next, high, more);
        });
    }

    /** The current state of every record of a team (for the convergence check and the platform views). */
    public Map<String, Dto.RemoteChange> records(String teamId, String entity) {
        return tx(c -> {
            Map<String, Dto.RemoteChange> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rev, entity_id, deleted, data FROM record_state"
                    + " WHERE team_id = ? AND entity = ?")) {
                ps.setString(1, teamId);
                ps.setString(2, entity);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(2), new Dto.RemoteChange(rs.getLong(1), null, null, entity, rs.getString(2),
                                rs.getInt(3) == 1, json(rs.getString(4)), null));
                    }
                }
            }
            return out;
        });
    }

    /** The team a record belongs to, if the platform has it. */
    public java.util.Optional<String> teamOfRecord(String entity, String entityId) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT team_id FROM record_state WHERE entity = ? AND entity_id = ?")) {
                ps.setString(1, entity);
                ps.setString(2, entityId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.<String>empty();
                }
            }
        });
    }

    /** Every version of a record from the op log, oldest first: the device, the user, the fields changed, the state after. */
    public List<Dto.RecordVersion> history(String entity, String entityId) {
        return tx(c -> {
            List<Dto.RecordVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.rev, o.op_id, o.device_id, d.name, u.name, o.kind, o.changed,"
                    + " o.deleted, o.data, o.server_time FROM op_log o LEFT JOIN device d ON d.id = o.device_id"
                    + " LEFT JOIN app_user u ON u.id = o.user_id WHERE o.entity = ? AND o.entity_id = ? ORDER BY o.rev")) {
                ps.setString(1, entity);
                ps.setString(2, entityId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> changed = new ArrayList<>();
                        try {
                            JsonNode ch = Wire.mapper().readTree(rs.getString(7));
                            if (ch.isObject()) {
                                ch.fieldNames().forEachRemaining(changed::add);
                            } else {
                                ch.forEach(n -> changed.add(n.asText()));
                            }
                        } catch (IOException e) {
                            throw new SQLException("bad op log JSON", e);
                        }
                        out.add(new Dto.RecordVersion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), changed, rs.getInt(8) == 1, json(rs.getString(9)),
                                rs.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    /** The stored result of every op id a device pushed (for the "nothing lost" check). */
    public Map<String, Dto.OpResult> results(String deviceId) {
        return tx(c -> {
            Map<String, Dto.OpResult> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT op_id, seq, status, rev, conflict_id, code FROM applied_op"
                    + " WHERE device_id = ? ORDER BY seq")) {
                ps.setString(1, deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Dto.OpResult(rs.getString(1), rs.getLong(2),
                                Dto.OpStatus.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------------------------------------ conflicts

    public List<Dto.Conflict> conflicts(Set<String> teams, String status) {
        return tx(c -> {
            List<Dto.Conflict> out = new ArrayList<>();
            for (String team : teams) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, team_id, entity, entity_id, kind, op_id, device_id,"
                        + " base_rev, rev, fields, status, resolved_rev, created_at FROM sync_conflict WHERE team_id = ?"
                        + (status == null ? "" : " AND status = ?") + " ORDER BY rev")) {
                    ps.setString(1, team);
                    if (status != null) {
                        ps.setString(2, status);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(conflict(rs));
                        }
                    }
                }
            }
            return out;
        });
    }

    private static Dto.Conflict conflict(ResultSet rs) throws SQLException {
        try {
            Map<String, Dto.FieldConflict> fields = Wire.mapper().readValue(rs.getString(10),
                    new TypeReference<Map<String, Dto.FieldConflict>>() { });
            return new Dto.Conflict(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9), fields, rs.getString(11), rs.getLong(12),
                    rs.getString(13));
        } catch (IOException e) {
            throw new SQLException("bad conflict JSON", e);
        }
    }

    public Optional<Dto.Conflict> conflict(String id) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, team_id, entity, entity_id, kind, op_id, device_id,"
                    + " base_rev, rev, fields, status, resolved_rev, created_at FROM sync_conflict WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(conflict(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Resolves a conflict by applying the chosen values as a new operation with its own revision, so every device pulls
     * the resolution. Idempotent on {@code op_id}. The caller has checked the role and the team.
     */
    public Dto.ResolveResponse resolve(Principal p, String conflictId, Dto.ResolveRequest req, String address) {
        if (req == null || req.opId() == null || req.values() == null) {
            throw new WireException(ErrorCode.BAD_REQUEST, "op_id and values are required");
        }
        return tx(c -> {
            Optional<Dto.OpResult> done = stored(c, req.opId());
            if (done.isPresent()) {
                return new Dto.ResolveResponse(conflictId, done.get().rev());
            }
            Dto.Conflict k;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, team_id, entity, entity_id, kind, op_id, device_id,"
                    + " base_rev, rev, fields, status, resolved_rev, created_at FROM sync_conflict WHERE id = ?")) {
                ps.setString(1, conflictId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new WireException(ErrorCode.NOT_FOUND, "conflict " + conflictId);
                    }
                    k = conflict(rs);
                }
            }
            if (!"OPEN".equals(k.status())) {
                throw new WireException(ErrorCode.ALREADY_RESOLVED, conflictId);
            }
            State s = state(c, k.entity(), k.entityId()).orElseThrow();
            Map<String, JsonNode> data = new TreeMap<>(s.data());
            boolean deleted = s.deleted();
            Set<String> applied = new LinkedHashSet<>();
            for (Map.Entry<String, JsonNode> e : req.values().entrySet()) {
                if ("deleted".equals(e.getKey())) {
                    deleted = e.getValue().asBoolean();
                } else if (FIELD.matcher(e.getKey()).matches()) {
                    data.put(e.getKey(), e.getValue());
                } else {
                    throw new WireException(ErrorCode.BAD_REQUEST, "field " + e.getKey());
                }
                applied.add(e.getKey());
            }
            long rev = nextRev(c);
            update(c, "UPDATE record_state SET rev = ?, deleted = ?, data = ? WHERE entity = ? AND entity_id = ?", rev,
                    deleted ? 1 : 0, Wire.mapper().valueToTree(data).toString(), k.entity(), k.entityId());
            update(c, "INSERT INTO op_log (rev, op_id, device_id, device_seq, team_id, entity, entity_id, kind, base_rev, changed,"
                            + " deleted, data, client_time, server_time, user_id) VALUES (?, ?, ?, 0, ?, ?, ?, 'RESOLVE', ?, ?, ?, ?, NULL, ?, ?)",
                    rev, req.opId(), p.deviceId(), k.teamId(), k.entity(), k.entityId(), s.rev(),
                    Wire.mapper().valueToTree(applied).toString(), deleted ? 1 : 0, Wire.mapper().valueToTree(data).toString(),
                    now(), p.userId());
            update(c, "UPDATE sync_conflict SET status = 'RESOLVED', resolved_rev = ?, resolved_by = ? WHERE id = ?", rev,
                    p.userId(), conflictId);
            update(c, "INSERT INTO applied_op (op_id, device_id, seq, status, rev, conflict_id, code) VALUES (?, ?, 0, ?, ?, ?, 'RESOLVE')",
                    req.opId(), p.deviceId(), Dto.OpStatus.APPLIED.name(), rev, conflictId);
            audit(c, p.userId(), p.deviceId(), p.role().name(), "resolve", k.entity(), k.entityId(), rev, req.opId(), address);
            return new Dto.ResolveResponse(conflictId, rev);
        });
    }

    // ------------------------------------------------------------------------------------------------ blobs

    public boolean teamHasBlob(String teamId, String sha) {
        return tx(c -> exists(c, "SELECT 1 FROM blob_ref WHERE team_id = ? AND sha256 = ?", teamId, sha));
    }

    /** Finds the open upload of this blob for this team, or opens one. */
    public Upload openUpload(Principal p, String sha, long size, int chunkSize) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, team_id, device_id, sha256, size, chunk_size FROM blob_upload"
                    + " WHERE team_id = ? AND sha256 = ? AND size = ?")) {
                ps.setString(1, p.teamId());
                ps.setString(2, sha);
                ps.setLong(3, size);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getInt(6));
                    }
                }
            }
            Upload u = new Upload(UUID.randomUUID().toString(), p.teamId(), p.deviceId(), sha, size, chunkSize);
            update(c, "INSERT INTO blob_upload (id, team_id, device_id, sha256, size, chunk_size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    u.id(), u.teamId(), u.deviceId(), sha, size, chunkSize, now());
            return u;
        });
    }

    public Optional<Upload> upload(String id) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, team_id, device_id, sha256, size, chunk_size FROM blob_upload WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getInt(6))) : Optional.empty();
                }
            }
        });
    }

    /** Records a verified blob (file already in place) for the uploader's team and closes the upload. */
    public void blobStored(Principal p, Upload u, String address) {
        tx(c -> {
            update(c, "INSERT INTO blob_file (sha256, size, stored_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                    u.sha256(), u.size(), now());
            update(c, "INSERT INTO blob_ref (team_id, sha256) VALUES (?, ?) ON CONFLICT (team_id, sha256) DO NOTHING",
                    u.teamId(), u.sha256());
            update(c, "DELETE FROM blob_upload WHERE id = ?", u.id());
            audit(c, p.userId(), p.deviceId(), p.role().name(), "blob", "blob", u.sha256(), 0, null, address);
            return null;
        });
    }

    /** Uploads older than {@code age} (SYNC.md §9: 7 days); returns their ids after deleting the rows. */
    public List<String> expireUploads(Duration age) {
        String limit = Instant.now(clock).minus(age).toString();
        return tx(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM blob_upload WHERE created_at < ?")) {
                ps.setString(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            for (String id : ids) {
                update(c, "DELETE FROM blob_upload WHERE id = ?", id);
            }
            return ids;
        });
    }

    // ------------------------------------------------------------------------------------------------ audit, failures

    private void audit(Connection c, String actor, String device, String role, String action, String entity, String entityId,
                       long rev, String opId, String address) throws SQLException {
        // An admin command run beside the serving process may have appended entries: go on from the stored head.
        try (ResultSet rs = prep(c, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").executeQuery()) {
            if (rs.next() && rs.getLong(1) != auditSeq) {
                auditSeq = rs.getLong(1);
                auditHash = rs.getString(2);
            }
        }
        long seq = auditSeq + 1;
        String at = now();
        String hash = sha256(String.join("\u001f", Long.toString(seq), at, n(actor), n(device), n(role), action, n(entity),
                n(entityId), Long.toString(rev), n(opId), n(address), auditHash));
        update(c, "INSERT INTO audit_log (seq, at_time, actor, device_id, role, action, entity, entity_id, rev, op_id, address,"
                + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at, actor, device, role, action,
                entity, entityId, rev, opId, address, auditHash, hash);
        auditSeq = seq;
        auditHash = hash;
    }

    /** Appends an audit entry inside a unit of work of another class of the platform (e.g. {@link PackageRegistry}). */
    void auditIn(Connection c, Principal p, String action, String entity, String entityId, String address) throws SQLException {
        audit(c, p.userId(), p.deviceId(), p.role().name(), action, entity, entityId, 0, null, address);
    }

    /** Appends an audit entry on its own (e.g. a refused request). */
    public void audit(String actor, String device, String role, String action, String entity, String entityId, String address) {
        tx(c -> {
            audit(c, actor, device, role, action, entity, entityId, 0, null, address);
            return null;
        });
    }

    /** Appends an audit entry inside the caller's transaction (used by {@link LibraryRegistry}). */
    void auditIn(Connection c, String actor, String device, String role, String action, String entity, String entityId,
                 long rev, String address) throws SQLException {
        audit(c, actor, device, role, action, entity, entityId, rev, null, address);
    }

    /** Recomputes the hash chain; returns the number of entries, or -(seq) of the first broken entry. */
    public long verifyAudit() {
        return tx(c -> {
            String prev = GENESIS;
            long count = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, at_time, actor, device_id, role, action,"
                    + " entity, entity_id, rev, op_id, address, prev_hash, hash FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    String expect = sha256(String.join("\u001f", Long.toString(rs.getLong(1)), rs.getString(2), n(rs.getString(3)),
                            n(rs.getString(4)), n(rs.getString(5)), rs.getString(6), n(rs.getString(7)), n(rs.getString(8)),
                            Long.toString(rs.getLong(9)), n(rs.getString(10)), n(rs.getString(11)), prev));
                    if (!prev.equals(rs.getString(12)) || !expect.equals(rs.getString(13))) {
                        return -rs.getLong(1);
                    }
                    prev = rs.getString(13);
                    count++;
                }
            }
            return count;
        });
    }

    private void recordFailure(Connection c, String device, String code, String detail) throws SQLException {
        update(c, "INSERT INTO sync_failure (id, at_time, device_id, code, detail) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), now(), device, code, detail);
    }

    /** Records a refused or failed sync request. */
    public void recordFailure(String device, String code, String detail) {
        tx(c -> {
            recordFailure(c, device, code, detail == null ? null : detail.substring(0, Math.min(500, detail.length())));
            return null;
        });
    }

    public int failureCount(String code) {
        return tx(c -> one(c, "SELECT count(*) FROM sync_failure WHERE code = ?", code).map(Integer::parseInt).orElse(0));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String n(String s) {
        return s == null ? "" : s;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String json) throws SQLException {
        try {
            return Wire.mapper().readTree(json);
        } catch (IOException e) {
            throw new SQLException("bad JSON in store", e);
        }
    }

    private static Map<String, JsonNode> json(String text) throws SQLException {
        Map<String, JsonNode> out = new TreeMap<>();
        readTree(text).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** A prepared statement kept for the life of the connection (the hot path runs the same few statements). */
    private PreparedStatement prep(Connection c, String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        }
        ps.clearParameters();
        return ps;
    }

    private int update(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = prep(c, sql);
        bind(ps, args);
        return ps.executeUpdate();
    }

    private boolean exists(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = prep(c, sql);
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private Optional<String> one(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = prep(c, sql);
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, java.sql.Types.VARCHAR);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing the connection closes it too
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
