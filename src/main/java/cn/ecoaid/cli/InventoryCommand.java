package cn.ecoaid.cli;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.geo.GaussKruger;
import cn.ecoaid.geo.GridAllocator;
import cn.ecoaid.geo.RegularGrid;
import cn.ecoaid.inventory.Activity;
import cn.ecoaid.inventory.Aggregation;
import cn.ecoaid.inventory.CoalMassBalance;
import cn.ecoaid.inventory.ControlTable;
import cn.ecoaid.inventory.Emission;
import cn.ecoaid.inventory.EmissionFactor;
import cn.ecoaid.inventory.FactorLibrary;
import cn.ecoaid.inventory.InventoryCalculator;
import cn.ecoaid.inventory.InventoryFiles;
import cn.ecoaid.inventory.InventoryGridding;
import cn.ecoaid.inventory.InventoryRepository;
import cn.ecoaid.inventory.Pollutant;
import cn.ecoaid.inventory.SavedInventory;
import cn.ecoaid.inventory.Scenario;
import cn.ecoaid.inventory.SourceTree;
import cn.ecoaid.inventory.TemporalProfiles;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.map.LayerFiles;
import cn.ecoaid.store.Workspace;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inventory compute|grid|scenario}: the air-pollutant emission inventory on files. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Air-pollutant emission inventory: compute, grid, scenarios (T/CSES 144—2024)",
        subcommands = {InventoryCommand.Compute.class, InventoryCommand.Grid.class, InventoryCommand.ScenarioRun.class,
            InventoryCommand.Save.class, InventoryCommand.ListSaved.class})
