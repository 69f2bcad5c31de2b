package cn.ecoaid.ui.water;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.util.ResultTables;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Water-ecology page: section classes and biological indices, each imported in the background and exportable. */
public final class WaterView {
    private final VBox root = new VBox(10);

    public WaterView(WaterViewModel vm) {
        Label title = new Label(Messages.get("nav.WATER"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(Messages.get("water.ui.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint-text");

        Label measurements = fileLabel(vm.measurementsProperty(), "water-measurements");
        Button chooseMeasurements = new Button(Messages.get("water.ui.chooseMeasurements"));
        chooseMeasurements.setOnAction(e -> choose(vm.measurementsProperty().get()).ifPresent(vm.measurementsProperty()::set));
        Button classify = new Button(Messages.get("water.ui.classify"));
        classify.setId("water-classify");
        classify.setOnAction(e -> vm.classify());
        Button exportClasses = new Button(Messages.get("water.ui.export"));
        exportClasses.setOnAction(e -> save("water-classes.xlsx").ifPresent(p -> vm.export("classes", p)));
        TableView<List<String>> classes = ResultTables.create("water-classes", vm.classHeaders(), vm.classRows(),
                Messages.get("water.ui.emptyClasses"));
        VBox classTab = new VBox(8, row(chooseMeasurements, measurements), row(classify, exportClasses), classes);
        VBox.setVgrow(classes, Priority.ALWAYS);

        Label survey = fileLabel(vm.surveyProperty(), "water-survey");
        Button chooseSurvey = new Button(Messages.get("water.ui.chooseSurvey"));
        chooseSurvey.setOnAction(e -> choose(vm.surveyProperty().get()).ifPresent(vm.surveyProperty()::set));
        Label taxa = new Label();
        taxa.textProperty().bind(Bindings.createStringBinding(() -> vm.taxaProperty().get() == null
                ? Messages.get("water.ui.shippedTaxa") : vm.taxaProperty().get().toString(), vm.taxaProperty()));
        Button chooseTaxa = new Button(Messages.get("water.ui.chooseTaxa"));
        chooseTaxa.setOnAction(e -> choose(vm.taxaProperty().get()).ifPresent(vm.taxaProperty()::set));
        Button compute = new Button(Messages.get("water.ui.computeIndices"));
        compute.setId("water-indices-compute");
        compute.setOnAction(e -> vm.computeIndices());
        Button exportIndices = new Button(Messages.get("water.ui.export"));
        exportIndices.setOnAction(e -> save("water-indices.xlsx").ifPresent(p -> vm.export("indices", p)));
        TableView<List<String>> indices = ResultTables.create("water-indices", vm.indexHeaders(), vm.indexRows(),
                Messages.get("water.ui.emptyIndices"));
        VBox indexTab = new VBox(8, row(chooseSurvey, survey), row(chooseTaxa, taxa), row(compute, exportIndices), indices);
        VBox.setVgrow(indices, Priority.ALWAYS);

        Button build = new Button(Messages.get("water.ui.buildBibi"));
        build.setId("water-bibi-build");
        build.setOnAction(e -> vm.buildBibi());
        TextField modelName = new TextField(Messages.get("water.ui.defaultModelName"));
        Button saveModel = new Button(Messages.get("water.ui.saveModel"));
        saveModel.setOnAction(e -> vm.saveModel(modelName.getText()));
        Button exportSteps = new Button(Messages.get("water.ui.exportSteps"));
        exportSteps.setOnAction(e -> save("bibi-steps.xlsx").ifPresent(p -> vm.export("steps", p)));
        Button exportScores = new Button(Messages.get("water.ui.exportScores"));
        exportScores.setOnAction(e -> save("bibi-scores.xlsx").ifPresent(p -> vm.export("scores", p)));
        TableView<List<String>> steps = ResultTables.create("water-bibi-steps", vm.stepHeaders(), vm.stepRows(),
                Messages.get("water.ui.emptyBibi"));
        TableView<List<String>> scores = ResultTables.create("water-bibi-scores", vm.scoreHeaders(), vm.scoreRows(),
                Messages.get("water.ui.emptyBibi"));
        vm.scoreHeaders().addListener((javafx.collections.ListChangeListener<String>) c -> ResultTables.setHeaders(scores,
                vm.scoreHeaders()));
        Label bibiHint = new Label(Messages.get("water.ui.bibiHint"));
        bibiHint.setWrapText(true);
        bibiHint.getStyleClass().add("hint-text");
        VBox bibiTab = new VBox(8, bibiHint, row(build, modelName, saveModel, exportSteps, exportScores), steps, scores);
        VBox.setVgrow(steps, Priority.ALWAYS);
        VBox.setVgrow(scores, Priority.ALWAYS);

        TabPane tabs = new TabPane(new Tab(Messages.get("water.ui.tabClasses"), classTab),
                new Tab(Messages.get("water.ui.tabIndices"), indexTab), new Tab(Messages.get("water.ui.tabBibi"), bibiTab));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        TextField surveyName = new TextField(Messages.get("water.ui.defaultSurveyName"));
        Button saveWs = new Button(Messages.get("water.ui.save"));
        saveWs.setOnAction(e -> vm.saveToWorkspace(surveyName.getText()));
        Label message = new Label();
        message.setId("water-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        root.getChildren().setAll(title, intro, tabs, row(new Label(Messages.get("water.ui.surveyName")), surveyName, saveWs), message);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    private static Label fileLabel(ObjectProperty<Path> file, String id) {
        Label l = new Label();
        l.setId(id);
        StringBinding b = Bindings.createStringBinding(() -> file.get() == null ? Messages.get("water.ui.noFile")
                : file.get().toString(), file);
        l.textProperty().bind(b);
        return l;
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Optional<Path> choose(Path current) {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("sites.fileType"), "*.csv", "*.xlsx"));
        if (current != null && current.getParent() != null) {
            c.setInitialDirectory(current.getParent().toFile());
        }
        File f = c.showOpenDialog(root.getScene().getWindow());
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    private Optional<Path> save(String name) {
        FileChooser c = new FileChooser();
        c.setInitialFileName(name);
        File f = c.showSaveDialog(root.getScene().getWindow());
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    public Parent root() {
        return root;
    }
}
