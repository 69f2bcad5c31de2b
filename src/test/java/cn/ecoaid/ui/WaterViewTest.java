package cn.ecoaid.ui;

import cn.ecoaid.ui.util.ImmediateUiExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.water.WaterView;
import cn.ecoaid.ui.water.WaterViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** The water page builds headlessly and shows what its view model computes (one short TestFX test). */
class WaterViewTest extends ApplicationTest {
    WaterViewModel vm;

    @Override
    public void start(Stage stage) {
        Messages.setCurrent(Messages.CHINESE);
        vm = new WaterViewModel(new ImmediateUiExecutor(), null);
        stage.setScene(new Scene(new WaterView(vm).root(), 1000, 700));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void classifyButtonFillsTheSectionTable() {
        interact(() -> vm.measurementsProperty().set(Path.of("sample-data/examples/water/wq-river-season.csv")));
        clickOn("#water-classify");
        TableView<List<String>> table = lookup("#water-classes").queryAs(TableView.class);
        assertEquals(18, table.getItems().size());
        assertEquals("水质类别", table.getColumns().get(3).getText());
        javafx.scene.chart.StackedBarChart<String, Number> chart = lookup("#water-class-chart").queryAs(javafx.scene.chart.StackedBarChart.class);
        assertEquals(6, chart.getData().size()); // I … 劣V
        assertEquals(3, chart.getData().get(0).getData().size()); // three campaigns
    }
}
