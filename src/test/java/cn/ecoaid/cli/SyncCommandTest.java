package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.platform.PlatformMain;
import cn.ecoaid.platform.PlatformServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform admin commands and {@code sync enrol / sync / sync status} end to end, with a server on loopback. */
class SyncCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @org.junit.jupiter.api.AfterEach
    void resetLanguage() {
        cn.ecoaid.l10n.Messages.setCurrent(cn.ecoaid.l10n.Messages.CHINESE);
    }

    private static String id(Run r) {
        assertEquals(0, r.status(), r.err());
        return r.out().split("\\s+")[2];
    }

    @Test
    void adminEnrolSyncAndStatus() {
        String data = dir.resolve("platform").toString();
        String province = id(run("--lang", "en", "platform", "admin", "create-province", "--data", data, "示例省"));
        String team = id(run("--lang", "en", "platform", "admin", "create-team", "--data", data, "--province", province, "甲组"));
        String user = id(run("--lang", "en", "platform", "admin", "create-user", "--data", data, "--role", "MEMBER", "--team", team, "张三"));
        Run code = run("--lang", "en", "platform", "admin", "issue-code", "--data", data, "--user", user, "--hours", "1");
        String c = code.out().split("\\s+")[2];
        assertEquals(1, run("platform", "admin", "create-team", "--data", data, "--province", "nope", "x").status());

        Path ws = dir.resolve("w.ecoaid");
        assertEquals(0, run("workspace", "init", ws.toString(), "--city-code", "110100", "--city-name", "示例市", "--name", "x").status());
        try (PlatformServer server = PlatformMain.serve(Path.of(data), null, PlatformServer.Config.defaults(0))) {
            String url = "http://127.0.0.1:" + server.port();
            Run notEnrolled = run("--lang", "en", "sync", "--workspace", ws.toString());
            assertEquals(1, notEnrolled.status());
            assertTrue(notEnrolled.err().contains("not enrolled"), notEnrolled.err());
            Run enrol = run("--lang", "en", "sync", "enrol", "--workspace", ws.toString(), "--server", url, "--code", c, "--name", "laptop");
            assertEquals(0, enrol.status(), enrol.err());
            assertTrue(enrol.out().contains("MEMBER"));
            Run again = run("--lang", "en", "sync", "enrol", "--workspace", ws.toString(), "--server", url, "--code", c);
            assertEquals(1, again.status());
            assertTrue(again.err().contains("CODE_INVALID"), again.err());
            Run sync = run("--lang", "en", "sync", "--workspace", ws.toString());
            assertEquals(0, sync.status(), sync.err());
            assertTrue(sync.out().startsWith("Sync done: sent 1 (accepted 1"), sync.out());
            Run status = run("--lang", "en", "sync", "status", "--workspace", ws.toString());
            assertTrue(status.out().contains("waiting: 0") && status.out().contains("ACKED=1"), status.out());
            assertEquals(0, run("sync", "conflicts", "--workspace", ws.toString()).status());
            server.store().close();
        }
        Run audit = run("--lang", "en", "platform", "admin", "verify-audit", "--data", data);
        assertEquals(0, audit.status(), audit.err());
        assertTrue(audit.out().contains("hash chain intact"));
    }
}
