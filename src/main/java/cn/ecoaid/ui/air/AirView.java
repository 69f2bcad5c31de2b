package cn.ecoaid.ui.air;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.util.ResultTables;
import java.io.File;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Air page: choose a station file, import it in the background, read AQI, statistics and the calendar. */
public final class AirView {
    private final VBox root = new VBox(10);

    public AirView(AirViewModel vm) {
        Label title = new Label(Messages.get("nav.AIR"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(Messages.get("air.ui.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint-text");

        Label file = new Label();
        file.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.inputProperty().get() == null ? Messages.get("air.ui.noFileChosen") : vm.inputProperty().get().toString(),
                vm.inputProperty()));
        Button choose = new Button(Messages.get("air.ui.choose"));
        choose.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("sites.fileType"), "*.csv", "*.xlsx"));
            File f = c.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.inputProperty().set(f.toPath());
            }
        });
        ChoiceBox<String> standard = new ChoiceBox<>();
        standard.getItems().setAll(AirViewModel.STANDARDS);
        standard.valueProperty().bindBidirectional(vm.standardProperty());
        Button importButton = new Button(Messages.get("air.ui.import"));
        importButton.setId("air-import");
        importButton.setDefaultButton(true);
        importButton.setOnAction(e -> vm.importFile());

        ChoiceBox<String> limits = new ChoiceBox<>();
        limits.getItems().setAll(AirViewModel.LIMITS);
        limits.valueProperty().bindBidirectional(vm.limitsProperty());
        Spinner<Integer> year = new Spinner<>(2013, 2100, 2026);
        year.setEditable(true);
        year.setPrefWidth(90);
        vm.yearProperty().addListener((o, a, b) -> {
            if (b != null) {
                year.getValueFactory().setValue(b);
            }
        });
        year.valueProperty().addListener((o, a, b) -> vm.yearProperty().set(b));
        ChoiceBox<Integer> areaClass = new ChoiceBox<>();
        areaClass.getItems().setAll(1, 2);
        areaClass.valueProperty().bindBidirectional(vm.areaClassProperty());
        Button statistics = new Button(Messages.get("air.ui.statistics"));
        statistics.setOnAction(e -> vm.computeStatistics());
        Button export = new Button(Messages.get("air.ui.export"));
        export.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName("aqi.xlsx");
            File f = c.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.exportTables(f.toPath());
            }
        });

        Label message = new Label();
        message.setId("air-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        TableView<List<String>> aqi = ResultTables.create("air-aqi-table", vm.aqiHeaders(), vm.aqiRows(),
                Messages.get("air.ui.empty"));
        vm.aqiHeaders().addListener((ListChangeListener<String>) c -> ResultTables.setHeaders(aqi, vm.aqiHeaders()));
        TableView<List<String>> stats = ResultTables.create("air-stat-table", vm.statHeaders(), vm.statRows(),
                Messages.get("air.ui.empty"));
        vm.statHeaders().addListener((ListChangeListener<String>) c -> ResultTables.setHeaders(stats, vm.statHeaders()));

        ChoiceBox<String> station = new ChoiceBox<>(vm.stations());
        station.valueProperty().bindBidirectional(vm.stationProperty());
        ImageView image = new ImageView();
        image.setPreserveRatio(true);
        image.setFitWidth(1000);
        vm.calendarProperty().addListener((o, a, b) -> image.setImage(b == null ? null : SwingFXUtils.toFXImage(b, null)));
        Button savePng = new Button(Messages.get("air.ui.savePng"));
        savePng.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName("aqi-calendar.png");
            File f = c.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.exportCalendar(f.toPath());
            }
        });
        VBox calendarBox = new VBox(8, row(new Label(Messages.get("air.ui.col.station")), station, savePng),
                new ScrollPane(image));

        ChoiceBox<String> seriesStation = new ChoiceBox<>(vm.stations());
        seriesStation.valueProperty().bindBidirectional(vm.stationProperty());
        ChoiceBox<cn.ecoaid.air.DailyItem> item = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                cn.ecoaid.air.DailyItem.values()));
        item.setId("air-series-item");
        item.valueProperty().bindBidirectional(vm.seriesItemProperty());
        ImageView seriesImage = new ImageView();
        seriesImage.setPreserveRatio(true);
        seriesImage.setFitWidth(1000);
        vm.seriesProperty().addListener((o, a, b) -> seriesImage.setImage(b == null ? null : SwingFXUtils.toFXImage(b, null)));
        Button saveSeries = new Button(Messages.get("air.ui.savePng"));
        saveSeries.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName("series.png");
            File f = c.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.exportSeries(f.toPath());
            }
        });
        VBox seriesBox = new VBox(8, row(new Label(Messages.get("air.ui.col.station")), seriesStation, item, saveSeries),
                new ScrollPane(seriesImage));

        TabPane tabs = new TabPane(new Tab(Messages.get("air.ui.tab.aqi"), aqi),
                new Tab(Messages.get("air.ui.tab.statistics"), stats), new Tab(Messages.get("air.ui.tab.calendar"), calendarBox),
                new Tab(Messages.get("air.ui.tab.series"), seriesBox));
        tabs.setId("air-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        root.getChildren().setAll(title, intro, row(choose, file), row(new Label(Messages.get("air.ui.standard")), standard,
                importButton), row(new Label(Messages.get("air.ui.year")), year, new Label(Messages.get("air.ui.limits")),
                limits, new Label(Messages.get("air.ui.areaClass")), areaClass, statistics, export), message, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
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
