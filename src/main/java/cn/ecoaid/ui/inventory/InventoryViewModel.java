package cn.ecoaid.ui.inventory;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.inventory.Activity;
import cn.ecoaid.inventory.Aggregation;
import cn.ecoaid.inventory.EmissionFactor;
import cn.ecoaid.inventory.FactorLibrary;
import cn.ecoaid.inventory.InventoryCalculator;
import cn.ecoaid.geo.GridAllocator;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.LayerRepository;
import cn.ecoaid.inventory.InventoryFiles;
import cn.ecoaid.inventory.InventoryGridding;
import cn.ecoaid.inventory.InventoryRepository;
import cn.ecoaid.inventory.Scenario;
import cn.ecoaid.inventory.SavedInventory;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.map.MapStyles;
import cn.ecoaid.ui.util.UiExecutor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Inventory page: compute an activity file with the shipped factor library (T/CSES 144—2024 tables, EMEP subset) and
 * the user's factors, totals by the chosen dimensions, export to Excel or CSV; keep the inputs as a named inventory in the
 * workspace and open a kept one again.
 */
public final class InventoryViewModel {
    /** Groupings offered in the window (the command line accepts any combination). */
    public static final List<String> GROUPINGS = List.of("pollutant", "pollutant,category", "pollutant,category,county",
            "pollutant,county", "pollutant,type", "pollutant,level1", "pollutant,source");

    private final UiExecutor executor;
    private final InventoryRepository repository;
    private final ObservableList<SavedInventory> saved = FXCollections.observableArrayList();
    private final StringProperty saveName = new SimpleStringProperty("");
    private final StringProperty saveYear = new SimpleStringProperty("");
    private final ObjectProperty<Path> activities = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> factors = new SimpleObjectProperty<>();
    private final StringProperty grouping = new SimpleStringProperty(GROUPINGS.get(2));
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Path> measures = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> gridSources = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> gridProxies = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> cellSize = new SimpleObjectProperty<>(3000);
    private final ObservableList<List<String>> gridRows = FXCollections.observableArrayList();
    private final ObjectProperty<Layer> gridLayer = new SimpleObjectProperty<>();
    private final LayerRepository layers;
    private final ObjectProperty<SavedInventory> compareWith = new SimpleObjectProperty<>();
    private final ObservableList<Aggregation.Row> byCategory = FXCollections.observableArrayList();
    private final ObservableList<String> scenarioHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> scenarioRows = FXCollections.observableArrayList();
    private final ObservableList<Scenario.Comparison> comparisons = FXCollections.observableArrayList();
    private final ObservableList<String> scenarioNames = FXCollections.observableArrayList();
    private cn.ecoaid.store.SqliteLibraryRepository libraries;
    private final ObservableList<cn.ecoaid.library.LibraryVersion> platformLibraries = FXCollections.observableArrayList();
    private final ObjectProperty<cn.ecoaid.library.LibraryVersion> platformLibrary = new SimpleObjectProperty<>();
    private final StringProperty libraryUsed = new SimpleStringProperty("");

    public InventoryViewModel(InventoryRepository repository, LayerRepository layers, UiExecutor executor) {
        this.repository = repository;
        this.layers = layers;
        this.executor = executor;
        refreshSaved();
    }

    /** Lets the page offer the platform's emission-factor library versions held in the workspace (SYNC.md §10). */
    public void useLibraries(cn.ecoaid.store.SqliteLibraryRepository repo) {
        this.libraries = repo;
        refreshLibraries();
    }

    /** Re-reads the factor-library versions held, newest first. */
    public void refreshLibraries() {
        if (libraries == null) {
            return;
        }
        List<cn.ecoaid.library.LibraryVersion> held = new ArrayList<>(libraries.versions(cn.ecoaid.library.LibraryKind.FACTORS));
        java.util.Collections.reverse(held);
        platformLibraries.setAll(held);
    }

    /** Versions of the platform's emission-factor library held here, newest first. */
    public ObservableList<cn.ecoaid.library.LibraryVersion> platformLibraries() {
        return platformLibraries;
    }

    /** The platform factor library used besides the shipped factors and the user's file; null for none. */
    public ObjectProperty<cn.ecoaid.library.LibraryVersion> platformLibraryProperty() {
        return platformLibrary;
    }

    /** Which platform library version the shown results used (empty when none). */
    public StringProperty libraryUsedProperty() {
        return libraryUsed;
    }

    private List<EmissionFactor> platformFactors(cn.ecoaid.library.LibraryVersion v) {
        return v == null || libraries == null ? List.of() : cn.ecoaid.library.LibraryRef.factors(libraries.content(v));
    }

