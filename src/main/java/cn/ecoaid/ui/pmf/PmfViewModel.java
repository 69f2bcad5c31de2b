package cn.ecoaid.ui.pmf;

import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.FactorNaming;
import cn.ecoaid.pmf.Method;
import cn.ecoaid.pmf.PmfData;
import cn.ecoaid.pmf.PmfFiles;
import cn.ecoaid.pmf.PmfOutput;
import cn.ecoaid.pmf.PmfResults;
import cn.ecoaid.pmf.PmfRunRepository;
import cn.ecoaid.pmf.PmfRunner;
import cn.ecoaid.pmf.PmfRuns;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.SavedPmfRun;
import cn.ecoaid.pmf.Solution;
import cn.ecoaid.pmf.SpeciesCategory;
import cn.ecoaid.pmf.UncertaintyBuilder;
import cn.ecoaid.pmf.ofp.MirTable;
import cn.ecoaid.pmf.ofp.Ofp;
import cn.ecoaid.ui.util.UiExecutor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Source-apportionment page: read concentrations with an uncertainty file or a species table (MDL, error fraction),
 * review the signal-to-noise categories and override them, run PMF with seeded models in the background (progress and
 * cancel in the status bar), read the models, the factor profiles with suggested source names and the contributions, and
 * export everything as the {@code pmf} command does. A run can be kept in the workspace under a name with the factor
 * names the user confirmed ("保存运行"); the kept runs are listed, reopened (models, profiles, contributions and charts as
 * for a fresh run) and deleted. A second part computes the ozone formation potential of VOC samples.
 */
public final class PmfViewModel {

