package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.PmfResults;
import cn.ecoaid.ui.pmf.PmfChartsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts tab follows the shown model, the chosen chart and factors, and the confirmed names; export writes a PNG. */
class PmfChartsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void drawsTheChosenChartWithConfirmedNames() throws Exception {
        SimpleObjectProperty<PmfResults> results = new SimpleObjectProperty<>();
        ObservableList<String> names = FXCollections.observableArrayList();
        PmfChartsViewModel vm = new PmfChartsViewModel(results, names);
        assertNull(vm.chart());
        vm.export(dir.resolve("none.png"));
        assertEquals(Messages.get("pmf.charts.none"), vm.messageProperty().get());

        names.setAll("二次硫酸盐", "");
        results.set(RotationViewModelTest.model());
        assertNotNull(vm.imageProperty().get(), "drawn when a model is shown");
        assertEquals(java.util.List.of("二次硫酸盐", Messages.get("pmf.ui.factor", 2)), vm.names());
        assertEquals(Messages.get("pmf.charts.profileTitle", "二次硫酸盐"), vm.chart().getTitle().getText());
        vm.kindProperty().set(PmfChartsViewModel.Kind.GSPACE);
        vm.factorBProperty().set(2);
        assertEquals(Messages.get("pmf.charts.gspaceTitle", "二次硫酸盐", Messages.get("pmf.ui.factor", 2)),
                vm.chart().getTitle().getText());
        var points = vm.chart().getXYPlot().getDataset();
        double meanX = 0;
        for (int i = 0; i < points.getItemCount(0); i++) {
            meanX += points.getXValue(0, i) / points.getItemCount(0);
        }
        assertEquals(1.0, meanX, 1e-9, "normalised to mean 1");
        Path png = dir.resolve("g.png");
        vm.export(png);
        assertTrue(Files.size(png) > 5_000);
        assertEquals(Messages.get("pmf.charts.exported", png), vm.messageProperty().get());
    }
}
