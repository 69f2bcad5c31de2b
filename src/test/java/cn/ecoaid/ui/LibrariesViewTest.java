package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.library.LibraryContent;
import cn.ecoaid.library.LibraryKind;
import cn.ecoaid.library.LibraryVersion;
import cn.ecoaid.store.SqliteLibraryRepository;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.libraries.LibrariesView;
import cn.ecoaid.ui.libraries.LibrariesViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** The reference-libraries page builds headlessly; the filter and the row details work (one short TestFX test). */
class LibrariesViewTest extends ApplicationTest {
    Workspace ws;

    @Override
    public void start(Stage stage) throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        ws = TestWorkspaces.create(Files.createTempDirectory("ecoaid-libraries-view"));
        LibraryContent c = LibraryContent.read(LibraryKind.TECHNOLOGY, Path.of("sample-data/libraries/technology-catalogue-sample.csv"));
        SqliteLibraryRepository.of(ws).apply(LibraryKind.TECHNOLOGY, List.of(new SqliteLibraryRepository.Incoming(
                new LibraryVersion(LibraryKind.TECHNOLOGY, 1, "示例目录", c.sha256(), "NATIONAL", "t.csv", c.rows().size(),
                        "2026-11-01T00:00:00Z", "admin", null), c)), 1);
        stage.setScene(new Scene(new LibrariesView(new LibrariesViewModel(ws, new ImmediateUiExecutor())).root(), 1100, 750));
        stage.show();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void filterAndDetails() {
        TableView<List<String>> table = lookup("#library-rows").queryAs(TableView.class);
        assertEquals(12, table.getItems().size());
        assertEquals("name", table.getColumns().get(0).getText());
        clickOn("#library-filter").write("脱硫");
        assertEquals(2, table.getItems().size());
        interact(() -> table.getSelectionModel().select(0));
        assertTrue(lookup("#library-details").queryAs(TextArea.class).getText().contains("efficiency_max_pct: 99"));
    }
}
