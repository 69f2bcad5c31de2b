package cn.ecoaid.ui.map;


import cn.ecoaid.l10n.Messages;
import cn.ecoaid.map.LayerStyle;
import cn.ecoaid.map.MapLayer;
import cn.ecoaid.map.Viewport;
import cn.ecoaid.ui.util.ResultTables;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

/**
 * Map page: the map (drawn off the FX thread by the same renderer as report images, the latest request winning), the
 * layer list with visibility, order and style, the attributes of the clicked feature, and the coordinates under the
 * cursor. Drag pans, the wheel zooms about the cursor, a click identifies.
 */
public final class MapView {
    private final MapViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ImageView image = new ImageView();
    private final Pane canvas = new Pane(image);
    private final ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-render");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong latest = new AtomicLong();
    private Viewport rendered;
    private double dragX;
    private double dragY;
    private boolean dragged;

    public MapView(MapViewModel vm) {
        this.vm = vm;
        build();
        vm.load();
    }

    public Parent root() {
        return root;
    }

    private void detached() {
        vm.close();
        renderer.shutdownNow();
    }

    private void build() {
        Label title = new Label(Messages.get("nav.MAP"));
        title.getStyleClass().add("page-title");
        CheckBox gcj = new CheckBox(Messages.get("map.ui.gcj02"));
        Button importFile = new Button(Messages.get("map.ui.import"));
        importFile.setId("map-import");
        importFile.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("map.ui.files"),
                    "*.shp", "*.geojson", "*.json", "*.kml", "*.gpkg", "*.csv", "*.xlsx"));
            File f = c.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.importFile(f.toPath(), gcj.isSelected());
            }
        });
        Button basemap = new Button(Messages.get("map.ui.addBasemap"));
        basemap.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("map.ui.tileFiles"), "*.mbtiles", "*.gpkg"));
            File f = c.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.addBasemap(f.toPath());
            }
        });
        Button all = new Button(Messages.get("map.ui.zoomAll"));
        all.setOnAction(e -> vm.zoomToAll());
        Button export = new Button(Messages.get("map.ui.export"));
        export.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName("map.png");
            File f = c.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                Viewport v = vm.viewportProperty().get();
                double k = 2000.0 / Math.max(1, v.width());
                vm.exportPng(f.toPath(), 2000, (int) Math.round(v.height() * k), 300);
            }
        });
        HBox bar = new HBox(8, title, importFile, gcj, basemap, all, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(bar);

        canvas.setId("map-canvas");
        canvas.setMinSize(200, 200);
        canvas.setStyle("-fx-background-color: white; -fx-border-color: #c0c0c0;");
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(canvas.widthProperty());
        clip.heightProperty().bind(canvas.heightProperty());
        canvas.setClip(clip);
        canvas.widthProperty().addListener((o, a, b) -> vm.resize(b.intValue(), (int) canvas.getHeight()));
        canvas.heightProperty().addListener((o, a, b) -> vm.resize((int) canvas.getWidth(), b.intValue()));
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            vm.pan(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
            dragged = true;
        });
        canvas.setOnMouseClicked(e -> {
            if (!dragged) {
                vm.identify(e.getX(), e.getY());
            }
        });
        canvas.setOnMouseMoved(e -> vm.hover(e.getX(), e.getY()));
        canvas.setOnScroll(e -> vm.zoom(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY()));
        vm.revisionProperty().addListener((o, a, b) -> redraw());
        root.sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                detached();
            }
        });
        vm.viewportProperty().addListener((o, a, b) -> follow(b));

        root.setCenter(canvas);
        root.setRight(side());
        Label cursor = new Label();
        cursor.setId("map-cursor");
        cursor.textProperty().bind(vm.cursorProperty());
        Label message = new Label();
        message.setId("map-message");
        message.textProperty().bind(vm.messageProperty());
        HBox status = new HBox(16, cursor, message);
        status.setPadding(new Insets(6, 0, 0, 0));
        root.setBottom(status);
    }

    private VBox side() {
        ListView<MapViewModel.Item> list = new ListView<>(vm.layers());
        list.setId("map-layers");
        list.setPrefHeight(200);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(MapViewModel.Item item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                CheckBox box = new CheckBox(item.name());
                box.setSelected(item.visibleProperty().get());
                box.selectedProperty().addListener((o, a, b) -> vm.setVisible(item, b));
                setGraphic(box);
                setText(null);
            }
        });
        Button up = new Button(Messages.get("map.ui.up"));
        up.setOnAction(e -> move(list, -1));
        Button down = new Button(Messages.get("map.ui.down"));
        down.setOnAction(e -> move(list, 1));
        ColorPicker fill = new ColorPicker();
        ColorPicker stroke = new ColorPicker();
        ChoiceBox<String> label = new ChoiceBox<>();
        ChoiceBox<String> graduated = new ChoiceBox<>();
        for (javafx.scene.control.Control c : List.of(fill, stroke, label, graduated)) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        String none = Messages.get("map.ui.none");
        boolean[] updating = {false};
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item == null) {
                return;
            }
            updating[0] = true;
            LayerStyle s = item.styleProperty().get();
            fill.setValue(fx(s.fill()));
            stroke.setValue(fx(s.stroke()));
            List<String> fields = new ArrayList<>();
            fields.add(none);
            fields.addAll(item.layer().fields());
            label.getItems().setAll(fields);
            label.setValue(s.labelField() == null ? none : s.labelField());
            graduated.getItems().setAll(fields);
            graduated.setValue(s.graduated() == null ? none : s.graduated().field());
            updating[0] = false;
        });
        fill.setOnAction(e -> withSelected(list, updating, (item, s) -> vm.setStyle(item, s.withFill(awt(fill.getValue())))));
        stroke.setOnAction(e -> withSelected(list, updating, (item, s) -> vm.setStyle(item, s.withStroke(awt(stroke.getValue()), s.strokeWidth()))));
        label.valueProperty().addListener((o, a, b) -> withSelected(list, updating,
                (item, s) -> vm.setStyle(item, s.withLabel(b == null || b.equals(none) ? null : b))));
        graduated.valueProperty().addListener((o, a, b) -> withSelected(list, updating,
                (item, s) -> vm.graduate(item, b == null || b.equals(none) ? null : b)));
        TableView<List<String>> attrs = ResultTables.create("map-identify", List.of(Messages.get("map.ui.field"),
                Messages.get("map.ui.value")), vm.identified(), Messages.get("map.ui.identifyEmpty"));
        VBox.setVgrow(attrs, Priority.ALWAYS);
        VBox side = new VBox(6, new Label(Messages.get("map.ui.layers")), list, new HBox(6, up, down),
                new Label(Messages.get("map.ui.fill")), fill, new Label(Messages.get("map.ui.stroke")), stroke,
                new Label(Messages.get("map.ui.label")), label, new Label(Messages.get("map.ui.graduated")), graduated,
                new Label(Messages.get("map.ui.attributes")), attrs);
        side.setPadding(new Insets(0, 0, 0, 10));
        side.setPrefWidth(280);
        return side;
    }

    private interface StyleEdit {
        void apply(MapViewModel.Item item, LayerStyle style);
    }

    private static void withSelected(ListView<MapViewModel.Item> list, boolean[] updating, StyleEdit edit) {
        MapViewModel.Item item = list.getSelectionModel().getSelectedItem();
        if (item != null && !updating[0]) {
            edit.apply(item, item.styleProperty().get());
        }
    }

    private void move(ListView<MapViewModel.Item> list, int delta) {
        MapViewModel.Item item = list.getSelectionModel().getSelectedItem();
        if (item != null) {
            vm.move(item, delta);
            list.getSelectionModel().select(item);
        }
    }

    private static Color fx(java.awt.Color c) {
        return c == null ? Color.TRANSPARENT : Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    private static java.awt.Color awt(Color c) {
        return c == null || c.getOpacity() == 0 ? null : new java.awt.Color((float) c.getRed(), (float) c.getGreen(),
                (float) c.getBlue(), (float) c.getOpacity());
    }

    /** While a new picture is drawn, the old one follows pans. */
    private void follow(Viewport now) {
        if (rendered != null && Math.abs(rendered.pixelsPerUnit() - now.pixelsPerUnit()) < 1e-12 * now.pixelsPerUnit()) {
            image.setTranslateX((rendered.centreX() - now.centreX()) * now.pixelsPerUnit());
            image.setTranslateY(-(rendered.centreY() - now.centreY()) * now.pixelsPerUnit());
        }
    }

    private void redraw() {
        List<MapLayer> layers = vm.mapLayers();
        List<cn.ecoaid.geo.TileSource> tiles = List.copyOf(vm.basemaps());
        Viewport v = vm.viewportProperty().get();
        String crs = vm.viewCrsProperty().get();
        long ticket = latest.incrementAndGet();
        renderer.submit(() -> {
            if (ticket != latest.get()) {
                return;
            }
            BufferedImage img = MapViewModel.render(layers, tiles, v, crs);
            Platform.runLater(() -> {
                if (ticket == latest.get()) {
                    image.setImage(SwingFXUtils.toFXImage(img, null));
                    rendered = v;
                    follow(vm.viewportProperty().get());
                }
            });
        });
    }
}
