package cn.ecoaid.ui.water;

import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.SqliteWaterRepository;
import cn.ecoaid.ui.util.UiExecutor;
import cn.ecoaid.water.BelowDetectionRule;
import cn.ecoaid.water.BioFile;
import cn.ecoaid.water.BioIndices;
import cn.ecoaid.water.BioSample;
import cn.ecoaid.water.Gb3838;
import cn.ecoaid.water.Grading;
import cn.ecoaid.water.SectionEvaluator;
import cn.ecoaid.water.SectionResult;
import cn.ecoaid.water.TaxaTable;
import cn.ecoaid.water.TrophicState;
import cn.ecoaid.water.WaterBodyType;
import cn.ecoaid.water.WaterQualityFile;
import cn.ecoaid.water.WaterSample;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Water-ecology page: import a season of section data in the background and show each section's class, main
 * pollutants and (for lakes) trophic state; import a biological survey and show its indices, with the taxa not in the
 * taxa table and their closest names; save the imported data in the workspace; export either table.
 */
public final class WaterViewModel {
    static final List<String> CLASS_COLUMNS = List.of("site", "date", "type", "class", "status", "target", "attained",
            "main_pollutants", "tli", "trophic");
    static final List<String> INDEX_COLUMNS = List.of("sample", "site", "N", "S", "shannon_ln", "shannon_grade", "simpson",
            "pielou", "margalef", "ept_richness", "hbi", "hbi_grade", "bmwp", "aspt");

    private final UiExecutor executor;
    private final SqliteWaterRepository repository;
    private final ObjectProperty<Path> measurements = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> survey = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> taxa = new SimpleObjectProperty<>();
    private final ObservableList<String> classHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> classRows = FXCollections.observableArrayList();
    private final ObservableList<String> indexHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> indexRows = FXCollections.observableArrayList();
    private final ObservableList<String> stepHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> stepRows = FXCollections.observableArrayList();
    private final ObservableList<String> scoreHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> scoreRows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private cn.ecoaid.water.BibiModel lastModel;
    private List<WaterSample> lastSamples = List.of();
    private List<BioSample> lastBio = List.of();

    private final cn.ecoaid.domain.SiteRepository sites;

    /** @param repository the workspace's water repository, or null when there is nowhere to save */
    public WaterViewModel(UiExecutor executor, SqliteWaterRepository repository) {
        this(executor, repository, null);
    }

    /**
     * @param sites the workspace's sites, whose attributes (水体类型, 水质目标, 河流) fill in what a measurement file
     *     leaves out; or null
     */
    public WaterViewModel(UiExecutor executor, SqliteWaterRepository repository, cn.ecoaid.domain.SiteRepository sites) {
        this.executor = executor;
        this.repository = repository;
        this.sites = sites;
        classHeaders.setAll(CLASS_COLUMNS.stream().map(WaterViewModel::title).toList());
        indexHeaders.setAll(INDEX_COLUMNS.stream().map(WaterViewModel::title).toList());
        stepHeaders.setAll(STEP_COLUMNS.stream().map(WaterViewModel::title).toList());
    }

    static final List<String> STEP_COLUMNS = List.of("metric", "group", "direction", "ref_median", "imp_median", "range",
            "iq", "redundant_with", "kept", "p95_p5");

    public ObservableList<String> stepHeaders() {
        return stepHeaders;
    }

    public ObservableList<List<String>> stepRows() {
        return stepRows;
    }

    public ObservableList<String> scoreHeaders() {
        return scoreHeaders;
    }

    public ObservableList<List<String>> scoreRows() {
        return scoreRows;
    }

