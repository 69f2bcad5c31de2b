package cn.ecoaid.ui.main;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.inventory.InventoryView;
import cn.ecoaid.ui.inventory.InventoryViewModel;
import cn.ecoaid.ui.overview.OverviewView;
import cn.ecoaid.ui.overview.OverviewViewModel;
import cn.ecoaid.ui.sites.SitesView;
import cn.ecoaid.ui.sites.SitesViewModel;
import cn.ecoaid.ui.util.BackgroundTask;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Main window: navigation on the left, the section's page in the centre, tasks and sync state in the status bar. */
public final class MainView {
    private final MainViewModel vm;
    private final Runnable onPreferences;
    private final Runnable onClose;
    private final BorderPane root = new BorderPane();
    private final SitesViewModel sites;
    private final OverviewViewModel overview;
    private final InventoryViewModel inventory;
    private final cn.ecoaid.ui.air.AirViewModel air;
    private final cn.ecoaid.ui.water.WaterViewModel water;
    private final cn.ecoaid.ui.pmf.PmfViewModel pmf;
    private final cn.ecoaid.ui.solution.SolutionViewModel solution;

    public MainView(MainViewModel vm, Runnable onPreferences, Runnable onClose) {
        this.vm = vm;
        this.onPreferences = onPreferences;
        this.onClose = onClose;
        this.sites = new SitesViewModel(vm.workspace().sites(), vm.executor(), vm::refreshStatus);
        this.overview = new OverviewViewModel(vm.workspace());
        this.inventory = new InventoryViewModel(vm.workspace().inventories(),
                cn.ecoaid.store.SqliteLayerRepository.of(vm.workspace()), vm.executor());
        this.inventory.useLibraries(cn.ecoaid.store.SqliteLibraryRepository.of(vm.workspace()));
        this.air = new cn.ecoaid.ui.air.AirViewModel(vm.executor(), vm.workspace().air());
        this.water = new cn.ecoaid.ui.water.WaterViewModel(vm.executor(), vm.workspace().water(), vm.workspace().sites());
        this.pmf = new cn.ecoaid.ui.pmf.PmfViewModel(vm.executor(), vm.workspace().pmf());
        this.solution = cn.ecoaid.ui.solution.SolutionViewModel.forWorkspace(vm.workspace(), vm.executor());
        build();
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public cn.ecoaid.ui.air.AirViewModel airViewModel() {
        return air;
    }

    public cn.ecoaid.ui.solution.SolutionViewModel solutionViewModel() {
        return solution;
    }

    public cn.ecoaid.ui.pmf.PmfViewModel pmfViewModel() {
        return pmf;
    }

    public cn.ecoaid.ui.water.WaterViewModel waterViewModel() {
        return water;
    }

    public Parent root() {
        return root;
    }

    public SitesViewModel sitesViewModel() {
        return sites;
    }

    public InventoryViewModel inventoryViewModel() {
        return inventory;
    }

    /** Shows a section as if chosen in the navigation. */
    public void select(Section section) {
        vm.sectionProperty().set(section);
    }

    private void build() {
        ListView<Section> nav = new ListView<>();
        nav.setId("nav");
        nav.getItems().setAll(Section.values());
        nav.setPrefWidth(180);
        nav.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Section item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Messages.get("nav." + item.name()));
                setId(empty || item == null ? null : "nav-" + item.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        nav.getSelectionModel().select(vm.sectionProperty().get());
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.sectionProperty().set(b);
            }
        });
        vm.sectionProperty().addListener((o, a, b) -> {
            nav.getSelectionModel().select(b);
            show(b);
        });
        root.setLeft(nav);
        root.setTop(toolbar());
        root.setBottom(statusBar());
        show(vm.sectionProperty().get());
    }

    private Node toolbar() {
        Label title = new Label(vm.title());
        title.getStyleClass().add("window-title");
        MenuButton menu = new MenuButton(Messages.get("menu.workspace"));
        menu.setId("menu-workspace");
        MenuItem prefs = new MenuItem(Messages.get("menu.preferences"));
        prefs.setId("menu-preferences");
        prefs.setOnAction(e -> onPreferences.run());
        MenuItem close = new MenuItem(Messages.get("menu.close"));
        close.setOnAction(e -> onClose.run());
        menu.getItems().addAll(prefs, close);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, title, spacer, menu);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("tool-bar");
        return bar;
    }

    private Node statusBar() {
        HBox tasks = new HBox(12);
        tasks.setId("status-tasks");
        tasks.setAlignment(Pos.CENTER_LEFT);
        vm.executor().monitor().running().addListener((ListChangeListener<BackgroundTask>) c -> {
            tasks.getChildren().clear();
            for (BackgroundTask t : vm.executor().monitor().running()) {
                ProgressBar bar = new ProgressBar();
                bar.setPrefWidth(120);
                bar.progressProperty().bind(t.progressProperty());
                Button cancel = new Button(Messages.get("status.cancel"));
                cancel.setOnAction(e -> t.cancel());
                tasks.getChildren().add(new HBox(6, new Label(t.title()), bar, cancel));
            }
        });
        Label sync = new Label();
        sync.setId("status-sync");
        sync.textProperty().bind(vm.syncStatusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, tasks, spacer, sync);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void show(Section section) {
        Node page = switch (section) {
            case OVERVIEW -> {
                overview.refresh();
                yield new OverviewView(overview).root();
            }
            case SITES -> new SitesView(sites).root();
            case INVENTORY -> new InventoryView(inventory).root();
            case AIR -> {
                air.loadStored();
                yield new cn.ecoaid.ui.air.AirView(air).root();
            }
            case MAP -> new cn.ecoaid.ui.map.MapView(new cn.ecoaid.ui.map.MapViewModel(vm.workspace(), vm.executor())).root();
            case PMF -> new cn.ecoaid.ui.pmf.PmfView(pmf).root();
            case WATER -> {
                water.loadStored();
                yield new cn.ecoaid.ui.water.WaterView(water).root();
            }
            case SOLUTION -> new cn.ecoaid.ui.solution.SolutionView(solution).root();
            case SYNC -> {
                var sync = new cn.ecoaid.ui.sync.SyncViewModel(vm.workspace(), vm.executor(), vm::refreshStatus);
                sync.setOnEnrolled(vm::enrolled);
                yield new cn.ecoaid.ui.sync.SyncView(sync).root();
            }
            case LIBRARIES -> new cn.ecoaid.ui.libraries.LibrariesView(new cn.ecoaid.ui.libraries.LibrariesViewModel(vm.workspace(), vm.executor())).root();
        };
        VBox holder = new VBox(page);
        VBox.setVgrow(page, Priority.ALWAYS);
        holder.setPadding(new Insets(12));
        root.setCenter(holder);
    }
}
