package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.EnrolmentCode;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lead's QR code carries the platform address and the one-time code; `sync enrol --qr` enrols with it alone. */
class EnrolByQrTest {
    @TempDir
    Path dir;

    @Test
    void enrolFromAQrCodeImage() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            String code = h.code(h.user("扫码成员", Dto.Role.MEMBER, h.teamA));
            Path png = dir.resolve("enrol.png");
            new EnrolmentCode(h.uri, code).writeQr(png, 300);
            Path file;
            try (Workspace ws = Workspace.create(dir.resolve("m.ecoaid"), TestWorkspaces.sampleProject(), TestWorkspaces.CLOCK, "m")) {
                file = ws.file();
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = cn.ecoaid.cli.Main.run(new PrintWriter(out), new PrintWriter(err), "--lang", "en", "sync", "enrol",
                    "--workspace", file.toString(), "--qr", png.toString(), "--name", "扫码设备");
            assertEquals(0, status, err.toString());
            try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "m")) {
                assertEquals(h.uri, SyncEngine.enrolledServer(ws).orElseThrow());
                assertTrue(new SyncEngine(ws, h.uri).status().enrolled());
            }
            // Used once: the same QR code cannot enrol a second workspace.
            Path second;
            try (Workspace ws = Workspace.create(dir.resolve("n.ecoaid"), TestWorkspaces.sampleProject(), TestWorkspaces.CLOCK, "n")) {
                second = ws.file();
            }
            assertEquals(1, cn.ecoaid.cli.Main.run(new PrintWriter(out), new PrintWriter(err), "--lang", "en", "sync", "enrol",
                    "--workspace", second.toString(), "--qr", png.toString()));
        }
    }
}
