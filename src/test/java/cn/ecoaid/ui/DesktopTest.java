package cn.ecoaid.ui;

import cn.ecoaid.ui.util.ImmediateUiExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.store.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, driven headlessly (Monocle): create a workspace, add a site, undo it, switch language. */
class DesktopTest extends ApplicationTest {
    @TempDir
    static Path dir;
    Shell shell;
    InMemoryUserSettings settings;

    @Override
    public void start(Stage stage) {
        settings = new InMemoryUserSettings(dir);
        shell = new Shell(stage, settings, new ImmediateUiExecutor(), TestWorkspaces.CLOCK, "tester");
        shell.showStart();
        stage.show();
    }

    @AfterEach
    void resetLanguage() {
        Messages.setCurrent(Messages.CHINESE);
    }

    @Test
    void createWorkspaceAddSiteUndoAndReopen() {
        clickOn("#start-city-code").write("110100");
        clickOn("#start-city-name").write("示例市");
        clickOn("#start-project-name").write("驻点研究");
        clickOn("#start-create");
        Workspace ws = shell.workspace();
        assertTrue(ws != null, () -> "workspace opened: " + lookup("#start-message").queryAs(Label.class).getText());
        Path file = ws.file();
        assertTrue(Files.exists(file));
        assertEquals(List.of(file), settings.recentWorkspaces());

        clickOn("#nav-sites");
        clickOn("#site-code").write("1001A");
        clickOn("#site-name").write("一号站");
        clickOn("#site-longitude").write("116.40");
        clickOn("#site-latitude").write("39.90");
        clickOn("#site-add");
        TableView<?> table = lookup("#site-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        assertEquals(1, ws.sites().count());

        clickOn("#undo");
        assertEquals(0, table.getItems().size());
        assertEquals(0, ws.sites().count());
        clickOn("#redo");
        assertEquals(1, ws.sites().count());

        // an invalid site is explained inline, nothing stored
        clickOn("#site-code").write("1002A");
        clickOn("#site-name").write("坏站");
        clickOn("#site-longitude").write("190");
        clickOn("#site-latitude").write("39");
        clickOn("#site-add");
        assertEquals("经度：坐标 190 超出有效范围（-180 至 180）", lookup("#site-message").queryAs(Label.class).getText());
        assertEquals(1, ws.sites().count());

        // close and reopen from the recent list: the site is still there
        interact(() -> shell.showStart());
        ListView<?> recent = lookup("#start-recent").queryAs(ListView.class);
        assertEquals(1, recent.getItems().size());
        javafx.scene.Node firstCell = lookup("#start-recent .list-cell").nth(0).query();
        doubleClickOn(firstCell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, shell.workspace().sites().count());
    }

    @Test
    void switchingLanguageRebuildsTheWindowInEnglish() {
        interact(() -> shell.showWorkspace(TestWorkspaces.create(dir.resolve("lang-" + System.nanoTime()))));
        clickOn("#menu-workspace");
        clickOn("#menu-preferences");
        clickOn("#prefs-language");
        clickOn("English");
        clickOn("#prefs-apply");
        assertEquals(Messages.ENGLISH, settings.language(), "the choice is remembered");
        clickOn("#nav-sites");
        assertEquals("Sites", lookup("#nav-sites").queryLabeled().getText());
        assertEquals("Add", lookup("#site-add").queryButton().getText());
        assertTrue(lookup("#status-sync").queryAs(Label.class).getText().startsWith("Offline"));
    }

    @Test
    void everySectionOpensItsPage() {
        interact(() -> shell.showWorkspace(TestWorkspaces.create(dir.resolve("pages-" + System.nanoTime()))));
        String[][] pages = {{"#nav-air", "#air-import"}, {"#nav-water", "#water-classify"}, {"#nav-map", "#map-canvas"},
            {"#nav-solution", "#solution-packages"}, {"#nav-sync", "#sync-server"}, {"#nav-inventory", "#inventory-compute"}};
        for (String[] p : pages) {
            clickOn(p[0]);
            assertTrue(lookup(p[1]).tryQuery().isPresent(), p[0] + " shows " + p[1]);
        }
    }
}