    private String usedText(cn.ecoaid.library.LibraryVersion v) {
        return v == null ? "" : Messages.get("library.cli.used", Messages.get("library.kind." + v.kind().name()), v.shortRef(),
                v.sha256());
    }

    /** Grid sources (points and polygons with annual tonnes, docs/formats.md "Grid sources"). */
    public ObjectProperty<Path> gridSourcesProperty() {
        return gridSources;
    }

    /** Optional proxy layers for area sources. */
    public ObjectProperty<Path> gridProxiesProperty() {
        return gridProxies;
    }

    /** Cell size in metres (1 000, 3 000 or 9 000). */
    public ObjectProperty<Integer> cellSizeProperty() {
        return cellSize;
    }

    /** Per pollutant: total, inside the grid, outside the grid (t) — the mass check of the last gridding. */
    public ObservableList<List<String>> gridRows() {
        return gridRows;
    }

    /** The last grid as a map layer (cells with emissions), or null. */
    public ObjectProperty<Layer> gridLayerProperty() {
        return gridLayer;
    }

    /** Allocates the grid sources to a regular grid in the city's Gauss-Krüger zone, in the background. */
    public void runGrid() {
        Path src = gridSources.get();
        if (src == null) {
            message.set(Messages.get("inventory.ui.noGridSources"));
            return;
        }
        Path px = gridProxies.get();
        int cell = cellSize.get();
        executor.run(Messages.get("inventory.ui.gridding", src.getFileName()), progress -> {
            List<InventoryGridding.GridSource> sources = InventoryGridding.readSources(TableFiles.read(src));
            Map<String, List<GridAllocator.WeightedPolygon>> proxies = px == null ? Map.of()
                    : InventoryGridding.readProxies(TableFiles.read(px));
            return InventoryGridding.grid(sources, proxies, cell, Double.NaN, progress);
        }, r -> {
            List<List<String>> rs = new ArrayList<>();
            for (int k = 0; k < r.pollutants().size(); k++) {
                double inside = 0;
                for (double v : r.allocation().layer(k)) {
                    inside += v;
                }
                double total = r.allocation().added(k);
                // rounding noise of the area shares (|x| below a billionth of the total) shows as 0
                double outside = Math.abs(r.allocation().outside(k)) < Math.abs(total) * 1e-9 ? 0 : r.allocation().outside(k);
                rs.add(List.of(r.pollutants().get(k).label(), num(total / 1000), num(inside / 1000), num(outside / 1000)));
            }
            gridRows.setAll(rs);
            Layer layer = InventoryGridding.toLayer(r, Messages.get("inventory.ui.gridLayerName", cell / 1000));
            gridLayer.set(layer);
            message.set(Messages.get("inventory.ui.gridded", layer.features().size(), "EPSG:" + r.zone().epsg()));
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** Keeps the last grid as a layer of the workspace's map. */
    public void keepGridLayer() {
        Layer layer = gridLayer.get();
        if (layer == null) {
            message.set(Messages.get("inventory.ui.noGrid"));
            return;
        }
        // graduated colours of the first pollutant's tonnes, five quantile classes from pale yellow to red
        String spec = "{\"stroke\": \"#99999966\", \"strokeWidth\": 0.3, \"graduated\": {\"field\": \""
                + layer.fields().get(3) + "\", \"classes\": 5, \"method\": \"quantile\", \"from\": \"#ffffcc\","
                + " \"to\": \"#bd0026\"}}";
        String style = MapStyles.toJson(MapStyles.parse(spec, MapStyles.defaultFor(layer, 0), layer));
        executor.run(Messages.get("inventory.ui.keepingGrid"), progress -> layers.add(layer, style,
                new LayerRepository.Source(String.valueOf(gridSources.get().getFileName()), "grid", "")),
                info -> message.set(Messages.get("inventory.ui.gridKept", info.name(), info.featureCount())),
                e -> message.set(ErrorText.describe(e)));
    }

    /** A kept inventory to compare the totals with (null: no comparison). */
    public ObjectProperty<SavedInventory> compareWithProperty() {
        return compareWith;
    }

    /** Emitted totals by pollutant and first-level category of the last computation, for the stacked bars. */
    public ObservableList<Aggregation.Row> byCategory() {
        return byCategory;
    }

    /** The measures file (scenarios) for {@link #runScenarios()}. */
    public ObjectProperty<Path> measuresProperty() {
        return measures;
    }

    public ObservableList<String> scenarioHeaders() {
        return scenarioHeaders;
    }

    public ObservableList<List<String>> scenarioRows() {
        return scenarioRows;
    }

    /** The last scenario run per pollutant, for the chart. */
    public ObservableList<Scenario.Comparison> comparisons() {
        return comparisons;
    }

    public ObservableList<String> scenarioNames() {
        return scenarioNames;
    }

    /** Scenario results: names in order and the side-by-side comparison. */
    record ScenarioResult(List<String> names, List<Scenario.Comparison> comparisons) {
    }

    /** Runs every scenario of the measures file over the chosen activities; side by side per pollutant. */
    public void runScenarios() {
        Path input = activities.get();
        Path m = measures.get();
        if (input == null) {
            message.set(Messages.get("inventory.ui.noActivities"));
            return;
        }
        if (m == null) {
            message.set(Messages.get("inventory.ui.noMeasures"));
            return;
        }
        Path userFactors = factors.get();
        cn.ecoaid.library.LibraryVersion lib = platformLibrary.get();
        executor.run(Messages.get("inventory.ui.runningScenarios", m.getFileName()), progress -> {
            InventoryCalculator calc = calculator(userFactors, platformFactors(lib));
            List<Activity> acts = InventoryFiles.readActivities(TableFiles.read(input));
            List<Scenario.Result> results = new ArrayList<>();
            List<Scenario> scenarios = InventoryFiles.readMeasures(TableFiles.read(m));
            for (int i = 0; i < scenarios.size(); i++) {
                progress.progress(i, scenarios.size());
                results.add(scenarios.get(i).run(calc, acts));
            }
            return new ScenarioResult(results.stream().map(Scenario.Result::scenario).toList(), Scenario.sideBySide(results));
        }, r -> {
            List<String> h = new ArrayList<>(List.of(columnTitle("pollutant"), Messages.get("inventory.ui.col.base_t")));
            for (String n : r.names()) {
                h.add(Messages.get("inventory.ui.scenarioTonnes", n));
                h.add(Messages.get("inventory.ui.scenarioReduction", n));
            }
            List<List<String>> rs = new ArrayList<>();
            for (Scenario.Comparison c : r.comparisons()) {
                List<String> row = new ArrayList<>(List.of(c.pollutant().label(), num(c.baseKg() / 1000)));
                for (int i = 0; i < r.names().size(); i++) {
                    row.add(num(c.scenarioKg().get(i) / 1000));
                    row.add(Double.isNaN(c.reductionPct(i)) ? "" : num(c.reductionPct(i)));
                }
                rs.add(row);
            }
            scenarioNames.setAll(r.names());
            scenarioHeaders.setAll(h);
            scenarioRows.setAll(rs);
            comparisons.setAll(r.comparisons());
            message.set(Messages.get("inventory.ui.scenariosDone", r.names().size()));
            libraryUsed.set(usedText(lib));
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** Inventories kept in the workspace, newest year first. */
    public ObservableList<SavedInventory> saved() {
        return saved;
    }

    public StringProperty saveNameProperty() {
        return saveName;
    }

    public StringProperty saveYearProperty() {
        return saveYear;
    }

    private void refreshSaved() {
        saved.setAll(repository.list());
    }

    /** Keeps the chosen files as a named inventory of the given year in the workspace. */
    public void save() {
        Path input = activities.get();
        if (input == null) {
            message.set(Messages.get("inventory.ui.noActivities"));
            return;
        }
        int year;
        try {
            year = Integer.parseInt(saveYear.get().strip());
        } catch (NumberFormatException e) {
            message.set(Messages.get("inventory.store.invalid.year", saveYear.get()));
            return;
        }
        String name = saveName.get();
        Map<SavedInventory.Role, Path> files = new EnumMap<>(SavedInventory.Role.class);
        files.put(SavedInventory.Role.ACTIVITIES, input);
        if (factors.get() != null) {
            files.put(SavedInventory.Role.FACTORS, factors.get());
        }
        if (measures.get() != null) {
            files.put(SavedInventory.Role.MEASURES, measures.get());
        }
        if (gridSources.get() != null) {
            files.put(SavedInventory.Role.SOURCES, gridSources.get());
        }
        if (gridProxies.get() != null) {
            files.put(SavedInventory.Role.PROXIES, gridProxies.get());
        }
        cn.ecoaid.library.LibraryVersion chosenLibrary = platformLibrary.get();
        executor.run(Messages.get("inventory.ui.saving", name), progress -> {
            // refuse a file with bad rows before it enters the workspace
            InventoryFiles.readActivities(TableFiles.read(input));
            if (files.containsKey(SavedInventory.Role.FACTORS)) {
                FactorLibrary.readUser(TableFiles.read(files.get(SavedInventory.Role.FACTORS)));
            }
            if (files.containsKey(SavedInventory.Role.MEASURES)) {
                InventoryFiles.readMeasures(TableFiles.read(files.get(SavedInventory.Role.MEASURES)));
            }
            SavedInventory inv = repository.create(name, year, "", files);
            if (chosenLibrary != null && libraries != null) {
                libraries.recordUse("inventory", inv.id(), chosenLibrary);
            }
            return inv;
        }, inv -> {
            refreshSaved();
            message.set(Messages.get("inventory.ui.saved", inv.name(), Integer.toString(inv.year())));
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** Takes the input files of a kept inventory (copied out of the workspace) as the current choice. */
    public void open(SavedInventory inv) {
        if (inv == null) {
            return;
        }
        executor.run(Messages.get("inventory.ui.opening", inv.name()), progress -> {
            Map<SavedInventory.Role, Path> f = repository.copyAllToTemp(inv);
            usedLibrary = libraries == null ? null : libraries.use("inventory", inv.id(), cn.ecoaid.library.LibraryKind.FACTORS)
                    .flatMap(u -> libraries.version(u.kind(), u.version())).orElse(null);
            return new Path[] {f.get(SavedInventory.Role.ACTIVITIES), f.get(SavedInventory.Role.FACTORS),
                f.get(SavedInventory.Role.MEASURES), f.get(SavedInventory.Role.SOURCES), f.get(SavedInventory.Role.PROXIES)};
        }, paths -> {
            activities.set(paths[0]);
            factors.set(paths[1]);
            measures.set(paths[2]);
            gridSources.set(paths[3]);
            gridProxies.set(paths[4]);
            refreshLibraries();
            platformLibrary.set(usedLibrary);
            saveName.set(inv.name());
            saveYear.set(Integer.toString(inv.year()));
            message.set(Messages.get("inventory.ui.opened", inv.name(), Integer.toString(inv.year())));
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** The library version a kept inventory recorded, found while opening it. */
    private volatile cn.ecoaid.library.LibraryVersion usedLibrary;

    public ObjectProperty<Path> activitiesProperty() {
        return activities;
    }

    public ObjectProperty<Path> factorsProperty() {
        return factors;
    }

    public StringProperty groupingProperty() {
        return grouping;
    }

    public ObservableList<String> headers() {
        return headers;
    }

    public ObservableList<List<String>> rows() {
        return rows;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** A translated column title for a grouping dimension or total. */
    public static String columnTitle(String header) {
        return Messages.get("inventory.ui.col." + header.toLowerCase(Locale.ROOT));
    }

    /** Result of one computation: the totals table, emissions by pollutant and first-level category, and counts. */
    record Result(List<String> headers, List<List<String>> rows, List<Aggregation.Row> byCategory, int activities,
                  long emissions) {
    }

    public void compute() {
        Path input = activities.get();
        if (input == null) {
            message.set(Messages.get("inventory.ui.noActivities"));
            return;
        }
        Path userFactors = factors.get();
        List<Aggregation.Dim> dims = Aggregation.parse(grouping.get());
        SavedInventory other = compareWith.get();
        cn.ecoaid.library.LibraryVersion lib = platformLibrary.get();
        executor.run(Messages.get("inventory.ui.computing", input.getFileName()),
                progress -> other == null ? run(input, userFactors, platformFactors(lib), dims, progress)
                        : runCompared(input, userFactors, platformFactors(lib), other, dims, progress),
                r -> {
                    libraryUsed.set(usedText(lib));
                    headers.setAll(r.headers());
                    rows.setAll(r.rows());
                    byCategory.setAll(r.byCategory());
                    message.set(Messages.get("inventory.ui.computed", r.activities(), r.emissions(), r.rows().size()));
                },
                e -> message.set(ErrorText.describe(e)));
    }

    /** Emissions of an activity file into the given aggregations. */
    private static long accumulate(Path input, Path userFactors, List<EmissionFactor> platform, List<Aggregation> into,
                                   ProgressListener progress) {
        InventoryCalculator calc = calculator(userFactors, platform);
        List<Activity> acts = InventoryFiles.readActivities(TableFiles.read(input));
        long[] count = new long[1];
        calc.computeAll(acts, e -> {
            into.forEach(a -> a.accept(e));
            count[0]++;
        }, progress);
        return count[0];
    }

    /** This inventory against a kept one ("a", the reference): both totals, the difference and the change in %. */
    private Result runCompared(Path input, Path userFactors, List<EmissionFactor> platform, SavedInventory other,
                               List<Aggregation.Dim> dims, ProgressListener progress) {
        Aggregation mine = new Aggregation(dims);
        Aggregation byCat = new Aggregation(Aggregation.parse("pollutant,category"));
        long count = accumulate(input, userFactors, platform, List.of(mine, byCat), progress);
        Map<SavedInventory.Role, Path> otherFiles = repository.copyAllToTemp(other);
        Path otherActs = otherFiles.get(SavedInventory.Role.ACTIVITIES);
        Path otherFactors = otherFiles.get(SavedInventory.Role.FACTORS);
        Aggregation reference = new Aggregation(dims);
        cn.ecoaid.library.LibraryVersion otherLib = libraries == null ? null
                : libraries.use("inventory", other.id(), cn.ecoaid.library.LibraryKind.FACTORS)
                        .flatMap(u -> libraries.version(u.kind(), u.version())).orElse(null);
        accumulate(otherActs, otherFactors, platformFactors(otherLib), List.of(reference), ProgressListener.NONE);
        List<String> headers = new ArrayList<>();
        dims.forEach(d -> headers.add(columnTitle(d.header())));
        headers.add(Messages.get("inventory.ui.compareThis"));
        headers.add(Messages.get("inventory.ui.compareOther", other.name()));
        headers.add(Messages.get("inventory.ui.compareDiff"));
        headers.add(Messages.get("inventory.ui.compareChange"));
        List<List<String>> rows = new ArrayList<>();
        for (Aggregation.Comparison c : Aggregation.compare(reference, mine)) {
            List<String> row = new ArrayList<>(c.key());
            row.add(num(c.bKg() / 1000));
            row.add(num(c.aKg() / 1000));
            row.add(num(c.diffKg() / 1000));
            row.add(Double.isNaN(c.changePct()) ? "" : num(c.changePct()));
            rows.add(row);
        }
        return new Result(headers, rows, byCat.rows(), mine.rows().size(), count);
    }

    static Result run(Path input, Path userFactors, List<Aggregation.Dim> dims, ProgressListener progress) {
        return run(input, userFactors, List.of(), dims, progress);
    }

    static Result run(Path input, Path userFactors, List<EmissionFactor> platform, List<Aggregation.Dim> dims,
                      ProgressListener progress) {
        Aggregation agg = new Aggregation(dims);
        Aggregation byCat = new Aggregation(Aggregation.parse("pollutant,category"));
        InventoryCalculator calc = calculator(userFactors, platform);
        List<Activity> acts = InventoryFiles.readActivities(TableFiles.read(input));
        long[] count = new long[1];
        calc.computeAll(acts, e -> {
            agg.accept(e);
            byCat.accept(e);
            count[0]++;
        }, progress);
        List<String> headers = new ArrayList<>();
        dims.forEach(d -> headers.add(columnTitle(d.header())));
        headers.add(columnTitle("emitted_t"));
        headers.add(columnTitle("generated_t"));
        headers.add(columnTitle("records"));
        List<List<String>> rows = new ArrayList<>();
        for (Aggregation.Row r : agg.rows()) {
            List<String> row = new ArrayList<>(r.key());
            row.add(num(r.emittedKg() / 1000));
            row.add(num(r.generatedKg() / 1000));
            row.add(Long.toString(r.count()));
            rows.add(row);
        }
        return new Result(headers, rows, byCat.rows(), acts.size(), count[0]);
    }

    /** The shipped factor library (T/CSES 144 tables, EMEP subset) with the user's factors, if any. */
    static InventoryCalculator calculator(Path userFactors, List<EmissionFactor> platform) {
        List<EmissionFactor> extra = new ArrayList<>(userFactors == null ? List.of() : FactorLibrary.readUser(TableFiles.read(userFactors)));
        extra.addAll(platform);
        return InventoryCalculator.shipped(extra);
    }

    public void export(Path file) {
        if (rows.isEmpty()) {
            message.set(Messages.get("inventory.ui.nothingToExport"));
            return;
        }
        List<String> h = List.copyOf(headers);
        List<List<String>> r = List.copyOf(rows);
        executor.run(Messages.get("sites.exporting", file.getFileName()), progress -> {
            TableFiles.write(file, h, r);
            return file;
        }, f -> message.set(Messages.get("inventory.ui.exported", r.size(), f)), e -> message.set(ErrorText.describe(e)));
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new EcoAidException("inventory.ui.badNumber", v);
        }
        return v == 0 ? "0" : new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
