package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.pmf.PmfView;
import cn.ecoaid.ui.pmf.PmfViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** The PMF page keeps the shown run with "保存运行" and opens it again from "保存的运行" (one short TestFX test). */
class PmfKeptRunsViewTest extends ApplicationTest {
    static final Path PMF = Path.of("sample-data/project/pmf");
    Workspace ws;
    PmfViewModel vm;

    @Override
    public void start(Stage stage) throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        ws = TestWorkspaces.create(Files.createTempDirectory("pmf-view"));
        vm = new PmfViewModel(new ImmediateUiExecutor(), ws.pmf());
        stage.setScene(new Scene(new PmfView(vm).root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void savesTheRunAndOpensItFromTheKeptRunsTab() {
        interact(() -> {
            vm.concProperty().set(PMF.resolve("pm25-conc.csv"));
            vm.speciesTableProperty().set(PMF.resolve("pm25-species.csv"));
            vm.load();
            vm.modelsProperty().set(2);
            vm.run();
        });
        clickOn("#pmf-run-name").write("夏季");
        clickOn("#pmf-save-run");
        assertEquals("已保存运行“夏季”（2 个模型），含数据、参数与种子", vm.messageProperty().get());
        TabPane tabs = lookup("#pmf-tabs").queryAs(TabPane.class);
        assertEquals("保存的运行", tabs.getTabs().get(2).getText());
        interact(() -> tabs.getSelectionModel().select(2));
        TableView<List<String>> kept = lookup("#pmf-kept").queryAs(TableView.class);
        assertEquals(1, kept.getItems().size());
        assertEquals("夏季", kept.getItems().get(0).get(0));
        interact(() -> kept.getSelectionModel().select(0));
        clickOn("#pmf-open-run");
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "the opened run is shown on the factors tab");
        assertEquals("夏季", vm.openedRunProperty().get().name());
    }
}