    private final UiExecutor executor;
    private final ObjectProperty<Path> conc = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> unc = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> speciesTable = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> factors = new SimpleObjectProperty<>(6);
    private final ObjectProperty<Integer> models = new SimpleObjectProperty<>(20);
    private final StringProperty seed = new SimpleStringProperty("42");
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.ALS);
    private final BooleanProperty robust = new SimpleBooleanProperty(true);
    private final ObservableList<List<String>> speciesRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> modelRows = FXCollections.observableArrayList();
    private final ObservableList<String> profileHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> profileRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> nameRows = FXCollections.observableArrayList();
    private final ObservableList<String> factorNames = FXCollections.observableArrayList();
    private final ObjectProperty<PmfResults> results = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Path> vocFile = new SimpleObjectProperty<>();
    private final StringProperty vocUnit = new SimpleStringProperty("ppbv");
    private final StringProperty mirSet = new SimpleStringProperty("carter");
    private final ObservableList<List<String>> ofpRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> ofpGroupRows = FXCollections.observableArrayList();

    private final PmfRunRepository runs;
    private final StringProperty runName = new SimpleStringProperty("");
    private final ObservableList<String> confirmedNames = FXCollections.observableArrayList();
    private final ObservableList<SavedPmfRun> keptRuns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> keptRows = FXCollections.observableArrayList();
    private final ObjectProperty<SavedPmfRun> openedRun = new SimpleObjectProperty<>();
    private Path loadedConc;
    private Path loadedUnc;
    private Path loadedSpecies;

    private PmfData data;
    private double[] signalToNoise;
    private final List<SpeciesCategory> categories = new ArrayList<>();
    private PreparedInput prepared;
    private PmfRunner.Batch batch;

    private final RotationViewModel rotation;
    private final PmfChartsViewModel charts;

    /** Without a workspace: runs cannot be kept. */
    public PmfViewModel(UiExecutor executor) {
        this(executor, null);
    }

    /** {@code runs}: the workspace's kept PMF runs ({@code Workspace.pmf()}), or null. */
    public PmfViewModel(UiExecutor executor, PmfRunRepository runs) {
        this.executor = executor;
        this.runs = runs;
        this.rotation = new RotationViewModel(executor, results, robust);
        this.charts = new PmfChartsViewModel(results, confirmedNames);
    }

    /** Profile, contribution, mean-contribution pie and G-space charts of the shown model. */
    public PmfChartsViewModel charts() {
        return charts;
    }

    /** The name to keep the shown run under. */
    public StringProperty runNameProperty() {
        return runName;
    }

    /** The user's names of the shown factors (one per factor; filled with the best suggestion, editable). */
    public ObservableList<String> confirmedNames() {
        return confirmedNames;
    }

    /** Runs kept in the workspace, newest first. */
    public ObservableList<SavedPmfRun> keptRuns() {
        return keptRuns;
    }

    /** Per kept run: name, created, method, factors, models, best Q(true), factor names. */
    public ObservableList<List<String>> keptRows() {
        return keptRows;
    }

    /** The kept run on show (null for a fresh run). */
    public ObjectProperty<SavedPmfRun> openedRunProperty() {
        return openedRun;
    }

    public boolean canKeep() {
        return runs != null;
    }

    /** Reads the list of kept runs (when the page is shown). */
    public void loadStored() {
        if (runs == null) {
            return;
        }
        executor.run(Messages.get("pmfstore.ui.listing"), progress -> runs.list(), this::showKept,
                e -> message.set(ErrorText.describe(e)));
    }

    private void showKept(List<SavedPmfRun> list) {
        List<List<String>> rows = new ArrayList<>();
        for (SavedPmfRun r : list) {
            SavedPmfRun.ModelSummary b = r.bestModel();
            List<String> names = new ArrayList<>();
            for (int k = 0; k < r.settings().factors(); k++) {
                names.add(r.factorName(k));
            }
            rows.add(List.of(r.name(), r.createdAt(), Messages.get("pmf.ui.method." + r.settings().method().name()),
                    Integer.toString(r.settings().factors()), Integer.toString(r.models().size()), num(b.qTrue(), 7),
                    String.join("、", names)));
        }
        keptRuns.setAll(list);
        keptRows.setAll(rows);
    }

    /** Sets the confirmed name of factor {@code k}. */
    public void setConfirmedName(int k, String name) {
        if (k >= 0 && k < confirmedNames.size()) {
            confirmedNames.set(k, name == null ? "" : name.strip());
        }
    }

    /**
     * Keeps the shown run under {@link #runNameProperty()} with the confirmed names; for a kept run on show under its
     * own name, only the confirmed names are updated.
     */
    public void save() {
        if (runs == null) {
            message.set(Messages.get("pmfstore.ui.noWorkspace"));
            return;
        }
        if (batch == null) {
            message.set(Messages.get("pmfstore.ui.nothingToSave"));
            return;
        }
        String name = runName.get() == null ? "" : runName.get().strip();
        if (name.isEmpty()) {
            message.set(Messages.get("pmf.store.invalid.name"));
            return;
        }
        List<String> names = List.copyOf(confirmedNames);
        SavedPmfRun opened = openedRun.get();
        if (opened != null && opened.name().equals(name)) {
            executor.run(Messages.get("pmfstore.ui.saving", name), progress -> runs.setFactorNames(opened.id(), names), r -> {
                openedRun.set(r);
                message.set(Messages.get("pmfstore.ui.renamed", r.name()));
                loadStored();
            }, e -> message.set(ErrorText.describe(e)));
            return;
        }
        if (opened != null) {
            message.set(Messages.get("pmfstore.ui.alreadyKept", opened.name()));
            return;
        }
        PreparedInput in = prepared;
        PmfRunner.Batch b = batch;
        java.util.Map<SavedPmfRun.Role, Path> sources = new java.util.EnumMap<>(SavedPmfRun.Role.class);
        sources.put(SavedPmfRun.Role.SOURCE_CONC, loadedConc);
        sources.put(SavedPmfRun.Role.SOURCE_UNC, loadedUnc);
        sources.put(SavedPmfRun.Role.SOURCE_SPECIES, loadedSpecies);
        List<String> weak = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (int j = 0; j < in.data().cols(); j++) {
            if (in.categories().get(j) == SpeciesCategory.WEAK) {
                weak.add(in.data().species().get(j));
            } else if (in.categories().get(j) == SpeciesCategory.BAD) {
                bad.add(in.data().species().get(j));
            }
        }
        SavedPmfRun.Preparation prep = new SavedPmfRun.Preparation(weak, bad,
                PreparedInput.totalVariable(in.data().species()), true, 0, false);
        executor.run(Messages.get("pmfstore.ui.saving", name),
                progress -> PmfRuns.save(runs, name, in, b, prep, null, null, sources, names), r -> {
                    openedRun.set(r);
                    message.set(Messages.get("pmfstore.ui.saved", r.name(), r.models().size()));
                    loadStored();
                }, e -> message.set(ErrorText.describe(e)));
    }

    record Opened(SavedPmfRun run, PreparedInput input, PmfRunner.Batch batch) {
    }

    /** Opens kept run number {@code row} of {@link #keptRuns()}: its models, factors and charts as for a fresh run. */
    public void open(int row) {
        if (runs == null || row < 0 || row >= keptRuns.size()) {
            return;
        }
        SavedPmfRun run = keptRuns.get(row);
        executor.run(Messages.get("pmfstore.ui.opening", run.name()), progress -> {
            PmfRuns.Replay replay = PmfRuns.replay(runs, run);
            return new Opened(run, replay.input(), PmfRuns.storedBatch(runs, run));
        }, o -> {
            show(o.input(), o.batch());
            data = o.input().data();
            signalToNoise = o.input().signalToNoise();
            categories.clear();
            categories.addAll(o.input().categories());
            showSpecies();
            List<String> names = new ArrayList<>();
            for (int k = 0; k < o.run().settings().factors(); k++) {
                String n = k < o.run().factorNames().size() ? o.run().factorNames().get(k) : "";
                names.add(n);
                if (!n.isBlank()) {
                    String label = Messages.get("pmf.ui.factor", k + 1) + " — " + n;
                    profileHeaders.set(k + 1, label);
                    factorNames.set(k, label);
                }
            }
            confirmedNames.setAll(names);
            openedRun.set(o.run());
            runName.set(o.run().name());
            message.set(Messages.get("pmfstore.ui.opened", o.run().name(), o.run().software(), o.run().createdAt()));
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** Deletes kept run number {@code row} of {@link #keptRuns()}. */
    public void delete(int row) {
        if (runs == null || row < 0 || row >= keptRuns.size()) {
            return;
        }
        SavedPmfRun run = keptRuns.get(row);
        executor.run(Messages.get("pmfstore.ui.deleting", run.name()), progress -> {
            runs.delete(run.id());
            return run;
        }, r -> {
            if (openedRun.get() != null && openedRun.get().id().equals(r.id())) {
                openedRun.set(null);
            }
            message.set(Messages.get("pmf.runs.deleted", r.name()));
            loadStored();
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** Error estimation and rotation of the best model (DISP, Fpeak, constraints). */
    public RotationViewModel rotation() {
        return rotation;
    }

    public ObjectProperty<Path> concProperty() {
        return conc;
    }

    public ObjectProperty<Path> uncProperty() {
        return unc;
    }

    public ObjectProperty<Path> speciesTableProperty() {
        return speciesTable;
    }

    public ObjectProperty<Integer> factorsProperty() {
        return factors;
    }

    public ObjectProperty<Integer> modelsProperty() {
        return models;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public BooleanProperty robustProperty() {
        return robust;
    }

    /** Species, S/N, category (translated), per species of the loaded data. */
    public ObservableList<List<String>> speciesRows() {
        return speciesRows;
    }

    /** Model, seed, Q(true), Q(robust), iterations, converged — the best model marked. */
    public ObservableList<List<String>> modelRows() {
        return modelRows;
    }

    public ObservableList<String> profileHeaders() {
        return profileHeaders;
    }

    /** Per species: the % of the species in each factor (the best model). */
    public ObservableList<List<String>> profileRows() {
        return profileRows;
    }

    /** Per factor: suggested source name, score and the marker evidence. */
    public ObservableList<List<String>> nameRows() {
        return nameRows;
    }

    /** "Factor 1 — 二次硫酸盐 …" per factor of the best model. */
    public ObservableList<String> factorNames() {
        return factorNames;
    }

    /** The best model's results (profiles, contributions), for the charts. */
    public ObjectProperty<PmfResults> resultsProperty() {
        return results;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Path> vocFileProperty() {
        return vocFile;
    }

    public StringProperty vocUnitProperty() {
        return vocUnit;
    }

    public StringProperty mirSetProperty() {
        return mirSet;
    }

    /** Species ranked by mean OFP: species, group, mean µg/m³, MIR, mean OFP. */
    public ObservableList<List<String>> ofpRows() {
        return ofpRows;
    }

    /** Per group: mean OFP and its share. */
    public ObservableList<List<String>> ofpGroupRows() {
        return ofpGroupRows;
    }

    record Loaded(PmfData data, double[] sn, List<SpeciesCategory> suggested) {
    }

    /** Reads the input (with the uncertainty file, or built from the species table) and suggests the categories. */
    public void load() {
        Path c = conc.get();
        if (c == null) {
            message.set(Messages.get("pmf.ui.noConc"));
            return;
        }
        Path u = unc.get();
        Path sp = speciesTable.get();
        if (u == null && sp == null) {
            message.set(Messages.get("pmf.ui.noUncertainty"));
            return;
        }
        executor.run(Messages.get("pmf.ui.loading", c.getFileName()), progress -> {
            PmfData d;
            if (u != null) {
                d = PmfFiles.read(c, u);
            } else {
                var specs = UncertaintyBuilder.readSpecies(TableFiles.read(sp), sp.getFileName().toString());
                d = UncertaintyBuilder.build(TableFiles.read(c), c.getFileName().toString(), specs, 0).data();
            }
            String total = PreparedInput.totalVariable(d.species());
            PreparedInput in = PreparedInput.prepare(d, true, Set.of(), Set.of(), total);
            return new Loaded(d, in.signalToNoise(), in.categories());
        }, l -> {
            loadedConc = c;
            loadedUnc = u;
            loadedSpecies = u == null ? sp : null;
            data = l.data();
            signalToNoise = l.sn();
            categories.clear();
            categories.addAll(l.suggested());
            showSpecies();
            message.set(Messages.get("pmf.ui.loaded", data.rows(), data.cols(),
                    categories.stream().filter(k -> k == SpeciesCategory.WEAK).count(),
                    categories.stream().filter(k -> k == SpeciesCategory.BAD).count()));
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** The user's category for one species (row of {@link #speciesRows()}). */
    public void setCategory(int row, SpeciesCategory category) {
        if (row < 0 || row >= categories.size()) {
            return;
        }
        categories.set(row, category);
        showSpecies();
    }

    private void showSpecies() {
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < data.cols(); j++) {
            rows.add(List.of(data.species().get(j), num(signalToNoise[j], 3),
                    Messages.get("pmf.ui.category." + categories.get(j).name())));
        }
        speciesRows.setAll(rows);
    }

    /** Runs the seeded models in the background (progress and cancel in the status bar). */
    public void run() {
        if (data == null) {
            message.set(Messages.get("pmf.ui.loadFirst"));
            return;
        }
        long s;
        try {
            s = Long.parseLong(seed.get().strip());
        } catch (NumberFormatException e) {
            message.set(Messages.get("pmf.ui.badSeed", seed.get()));
            return;
        }
        int p = factors.get();
        PreparedInput in = PreparedInput.withCategories(data, List.copyOf(categories), signalToNoise);
        PmfRunner.Settings settings = PmfRunner.Settings.of(p, models.get(), s, method.get(), robust.get());
        executor.run(Messages.get("pmf.ui.running", p, models.get()), progress -> PmfRunner.run(in, settings, progress),
                b -> {
                    openedRun.set(null);
                    show(in, b);
                }, e -> message.set(ErrorText.describe(e)));
    }

    private void show(PreparedInput in, PmfRunner.Batch b) {
        prepared = in;
        batch = b;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < b.models().size(); i++) {
            Solution m = b.models().get(i);
            rows.add(List.of((i == b.best() ? "★ " : "") + (i + 1), Long.toString(m.seed()), num(m.qTrue(), 6),
                    num(m.qRobust(), 6), Integer.toString(m.iterations()),
                    Messages.get(m.converged() ? "pmf.ui.yes" : "pmf.ui.no")));
        }
        modelRows.setAll(rows);
        PmfResults r = new PmfResults(in, b.bestModel());
        int p = b.bestModel().p();
        List<FactorNaming.Suggestion> suggestions = FactorNaming.shipped().suggest(r, null, 30);
        List<String> names = new ArrayList<>();
        List<String> confirmed = new ArrayList<>();
        List<List<String>> named = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            int factor = k;
            List<FactorNaming.Suggestion> mine = suggestions.stream().filter(sg -> sg.factor() == factor).toList();
            String label = Messages.get("pmf.ui.factor", k + 1);
            if (!mine.isEmpty()) {
                FactorNaming.Suggestion first = mine.get(0);
                label += " — " + sourceName(first.source());
            }
            confirmed.add(mine.isEmpty() ? "" : sourceName(mine.get(0).source()));
            names.add(label);
            for (FactorNaming.Suggestion sg : mine) {
                named.add(List.of(Messages.get("pmf.ui.factor", k + 1), sourceName(sg.source()), num(sg.score(), 3),
                        String.join("; ", sg.evidence().stream().map(ev -> ev.species() + " " + num(ev.percent(), 3) + "%")
                                .toList())));
            }
        }
        List<String> headers = new ArrayList<>(List.of(Messages.get("pmf.ui.col.species")));
        headers.addAll(names);
        List<List<String>> prof = new ArrayList<>();
        for (int j = 0; j < r.species().size(); j++) {
            List<String> row = new ArrayList<>(List.of(r.species().get(j)));
            for (int k = 0; k < p; k++) {
                row.add(num(r.percentOfSpecies(k, j), 3));
            }
            prof.add(row);
        }
        confirmedNames.setAll(confirmed);
        results.set(r);
        factorNames.setAll(names);
        profileHeaders.setAll(headers);
        profileRows.setAll(prof);
        nameRows.setAll(named);
        Solution best = b.bestModel();
        message.set(Messages.get("pmf.ui.done", b.best() + 1, Long.toString(best.seed()), num(best.qTrue(), 7),
                num(best.qRobust(), 7), best.iterations()));
    }

    private static String sourceName(FactorNaming.Source s) {
        return Messages.current().locale().getLanguage().equals("zh") ? s.nameZh() : s.name();
    }

    /** Writes the files of the {@code pmf} command (summary.json, profiles, contributions, diagnostics) into a folder. */
    public void export(Path dir) {
        if (batch == null) {
            message.set(Messages.get("pmf.ui.nothingToExport"));
            return;
        }
        PreparedInput in = prepared;
        PmfRunner.Batch b = batch;
        executor.run(Messages.get("pmf.ui.exporting", dir), progress -> {
            PmfOutput.write(dir, in, b);
            return dir;
        }, d -> message.set(Messages.get("pmf.ui.exported", d)), e -> message.set(ErrorText.describe(e)));
    }

    /** Ozone formation potential of the VOC samples: species ranked by mean OFP and the totals by group. */
    public void computeOfp() {
        Path f = vocFile.get();
        if (f == null) {
            message.set(Messages.get("pmf.ui.noVoc"));
            return;
        }
        String unit = vocUnit.get();
        String set = mirSet.get();
        executor.run(Messages.get("pmf.ui.ofpRunning", f.getFileName()), progress -> Ofp.compute(
                Ofp.read(TableFiles.read(f), f.getFileName().toString()), Ofp.Unit.parse(unit), Ofp.MirSet.parse(set),
                MirTable.shipped(), 10), r -> showOfp(r), e -> message.set(ErrorText.describe(e)));
    }

    private void showOfp(Ofp.Result r) {
        long samples = r.samples().size();
        if (samples == 0) {
            message.set(Messages.get("pmf.ui.noVocSamples"));
            return;
        }
        Map<String, double[]> bySpecies = new java.util.LinkedHashMap<>();
        Map<String, String[]> info = new java.util.HashMap<>();
        for (Ofp.Line l : r.lines()) {
            if (l.match() == null) {
                continue;
            }
            String key = l.match().name();
            double[] acc = bySpecies.computeIfAbsent(key, k -> new double[2]);
            acc[0] += l.ugm3() / samples;
            acc[1] += l.ofp() / samples;
            info.put(key, new String[] {l.match().ofpGroup(), num(l.mir(), 4)});
        }
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(bySpecies.entrySet());
        ranked.sort((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : ranked) {
            String[] i = info.get(e.getKey());
            rows.add(List.of(e.getKey(), Messages.get("pmf.ui.group." + i[0]), num(e.getValue()[0], 4), i[1],
                    num(e.getValue()[1], 4)));
        }
        double total = r.samples().stream().mapToDouble(Ofp.SampleTotal::ofp).sum() / samples;
        List<List<String>> groups = new ArrayList<>();
        for (String g : Ofp.GROUPS) {
            double v = r.samples().stream().mapToDouble(s -> s.ofpByGroup().getOrDefault(g, 0.0)).sum() / samples;
            groups.add(List.of(Messages.get("pmf.ui.group." + g), num(v, 4), total == 0 ? "" : num(v / total * 100, 3)));
        }
        ofpRows.setAll(rows);
        ofpGroupRows.setAll(groups);
        String unknown = r.unknown().isEmpty() ? Messages.get("pmf.ui.noneUnknown") : String.join(", ", r.unknown());
        message.set(Messages.get("pmf.ui.ofpDone", samples, num(total, 4), unknown));
    }

    static String num(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return v == 0 ? "0" : new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
