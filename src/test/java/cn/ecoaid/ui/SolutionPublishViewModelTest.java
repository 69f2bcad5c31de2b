package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.platform.PlatformServer;
import cn.ecoaid.platform.PlatformStore;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.solution.MeasureType;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.sync.SyncEngine;
import cn.ecoaid.ui.solution.SolutionViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The solution page's published state per version and its "发布到平台" action, against a platform on loopback. */
class SolutionPublishViewModelTest {
    @TempDir
    Path dir;

    @Test
    void versionsShowTheirPublishedStateAndPublishSendsThem() {
        try (PlatformStore store = PlatformStore.open("jdbc:sqlite:" + dir.resolve("p.db"), Clock.systemUTC());
             PlatformServer server = new PlatformServer(store, dir, PlatformServer.Config.defaults(0));
             Workspace ws = Workspace.create(dir.resolve("w.ecoaid"), TestWorkspaces.sampleProject(), Clock.systemUTC(), "lead")) {
            server.start();
            SolutionViewModel offline = SolutionViewModel.forWorkspace(ws, new ImmediateUiExecutor());
            assertFalse(offline.canPublish(), "no publishing before enrolment");

            String team = store.createTeam(store.createProvince("示例省"), "甲组");
            String lead = store.createUser("组长", Dto.Role.TEAM_LEAD, team, null);
            new SyncEngine(ws, java.net.URI.create("http://127.0.0.1:" + server.port()))
                    .enrol(store.issueCode(lead, Duration.ofHours(1), "test"), "lead");
            SolutionViewModel vm = SolutionViewModel.forWorkspace(ws, new ImmediateUiExecutor());
            assertTrue(vm.canPublish());
            vm.createPackage("示例市一市一策");
            assertTrue(vm.addMeasure("燃煤锅炉超低排放改造", MeasureType.ENGINEERING, "市生态环境局", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31), 5000.0, "PM2.5=120.5"));
            vm.freeze();
            assertEquals(Messages.get("solution.ui.pub.LOCAL"), vm.publishedState(vm.versions().get(0)));
            vm.publish();
            assertEquals(Messages.get("solution.ui.pub.PUBLISHED", 1), vm.messageProperty().get());
            assertEquals(Messages.get("solution.ui.pub.PUBLISHED", 1), vm.publishedState(vm.versions().get(0)));
            server.packages().verify(vm.selectedProperty().get().id(), 1);
            vm.publish();
            assertEquals(Messages.get("solution.ui.publishNothing"), vm.messageProperty().get());
        }
    }
}
