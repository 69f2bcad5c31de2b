package cn.ecoaid.ui.overview;

import cn.ecoaid.l10n.Messages;
import javafx.beans.property.StringProperty;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Project overview page. */
public final class OverviewView {
    private final VBox root;

    public OverviewView(OverviewViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("page-title");
        title.textProperty().bind(vm.projectProperty());
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        row(grid, 0, "overview.city", vm.cityProperty(), "overview-city");
        row(grid, 1, "overview.period", vm.periodProperty(), "overview-period");
        row(grid, 2, "overview.team", vm.teamProperty(), "overview-team");
        row(grid, 3, "overview.counts", vm.countsProperty(), "overview-counts");
        row(grid, 4, "overview.lastChange", vm.lastChangeProperty(), "overview-last-change");
        row(grid, 5, "overview.lastSync", vm.lastSyncProperty(), "overview-last-sync");
        root = new VBox(16, title, grid);
    }

    private static void row(GridPane grid, int r, String key, StringProperty value, String id) {
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.textProperty().bind(value);
        grid.addRow(r, new Label(Messages.get(key)), v);
    }

    public Parent root() {
        return root;
    }
}
