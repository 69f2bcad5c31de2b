package cn.ecoaid.ui.start;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.Workspace;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Start screen: new workspace form on the left, open and recent on the right. */
public final class StartView {
    private final StartViewModel vm;
    private final Parent root;

    public StartView(StartViewModel vm) {
        this.vm = vm;
        this.root = build();
    }

    public Parent root() {
        return root;
    }

    private Parent build() {
        Label title = new Label(Messages.get("app.title"));
        title.getStyleClass().add("start-title");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        TextField cityCode = field("start-city-code", vm.cityCodeProperty(), Messages.get("start.cityCode.prompt"));
        TextField cityName = field("start-city-name", vm.cityNameProperty(), Messages.get("start.cityName.prompt"));
        TextField name = field("start-project-name", vm.projectNameProperty(), Messages.get("start.projectName.prompt"));
        form.addRow(0, new Label(Messages.get("start.cityCode")), cityCode);
        form.addRow(1, new Label(Messages.get("start.cityName")), cityName);
        form.addRow(2, new Label(Messages.get("start.projectName")), name);
        Button create = new Button(Messages.get("start.create"));
        create.setId("start-create");
        create.setDefaultButton(true);
        create.setOnAction(e -> vm.create(vm.suggestedFile()));
        Button createAs = new Button(Messages.get("start.createAs"));
        createAs.setOnAction(e -> {
            FileChooser chooser = chooser(Messages.get("start.createAs"));
            chooser.setInitialFileName(vm.suggestedFile().getFileName().toString());
            File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.create(f.toPath());
            }
        });
        Label message = new Label();
        message.setId("start-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox left = new VBox(12, new Label(Messages.get("start.new")), form, new HBox(8, create, createAs), message);
        left.getStyleClass().add("card");

        Button open = new Button(Messages.get("start.open"));
        open.setId("start-open");
        open.setOnAction(e -> {
            File f = chooser(Messages.get("start.open")).showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.open(f.toPath());
            }
        });
        ListView<Path> recent = new ListView<>(vm.recent());
        recent.setId("start-recent");
        recent.setPlaceholder(new Label(Messages.get("start.noRecent")));
        recent.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName() + "  —  " + item.getParent());
            }
        });
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                vm.open(recent.getSelectionModel().getSelectedItem());
            }
        });
        Button sample = new Button(Messages.get("start.sample"));
        sample.setId("start-sample");
        sample.setOnAction(e -> vm.openSample());
        Label sampleHint = new Label(Messages.get("start.sample.hint"));
        sampleHint.setWrapText(true);
        sampleHint.getStyleClass().add("hint-text");
        VBox right = new VBox(12, open, new Label(Messages.get("start.recent")), recent, sample, sampleHint);
        right.getStyleClass().add("card");
        VBox.setVgrow(recent, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox columns = new HBox(16, left, right);
        VBox page = new VBox(16, title, new Label(Messages.get("start.subtitle")), columns);
        page.setPadding(new Insets(24));
        VBox.setVgrow(columns, Priority.ALWAYS);
        return page;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(property);
        f.setPrefColumnCount(24);
        return f;
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("start.fileType"), "*" + Workspace.EXTENSION));
        return c;
    }
}
