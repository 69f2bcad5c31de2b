package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.platform.PlatformMain;
import cn.ecoaid.platform.PlatformServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code package publish} by a team lead and {@code platform admin verify-package}, with a server on loopback. */
class PackagePublishCommandTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetLanguage() {
        cn.ecoaid.l10n.Messages.setCurrent(cn.ecoaid.l10n.Messages.CHINESE);
    }

    private static SyncCommandTest.Run run(String... args) {
        return SyncCommandTest.run(args);
    }

    private static String id(SyncCommandTest.Run r) {
        assertEquals(0, r.status(), r.err());
        return r.out().split("\\s+")[2];
    }

    @Test
    void leadPublishesAndThePlatformVerifies() throws Exception {
        String data = dir.resolve("platform").toString();
        String province = id(run("--lang", "en", "platform", "admin", "create-province", "--data", data, "示例省"));
        String team = id(run("--lang", "en", "platform", "admin", "create-team", "--data", data, "--province", province, "甲组"));
        String user = id(run("--lang", "en", "platform", "admin", "create-user", "--data", data, "--role", "TEAM_LEAD", "--team", team, "组长"));
        String code = run("--lang", "en", "platform", "admin", "issue-code", "--data", data, "--user", user, "--hours", "1").out().split("\\s+")[2];
        String ws = dir.resolve("w.ecoaid").toString();
        assertEquals(0, run("workspace", "init", ws, "--city-code", "110100", "--city-name", "示例市", "--name", "x").status());
        String packageId;
        try (PlatformServer server = PlatformMain.serve(Path.of(data), null, PlatformServer.Config.defaults(0))) {
            String url = "http://127.0.0.1:" + server.port();
            assertEquals(0, run("sync", "enrol", "--workspace", ws, "--server", url, "--code", code, "--name", "laptop").status());
            SyncCommandTest.Run created = run("--lang", "en", "package", "create", "--workspace", ws, "--title", "示例市方案");
            assertEquals(0, created.status(), created.err());
            packageId = created.out().substring(created.out().lastIndexOf('(') + 1, created.out().lastIndexOf(')'));
            assertEquals(0, run("package", "measure", "add", "--workspace", ws, "--package", "示例市方案", "--name", "燃煤锅炉改造",
                    "--type", "engineering").status());
            SyncCommandTest.Run frozen = run("--lang", "en", "package", "freeze", "--workspace", ws, "--package", "示例市方案",
                    "--key", dir.resolve("other-key.properties").toString());
            assertEquals(0, frozen.status(), frozen.err());
            // Frozen with a key file other than the enrolled key: publishing freezes it again with the enrolled key.
            SyncCommandTest.Run published = run("--lang", "en", "package", "publish", "--workspace", ws, "--package", "示例市方案");
            assertEquals(0, published.status(), published.err());
            assertTrue(published.out().contains("frozen again, unchanged, as version 2"), published.out());
            assertTrue(published.out().contains("version 2 published to the platform"), published.out());
            SyncCommandTest.Run nothing = run("--lang", "en", "package", "publish", "--workspace", ws, "--package", "示例市方案");
            assertTrue(nothing.out().contains("nothing to publish"), nothing.out());
            // A full sync publishes a new version and says so.
            assertEquals(0, run("package", "measure", "add", "--workspace", ws, "--package", "示例市方案", "--name", "散煤替代",
                    "--type", "structural").status());
            assertEquals(0, run("package", "freeze", "--workspace", ws, "--package", "示例市方案").status());
            SyncCommandTest.Run sync = run("--lang", "en", "sync", "--workspace", ws);
            assertEquals(0, sync.status(), sync.err());
            assertTrue(sync.out().contains("\"示例市方案\" version 3 published to the platform"), sync.out());
            server.store().close();
        }
        SyncCommandTest.Run ok = run("--lang", "en", "platform", "admin", "verify-package", "--data", data, "--package", packageId,
                "--version", "2");
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().startsWith("Verified: package " + packageId + " version 2"), ok.out());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(data).resolve("platform-store.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE package_version SET manifest = replace(manifest, '示例市方案', '他市方案')");
        }
        SyncCommandTest.Run bad = run("--lang", "en", "platform", "admin", "verify-package", "--data", data, "--package", packageId,
                "--version", "2");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("manifest.json"), bad.err());
    }
}
