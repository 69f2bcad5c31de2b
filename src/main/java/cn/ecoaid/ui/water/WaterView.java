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
        javafx.scene.chart.StackedBarChart<String, Number> chart = new javafx.scene.chart.StackedBarChart<>(
                new javafx.scene.chart.CategoryAxis(), new javafx.scene.chart.NumberAxis());
        chart.setId("water-class-chart");
        chart.setTitle(Messages.get("water.ui.chartTitle"));
        chart.setPrefHeight(220);
        chart.setAnimated(false);
        vm.classesByPeriod().addListener((javafx.collections.MapChangeListener<String, int[]>) c -> fillChart(chart, vm));
        javafx.scene.control.SplitPane classSplit = new javafx.scene.control.SplitPane(classes, chart);
        classSplit.setOrientation(javafx.geometry.Orientation.VERTICAL);
        classSplit.setDividerPositions(0.62);
        VBox classTab = new VBox(8, row(chooseMeasurements, measurements), row(classify, exportClasses), classSplit);
        VBox.setVgrow(classSplit, Priority.ALWAYS);

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
        javafx.scene.canvas.Canvas box = new javafx.scene.canvas.Canvas(360, 200);
        box.setId("water-bibi-box");
        steps.getSelectionModel().selectedIndexProperty().addListener((o, a, b) ->
                drawBoxes(box, vm.boxes(b.intValue()).orElse(null), b.intValue() >= 0 && b.intValue() < vm.stepRows().size()
                        ? vm.stepRows().get(b.intValue()).get(0) : ""));
        HBox stepsAndBox = new HBox(8, steps, box);
        HBox.setHgrow(steps, Priority.ALWAYS);
        VBox bibiTab = new VBox(8, bibiHint, row(build, modelName, saveModel, exportSteps, exportScores), stepsAndBox, scores);
        VBox.setVgrow(stepsAndBox, Priority.ALWAYS);
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

    private static void fillChart(javafx.scene.chart.StackedBarChart<String, Number> chart, WaterViewModel vm) {
        chart.getData().clear();
        String[] labels = {"I", "II", "III", "IV", "V", "劣V"};
        for (int k = 0; k < labels.length; k++) {
            javafx.scene.chart.XYChart.Series<String, Number> series = new javafx.scene.chart.XYChart.Series<>();
            series.setName(labels[k]);
            for (var e : vm.classesByPeriod().entrySet()) {
                series.getData().add(new javafx.scene.chart.XYChart.Data<>(e.getKey(), e.getValue()[k]));
            }
            chart.getData().add(series);
        }
    }

    /** Box plots (min, quartiles, median, max) of the reference and impaired samples of one metric. */
    private static void drawBoxes(javafx.scene.canvas.Canvas canvas, cn.ecoaid.water.BibiModel.Box[] boxes, String metric) {
        var g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (boxes == null || Double.isNaN(boxes[0].min()) || Double.isNaN(boxes[1].min())) {
            return;
        }
        double lo = Math.min(boxes[0].min(), boxes[1].min());
        double hi = Math.max(boxes[0].max(), boxes[1].max());
        if (hi == lo) {
            hi = lo + 1;
        }
        double top = 24;
        double bottom = h - 24;
        double span = hi - lo;
        double finalLo = lo;
        java.util.function.DoubleUnaryOperator y = v -> bottom - (v - finalLo) / span * (bottom - top);
        g.setFill(javafx.scene.paint.Color.BLACK);
        g.fillText(metric, 8, 14);
        g.fillText(WaterViewModel.num(hi), 4, top + 4);
        g.fillText(WaterViewModel.num(lo), 4, bottom + 4);
        String[] names = {Messages.get("water.ui.reference"), Messages.get("water.ui.impaired")};
        javafx.scene.paint.Color[] colours = {javafx.scene.paint.Color.web("#4a90d9"), javafx.scene.paint.Color.web("#d9534f")};
        for (int i = 0; i < 2; i++) {
            cn.ecoaid.water.BibiModel.Box b = boxes[i];
            double x = 110 + i * 130;
            double bw = 60;
            g.setStroke(javafx.scene.paint.Color.GRAY);
            g.strokeLine(x + bw / 2, y.applyAsDouble(b.min()), x + bw / 2, y.applyAsDouble(b.max()));
            g.setFill(colours[i].deriveColor(0, 1, 1, 0.35));
            double q3 = y.applyAsDouble(b.q3());
            g.fillRect(x, q3, bw, y.applyAsDouble(b.q1()) - q3);
            g.setStroke(colours[i]);
            g.strokeRect(x, q3, bw, y.applyAsDouble(b.q1()) - q3);
            g.setLineWidth(2);
            g.strokeLine(x, y.applyAsDouble(b.median()), x + bw, y.applyAsDouble(b.median()));
            g.setLineWidth(1);
            g.setFill(javafx.scene.paint.Color.BLACK);
            g.fillText(names[i], x, h - 6);
        }
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
