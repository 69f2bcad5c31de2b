package cn.ecoaid.ui.libraries;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.library.LibraryKind;
import cn.ecoaid.library.LibraryVersion;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Reference-libraries page: summary per kind, kind and version choice, filter, rows and the selected row's details. */
public final class LibrariesView {
    private final VBox root = new VBox(10);

    public LibrariesView(LibrariesViewModel vm) {
        Label title = new Label(Messages.get("nav.LIBRARIES"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(Messages.get("library.ui.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint-text");

        ListView<String> summary = new ListView<>(vm.summary());
        summary.setId("library-summary");
        summary.setPrefHeight(4 * 26 + 4);

        ComboBox<LibraryKind> kind = new ComboBox<>();
        kind.setId("library-kind");
        kind.getItems().setAll(LibraryKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(LibraryKind k) {
                return k == null ? "" : LibrariesViewModel.name(k);
            }

            @Override
            public LibraryKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ComboBox<LibraryVersion> version = new ComboBox<>(vm.versions());
        version.setId("library-version");
        version.setConverter(new StringConverter<>() {
            @Override
            public String toString(LibraryVersion v) {
                return v == null ? "" : v.shortRef();
            }

            @Override
            public LibraryVersion fromString(String s) {
                return null;
            }
        });
        version.valueProperty().bindBidirectional(vm.versionProperty());
        TextField filter = new TextField();
        filter.setId("library-filter");
        filter.setPromptText(Messages.get("library.ui.filterPrompt"));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button pull = new Button(Messages.get("library.ui.pull"));
        pull.setId("library-pull");
        pull.setOnAction(e -> vm.pull());

        Label info = bound("library-version-info", vm.versionInfoProperty());
        info.setWrapText(true);
        Label count = bound("library-count", vm.countProperty());

        TableView<List<String>> table = new TableView<>(vm.rows());
        table.setId("library-rows");
        table.setPlaceholder(new Label(Messages.get("library.ui.empty")));
        Runnable columns = () -> {
            table.getColumns().clear();
            for (int i = 0; i < vm.headers().size(); i++) {
                int index = i;
                TableColumn<List<String>, String> c = new TableColumn<>(vm.headers().get(i));
                c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(index < cell.getValue().size() ? cell.getValue().get(index) : ""));
                c.setPrefWidth(index == 0 ? 240 : 130);
                table.getColumns().add(c);
            }
        };
        vm.headers().addListener((ListChangeListener<String>) ch -> columns.run());
        columns.run();
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.select(b));
        TextArea details = new TextArea();
        details.setId("library-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(vm.detailsProperty());
        SplitPane split = new SplitPane(table, details);
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label message = bound("library-message", vm.messageProperty());
        message.setWrapText(true);
        root.getChildren().setAll(title, intro, summary,
                row(new Label(Messages.get("library.ui.kind")), kind, new Label(Messages.get("library.ui.version")), version, pull),
                info, row(new Label(Messages.get("library.ui.filter")), filter, count), split, message);
    }

    private static Label bound(String id, javafx.beans.property.StringProperty p) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(p);
        return l;
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
