package cn.ecoaid.ui.sites;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.util.Dialogs;
import java.io.File;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The site table with an add form, inline editing, undo/redo, import and export. */
public final class SitesView {
    private final SitesViewModel vm;
    private final VBox root;

    public SitesView(SitesViewModel vm) {
        this.vm = vm;
        Label title = new Label(Messages.get("nav.SITES"));
        title.getStyleClass().add("page-title");
        root = new VBox(10, title, form(), toolbar(), message(), table());
        VBox.setVgrow(root.getChildren().get(4), Priority.ALWAYS);
        root.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.undo();
            } else if (new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.redo();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private HBox form() {
        TextField code = text("site-code", Messages.get("sites.field.code"), 8);
        code.textProperty().bindBidirectional(vm.codeProperty());
        TextField name = text("site-name", Messages.get("sites.field.name"), 14);
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<SiteType> type = new ComboBox<>();
        type.setId("site-type");
        type.getItems().setAll(SiteType.values());
        type.setConverter(typeConverter());
        type.valueProperty().bindBidirectional(vm.typeProperty());
        TextField lon = text("site-longitude", Messages.get("sites.field.longitude"), 8);
        lon.textProperty().bindBidirectional(vm.longitudeProperty());
        TextField lat = text("site-latitude", Messages.get("sites.field.latitude"), 8);
        lat.textProperty().bindBidirectional(vm.latitudeProperty());
        Button add = new Button(Messages.get("sites.add"));
        add.setId("site-add");
        add.setDefaultButton(true);
        add.setOnAction(e -> vm.addFromForm());
        HBox box = new HBox(8, code, name, type, lon, lat, add);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private HBox toolbar() {
        Button undo = new Button(Messages.get("sites.undo"));
        undo.setId("undo");
        undo.disableProperty().bind(vm.undoManager().canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button(Messages.get("sites.redo"));
        redo.setId("redo");
        redo.disableProperty().bind(vm.undoManager().canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        Button delete = new Button(Messages.get("sites.delete"));
        delete.setId("site-delete");
        delete.setOnAction(e -> {
            Site selected = tableView == null ? null : tableView.getSelectionModel().getSelectedItem();
            if (selected != null) {
                vm.delete(selected);
            }
        });
        Button importButton = new Button(Messages.get("sites.import"));
        importButton.setId("site-import");
        importButton.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("sites.import"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("sites.fileType"), "*.csv", "*.xlsx"));
            File f = chooser.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.importFile(f.toPath(), false, error -> onImportFailure(f, error));
            }
        });
        Button export = new Button(Messages.get("sites.export"));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("sites.export"));
            chooser.setInitialFileName("sites.xlsx");
            File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath(), error -> Dialogs.showError(root.getScene().getWindow(), error));
            }
        });
        return new HBox(8, undo, redo, delete, importButton, export);
    }

    /** Bad rows: list them, and offer to import the valid rows only. */
    private void onImportFailure(File f, Throwable error) {
        if (!(error instanceof ImportRejectedException rejected)) {
            Dialogs.showError(root.getScene().getWindow(), error);
            return;
        }
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(Messages.get("sites.import"));
        alert.setHeaderText(Messages.get("error.import.rejected", rejected.problems().size()));
        alert.getDialogPane().setContent(Dialogs.problemList(rejected.problems()));
        ButtonType validOnly = new ButtonType(Messages.get("sites.importValidOnly"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("sites.importCancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(validOnly, cancel);
        alert.showAndWait().filter(b -> b == validOnly)
                .ifPresent(b -> vm.importFile(f.toPath(), true, e -> Dialogs.showError(root.getScene().getWindow(), e)));
    }

    private Label message() {
        Label m = new Label();
        m.setId("site-message");
        m.setWrapText(true);
        m.getStyleClass().add("error-text");
        m.textProperty().bind(vm.messageProperty());
        return m;
    }

    private TableView<Site> tableView;

    private TableView<Site> table() {
        TableView<Site> table = new TableView<>(vm.sites());
        tableView = table;
        table.setId("site-table");
        table.setEditable(true);
        table.setPlaceholder(new Label(Messages.get("sites.empty")));
        table.getColumns().add(textColumn("sites.field.code", Site::code, Site::withCode));
        table.getColumns().add(textColumn("sites.field.name", Site::name, Site::withName));
        TableColumn<Site, SiteType> type = new TableColumn<>(Messages.get("sites.field.type"));
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().type()));
        type.setCellFactory(ComboBoxTableCell.forTableColumn(typeConverter(), SiteType.values()));
        type.setOnEditCommit(e -> vm.edit(e.getRowValue(), e.getRowValue().withType(e.getNewValue())));
        type.setPrefWidth(140);
        table.getColumns().add(type);
        table.getColumns().add(numberColumn("sites.field.longitude", Site::longitude, (s, v) -> s.withCoordinates(v, s.latitude())));
        table.getColumns().add(numberColumn("sites.field.latitude", Site::latitude, (s, v) -> s.withCoordinates(s.longitude(), v)));
        table.getColumns().add(textColumn("sites.field.adminCode", Site::adminCode, Site::withAdminCode));
        TableColumn<Site, String> crs = new TableColumn<>(Messages.get("sites.field.crs"));
        crs.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().crs().name()));
        table.getColumns().add(crs);
        return table;
    }

    private TableColumn<Site, String> textColumn(String key, Function<Site, String> getter, BiFunction<Site, String, Site> setter) {
        TableColumn<Site, String> col = new TableColumn<>(Messages.get(key));
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(getter.apply(c.getValue())));
        col.setCellFactory(TextFieldTableCell.forTableColumn());
        col.setOnEditCommit(e -> vm.edit(e.getRowValue(), setter.apply(e.getRowValue(), e.getNewValue())));
        col.setPrefWidth(140);
        return col;
    }

    private TableColumn<Site, String> numberColumn(String key, Function<Site, Double> getter, BiFunction<Site, Double, Site> setter) {
        TableColumn<Site, String> col = new TableColumn<>(Messages.get(key));
        col.setCellValueFactory(c -> {
            Double v = getter.apply(c.getValue());
            return new ReadOnlyStringWrapper(v == null ? "" : v.toString());
        });
        col.setCellFactory(TextFieldTableCell.forTableColumn());
        col.setOnEditCommit(e -> {
            String text = e.getNewValue() == null ? "" : e.getNewValue().strip();
            try {
                vm.edit(e.getRowValue(), setter.apply(e.getRowValue(), text.isEmpty() ? null : Double.valueOf(text)));
            } catch (NumberFormatException ex) {
                vm.messageProperty().set(Messages.get(key) + "：" + Messages.get("site.import.notANumber", text));
                vm.reload();
            }
        });
        return col;
    }

    private static TextField text(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static StringConverter<SiteType> typeConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(SiteType t) {
                return t == null ? "" : Messages.get("site.type." + t.name());
            }

            @Override
            public SiteType fromString(String s) {
                for (SiteType t : SiteType.values()) {
                    if (toString(t).equals(s)) {
                        return t;
                    }
                }
                return null;
            }
        };
    }
}
