package cn.ecoaid.ui.inventory;

import cn.ecoaid.inventory.Aggregation;
import cn.ecoaid.inventory.SavedInventory;
import cn.ecoaid.inventory.Scenario;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.util.ResultTables;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
        ComboBox<cn.ecoaid.library.LibraryVersion> platform = new ComboBox<>(vm.platformLibraries());
        platform.setId("inventory-platform-library");
        platform.setPromptText(Messages.get("inventory.ui.noPlatformLibrary"));
        platform.setConverter(new StringConverter<>() {
            @Override
            public String toString(cn.ecoaid.library.LibraryVersion v) {
                return v == null ? Messages.get("inventory.ui.noPlatformLibrary") : v.shortRef();
            }

            @Override
            public cn.ecoaid.library.LibraryVersion fromString(String s) {
                return null;
            }
        });
        platform.valueProperty().bindBidirectional(vm.platformLibraryProperty());
        platform.setOnShowing(e -> vm.refreshLibraries());
        Button noPlatform = new Button(Messages.get("inventory.ui.clearPlatformLibrary"));
        noPlatform.disableProperty().bind(platform.valueProperty().isNull());
        noPlatform.setOnAction(e -> vm.platformLibraryProperty().set(null));
        HBox files2 = row(chooseFactors, factors, new Label(Messages.get("inventory.ui.platformLibrary")), platform, noPlatform);
        Label libraryUsed = new Label();
        libraryUsed.setId("inventory-library-used");
        libraryUsed.textProperty().bind(vm.libraryUsedProperty());
        ComboBox<SavedInventory> compare = new ComboBox<>(vm.saved());
        compare.setId("inventory-compare");
        compare.setPromptText(Messages.get("inventory.ui.noCompare"));
        compare.setConverter(saved.getConverter());
        compare.valueProperty().bindBidirectional(vm.compareWithProperty());
        Button noCompare = new Button(Messages.get("inventory.ui.clearCompare"));
        noCompare.disableProperty().bind(compare.valueProperty().isNull());
        noCompare.setOnAction(e -> vm.compareWithProperty().set(null));
        HBox actions = row(new Label(Messages.get("inventory.ui.groupBy")), grouping,
                new Label(Messages.get("inventory.ui.compareWith")), compare, noCompare, compute, export);
        VBox totalsPane = new VBox(8, actions, libraryUsed, table, stackedChart(vm));
        table.setPrefHeight(220);
        VBox.setVgrow(table, Priority.ALWAYS);
        Tab totals = new Tab(Messages.get("inventory.ui.tabTotals"), totalsPane);
        totals.setClosable(false);
        Tab scenarios = new Tab(Messages.get("inventory.ui.tabScenarios"), scenarioPane(vm));
        scenarios.setClosable(false);
        Tab grid = new Tab(Messages.get("inventory.ui.tabGrid"), gridPane(vm));
        grid.setClosable(false);
        TabPane tabs = new TabPane(totals, scenarios, grid);
        tabs.setId("inventory-tabs");
        root.getChildren().setAll(title, intro, keep, files1, files2, message, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    private Node gridPane(InventoryViewModel vm) {
        Label sources = new Label();
        sources.setId("inventory-grid-sources");
        sources.textProperty().bind(fileName(vm.gridSourcesProperty()));
        Button chooseSources = new Button(Messages.get("inventory.ui.chooseGridSources"));
        chooseSources.setOnAction(e -> choose(vm.gridSourcesProperty().get()).ifPresent(vm.gridSourcesProperty()::set));
        Label proxies = new Label();
        proxies.textProperty().bind(fileName(vm.gridProxiesProperty()));
        Button chooseProxies = new Button(Messages.get("inventory.ui.chooseGridProxies"));
        chooseProxies.setOnAction(e -> choose(vm.gridProxiesProperty().get()).ifPresent(vm.gridProxiesProperty()::set));
        ChoiceBox<Integer> cell = new ChoiceBox<>();
        cell.getItems().setAll(1000, 3000, 9000);
        cell.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null ? "" : Messages.get("inventory.ui.cellKm", m / 1000);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        cell.valueProperty().bindBidirectional(vm.cellSizeProperty());
        Button run = new Button(Messages.get("inventory.ui.runGrid"));
        run.setId("inventory-run-grid");
        run.setOnAction(e -> vm.runGrid());
        Button keep = new Button(Messages.get("inventory.ui.keepGrid"));
        keep.setId("inventory-keep-grid");
        keep.disableProperty().bind(vm.gridLayerProperty().isNull());
        keep.setOnAction(e -> vm.keepGridLayer());
        javafx.collections.ObservableList<String> headers = javafx.collections.FXCollections.observableArrayList(
                InventoryViewModel.columnTitle("pollutant"), Messages.get("inventory.ui.gridTotal"),
                Messages.get("inventory.ui.gridInside"), Messages.get("inventory.ui.gridOutside"));
        TableView<List<String>> table = ResultTables.create("inventory-grid-table", headers, vm.gridRows(),
                Messages.get("inventory.ui.noGridYet"));
        Label hint = new Label(Messages.get("inventory.ui.gridHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint-text");
        VBox pane = new VBox(8, row(chooseSources, sources), row(chooseProxies, proxies),
                row(new Label(Messages.get("inventory.ui.cellSize")), cell, run, keep), hint, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return pane;
    }

    private static Node stackedChart(InventoryViewModel vm) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(Messages.get("inventory.ui.col.emitted_t"));
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setId("inventory-category-chart");
        chart.setTitle(Messages.get("inventory.ui.byCategoryChart"));
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        chart.setMinHeight(220);
        vm.byCategory().addListener((ListChangeListener<Aggregation.Row>) c -> {
            java.util.Map<String, XYChart.Series<String, Number>> byCategory = new java.util.LinkedHashMap<>();
            for (Aggregation.Row r : vm.byCategory()) {
                XYChart.Series<String, Number> s = byCategory.computeIfAbsent(r.key().get(1), k -> {
                    XYChart.Series<String, Number> n = new XYChart.Series<>();
                    n.setName(k);
                    return n;
                });
                s.getData().add(new XYChart.Data<>(r.key().get(0), r.emittedKg() / 1000));
            }
            chart.getData().setAll(byCategory.values());
        });
        return chart;
    }

    private Node scenarioPane(InventoryViewModel vm) {
        Label measures = new Label();
        measures.setId("inventory-measures");
        measures.textProperty().bind(fileName(vm.measuresProperty()));
        Button chooseMeasures = new Button(Messages.get("inventory.ui.chooseMeasures"));
        chooseMeasures.setOnAction(e -> choose(vm.measuresProperty().get()).ifPresent(vm.measuresProperty()::set));
        Button run = new Button(Messages.get("inventory.ui.runScenarios"));
        run.setId("inventory-run-scenarios");
        run.setOnAction(e -> vm.runScenarios());
        TableView<List<String>> table = ResultTables.create("inventory-scenario-table", vm.scenarioHeaders(),
                vm.scenarioRows(), Messages.get("inventory.ui.noScenarios"));
        vm.scenarioHeaders().addListener((ListChangeListener<String>) c -> ResultTables.setHeaders(table, vm.scenarioHeaders()));
        CategoryAxis x = new CategoryAxis();
        x.setLabel(InventoryViewModel.columnTitle("pollutant"));
        NumberAxis y = new NumberAxis();
        y.setLabel(Messages.get("inventory.ui.col.emitted_t"));
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("inventory-scenario-chart");
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        chart.setMinHeight(240);
        chart.setLegendVisible(true);
        table.setPrefHeight(220);
        vm.comparisons().addListener((ListChangeListener<Scenario.Comparison>) c -> {
            List<XYChart.Series<String, Number>> series = new ArrayList<>();
            XYChart.Series<String, Number> base = new XYChart.Series<>();
            base.setName(Messages.get("inventory.ui.baseSeries"));
            series.add(base);
            for (String n : vm.scenarioNames()) {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(n);
                series.add(s);
            }
            for (Scenario.Comparison comp : vm.comparisons()) {
                base.getData().add(new XYChart.Data<>(comp.pollutant().label(), comp.baseKg() / 1000));
                for (int i = 0; i < comp.scenarioKg().size(); i++) {
                    series.get(i + 1).getData().add(new XYChart.Data<>(comp.pollutant().label(), comp.scenarioKg().get(i) / 1000));
                }
            }
            chart.getData().setAll(series);
        });
        VBox pane = new VBox(8, row(chooseMeasures, measures, run), table, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return pane;
    }

    private static javafx.beans.binding.StringBinding fileName(javafx.beans.property.ObjectProperty<Path> file) {
        return javafx.beans.binding.Bindings.createStringBinding(
                () -> file.get() == null ? Messages.get("inventory.ui.noFile") : String.valueOf(file.get().getFileName()), file);
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
