package cn.ecoaid.ui;

import cn.ecoaid.ui.util.ImmediateUiExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.platform.PlatformServer;
import cn.ecoaid.platform.PlatformStore;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.sync.SyncViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync page's view model against a real platform on loopback: enrol, sync, see and resolve a conflict as the lead. */
class SyncViewModelTest {
    static final cn.ecoaid.sync.SyncEngine.Options FAST = cn.ecoaid.sync.SyncEngine.Options.defaults()
            .withAttempts(2, Duration.ofMillis(10)).withTimeout(Duration.ofSeconds(5));

    @TempDir
    Path dir;
    PlatformStore store;
    PlatformServer server;
    String team;
    String url;

    @BeforeEach
    void start() throws Exception {
        Messages.setCurrent(Locale.ENGLISH);
        store = PlatformStore.open("jdbc:sqlite:" + dir.resolve("p.db"), Clock.systemUTC());
        Files.createDirectories(dir.resolve("p"));
        server = new PlatformServer(store, dir.resolve("p"), PlatformServer.Config.defaults(0));
        url = "http://127.0.0.1:" + server.start();
        team = store.createTeam(store.createProvince("省"), "组");
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
        Messages.setCurrent(Messages.CHINESE);
    }

    private SyncViewModel enrolled(Workspace ws, Dto.Role role, AtomicInteger changes) {
        SyncViewModel vm = new SyncViewModel(ws, new ImmediateUiExecutor(), changes::incrementAndGet, FAST);
        vm.serverProperty().set(url);
        vm.codeProperty().set(store.issueCode(store.createUser("u", role, team, null), Duration.ofHours(1), "t"));
        vm.enrol();
        return vm;
    }

    @Test
    void enrolSyncAndResolveAsLead() {
        AtomicInteger changes = new AtomicInteger();
        try (Workspace a = Workspace.create(dir.resolve("a.ecoaid"), TestWorkspaces.sampleProject(), Clock.systemUTC(), "a");
             Workspace b = Workspace.create(dir.resolve("b.ecoaid"), TestWorkspaces.sampleProject(), Clock.systemUTC(), "b")) {
            SyncViewModel member = new SyncViewModel(a, new ImmediateUiExecutor(), changes::incrementAndGet, FAST);
            assertFalse(member.enrolledProperty().get());
            assertEquals(Messages.get("sync.ui.never"), member.lastSyncProperty().get());
            AtomicInteger started = new AtomicInteger();
            member.setOnEnrolled(started::incrementAndGet);
            member.enrol();
            assertEquals(Messages.get("sync.ui.needServerAndCode"), member.messageProperty().get());
            assertEquals(0, started.get(), "no background sync without enrolment");
            member.serverProperty().set(url);
            member.codeProperty().set(store.issueCode(store.createUser("u0", Dto.Role.MEMBER, team, null), Duration.ofHours(1), "t"));
            java.nio.file.Path qr = dir.resolve("code.png");
            new cn.ecoaid.protocol.EnrolmentCode(java.net.URI.create("https://平台.example.cn"), "QR-CODE-1").writeQr(qr, 300);
            member.readQr(qr);
            assertEquals("QR-CODE-1", member.codeProperty().get());
            assertEquals("https://平台.example.cn", member.serverProperty().get());
            assertEquals(Messages.get("sync.ui.qrRead", "code.png"), member.messageProperty().get());
            member.serverProperty().set(url);
            member.codeProperty().set(store.issueCode(store.createUser("u1", Dto.Role.MEMBER, team, null), Duration.ofHours(1), "t"));
            String missing = dir.resolve("no-such-ca.pem").toString();
            member.caCertPathProperty().set(missing);
            member.enrol();
            assertEquals(Messages.get("sync.ui.caUnreadable", missing), member.messageProperty().get());
            assertFalse(member.enrolledProperty().get());
            member.caCertPathProperty().set("");
            member.enrol();
            assertEquals(1, started.get(), "enrolment starts background sync");

            member = new SyncViewModel(a, new ImmediateUiExecutor(), changes::incrementAndGet, FAST);
            assertTrue(member.enrolledProperty().get(), member.messageProperty().get());
            assertFalse(member.leadProperty().get());
            SyncViewModel lead = enrolled(b, Dto.Role.TEAM_LEAD, changes);
            assertTrue(lead.leadProperty().get());

            Site s = Site.create("S1", "一号站", SiteType.AIR_STATION, 116.0, 39.0);
            a.sites().add(s);
            member.refresh();
            assertEquals(Messages.get("sync.ui.pendingValue", 3), member.pendingProperty().get(), "project, member, site");
            member.syncNow();
            assertEquals(Messages.get("sync.ui.pendingValue", 0), member.pendingProperty().get());
            assertFalse(member.lastSyncProperty().get().equals(Messages.get("sync.ui.never")), "confirmed by the server");
            lead.syncNow();
            b.sites().update(b.sites().get(s.id()).orElseThrow().withName("组长改"));
            a.sites().update(a.sites().get(s.id()).orElseThrow().withName("成员改"));
            lead.syncNow();
            member.syncNow();
            lead.loadConflicts();
            assertEquals(1, lead.conflicts().size());
            SyncViewModel.ConflictRow row = lead.conflicts().get(0);
            assertEquals("name", row.field());
            assertEquals("一号站", row.base());
            assertEquals("成员改", row.mine());
            assertEquals("组长改", row.theirs());
            lead.loadVersions(row);
            assertEquals(3, lead.recordVersions().size(), "created, the lead's rename, the member's rename: " + lead.recordVersions());
            assertTrue(lead.recordVersions().get(0).contains("name = 一号站"), lead.recordVersions().get(0));
            assertTrue(lead.recordVersions().get(1).contains("name = 组长改"), lead.recordVersions().get(1));
            lead.resolve(row, true);
            assertEquals(0, lead.conflicts().size());
            member.syncNow();
            assertEquals("成员改", a.sites().get(s.id()).orElseThrow().name());
            assertEquals("成员改", b.sites().get(s.id()).orElseThrow().name());
            assertTrue(member.history().size() >= 3);
            assertTrue(changes.get() > 0, "the status bar is refreshed");
        }
    }

    @Test
    void unreachablePlatformShowsTheErrorAndKeepsChangesWaiting() {
        try (Workspace a = Workspace.create(dir.resolve("a.ecoaid"), TestWorkspaces.sampleProject(), Clock.systemUTC(), "a")) {
            SyncViewModel vm = enrolled(a, Dto.Role.MEMBER, new AtomicInteger());
            server.close();
            a.sites().add(Site.create("S1", "一号站", SiteType.AIR_STATION, 116.0, 39.0));
            vm.syncNow();
            assertFalse(vm.lastErrorProperty().get().isEmpty());
            assertEquals(Messages.get("sync.ui.never"), vm.lastSyncProperty().get());
            assertEquals(Messages.get("sync.ui.pendingValue", 3), vm.pendingProperty().get());
        }
    }
}