    /**
     * Builds a B-IBI from the biological survey (its role column marks reference and impaired sites) with the current
     * taxa table, in the background; every step goes to the steps table and each sample's index to the scores table.
     */
    public void buildBibi() {
        Path file = survey.get();
        if (file == null) {
            message.set(Messages.get("water.ui.noSurvey"));
            return;
        }
        Path taxaFile = taxa.get();
        executor.run(Messages.get("water.ui.building"), progress -> {
            List<BioSample> samples = BioFile.read(TableFiles.read(file));
            TaxaTable table = taxaFile == null ? TaxaTable.shipped()
                    : TaxaTable.read(TableFiles.read(taxaFile), taxaFile.getFileName().toString());
            var rows = cn.ecoaid.water.MetricTable.fromSamples(samples, table);
            return new cn.ecoaid.water.BibiBuilder().build(rows, cn.ecoaid.water.MetricTable.candidates(rows),
                    cn.ecoaid.water.BibiBuilder.Options.defaults());
        }, m -> {
            lastModel = m;
            List<List<String>> steps = new ArrayList<>();
            for (cn.ecoaid.water.BibiModel.Candidate c : m.candidates()) {
                var sc = m.scoring().stream().filter(x -> x.metric().equals(c.metric())).findFirst();
                steps.add(List.of(c.metric(), Messages.get("water.ui.group." + c.group()),
                        c.direction().isEmpty() ? "" : Messages.get("water.ui.direction." + c.direction()),
                        num(c.reference().median()), num(c.impaired().median()),
                        c.rangePassed() ? Messages.get("water.ui.yes") : Messages.get(c.rangeReason()), Integer.toString(c.iq()),
                        c.redundantWith() == null ? "" : c.redundantWith() + " (r = " + num(c.redundancyR()) + ")",
                        Messages.get(c.kept() ? "water.ui.yes" : "water.ui.no"),
                        sc.map(x -> x.direction().equals("DECREASE") ? "P95 " + num(x.p95()) : "P5 " + num(x.p5())).orElse("")));
            }
            stepRows.setAll(steps);
            List<String> sh = new ArrayList<>(List.of(title("sample"), title("role")));
            m.scoring().forEach(x -> sh.add(x.metric()));
            sh.add(title("bibi"));
            sh.add(title("grade"));
            scoreHeaders.setAll(sh);
            List<List<String>> scores = new ArrayList<>();
            for (cn.ecoaid.water.BibiModel.SampleScore x : m.built()) {
                String role = switch (x.role()) {
                    case "reference" -> Messages.get("water.ui.reference");
                    case "impaired" -> Messages.get("water.ui.impaired");
                    default -> x.role();
                };
                List<String> r = new ArrayList<>(List.of(x.sample(), role));
                m.scoring().forEach(k -> r.add(num(x.scores().get(k.metric()))));
                r.add(num(x.index()));
                r.add(Messages.get(x.grade().key()));
                scores.add(r);
            }
            scoreRows.setAll(scores);
            message.set(Messages.get("water.ui.built", m.scoring().size(), m.candidates().size(), num(m.p25()),
                    num(m.thresholds()[1]), num(m.thresholds()[2]), num(m.thresholds()[3])));
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** Saves the last built B-IBI model in the workspace. */
    public void saveModel(String name) {
        if (repository == null || lastModel == null) {
            message.set(Messages.get("water.ui.nothingToSave"));
            return;
        }
        cn.ecoaid.water.BibiModel m = lastModel;
        executor.run(Messages.get("water.ui.saving"), progress -> repository.saveModel(name, m),
                id -> message.set(Messages.get("water.ui.modelSaved", name)), e -> message.set(ErrorText.describe(e)));
    }

    public ObjectProperty<Path> measurementsProperty() {
        return measurements;
    }

    public ObjectProperty<Path> surveyProperty() {
        return survey;
    }

    public ObjectProperty<Path> taxaProperty() {
        return taxa;
    }

    public ObservableList<String> classHeaders() {
        return classHeaders;
    }

    public ObservableList<List<String>> classRows() {
        return classRows;
    }

    public ObservableList<String> indexHeaders() {
        return indexHeaders;
    }

    public ObservableList<List<String>> indexRows() {
        return indexRows;
    }

    public StringProperty messageProperty() {
        return message;
    }

    static String title(String column) {
        return Messages.get("water.ui.col." + column);
    }

    record Classified(List<WaterSample> samples, List<List<String>> rows, java.util.Map<String, int[]> byPeriod,
            List<String> ignoredColumns) {
    }

    private final javafx.collections.ObservableMap<String, int[]> classesByPeriod = FXCollections.observableMap(
            new java.util.LinkedHashMap<>());

    /**
     * Number of samples in each class (index 0 = I … 5 = 劣V) per period: the file's period column (丰/平/枯水期) when
     * present, else the month of the sample.
     */
    public javafx.collections.ObservableMap<String, int[]> classesByPeriod() {
        return classesByPeriod;
    }

    /** The reference and impaired box-plot statistics of the metric in row {@code row} of the steps table. */
    public java.util.Optional<cn.ecoaid.water.BibiModel.Box[]> boxes(int row) {
        if (lastModel == null || row < 0 || row >= lastModel.candidates().size()) {
            return java.util.Optional.empty();
        }
        cn.ecoaid.water.BibiModel.Candidate c = lastModel.candidates().get(row);
        return java.util.Optional.of(new cn.ecoaid.water.BibiModel.Box[] {c.reference(), c.impaired()});
    }

    /** Reads the measurement file and classifies every site and date, in the background. */
    public void classify() {
        Path file = measurements.get();
        if (file == null) {
            message.set(Messages.get("water.ui.noMeasurements"));
            return;
        }
        java.util.Map<String, WaterQualityFile.SiteInfo> info = new java.util.HashMap<>();
        if (sites != null) {
            sites.list().forEach(site -> info.put(site.code(), WaterQualityFile.SiteInfo.of(site.attributes())));
        }
        executor.run(Messages.get("water.ui.classifying", file.getFileName()), progress -> classifyFile(file, info), r -> {
            lastSamples = r.samples();
            classRows.setAll(r.rows());
            classesByPeriod.clear();
            classesByPeriod.putAll(r.byPeriod());
            message.set(r.ignoredColumns().isEmpty() ? Messages.get("water.ui.classified", r.rows().size())
                    : Messages.get("water.ui.classified", r.rows().size()) + " "
                    + Messages.get("water.cli.ignoredColumns", String.join(", ", r.ignoredColumns())));
        }, e -> message.set(ErrorText.describe(e)));
    }

    static Classified classifyFile(Path file, java.util.Map<String, WaterQualityFile.SiteInfo> sites) {
        WaterQualityFile.Result read = WaterQualityFile.read(TableFiles.read(file), WaterBodyType.RIVER, false, sites);
        return classifySamples(read.samples(), read.ignoredColumns());
    }

    static Classified classifySamples(List<WaterSample> samples, List<String> ignoredColumns) {
        SectionEvaluator eval = new SectionEvaluator(Gb3838.shipped());
        TrophicState ts = TrophicState.shipped();
        List<List<String>> rows = new ArrayList<>();
        java.util.Map<String, int[]> byPeriod = new java.util.TreeMap<>();
        for (WaterSample s : samples) {
            var values = s.numbers(BelowDetectionRule.HALF_LIMIT);
            SectionResult c = eval.evaluate(values, s.type(), s.target());
            String period = s.period() == null || s.period().isBlank() ? s.date().toString().substring(0, 7)
                    : s.date().toString().substring(0, 7) + " " + s.period();
            byPeriod.computeIfAbsent(period, k -> new int[6])[c.waterClass().ordinal()]++;
            String tli = "";
            String grade = "";
            if (s.type() == WaterBodyType.LAKE && ts.parameters().stream().anyMatch(p -> values.getOrDefault(p.code(), 0.0) > 0)) {
                TrophicState.Result t = ts.compute(values);
                tli = num(t.tli());
                grade = Messages.get(t.grade().key());
            }
            rows.add(List.of(s.site(), s.date().toString(), Messages.get("water.ui.type." + s.type().name()), c.waterClass().label(),
                    Messages.get(c.status().key()), s.target() == null ? "" : s.target().label(),
                    c.attained() == null ? "" : Messages.get(c.attained() ? "water.ui.yes" : "water.ui.no"),
                    c.mainPollutantText(), tli, grade));
        }
        return new Classified(samples, rows, byPeriod, ignoredColumns);
    }

    record Indexed(List<BioSample> samples, List<List<String>> rows, List<BioIndices.UnknownTaxon> unknown) {
    }

    /** Reads the biological survey and computes the indices of every sample, in the background. */
    public void computeIndices() {
        Path file = survey.get();
        if (file == null) {
            message.set(Messages.get("water.ui.noSurvey"));
            return;
        }
        Path taxaFile = taxa.get();
        executor.run(Messages.get("water.ui.computing", file.getFileName()), progress -> indexFile(file, taxaFile), r -> {
            lastBio = r.samples();
            indexRows.setAll(r.rows());
            if (r.unknown().isEmpty()) {
                message.set(Messages.get("water.ui.indexed", r.rows().size()));
            } else {
                message.set(Messages.get("water.ui.indexedUnknown", r.rows().size(), r.unknown().stream()
                        .map(u -> Messages.get("water.ui.unknownTaxon", u.taxon(), u.suggestions().stream()
                                .map(TaxaTable.Suggestion::name).collect(Collectors.joining(", "))))
                        .distinct().collect(Collectors.joining("; "))));
            }
        }, e -> message.set(ErrorText.describe(e)));
    }

    static Indexed indexFile(Path file, Path taxaFile) {
        List<BioSample> samples = BioFile.read(TableFiles.read(file));
        TaxaTable table = taxaFile == null ? TaxaTable.shipped() : TaxaTable.read(TableFiles.read(taxaFile), taxaFile.getFileName().toString());
        return indexSamples(samples, table);
    }

    static Indexed indexSamples(List<BioSample> samples, TaxaTable table) {
        BioIndices ix = new BioIndices(table);
        Grading shannon = Grading.load(Grading.SHANNON);
        Grading hbi = Grading.load(Grading.HILSENHOFF);
        java.util.Locale locale = Messages.current().locale();
        List<List<String>> rows = new ArrayList<>();
        List<BioIndices.UnknownTaxon> unknown = new ArrayList<>();
        for (BioSample s : samples) {
            BioIndices.Result r = ix.compute(s);
            unknown.addAll(r.unknown());
            Grading.Band sb = shannon.grade(r.get("shannon_ln"));
            Grading.Band hb = hbi.grade(r.get("hbi"));
            rows.add(List.of(s.id(), s.site(), num(r.get("N")), num(r.get("S")), num(r.get("shannon_ln")),
                    sb == null ? "" : sb.label(locale), num(r.get("simpson")), num(r.get("pielou")), num(r.get("margalef")),
                    num(r.get("ept_richness")), num(r.get("hbi")), hb == null ? "" : hb.label(locale), num(r.get("bmwp")),
                    num(r.get("aspt"))));
        }
        return new Indexed(samples, rows, unknown);
    }

    /** The newest survey kept in the workspace, classified and indexed, for {@link #loadStored()}. */
    record Stored(String survey, Classified classes, Indexed indices) {
    }

    /** Shows the newest survey kept in the workspace (classes and indices), so that the page has it when reopened. */
    public void loadStored() {
        if (repository == null || !lastSamples.isEmpty() || !lastBio.isEmpty()) {
            return;
        }
        executor.run(Messages.get("water.ui.loadingStored"), progress -> {
            SqliteWaterRepository.Survey last = repository.newestSurvey().orElse(null);
            if (last == null) {
                return null;
            }
            List<WaterSample> samples = repository.samples(last.id());
            List<BioSample> bio = repository.bioSamples(last.id());
            return new Stored(last.name(), samples.isEmpty() ? null : classifySamples(samples, List.of()),
                    bio.isEmpty() ? null : indexSamples(bio, TaxaTable.shipped()));
        }, r -> {
            if (r == null) {
                return;
            }
            if (r.classes() != null) {
                lastSamples = r.classes().samples();
                classRows.setAll(r.classes().rows());
                classesByPeriod.clear();
                classesByPeriod.putAll(r.classes().byPeriod());
            }
            if (r.indices() != null) {
                lastBio = r.indices().samples();
                indexRows.setAll(r.indices().rows());
            }
            message.set(Messages.get("water.ui.fromWorkspace", r.survey(), lastSamples.size(), lastBio.size()));
        }, e -> message.set(ErrorText.describe(e)));
    }

    /** Saves the last imported measurements and biological samples in the workspace as one survey. */
    public void saveToWorkspace(String name) {
        if (repository == null || lastSamples.isEmpty() && lastBio.isEmpty()) {
            message.set(Messages.get("water.ui.nothingToSave"));
            return;
        }
        List<WaterSample> ws = lastSamples;
        List<BioSample> bio = lastBio;
        executor.run(Messages.get("water.ui.saving"), progress -> {
            String id = repository.createSurvey(name, "", "").id();
            repository.addSamples(id, ws);
            repository.addBioSamples(id, bio);
            return id;
        }, id -> message.set(Messages.get("water.ui.saved", name, ws.size(), bio.size())), e -> message.set(ErrorText.describe(e)));
    }

    /** Exports the classes table (which = "classes"), the indices ("indices"), B-IBI steps ("steps") or scores. */
    public void export(String which, Path file) {
        ObservableList<List<String>> source = switch (which) {
            case "classes" -> classRows;
            case "indices" -> indexRows;
            case "steps" -> stepRows;
            default -> scoreRows;
        };
        ObservableList<String> sourceHeaders = switch (which) {
            case "classes" -> classHeaders;
            case "indices" -> indexHeaders;
            case "steps" -> stepHeaders;
            default -> scoreHeaders;
        };
        List<List<String>> rows = List.copyOf(source);
        if (rows.isEmpty()) {
            message.set(Messages.get("water.ui.nothingToExport"));
            return;
        }
        List<String> headers = List.copyOf(sourceHeaders);
        executor.run(Messages.get("sites.exporting", file.getFileName()), progress -> {
            TableFiles.write(file, headers, rows);
            return file;
        }, f -> message.set(Messages.get("water.ui.exported", rows.size(), f)), e -> message.set(ErrorText.describe(e)));
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return v == 0 ? "0" : new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
