package cn.ecoaid.ui.pmf;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.Method;
import cn.ecoaid.pmf.PmfResults;
import cn.ecoaid.pmf.SpeciesCategory;
import cn.ecoaid.ui.util.ResultTables;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Source apportionment (PMF) and ozone formation potential: inputs and categories, models and factors, OFP. */
public final class PmfView {
    private final VBox root = new VBox(10);
    private final PmfViewModel vm;

    public PmfView(PmfViewModel vm) {
        this.vm = vm;
        Label title = new Label(Messages.get("nav.PMF"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(Messages.get("pmf.ui.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint-text");
        Label message = new Label();
        message.setId("pmf-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Tab input = tab("pmf.ui.tabInput", inputPane());
        Tab factors = tab("pmf.ui.tabFactors", factorPane());
        Tab ofp = tab("pmf.ui.tabOfp", ofpPane());
        Tab rotation = tab("pmf.ui.tabRotation", new RotationPane(vm.rotation()).root());
        Tab charts = tab("pmf.charts.tab", chartsPane());
        TabPane tabs = new TabPane(input, factors, charts, rotation, ofp);
        tabs.setId("pmf-tabs");
        vm.resultsProperty().addListener((o, a, b) -> {
            if (b != null) {
                tabs.getSelectionModel().select(factors);
            }
        });
        if (vm.canKeep()) {
            tabs.getTabs().add(tabs.getTabs().indexOf(factors) + 1, tab("pmfstore.ui.tabKept", keptPane()));
            vm.loadStored();
        }
        root.getChildren().setAll(title, intro, message, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    /** JFreeChart charts of the shown model: profile, contributions, mean-contribution pie, G-space; PNG export. */
    private Node chartsPane() {
        PmfChartsViewModel c = vm.charts();
        javafx.scene.control.ComboBox<PmfChartsViewModel.Kind> kind = new javafx.scene.control.ComboBox<>(
                FXCollections.observableArrayList(PmfChartsViewModel.Kind.values()));
        kind.setId("pmf-chart-kind");
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PmfChartsViewModel.Kind k) {
                return k == null ? "" : Messages.get("pmf.charts.kind." + k.name());
            }

            @Override
            public PmfChartsViewModel.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(c.kindProperty());
        javafx.scene.control.Spinner<Integer> a = new javafx.scene.control.Spinner<>(1, 30, 1);
        javafx.scene.control.Spinner<Integer> b = new javafx.scene.control.Spinner<>(1, 30, 2);
        a.setPrefWidth(70);
        b.setPrefWidth(70);
        a.valueProperty().addListener((o, x, y) -> c.factorAProperty().set(y));
        b.valueProperty().addListener((o, x, y) -> c.factorBProperty().set(y));
        b.disableProperty().bind(c.kindProperty().isNotEqualTo(PmfChartsViewModel.Kind.GSPACE));
        javafx.scene.image.ImageView image = new javafx.scene.image.ImageView();
        image.setId("pmf-chart");
        image.setPreserveRatio(true);
        image.setFitWidth(PmfChartsViewModel.WIDTH);
        c.imageProperty().addListener((o, x, y) -> image.setImage(y == null ? null
                : javafx.embed.swing.SwingFXUtils.toFXImage(y, null)));
        Button export = new Button(Messages.get("pmf.charts.export"));
        export.disableProperty().bind(vm.resultsProperty().isNull());
        export.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PNG", "*.png"));
            fc.setInitialFileName("pmf-" + c.kindProperty().get().name().toLowerCase(java.util.Locale.ROOT) + ".png");
            java.io.File f = fc.showSaveDialog(export.getScene().getWindow());
            if (f != null) {
                c.export(f.toPath());
            }
        });
        Label note = new Label();
        note.textProperty().bind(c.messageProperty());
        HBox controls = new HBox(8, new Label(Messages.get("pmf.charts.kind")), kind, new Label(Messages.get("pmf.charts.factorA")), a,
                new Label(Messages.get("pmf.charts.factorB")), b, export);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        c.draw();
        return new VBox(8, controls, note, new javafx.scene.control.ScrollPane(image));
    }

    private static Tab tab(String key, Node content) {
        Tab t = new Tab(Messages.get(key), content);
        t.setClosable(false);
        return t;
    }

    private Node inputPane() {
        Button chooseConc = new Button(Messages.get("pmf.ui.chooseConc"));
        chooseConc.setOnAction(e -> choose(vm.concProperty().get()).ifPresent(vm.concProperty()::set));
        Button chooseUnc = new Button(Messages.get("pmf.ui.chooseUnc"));
        chooseUnc.setOnAction(e -> choose(vm.uncProperty().get()).ifPresent(f -> {
            vm.uncProperty().set(f);
            vm.speciesTableProperty().set(null);
        }));
        Button chooseSpecies = new Button(Messages.get("pmf.ui.chooseSpecies"));
        chooseSpecies.setOnAction(e -> choose(vm.speciesTableProperty().get()).ifPresent(f -> {
            vm.speciesTableProperty().set(f);
            vm.uncProperty().set(null);
        }));
        Button load = new Button(Messages.get("pmf.ui.load"));
        load.setId("pmf-load");
        load.setOnAction(e -> vm.load());
        TableView<List<String>> species = ResultTables.create("pmf-species", FXCollections.observableArrayList(
                Messages.get("pmf.ui.col.species"), Messages.get("pmf.ui.col.sn"), Messages.get("pmf.ui.col.category")),
                vm.speciesRows(), Messages.get("pmf.ui.noInput"));
        HBox categoryButtons = row(new Label(Messages.get("pmf.ui.setCategory")));
        for (SpeciesCategory c : SpeciesCategory.values()) {
            Button b = new Button(Messages.get("pmf.ui.category." + c.name()));
            b.setOnAction(e -> {
                int i = species.getSelectionModel().getSelectedIndex();
                vm.setCategory(i, c);
                species.getSelectionModel().select(i);
            });
            categoryButtons.getChildren().add(b);
        }
        Spinner<Integer> factors = new Spinner<>(2, 15, vm.factorsProperty().get());
        factors.setId("pmf-factors");
        factors.valueProperty().addListener((o, a, b) -> vm.factorsProperty().set(b));
        Spinner<Integer> models = new Spinner<>(1, 100, vm.modelsProperty().get());
        models.valueProperty().addListener((o, a, b) -> vm.modelsProperty().set(b));
        TextField seed = new TextField();
        seed.setPrefColumnCount(6);
        seed.textProperty().bindBidirectional(vm.seedProperty());
        ChoiceBox<Method> method = new ChoiceBox<>(FXCollections.observableArrayList(Method.values()));
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(Method m) {
                return m == null ? "" : Messages.get("pmf.ui.method." + m.name());
            }

            @Override
            public Method fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(vm.methodProperty());
        CheckBox robust = new CheckBox(Messages.get("pmf.ui.robust"));
        robust.selectedProperty().bindBidirectional(vm.robustProperty());
        Button run = new Button(Messages.get("pmf.ui.run"));
        run.setId("pmf-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> vm.run());
        VBox pane = new VBox(8,
                row(chooseConc, fileLabel(vm.concProperty())),
                row(chooseUnc, fileLabel(vm.uncProperty()), new Label(Messages.get("pmf.ui.or")), chooseSpecies,
                        fileLabel(vm.speciesTableProperty()), load),
                species, categoryButtons,
                row(new Label(Messages.get("pmf.ui.factors")), factors, new Label(Messages.get("pmf.ui.models")), models,
                        new Label(Messages.get("pmf.ui.seed")), seed, new Label(Messages.get("pmf.ui.method")), method, robust, run));
        VBox.setVgrow(species, Priority.ALWAYS);
        return pane;
    }

    private Node factorPane() {
        TableView<List<String>> models = ResultTables.create("pmf-models", FXCollections.observableArrayList(
                Messages.get("pmf.ui.col.model"), Messages.get("pmf.ui.col.seed"), "Q(true)", "Q(robust)",
                Messages.get("pmf.ui.col.iterations"), Messages.get("pmf.ui.col.converged")), vm.modelRows(),
                Messages.get("pmf.ui.noModels"));
        models.setPrefHeight(150);
        TableView<List<String>> names = ResultTables.create("pmf-names", FXCollections.observableArrayList(
                Messages.get("pmf.ui.col.factor"), Messages.get("pmf.ui.col.source"), Messages.get("pmf.ui.col.score"),
                Messages.get("pmf.ui.col.evidence")), vm.nameRows(), Messages.get("pmf.ui.noModels"));
        names.setPrefHeight(150);
        TableView<List<String>> profiles = ResultTables.create("pmf-profiles", vm.profileHeaders(), vm.profileRows(),
                Messages.get("pmf.ui.noModels"));
        vm.profileHeaders().addListener((ListChangeListener<String>) c -> ResultTables.setHeaders(profiles, vm.profileHeaders()));
        ChoiceBox<String> factor = new ChoiceBox<>(vm.factorNames());
        factor.setId("pmf-factor");
        CategoryAxis px = new CategoryAxis();
        NumberAxis py = new NumberAxis();
        py.setLabel(Messages.get("pmf.ui.percentOfSpecies"));
        BarChart<String, Number> profile = new BarChart<>(px, py);
        profile.setAnimated(false);
        profile.setLegendVisible(false);
        profile.setPrefHeight(260);
        CategoryAxis cx = new CategoryAxis();
        NumberAxis cy = new NumberAxis();
        cy.setLabel(Messages.get("pmf.ui.normalisedContribution"));
        LineChart<String, Number> contributions = new LineChart<>(cx, cy);
        contributions.setAnimated(false);
        contributions.setCreateSymbols(false);
        contributions.setLegendVisible(false);
        contributions.setPrefHeight(260);
        factor.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> drawFactor(b.intValue(), profile, contributions));
        vm.factorNames().addListener((ListChangeListener<String>) c -> {
            if (!vm.factorNames().isEmpty()) {
                factor.getSelectionModel().select(0);
                drawFactor(0, profile, contributions);
            }
        });
        Button export = new Button(Messages.get("pmf.ui.export"));
        export.setOnAction(e -> {
            DirectoryChooser d = new DirectoryChooser();
            File f = d.showDialog(root.getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath());
            }
        });
        HBox charts = new HBox(8, profile, contributions);
        HBox.setHgrow(profile, Priority.ALWAYS);
        HBox.setHgrow(contributions, Priority.ALWAYS);
        HBox top = row(models, names);
        if (vm.canKeep()) {
            top.getChildren().add(keepControls());
        }
        VBox pane = new VBox(8, top, row(new Label(Messages.get("pmf.ui.col.factor")), factor, export), charts, profiles);
        HBox.setHgrow(models, Priority.ALWAYS);
        HBox.setHgrow(names, Priority.ALWAYS);
        VBox.setVgrow(profiles, Priority.ALWAYS);
        return pane;
    }

    /** "确认因子名称" (one editable name per factor), the run's name and "保存运行". */
    private Node keepControls() {
        ListView<String> confirmed = new ListView<>(vm.confirmedNames());
        confirmed.setId("pmf-confirmed-names");
        confirmed.setEditable(true);
        confirmed.setCellFactory(TextFieldListCell.forListView());
        confirmed.setOnEditCommit(e -> vm.setConfirmedName(e.getIndex(), e.getNewValue()));
        confirmed.setPrefHeight(96);
        confirmed.setPrefWidth(220);
        confirmed.setTooltip(new javafx.scene.control.Tooltip(Messages.get("pmfstore.ui.namesHint")));
        TextField name = new TextField();
        name.setId("pmf-run-name");
        name.setPromptText(Messages.get("pmfstore.ui.runName"));
        name.textProperty().bindBidirectional(vm.runNameProperty());
        Button save = new Button(Messages.get("pmfstore.ui.save"));
        save.setId("pmf-save-run");
        save.disableProperty().bind(vm.resultsProperty().isNull());
        save.setOnAction(e -> vm.save());
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(4, new Label(Messages.get("pmfstore.ui.confirmedNames")), confirmed, row(name, save));
        box.setMinWidth(220);
        name.setPrefColumnCount(8);
        return box;
    }

    /** The runs kept in the workspace: open one (as a fresh run is shown) or delete it. */
    private Node keptPane() {
        TableView<List<String>> kept = ResultTables.create("pmf-kept", FXCollections.observableArrayList(
                Messages.get("pmfstore.ui.col.name"), Messages.get("pmfstore.ui.col.created"), Messages.get("pmf.ui.method"),
                Messages.get("pmf.ui.factors"), Messages.get("pmf.ui.models"), "Q(true)",
                Messages.get("pmfstore.ui.col.names")), vm.keptRows(), Messages.get("pmfstore.ui.noKept"));
        Button open = new Button(Messages.get("pmfstore.ui.open"));
        open.setId("pmf-open-run");
        open.disableProperty().bind(kept.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> vm.open(kept.getSelectionModel().getSelectedIndex()));
        kept.setRowFactory(t -> {
            javafx.scene.control.TableRow<List<String>> r = new javafx.scene.control.TableRow<>();
            r.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !r.isEmpty()) {
                    vm.open(r.getIndex());
                }
            });
            return r;
        });
        Button delete = new Button(Messages.get("pmfstore.ui.delete"));
        delete.setId("pmf-delete-run");
        delete.disableProperty().bind(kept.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            int i = kept.getSelectionModel().getSelectedIndex();
            if (i < 0) {
                return;
            }
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    Messages.get("pmfstore.ui.confirmDelete", vm.keptRows().get(i).get(0)));
            a.initOwner(root.getScene().getWindow());
            a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> vm.delete(i));
        });
        Label hint = new Label(Messages.get("pmfstore.ui.keptHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint-text");
        VBox pane = new VBox(8, hint, row(open, delete), kept);
        VBox.setVgrow(kept, Priority.ALWAYS);
        return pane;
    }

    private void drawFactor(int k, BarChart<String, Number> profile, LineChart<String, Number> contributions) {
        PmfResults r = vm.resultsProperty().get();
        if (r == null || k < 0 || k >= r.solution().p()) {
            return;
        }
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        for (int j = 0; j < r.species().size(); j++) {
            bars.getData().add(new XYChart.Data<>(r.species().get(j), r.percentOfSpecies(k, j)));
        }
        profile.getData().setAll(List.of(bars));
        XYChart.Series<String, Number> line = new XYChart.Series<>();
        double mean = 0;
        int n = r.samples().size();
        for (int i = 0; i < n; i++) {
            mean += r.contribution(i, k) / n;
        }
        for (int i = 0; i < n; i++) {
            line.getData().add(new XYChart.Data<>(r.samples().get(i), mean > 0 ? r.contribution(i, k) / mean : 0));
        }
        contributions.getData().setAll(List.of(line));
    }

    private Node ofpPane() {
        Button choose = new Button(Messages.get("pmf.ui.chooseVoc"));
        choose.setOnAction(e -> choose(vm.vocFileProperty().get()).ifPresent(vm.vocFileProperty()::set));
        ChoiceBox<String> unit = new ChoiceBox<>(FXCollections.observableArrayList("ppbv", "ugm3"));
        unit.setConverter(new StringConverter<>() {
            @Override
            public String toString(String u) {
                return u == null ? "" : u.equals("ugm3") ? "µg/m³" : u;
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        unit.valueProperty().bindBidirectional(vm.vocUnitProperty());
        ChoiceBox<String> mir = new ChoiceBox<>(FXCollections.observableArrayList("carter", "china"));
        mir.setConverter(new StringConverter<>() {
            @Override
            public String toString(String m) {
                return m == null ? "" : Messages.get("pmf.ui.mir." + m);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        mir.valueProperty().bindBidirectional(vm.mirSetProperty());
        Button run = new Button(Messages.get("pmf.ui.ofpRun"));
        run.setId("pmf-ofp-run");
        run.setOnAction(e -> vm.computeOfp());
        TableView<List<String>> species = ResultTables.create("pmf-ofp", FXCollections.observableArrayList(
                Messages.get("pmf.ui.col.species"), Messages.get("pmf.ui.col.group"), Messages.get("pmf.ui.col.ugm3"), "MIR",
                Messages.get("pmf.ui.col.ofp")), vm.ofpRows(), Messages.get("pmf.ui.noOfp"));
        TableView<List<String>> groups = ResultTables.create("pmf-ofp-groups", FXCollections.observableArrayList(
                Messages.get("pmf.ui.col.group"), Messages.get("pmf.ui.col.ofp"), Messages.get("pmf.ui.col.share")),
                vm.ofpGroupRows(), Messages.get("pmf.ui.noOfp"));
        groups.setPrefWidth(360);
        HBox tables = new HBox(8, species, groups);
        HBox.setHgrow(species, Priority.ALWAYS);
        VBox pane = new VBox(8, row(choose, fileLabel(vm.vocFileProperty()), new Label(Messages.get("pmf.ui.unit")), unit,
                new Label("MIR"), mir, run), tables);
        VBox.setVgrow(tables, Priority.ALWAYS);
        return pane;
    }

    private static Label fileLabel(ObjectProperty<Path> file) {
        Label l = new Label();
        StringBinding text = Bindings.createStringBinding(
                () -> file.get() == null ? Messages.get("inventory.ui.noFile") : String.valueOf(file.get().getFileName()), file);
        l.textProperty().bind(text);
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

    public Parent root() {
        return root;
    }

}
