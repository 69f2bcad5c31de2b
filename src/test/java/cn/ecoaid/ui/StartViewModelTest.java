package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.start.StartViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theSampleProjectIsBuiltOnceThenOpened() {
        Messages.setCurrent(Messages.CHINESE);
        InMemoryUserSettings settings = new InMemoryUserSettings(dir);
        List<Workspace> opened = new ArrayList<>();
        StartViewModel vm = new StartViewModel(settings, new ImmediateUiExecutor(), TestWorkspaces.CLOCK, "t", opened::add);
        vm.openSample();
        assertEquals(1, opened.size(), vm.messageProperty().get());
        Workspace first = opened.get(0);
        assertNotNull(first);
        assertEquals("示例市", first.project().cityName());
        assertEquals(28, first.sites().count());
        first.close();
        assertTrue(Files.exists(vm.sampleFile()));
        assertEquals(List.of(vm.sampleFile()), settings.recentWorkspaces());
        // the second time it opens what is there (with the user's changes), it does not rebuild
        try (Workspace ws = Workspace.open(vm.sampleFile(), TestWorkspaces.CLOCK, "t")) {
            ws.sites().delete(ws.sites().findByCode("SL-S03").orElseThrow().id());
        }
        vm.openSample();
        assertEquals(2, opened.size());
        assertEquals(27, opened.get(1).sites().count());
        opened.get(1).close();
    }
}
