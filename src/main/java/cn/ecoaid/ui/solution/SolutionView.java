package cn.ecoaid.ui.solution;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.solution.FrozenVersion;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.MeasureStatus;
import cn.ecoaid.solution.MeasureType;
import cn.ecoaid.solution.SectionKind;
import cn.ecoaid.solution.SolutionPackage;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Solution page: packages, measures (add, edit, status), versions, freeze and exports. */
public final class SolutionView {
    private final VBox root = new VBox(10);

    public SolutionView(SolutionViewModel vm) {
        Label title = new Label(Messages.get("nav.SOLUTION"));
        title.getStyleClass().add("page-title");

        ListView<SolutionPackage> packages = new ListView<>(vm.packages());
        packages.setId("solution-packages");
        packages.setPrefWidth(240);
        packages.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SolutionPackage item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
            }
        });
        packages.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> packages.getSelectionModel().select(b));
        packages.getSelectionModel().select(vm.selectedProperty().get());
        TextField newTitle = new TextField();
        newTitle.setId("solution-new-title");
        newTitle.setPromptText(Messages.get("solution.ui.newTitle"));
        Button create = new Button(Messages.get("solution.ui.create"));
        create.setOnAction(e -> {
            vm.createPackage(newTitle.getText());
            newTitle.clear();
        });
        VBox left = new VBox(6, packages, newTitle, create);
        VBox.setVgrow(packages, Priority.ALWAYS);

        TableView<Measure> table = new TableView<>(vm.measures());
        table.setId("solution-measures");
        table.setPlaceholder(new Label(Messages.get("solution.ui.noMeasures")));
        table.getColumns().add(column(Messages.get("solution.report.col.name"), Measure::name, 220));
        table.getColumns().add(column(Messages.get("solution.report.col.type"), m -> Messages.get("solution.measureType." + m.type().name()), 90));
        table.getColumns().add(column(Messages.get("solution.report.col.owner"), Measure::owner, 140));
        table.getColumns().add(column(Messages.get("solution.xlsx.start"), m -> m.start() == null ? "" : m.start().toString(), 95));
        table.getColumns().add(column(Messages.get("solution.xlsx.end"), m -> m.end() == null ? "" : m.end().toString(), 95));
        table.getColumns().add(column(Messages.get("solution.report.col.cost"), m -> m.cost() == null ? "" : num(m.cost()), 90));
        table.getColumns().add(column(Messages.get("solution.report.col.reduction"), SolutionView::reductionText, 180));
        table.getColumns().add(column(Messages.get("solution.report.col.status"), m -> Messages.get("solution.status." + m.status().name()), 80));
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("solution-measure-name");
        name.setPromptText(Messages.get("solution.report.col.name"));
        ChoiceBox<MeasureType> type = new ChoiceBox<>();
        type.getItems().setAll(MeasureType.values());
        type.setValue(MeasureType.ENGINEERING);
        type.setConverter(converter(t -> Messages.get("solution.measureType." + t.name())));
        TextField owner = new TextField();
        owner.setPromptText(Messages.get("solution.report.col.owner"));
        DatePicker start = new DatePicker();
        start.setPromptText(Messages.get("solution.xlsx.start"));
        DatePicker end = new DatePicker();
        end.setPromptText(Messages.get("solution.xlsx.end"));
        TextField cost = new TextField();
        cost.setPrefColumnCount(6);
        cost.setPromptText(Messages.get("solution.report.col.cost"));
        TextField reductions = new TextField();
        reductions.setPromptText(Messages.get("solution.ui.reductionsPrompt"));
        ChoiceBox<MeasureStatus> status = new ChoiceBox<>();
        status.getItems().setAll(MeasureStatus.values());
        status.setValue(MeasureStatus.PLANNED);
        status.setConverter(converter(s -> Messages.get("solution.status." + s.name())));
        Button add = new Button(Messages.get("solution.ui.addMeasure"));
        add.setId("solution-add-measure");
        add.setOnAction(e -> {
            Double c = cost.getText().isBlank() ? null : parse(cost.getText());
            if (vm.addMeasure(name.getText(), type.getValue(), owner.getText(), start.getValue(), end.getValue(), c, reductions.getText())) {
                name.clear();
            }
        });
        Button save = new Button(Messages.get("solution.ui.saveMeasure"));
        save.setOnAction(e -> {
            Measure m = table.getSelectionModel().getSelectedItem();
            if (m != null) {
                Double c = cost.getText().isBlank() ? null : parse(cost.getText());
                try {
                    vm.updateMeasure(new Measure(m.id(), m.packageId(), name.getText(), type.getValue(), m.sector(), m.sources(),
                            owner.getText(), start.getValue(), end.getValue(), c, SolutionViewModel.reductions(reductions.getText()),
                            m.scenario(), status.getValue(), m.indicators()));
                } catch (NumberFormatException ex) {
                    vm.messageProperty().set(Messages.get("solution.import.badNumber", reductions.getText()));
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                name.setText(m.name());
                type.setValue(m.type());
                owner.setText(m.owner());
                start.setValue(m.start());
                end.setValue(m.end());
                cost.setText(m.cost() == null ? "" : num(m.cost()));
                StringBuilder sb = new StringBuilder();
                m.reductions().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(num(v)));
                reductions.setText(sb.toString());
                status.setValue(m.status());
            }
        });
        HBox form1 = new HBox(6, name, type, owner, start, end);
        HBox form2 = new HBox(6, cost, reductions, status, add, save);
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox.setHgrow(reductions, Priority.ALWAYS);
        form1.setAlignment(Pos.CENTER_LEFT);
        form2.setAlignment(Pos.CENTER_LEFT);

        ListView<FrozenVersion> versions = new ListView<>(vm.versions());
        versions.setPrefHeight(90);
        versions.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FrozenVersion v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Messages.get("solution.report.version", v.number()) + "  " + v.frozenAt()
                        + (vm.canPublish() ? "  " + vm.publishedState(v) : ""));
            }
        });
        Button freeze = new Button(Messages.get("solution.ui.freeze"));
        freeze.setId("solution-freeze");
        freeze.setOnAction(e -> vm.freeze());
        Button word = new Button(Messages.get("solution.ui.exportWord"));
        word.setOnAction(e -> save("report.docx").ifPresent(vm::exportWord));
        Button excel = new Button(Messages.get("solution.ui.exportExcel"));
        excel.setOnAction(e -> save("report.xlsx").ifPresent(vm::exportExcel));
        HBox actions = new HBox(8, freeze, word, excel);
        if (vm.canPublish()) {
            Button publish = new Button(Messages.get("solution.ui.publish"));
            publish.setId("solution-publish");
            publish.setOnAction(e -> vm.publish());
            actions.getChildren().add(1, publish);
        }
        Label message = new Label();
        message.setId("solution-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        ChoiceBox<SectionKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(SectionKind.values());
        kind.setConverter(converter(k -> Messages.get("solution.section." + k.name())));
        TextArea text = new TextArea();
        text.setId("solution-section-text");
        text.setPrefRowCount(4);
        text.setWrapText(true);
        kind.valueProperty().addListener((o, a, k) -> text.setText(k == null ? "" : vm.sectionText(k)));
        vm.selectedProperty().addListener((o, a, b) -> text.setText(kind.getValue() == null ? "" : vm.sectionText(kind.getValue())));
        kind.setValue(SectionKind.DIAGNOSIS);
        Button saveText = new Button(Messages.get("solution.ui.saveSection"));
        saveText.setOnAction(e -> vm.saveSection(kind.getValue(), text.getText()));
        HBox sectionBar = new HBox(8, new Label(Messages.get("solution.ui.section")), kind, saveText);
        sectionBar.setAlignment(Pos.CENTER_LEFT);

        VBox center = new VBox(8, table, form1, form2, sectionBar, text, new Label(Messages.get("solution.ui.versions")), versions,
                actions, message);
        HBox.setHgrow(center, Priority.ALWAYS);
        HBox body = new HBox(12, left, center);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(title, body);
    }

    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String reductionText(Measure m) {
        StringBuilder sb = new StringBuilder();
        m.reductions().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "；").append(k).append(' ').append(num(v)));
        return sb.toString();
    }

    private static Double parse(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private java.util.Optional<java.nio.file.Path> save(String initial) {
        FileChooser c = new FileChooser();
        c.setInitialFileName(initial);
        File f = c.showSaveDialog(root.getScene().getWindow());
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.toPath());
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static TableColumn<Measure, String> column(String title, Function<Measure, String> value, double width) {
        TableColumn<Measure, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Parent root() {
        return root;
    }
}
