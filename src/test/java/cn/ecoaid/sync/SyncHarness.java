package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.platform.PlatformServer;
import cn.ecoaid.platform.PlatformStore;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.store.SyncStateRepository;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A platform on loopback (embedded SQLite in a temporary folder, or PostgreSQL when {@code ECOAID_TEST_PG_URL} is set —
 * each harness in its own schema) with one province, two teams A and B, and helpers to make enrolled workspaces.
 */
final class SyncHarness implements AutoCloseable {
    static final String PG_ENV = "ECOAID_TEST_PG_URL";

    final Path dir;
    final PlatformStore store;
    final PlatformServer server;
    final URI uri;
    final String province;
    final String teamA;
    final String teamB;
    final String leadA;
    final List<Workspace> open = new ArrayList<>();
    private final String jdbcUrl;

    SyncHarness(Path dir) throws Exception {
        this(dir, PlatformServer.Config.defaults(0), Clock.systemUTC(), null);
    }

    SyncHarness(Path dir, PlatformServer.Config config, Clock serverClock, String reuseJdbcUrl) throws Exception {
        this.dir = dir;
        this.jdbcUrl = reuseJdbcUrl != null ? reuseJdbcUrl : newJdbcUrl(dir);
        this.store = PlatformStore.open(jdbcUrl, serverClock);
        Files.createDirectories(dir.resolve("platform"));
        this.server = new PlatformServer(store, dir.resolve("platform"), config);
        int port = server.start();
        this.uri = URI.create("http://127.0.0.1:" + port);
        if (reuseJdbcUrl == null) {
            province = store.createProvince("示例省");
            teamA = store.createTeam(province, "甲组");
            teamB = store.createTeam(province, "乙组");
            leadA = store.createUser("组长甲", Dto.Role.TEAM_LEAD, teamA, null);
        } else {
            province = teamA = teamB = leadA = null;
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    static boolean postgres() {
        String url = System.getenv(PG_ENV);
        return url != null && !url.isBlank();
    }

    /** SQLite in the folder, or a fresh schema in the PostgreSQL database of {@code ECOAID_TEST_PG_URL}. */
    static String newJdbcUrl(Path dir) throws Exception {
        String pg = System.getenv(PG_ENV);
        if (pg == null || pg.isBlank()) {
            return "jdbc:sqlite:" + dir.resolve("platform-store.db");
        }
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String user(String name, Dto.Role role, String team) {
        return store.createUser(name, role, team, role == Dto.Role.PROVINCIAL_ADMIN ? province : null);
    }

    String code(String user) {
        return store.issueCode(user, Duration.ofHours(1), "test");
    }

    Workspace workspace(String name) {
        return workspace(name, Clock.systemUTC());
    }

    Workspace workspace(String name, Clock clock) {
        Workspace ws = Workspace.create(dir.resolve(name + ".ecoaid"), TestWorkspaces.sampleProject(), clock, name);
        open.add(ws);
        return ws;
    }

    /** A member's device whose workspace runs on {@code clock}. */
    Device member(String name, String team, Clock clock) {
        Workspace ws = workspace(name, clock);
        SyncEngine engine = new SyncEngine(ws, uri, SyncEngine.Options.defaults().withAttempts(3, Duration.ofMillis(20)), SyncEngine.NONE);
        Dto.EnrolResponse r = engine.enrol(code(user(name, Dto.Role.MEMBER, team)), name);
        return new Device(ws, engine, r.deviceId());
    }

    /** A new workspace enrolled as a device of a new user with {@code role} in {@code team}. */
    Device device(String name, Dto.Role role, String team) {
        Workspace ws = workspace(name);
        SyncEngine engine = new SyncEngine(ws, uri, SyncEngine.Options.defaults().withAttempts(3, Duration.ofMillis(20)), SyncEngine.NONE);
        Dto.EnrolResponse r = engine.enrol(code(user(name, role, team)), name);
        return new Device(ws, engine, r.deviceId());
    }

    Device member(String name, String team) {
        return device(name, Dto.Role.MEMBER, team);
    }

    record Device(Workspace ws, SyncEngine engine, String id) {
    }

    /** Syncs every device twice in turn: after that every device has every other's acknowledged changes. */
    static void syncAll(List<Device> devices) {
        for (int round = 0; round < 2; round++) {
            for (Device d : devices) {
                d.engine().sync();
            }
        }
    }

    /**
     * The "nothing lost" check of SYNC.md: every op a device created is APPLIED, in a conflict, or REJECTED on the
     * server with the same answer locally (none pending), and every device's sites and attachments equal the server's.
     */
    void assertConverged(String team, List<Device> devices) {
        for (String entity : SyncStateRepository.SHARED_ENTITIES) {
            Map<String, Dto.RemoteChange> server = store.records(team, entity);
            for (Device d : devices) {
                assertEquals(0, d.ws().syncState().pendingCount(), "pending ops left on " + d.id());
                Map<String, SyncStateRepository.Remote> local = d.ws().syncState().records(entity);
                assertEquals(server.keySet(), local.keySet(), entity + " ids on " + d.id());
                for (Map.Entry<String, Dto.RemoteChange> e : server.entrySet()) {
                    SyncStateRepository.Remote l = local.get(e.getKey());
                    assertEquals(e.getValue().deleted(), l.deleted(), "tombstone of " + e.getKey());
                    assertEquals(e.getValue().rev(), l.rev(), "rev of " + e.getKey());
                    for (Map.Entry<String, JsonNode> f : e.getValue().data().entrySet()) {
                        assertTrue(same(f.getValue(), l.data().get(f.getKey())),
                                entity + " " + e.getKey() + "." + f.getKey() + ": server " + f.getValue() + ", device "
                                        + l.data().get(f.getKey()));
                    }
                }
            }
        }
        for (Device d : devices) {
            Map<String, Dto.OpResult> results = store.results(d.id());
            Map<String, String> states = d.ws().syncState().opStates();
            assertTrue(!states.isEmpty(), "no ops on " + d.id());
            for (Map.Entry<String, String> op : states.entrySet()) {
                Dto.OpResult r = results.get(op.getKey());
                assertTrue(r != null, "op " + op.getKey() + " of " + d.id() + " unknown to the server");
                String expected = switch (r.status()) {
                    case APPLIED -> "ACKED";
                    case CONFLICT -> "CONFLICT";
                    default -> "REJECTED";
                };
                assertEquals(expected, op.getValue(), "state of op " + op.getKey());
            }
        }
    }

    /** JSON values from the server against column values read back from SQLite (numbers, text, JSON text). */
    static boolean same(JsonNode server, JsonNode local) {
        if (server == null || server.isNull()) {
            return local == null || local.isNull();
        }
        if (local == null || local.isNull()) {
            return false;
        }
        if (server.isNumber() && local.isNumber()) {
            return server.asDouble() == local.asDouble();
        }
        if (server.isBoolean()) {
            return (server.asBoolean() ? 1 : 0) == local.asInt();
        }
        if (server.isContainerNode() && local.isTextual()) {
            try {
                return server.equals(cn.ecoaid.protocol.Wire.mapper().readTree(local.asText()));
            } catch (Exception e) {
                return false;
            }
        }
        return server.asText().equals(local.asText());
    }

    static Map<String, String> names(Workspace ws) {
        Map<String, String> out = new TreeMap<>();
        ws.sites().list().forEach(s -> out.put(s.id(), s.name()));
        return out;
    }

    @Override
    public void close() {
        for (Workspace ws : open) {
            try {
                ws.close();
            } catch (RuntimeException ignored) {
                // already closed by the test
            }
        }
        server.close();
        store.close();
        int at = jdbcUrl.indexOf("currentSchema=");
        if (postgres() && at > 0) {
            try (Connection c = DriverManager.getConnection(System.getenv(PG_ENV)); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + jdbcUrl.substring(at + "currentSchema=".length()) + " CASCADE");
            } catch (java.sql.SQLException ignored) {
                // a reused URL (restart test) was dropped already
            }
        }
    }
}