public final class InventoryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by compute and scenario: the factor library and the control table. */
    static final class LibraryOptions {
        @Option(names = "--factors", description = "the user's emission factors (CSV/XLSX, docs/formats.md)")
        List<Path> factors = new ArrayList<>();

        @Option(names = "--emep", description = "EMEP/EEA Guidebook factor database CSV to load (e.g. EMEP_20260207.csv)")
        Path emep;

        @Option(names = "--emep-type", defaultValue = "Tier 1", description = "EMEP rows whose Type contains this (default: ${DEFAULT-VALUE})")
        String emepType;

        @Option(names = "--controls", description = "extra control measures in the columns of T/CSES 144 Table A.1 (%)")
        Path controls;

        @Option(names = "--no-shipped", description = "do not use the shipped factors (T/CSES 144 Tables D.1 and E.7, EMEP subset)")
        boolean noShipped;

        @Option(names = "--library", description = "platform[:VERSION]: also use the platform's emission-factor library pulled into"
                + " --workspace (the newest version held, or that one); a kept inventory records it")
        String library;

        /** The platform factor-library version in use, once resolved against a workspace. */
        cn.ecoaid.library.LibraryVersion platformVersion;
        List<EmissionFactor> platformFactors = List.of();

        /** Prints which platform library version the results used. */
        void printLibrary(PrintWriter w) {
            if (platformVersion != null) {
                w.println(Messages.get("library.cli.used", Messages.get("library.kind." + platformVersion.kind().name()),
                        platformVersion.shortRef(), platformVersion.sha256()));
            }
        }

        InventoryCalculator calculator() {
            List<EmissionFactor> all = new ArrayList<>();
            if (!noShipped) {
                all.addAll(FactorLibrary.tcses144());
                all.addAll(FactorLibrary.emepShippedSubset());
            }
            if (emep != null) {
                all.addAll(FactorLibrary.emep(TableFiles.read(emep), "EMEP/EEA Guidebook EF database (" + emep.getFileName() + ")",
                        emepType));
            }
            for (Path f : factors) {
                all.addAll(FactorLibrary.readUser(TableFiles.read(f)));
            }
            all.addAll(platformFactors);
            ControlTable ct = ControlTable.tcses144();
            if (controls != null) {
                ct = ct.with(TableFiles.read(controls), controls.getFileName().toString(), "user", false);
            }
            return new InventoryCalculator(new FactorLibrary(all), ct, CoalMassBalance.tcses144());
        }
    }

    /**
     * Where the activity records come from: a file ({@code --activities}) or an inventory kept in a workspace
     * ({@code --workspace W [--inventory NAME]}), whose stored factors, controls and measures are used unless the
     * command line names others.
     */
    static final class WorkspaceSource {
        @Option(names = "--workspace", description = "take the inputs from an inventory kept in this workspace")
        Path workspace;

        @Option(names = "--inventory", description = "name of the inventory in the workspace (default: the only or newest one)")
        String inventory;

        /** The activity file to read; fills in the library and measures from the stored inventory where not given. */
        Path resolve(Path activities, LibraryOptions lib, Path[] measures) {
            if (activities == null && workspace == null || activities != null && workspace != null && lib.library == null) {
                throw new EcoAidException("inventory.cli.activitiesOrWorkspace");
            }
            if (workspace == null) {
                if (lib.library != null) {
                    throw new EcoAidException("library.error.needsWorkspace", lib.library);
                }
                return activities;
            }
            if (activities != null) {
                try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                    usePlatformLibrary(ws, lib, cn.ecoaid.library.LibraryRef.parse(lib.library));
                }
                return activities;
            }
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                InventoryRepository repo = ws.inventories();
                SavedInventory inv;
                if (inventory != null) {
                    inv = repo.findByName(inventory).orElseThrow(() -> new EcoAidException("inventory.store.notFound", inventory));
                } else {
                    List<SavedInventory> all = repo.list();
                    if (all.isEmpty()) {
                        throw new EcoAidException("inventory.cli.noneStored", workspace);
                    }
                    inv = all.get(0);
                }
                Map<SavedInventory.Role, Path> files = repo.copyAllToTemp(inv);
                var libraries = cn.ecoaid.store.SqliteLibraryRepository.of(ws);
                if (lib.library != null) {
                    usePlatformLibrary(ws, lib, cn.ecoaid.library.LibraryRef.parse(lib.library));
                    libraries.recordUse(INVENTORY, inv.id(), lib.platformVersion);
                } else {
                    var used = libraries.use(INVENTORY, inv.id(), cn.ecoaid.library.LibraryKind.FACTORS);
                    if (used.isPresent()) {
                        usePlatformLibrary(ws, lib, used.get().version());
                    }
                }
                if (lib.factors.isEmpty() && files.containsKey(SavedInventory.Role.FACTORS)) {
                    lib.factors.add(files.get(SavedInventory.Role.FACTORS));
                }
                if (lib.controls == null && files.containsKey(SavedInventory.Role.CONTROLS)) {
                    lib.controls = files.get(SavedInventory.Role.CONTROLS);
                }
                if (measures != null && measures[0] == null && files.containsKey(SavedInventory.Role.MEASURES)) {
                    measures[0] = files.get(SavedInventory.Role.MEASURES);
                }
                return files.get(SavedInventory.Role.ACTIVITIES);
            }
        }
    }

    /** The entity name under which an inventory's library use is recorded. */
    static final String INVENTORY = "inventory";

    /** Loads a held version of the platform's factor library into {@code lib}. */
    static void usePlatformLibrary(Workspace ws, LibraryOptions lib, long version) {
        var repo = cn.ecoaid.store.SqliteLibraryRepository.of(ws);
        cn.ecoaid.library.LibraryVersion v = repo.require(cn.ecoaid.library.LibraryKind.FACTORS, version);
        lib.platformVersion = v;
        lib.platformFactors = cn.ecoaid.library.LibraryRef.factors(repo.content(v));
    }

    @Command(name = "save", mixinStandardHelpOptions = true, description = "Keep an inventory (its input files) in a workspace")
    static final class Save implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true)
        Path workspace;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--year", required = true)
        int year;

        @Option(names = "--notes", defaultValue = "")
        String notes;

        @Option(names = "--activities", required = true, description = "activity records (CSV/XLSX)")
        Path activities;

        @Option(names = "--factors", description = "the user's emission factors")
        Path factors;

        @Option(names = "--controls", description = "extra control measures (T/CSES 144 Table A.1 columns)")
        Path controls;

        @Option(names = "--measures", description = "reduction scenarios and their measures")
        Path measures;

        @Option(names = "--library", description = "platform[:VERSION]: the inventory uses the platform's emission-factor library"
                + " pulled into the workspace (recorded with the inventory)")
        String library;

        @Override
        public void run() {
            long libraryVersion = library == null ? -1 : cn.ecoaid.library.LibraryRef.parse(library);
            Map<SavedInventory.Role, Path> files = new java.util.EnumMap<>(SavedInventory.Role.class);
            files.put(SavedInventory.Role.ACTIVITIES, activities);
            if (factors != null) {
                files.put(SavedInventory.Role.FACTORS, factors);
            }
            if (controls != null) {
                files.put(SavedInventory.Role.CONTROLS, controls);
            }
            if (measures != null) {
                files.put(SavedInventory.Role.MEASURES, measures);
            }
            // Read everything once before storing, so a file with bad rows is refused before it enters the workspace.
            InventoryFiles.readActivities(TableFiles.read(activities));
            if (factors != null) {
                FactorLibrary.readUser(TableFiles.read(factors));
            }
            if (measures != null) {
                InventoryFiles.readMeasures(TableFiles.read(measures));
            }
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                var libraries = cn.ecoaid.store.SqliteLibraryRepository.of(ws);
                cn.ecoaid.library.LibraryVersion v = libraryVersion < 0 ? null
                        : libraries.require(cn.ecoaid.library.LibraryKind.FACTORS, libraryVersion);
                SavedInventory inv = ws.inventories().create(name, year, notes, files);
                if (v != null) {
                    libraries.recordUse(INVENTORY, inv.id(), v);
                }
                spec.commandLine().getOut().println(Messages.get("inventory.cli.saved", inv.name(), Integer.toString(inv.year()),
                        inv.inputs().size(), workspace));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The inventories kept in a workspace")
    static final class ListSaved implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true)
        Path workspace;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                for (SavedInventory inv : ws.inventories().list()) {
                    StringBuilder files = new StringBuilder();
                    inv.inputs().forEach((role, in) -> files.append(files.length() == 0 ? "" : ", ")
                            .append(role.name().toLowerCase(Locale.ROOT)).append('=').append(in.fileName()));
                    for (cn.ecoaid.library.LibraryUse u : cn.ecoaid.store.SqliteLibraryRepository.of(ws).uses(INVENTORY, inv.id())) {
                        files.append(files.length() == 0 ? "" : ", ").append(u.kind().id()).append('=').append(u.shortRef());
                    }
                    w.println(inv.name() + "\t" + inv.year() + "\t" + files);
                }
            }
        }
    }

    static void checkTree(List<Activity> activities, String tree) {
        if (tree.equalsIgnoreCase("none")) {
            return;
        }
        SourceTree t = switch (tree.toLowerCase(Locale.ROOT)) {
            case "tcses144" -> SourceTree.tcses144();
            case "city2017" -> SourceTree.city2017();
            default -> throw new EcoAidException("inventory.error.unknownTree", tree);
        };
        for (Activity a : activities) {
            boolean known = t.root(a.category()).isPresent()
                    || t.nodes().stream().anyMatch(n -> n.level() == 1 && n.name().equals(a.category()));
            if (!known) {
                throw new EcoAidException("inventory.error.unknownCategory", a.id(), a.category(), t.id());
            }
        }
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    @Command(name = "compute", mixinStandardHelpOptions = true, description = "Emissions of activity records, totals by chosen dimensions")
    static final class Compute implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--activities", description = "activity records (CSV/XLSX); or --workspace")
        Path activities;

        @CommandLine.Mixin
        WorkspaceSource source;

        @CommandLine.Mixin
        LibraryOptions lib;

        @Option(names = "--by", defaultValue = "pollutant,category,county",
                description = "grouping: pollutant, category, level1…level4, county, type, source, method, document (default: ${DEFAULT-VALUE})")
        String by;

        @Option(names = "--tree", defaultValue = "tcses144", description = "check first-level categories against tcses144, city2017 or none")
        String tree;

        @Option(names = "--compare", description = "a second activity file (e.g. last year); --out then holds both and the change")
        Path compare;

        @Option(names = "--out", required = true, description = "totals (CSV/XLSX)")
        Path out;

        @Option(names = "--details", description = "every emission with its factor, document and clause (CSV/XLSX)")
        Path details;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            Path activityFile = source.resolve(activities, lib, null);
            InventoryCalculator calc = lib.calculator();
            List<Activity> acts = InventoryFiles.readActivities(TableFiles.read(activityFile));
            checkTree(acts, tree);
            List<Aggregation.Dim> dims = Aggregation.parse(by);
            Aggregation agg = new Aggregation(dims);
            List<List<String>> detailRows = new ArrayList<>();
            long[] count = new long[1];
            calc.computeAll(acts, e -> {
                agg.accept(e);
                count[0]++;
                if (details != null) {
                    detailRows.add(detail(e));
                }
            }, ProgressListener.NONE);
            List<String> headers = new ArrayList<>();
            dims.forEach(d -> headers.add(d.header()));
            List<List<String>> rows = new ArrayList<>();
            if (compare == null) {
                headers.addAll(List.of("emitted_t", "generated_t", "records"));
                for (Aggregation.Row r : agg.rows()) {
                    List<String> row = new ArrayList<>(r.key());
                    row.addAll(List.of(num(r.emittedKg() / 1000), num(r.generatedKg() / 1000), Long.toString(r.count())));
                    rows.add(row);
                }
            } else {
                List<Activity> other = InventoryFiles.readActivities(TableFiles.read(compare));
                checkTree(other, tree);
                Aggregation b = new Aggregation(dims);
                calc.computeAll(other, b, ProgressListener.NONE);
                headers.addAll(List.of("a_t", "b_t", "diff_t", "change_pct"));
                for (Aggregation.Comparison c : Aggregation.compare(agg, b)) {
                    List<String> row = new ArrayList<>(c.key());
                    row.addAll(List.of(num(c.aKg() / 1000), num(c.bKg() / 1000), num(c.diffKg() / 1000), num(c.changePct())));
                    rows.add(row);
                }
            }
            TableFiles.write(out, headers, rows);
            if (details != null) {
                TableFiles.write(details, List.of("record_id", "source", "county", "category", "level1", "level2", "level3",
                        "level4", "pollutant", "method", "generated_kg", "eta", "emitted_kg", "factor_id", "factor_value",
                        "factor_unit", "document", "clause", "status"), detailRows);
            }
            w.println(Messages.get("inventory.cli.computed", acts.size(), count[0], rows.size(), out));
            lib.printLibrary(w);
        }

        private static List<String> detail(Emission e) {
            Activity a = e.activity();
            List<String> row = new ArrayList<>(List.of(a.id(), a.source(), a.county()));
            row.addAll(a.path());
            row.addAll(List.of(e.pollutant().label(), e.method().name(), num(e.generatedKg()), num(e.eta()), num(e.emittedKg()),
                    e.factor().id(), num(e.factor().value()), e.factor().unit(), e.factor().document(), e.factor().clause(),
                    e.factor().status()));
            return row;
        }
    }

    @Command(name = "grid", mixinStandardHelpOptions = true, description = "Allocate annual emissions to a regular grid (CGCS2000 Gauss-Krüger)")
    static final class Grid implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--sources", required = true, description = "sources with lon/lat or WKT polygons and annual t per pollutant")
        Path sources;

        @Option(names = "--proxies", description = "proxy layers: layer, weight, wkt")
        Path proxies;

        @Option(names = "--cell", defaultValue = "3000", description = "cell size in m (1000, 3000, 9000 …; default ${DEFAULT-VALUE})")
        double cell;

        @Option(names = "--lon", description = "city longitude choosing the Gauss-Krüger zone (default: mean of the sources)")
        Double lon;

        @Option(names = "--out", required = true, description = "grid cells with annual t per pollutant (CSV/XLSX, or .gpkg/.geojson: cell squares in the Gauss-Krüger zone)")
        Path out;

        @Option(names = "--date", description = "a day (YYYY-MM-DD) for hourly emissions (with --hourly)")
        LocalDate date;

        @Option(names = "--hourly", description = "hourly emissions of --date per cell (CSV)")
        Path hourly;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            if (!(cell > 0)) {
                throw new EcoAidException("geo.grid.error.size", cell, 0, 0);
            }
            List<InventoryGridding.GridSource> src = InventoryGridding.readSources(TableFiles.read(sources));
            Map<String, List<GridAllocator.WeightedPolygon>> px = proxies == null ? Map.of()
                    : InventoryGridding.readProxies(TableFiles.read(proxies));
            double cityLon = lon == null ? Double.NaN : lon;
            InventoryGridding.Result r = InventoryGridding.grid(src, px, cell, cityLon, ProgressListener.NONE);
            RegularGrid g = r.allocation().grid();
            GaussKruger gk = new GaussKruger(r.zone());
            List<String> headers = new ArrayList<>(List.of("cell", "row", "col", "x", "y", "lon", "lat"));
            r.pollutants().forEach(p -> headers.add(p.label() + "_t"));
            List<List<String>> rows = new ArrayList<>();
            for (int c = 0; c < g.cells(); c++) {
                boolean any = false;
                for (int k = 0; k < r.pollutants().size(); k++) {
                    any |= r.allocation().layer(k)[c] != 0;
                }
                if (!any) {
                    continue;
                }
                double[] ll = gk.unproject(g.centerX(c), g.centerY(c));
                List<String> row = new ArrayList<>(List.of(Integer.toString(c), Integer.toString(c / g.nCols()),
                        Integer.toString(c % g.nCols()), num(g.centerX(c)), num(g.centerY(c)),
                        String.format(Locale.ROOT, "%.6f", ll[0]), String.format(Locale.ROOT, "%.6f", ll[1])));
                for (int k = 0; k < r.pollutants().size(); k++) {
                    row.add(num(r.allocation().layer(k)[c] / 1000));
                }
                rows.add(row);
            }
            String ext = LayerFiles.extension(out);
            if (ext.equals("gpkg") || ext.equals("geojson")) {
                LayerFiles.write(InventoryGridding.toLayer(r, "emission_grid"), out);
            } else {
                TableFiles.write(out, headers, rows);
            }
            w.println(Messages.get("inventory.cli.grid", Integer.toString(r.zone().epsg()), Integer.toString(r.zone().centralMeridian()), g.nCols(), g.nRows(),
                    num(g.cellSize()), rows.size(), out));
            for (int k = 0; k < r.pollutants().size(); k++) {
                double inside = 0;
                for (double v : r.allocation().layer(k)) {
                    inside += v;
                }
                w.println(Messages.get("inventory.cli.gridTotal", r.pollutants().get(k).label(),
                        num(r.allocation().added(k) / 1000), num(inside / 1000), num(r.allocation().outside(k) / 1000)));
            }
            if (hourly != null) {
                if (date == null) {
                    throw new EcoAidException("inventory.error.needDate");
                }
                double[][][] h = InventoryGridding.hourly(src, px, cell, cityLon, date, TemporalProfiles.tcses144());
                List<List<String>> hr = new ArrayList<>();
                for (int k = 0; k < r.pollutants().size(); k++) {
                    for (int hour = 0; hour < 24; hour++) {
                        for (int c = 0; c < g.cells(); c++) {
                            double v = h[k][hour][c];
                            if (v != 0) {
                                hr.add(List.of(date.toString(), Integer.toString(hour), Integer.toString(c),
                                        r.pollutants().get(k).label(), num(v)));
                            }
                        }
                    }
                }
                TableFiles.write(hourly, List.of("date", "hour", "cell", "pollutant", "emission_kg"), hr);
                w.println(Messages.get("inventory.cli.hourly", date, hr.size(), hourly));
            }
        }
    }

    @Command(name = "scenario", mixinStandardHelpOptions = true, description = "Reduction scenarios: measures applied to selections")
    static final class ScenarioRun implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--activities", description = "activity records (CSV/XLSX); or --workspace")
        Path activities;

        @CommandLine.Mixin
        WorkspaceSource source;

        @CommandLine.Mixin
        LibraryOptions lib;

        @Option(names = "--measures", description = "measures: scenario, measure_id, selection, action, value …"
                + " (default with --workspace: the inventory's stored measures)")
        Path measures;

        @Option(names = "--out", required = true, description = "reduction per scenario, measure and pollutant (CSV/XLSX)")
        Path out;

        @Option(names = "--side-by-side", description = "scenario totals side by side per pollutant (CSV/XLSX)")
        Path sideBySide;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            Path[] measureFile = {measures};
            Path activityFile = source.resolve(activities, lib, measureFile);
            if (measureFile[0] == null) {
                throw new EcoAidException("inventory.cli.noMeasures");
            }
            InventoryCalculator calc = lib.calculator();
            List<Activity> acts = InventoryFiles.readActivities(TableFiles.read(activityFile));
            List<Scenario> scenarios = InventoryFiles.readMeasures(TableFiles.read(measureFile[0]));
            List<Scenario.Result> results = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (Scenario s : scenarios) {
                Scenario.Result r = s.run(calc, acts);
                results.add(r);
                for (Scenario.Measure m : s.measures()) {
                    for (Map.Entry<Pollutant, Double> e : r.reductionByMeasureKg().get(m.id()).entrySet()) {
                        double base = r.baseKg().getOrDefault(e.getKey(), 0.0);
                        rows.add(List.of(s.name(), m.id(), m.name(), e.getKey().label(), num(base / 1000), "",
                                num(e.getValue() / 1000), num(base == 0 ? Double.NaN : e.getValue() / base * 100)));
                    }
                }
                for (Map.Entry<Pollutant, Double> e : r.baseKg().entrySet()) {
                    double after = r.scenarioKg().getOrDefault(e.getKey(), 0.0);
                    double base = e.getValue();
                    rows.add(List.of(s.name(), "*", "*", e.getKey().label(), num(base / 1000), num(after / 1000),
                            num((base - after) / 1000), num(base == 0 ? Double.NaN : (base - after) / base * 100)));
                }
            }
            TableFiles.write(out, List.of("scenario", "measure_id", "measure_name", "pollutant", "base_t", "scenario_t",
                    "reduction_t", "reduction_pct"), rows);
            List<String> sh = new ArrayList<>(List.of("pollutant", "base_t"));
            results.forEach(r -> {
                sh.add(r.scenario() + "_t");
                sh.add(r.scenario() + "_reduction_pct");
            });
            List<List<String>> side = new ArrayList<>();
            for (Scenario.Comparison c : Scenario.sideBySide(results)) {
                List<String> row = new ArrayList<>(List.of(c.pollutant().label(), num(c.baseKg() / 1000)));
                for (int i = 0; i < results.size(); i++) {
                    row.add(num(c.scenarioKg().get(i) / 1000));
                    row.add(num(c.reductionPct(i)));
                }
                side.add(row);
            }
            if (sideBySide != null) {
                TableFiles.write(sideBySide, sh, side);
            }
            w.println(String.join("\t", sh));
            side.forEach(r -> w.println(String.join("\t", r)));
            w.println(Messages.get("inventory.cli.scenarios", scenarios.size(), rows.size(), out));
            lib.printLibrary(w);
        }
    }
}
