package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every earlier schema version upgrades to the latest, after a backup, keeping its data (STYLE.md rule 5). */
class MigrationTest {
    @TempDir
    Path dir;

    static Stream<Integer> earlierVersions() {
        return IntStream.range(1, Migrator.latestVersion()).boxed();
    }

    /** Builds a workspace as version {@code v} of the software would have: migrations 1..v, then data. */
    private Path workspaceAtVersion(int v) {
        Path file = dir.resolve("old-v" + v + ".ecoaid");
        Database db = Database.connect(file, TestWorkspaces.CLOCK, "old");
        new Migrator().migrate(db, v);
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO workspace_meta VALUES ('format', 'ecoaid-workspace')");
                s.executeUpdate("INSERT INTO project (id, city_code, city_name, name, author, created_at, updated_at)"
                        + " VALUES ('p1', '110100', '示例市', '老项目', 'old', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");
                s.executeUpdate("INSERT INTO site (id, code, name, type, longitude, latitude, author, created_at, updated_at)"
                        + " VALUES ('s1', 'A1', '老站点', 'AIR_STATION', 116.4, 39.9, 'old', '2025-01-01T00:00:00Z',"
                        + " '2025-01-01T00:00:00Z')");
            }
            return null;
        });
        db.close();
        return file;
    }

    @ParameterizedTest
    @MethodSource("earlierVersions")
    void olderWorkspaceIsBackedUpThenMigratedWithItsData(int version) throws Exception {
        Path file = workspaceAtVersion(version);
        try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "new")) {
            assertEquals(Migrator.latestVersion(), ws.schemaVersion());
            assertEquals("老站点", ws.sites().findByCode("A1").orElseThrow().name());
            assertEquals("老项目", ws.project().name());
            Path backup = ws.migrationBackup().orElseThrow();
            assertTrue(Files.exists(backup));
            assertEquals("old-v" + version + ".ecoaid.v" + version + "-20261128T080000Z.bak", backup.getFileName().toString());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                rs.next();
                assertEquals(version, rs.getInt(1), "the backup keeps the old schema");
            }
            // The tables of the later migrations work after the upgrade.
            var a = ws.attachments().put(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), "x.txt",
                    "text/plain", "site", "s1");
            assertEquals(1, a.size());
        }
    }

    @Test
    void latestWorkspaceOpensWithoutBackup() {
        Path file;
        try (Workspace ws = TestWorkspaces.create(dir)) {
            file = ws.file();
        }
        try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "x")) {
            assertTrue(ws.migrationBackup().isEmpty());
        }
    }

    @Test
    void workspaceFromANewerVersionIsRefusedUntouched() throws Exception {
        Path file;
        try (Workspace ws = TestWorkspaces.create(dir)) {
            file = ws.file();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = 99");
        }
        EcoAidException e = assertThrows(EcoAidException.class, () -> Workspace.open(file, TestWorkspaces.CLOCK, "x"));
        assertEquals("workspace.error.newerVersion", e.key());
    }

    @Test
    void otherFilesAreNotWorkspaces() throws Exception {
        Path text = dir.resolve("notes.ecoaid");
        Files.writeString(text, "这不是数据库".repeat(200));
        assertEquals("workspace.error.notWorkspace",
                assertThrows(EcoAidException.class, () -> Workspace.open(text, TestWorkspaces.CLOCK, "x")).key());
        Path otherDb = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + otherDb); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (x)");
        }
        assertEquals("workspace.error.notWorkspace",
                assertThrows(EcoAidException.class, () -> Workspace.open(otherDb, TestWorkspaces.CLOCK, "x")).key());
    }

    @Test
    void scriptsSplitIntoStatements() {
        List<String> st = Migrator.statements("-- comment\nCREATE TABLE a (x);\n\nCREATE INDEX i ON a (x);\n");
        assertEquals(List.of("CREATE TABLE a (x);", "CREATE INDEX i ON a (x);"), st);
    }

    @Test
    void newWorkspaceUsesWalAndFullSync() {
        try (Workspace ws = TestWorkspaces.create(dir)) {
            Database db = Database.connect(ws.file(), TestWorkspaces.CLOCK, "x");
            try {
                assertEquals("wal", db.read(c -> pragma(c, "journal_mode")));
                assertEquals("2", db.read(c -> pragma(c, "synchronous")));
                assertEquals("1", db.read(c -> pragma(c, "foreign_keys")));
            } finally {
                db.close();
            }
        }
    }

    private static String pragma(Connection c, String name) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
