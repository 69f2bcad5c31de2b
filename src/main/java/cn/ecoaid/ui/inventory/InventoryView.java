package cn.ecoaid.ui.inventory;

import cn.ecoaid.inventory.SavedInventory;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.util.ResultTables;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Inventory page: choose files, compute in the background, read and export the totals. */
public final class InventoryView {
    private final VBox root = new VBox(10);

    public InventoryView(InventoryViewModel vm) {
        Label title = new Label(Messages.get("nav.INVENTORY"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(Messages.get("inventory.ui.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint-text");

        Label activities = new Label();
        activities.setId("inventory-activities");
        activities.textProperty().bind(fileName(vm.activitiesProperty()));
        Button chooseActivities = new Button(Messages.get("inventory.ui.chooseActivities"));
        chooseActivities.setOnAction(e -> choose(vm.activitiesProperty().get()).ifPresent(vm.activitiesProperty()::set));
        Label factors = new Label();
        factors.textProperty().bind(fileName(vm.factorsProperty()));
        Button chooseFactors = new Button(Messages.get("inventory.ui.chooseFactors"));
        chooseFactors.setOnAction(e -> choose(vm.factorsProperty().get()).ifPresent(vm.factorsProperty()::set));

        ChoiceBox<String> grouping = new ChoiceBox<>();
        grouping.setId("inventory-grouping");
        grouping.getItems().setAll(InventoryViewModel.GROUPINGS);
        grouping.setConverter(new StringConverter<>() {
            @Override
            public String toString(String spec) {
                return spec == null ? "" : String.join(" × ", java.util.Arrays.stream(spec.split(","))
                        .map(h -> InventoryViewModel.columnTitle(h.equals("category") ? "category" : h)).toList());
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        grouping.valueProperty().bindBidirectional(vm.groupingProperty());
        Button compute = new Button(Messages.get("inventory.ui.compute"));
        compute.setId("inventory-compute");
        compute.setDefaultButton(true);
        compute.setOnAction(e -> vm.compute());
        Button export = new Button(Messages.get("inventory.ui.export"));
        export.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName("inventory-totals.xlsx");
            File f = c.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath());
            }
        });
        Label message = new Label();
        message.setId("inventory-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        TableView<List<String>> table = ResultTables.create("inventory-table", vm.headers(), vm.rows(),
                Messages.get("inventory.ui.empty"));
        vm.headers().addListener((ListChangeListener<String>) c -> ResultTables.setHeaders(table, vm.headers()));

        ComboBox<SavedInventory> saved = new ComboBox<>(vm.saved());
        saved.setId("inventory-saved");
        saved.setPromptText(Messages.get("inventory.ui.savedPrompt"));
        saved.setConverter(new StringConverter<>() {
            @Override
            public String toString(SavedInventory inv) {
                return inv == null ? "" : inv.name() + " (" + inv.year() + ")";
            }

            @Override
            public SavedInventory fromString(String s) {
                return null;
            }
        });
        Button open = new Button(Messages.get("inventory.ui.open"));
        open.setId("inventory-open");
        open.disableProperty().bind(saved.valueProperty().isNull());
        open.setOnAction(e -> vm.open(saved.getValue()));
        TextField name = new TextField();
        name.setId("inventory-save-name");
        name.setPromptText(Messages.get("inventory.ui.saveName"));
        name.textProperty().bindBidirectional(vm.saveNameProperty());
        TextField year = new TextField();
        year.setId("inventory-save-year");
        year.setPrefColumnCount(5);
        year.setPromptText(Messages.get("inventory.ui.saveYear"));
        year.textProperty().bindBidirectional(vm.saveYearProperty());
        Button save = new Button(Messages.get("inventory.ui.save"));
        save.setId("inventory-save");
        save.setOnAction(e -> vm.save());
        HBox keep = row(new Label(Messages.get("inventory.ui.kept")), saved, open, new Label("  "), name, year, save);

        HBox files1 = row(chooseActivities, activities);
        HBox files2 = row(chooseFactors, factors);
        HBox actions = row(new Label(Messages.get("inventory.ui.groupBy")), grouping, compute, export);
        root.getChildren().setAll(title, intro, keep, files1, files2, actions, message, table);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private static javafx.beans.binding.StringBinding fileName(javafx.beans.property.ObjectProperty<Path> file) {
        return javafx.beans.binding.Bindings.createStringBinding(
                () -> file.get() == null ? Messages.get("inventory.ui.noFile") : file.get().toString(), file);
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private java.util.Optional<Path> choose(Path current) {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("sites.fileType"), "*.csv", "*.xlsx"));
        if (current != null && current.getParent() != null) {
            c.setInitialDirectory(current.getParent().toFile());
        }
        File f = c.showOpenDialog(root.getScene().getWindow());
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.toPath());
    }

    public Parent root() {
        return root;
    }
}
