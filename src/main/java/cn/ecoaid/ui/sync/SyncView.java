package cn.ecoaid.ui.sync;

import cn.ecoaid.l10n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import java.util.function.Function;

/** Sync page: address and enrolment, status, "sync now", history, and the conflicts list for team leads. */
public final class SyncView {
    private final VBox root = new VBox(10);

    public SyncView(SyncViewModel vm) {
        Label title = new Label(Messages.get("nav.SYNC"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(Messages.get("sync.ui.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint-text");

        TextField server = new TextField();
        server.setId("sync-server");
        server.setPromptText("https://platform.example.cn");
        server.textProperty().bindBidirectional(vm.serverProperty());
        TextField code = new TextField();
        code.setId("sync-code");
        code.textProperty().bindBidirectional(vm.codeProperty());
        TextField name = new TextField();
        name.textProperty().bindBidirectional(vm.deviceNameProperty());
        TextField ca = new TextField();
        ca.setId("sync-ca");
        ca.setPromptText(Messages.get("sync.ui.caPrompt"));
        ca.textProperty().bindBidirectional(vm.caCertPathProperty());
        Button chooseCa = new Button(Messages.get("sync.ui.chooseCa"));
        chooseCa.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt", "*.cer"));
            java.io.File f = fc.showOpenDialog(chooseCa.getScene().getWindow());
            if (f != null) {
                vm.caCertPathProperty().set(f.getAbsolutePath());
            }
        });
        Button readQr = new Button(Messages.get("sync.ui.readQr"));
        readQr.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(Messages.get("sync.ui.qrImages"),
                    "*.png", "*.jpg", "*.jpeg"));
            java.io.File f = fc.showOpenDialog(readQr.getScene().getWindow());
            if (f != null) {
                vm.readQr(f.toPath());
            }
        });
        Button enrol = new Button(Messages.get("sync.ui.enrol"));
        enrol.setId("sync-enrol");
        enrol.setOnAction(e -> vm.enrol());
        Button syncNow = new Button(Messages.get("sync.ui.syncNow"));
        syncNow.setId("sync-now");
        syncNow.setDefaultButton(true);
        syncNow.disableProperty().bind(vm.enrolledProperty().not());
        syncNow.setOnAction(e -> vm.syncNow());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int r = 0;
        form.addRow(r++, new Label(Messages.get("sync.ui.server")), server);
        form.addRow(r++, new Label(Messages.get("sync.ui.code")), code, enrol, readQr);
        form.addRow(r++, new Label(Messages.get("sync.ui.deviceName")), name);
        form.addRow(r++, new Label(Messages.get("sync.ui.caCert")), ca, chooseCa);
        form.addRow(r++, new Label(Messages.get("sync.ui.state")), bound("sync-state", vm.stateProperty()));
        form.addRow(r++, new Label(Messages.get("sync.ui.pending")), bound("sync-pending", vm.pendingProperty()));
        form.addRow(r++, new Label(Messages.get("sync.ui.lastSync")), bound("sync-last", vm.lastSyncProperty()));
        form.addRow(r, new Label(Messages.get("sync.ui.lastError")), bound("sync-error", vm.lastErrorProperty()));
        GridPane.setHgrow(server, Priority.ALWAYS);

        Label message = bound("sync-message", vm.messageProperty());
        message.setWrapText(true);

        ListView<String> history = new ListView<>(vm.history());
        history.setPrefHeight(120);

        TableView<SyncViewModel.ConflictRow> conflicts = new TableView<>(vm.conflicts());
        conflicts.setId("sync-conflicts");
        conflicts.setPlaceholder(new Label(Messages.get("sync.ui.noConflicts")));
        conflicts.getColumns().add(column("sync.ui.col.record", row -> row.entity() + " " + row.entityId().substring(0, 8)));
        conflicts.getColumns().add(column("sync.ui.col.field", SyncViewModel.ConflictRow::field));
        conflicts.getColumns().add(column("sync.ui.col.base", SyncViewModel.ConflictRow::base));
        conflicts.getColumns().add(column("sync.ui.col.mine", SyncViewModel.ConflictRow::mine));
        conflicts.getColumns().add(column("sync.ui.col.theirs", SyncViewModel.ConflictRow::theirs));
        Button takeMine = new Button(Messages.get("sync.ui.takeMine"));
        Button keepTheirs = new Button(Messages.get("sync.ui.keepTheirs"));
        Button reload = new Button(Messages.get("sync.ui.reloadConflicts"));
        takeMine.disableProperty().bind(Bindings.isNull(conflicts.getSelectionModel().selectedItemProperty()));
        keepTheirs.disableProperty().bind(Bindings.isNull(conflicts.getSelectionModel().selectedItemProperty()));
        takeMine.setOnAction(e -> vm.resolve(conflicts.getSelectionModel().getSelectedItem(), true));
        keepTheirs.setOnAction(e -> vm.resolve(conflicts.getSelectionModel().getSelectedItem(), false));
        reload.setOnAction(e -> vm.loadConflicts());
        Label conflictsTitle = new Label(Messages.get("sync.ui.conflicts"));
        conflictsTitle.getStyleClass().add("section-title");
        ListView<String> versions = new ListView<>(vm.recordVersions());
        versions.setId("sync-record-versions");
        versions.setPrefHeight(120);
        versions.setPlaceholder(new Label(Messages.get("sync.ui.versionsHint")));
        conflicts.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.loadVersions(b);
            }
        });
        VBox leadBox = new VBox(6, conflictsTitle, conflicts, row(reload, takeMine, keepTheirs),
                new Label(Messages.get("sync.ui.versions")), versions);
        leadBox.visibleProperty().bind(vm.leadProperty());
        leadBox.managedProperty().bind(vm.leadProperty());
        VBox.setVgrow(conflicts, Priority.ALWAYS);

        root.getChildren().setAll(title, intro, form, row(syncNow), message, new Label(Messages.get("sync.ui.history")), history,
                leadBox);
        VBox.setVgrow(leadBox, Priority.ALWAYS);
        if (vm.leadProperty().get() && vm.enrolledProperty().get()) {
            vm.loadConflicts();
        }
    }

    private static Label bound(String id, javafx.beans.property.StringProperty p) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(p);
        return l;
    }

    private static TableColumn<SyncViewModel.ConflictRow, String> column(String key,
            Function<SyncViewModel.ConflictRow, String> value) {
        TableColumn<SyncViewModel.ConflictRow, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(140);
        return c;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    public Parent root() {
        return root;
    }
}
