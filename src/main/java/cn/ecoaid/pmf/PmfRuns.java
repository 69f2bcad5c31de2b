package cn.ecoaid.pmf;

import cn.ecoaid.domain.BuildInfo;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.Csv;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeping a PMF run and repeating it: {@link #save} stores the solved data (every value written as Java's shortest
 * decimal, which reads back to the same double), the categories, every solver option and seed, each model's Q values
 * and the chosen model's W and H; {@link #replay} rebuilds exactly the solver's input and {@link #rerun} runs it again,
 * and {@link #compare} tells whether every model's Q(true) is the stored one.
 */
public final class PmfRuns {
    /** Relative tolerance of {@link #compare}: a rerun must give the same Q(true) to this or bit for bit. */
    public static final double TOLERANCE = 1e-12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PmfRuns() {
    }

    /** What a rerun needs, rebuilt from a kept run. {@code initW}/{@code initH} are null for a seeded batch. */
    public record Replay(SavedPmfRun run, PreparedInput input, PmfRunner.Settings settings, double[] initW,
            double[] initH) {
    }

    /** One model compared: the stored and the new Q(true) and iterations. */
    public record Check(int model, long seed, double storedQTrue, double newQTrue, int storedIterations,
            int newIterations) {
        public boolean equal() {
            return Double.doubleToLongBits(storedQTrue) == Double.doubleToLongBits(newQTrue)
                    || Math.abs(storedQTrue - newQTrue) <= TOLERANCE * Math.abs(storedQTrue);
        }

        public boolean bitForBit() {
            return Double.doubleToLongBits(storedQTrue) == Double.doubleToLongBits(newQTrue);
        }
    }

    /**
     * Keeps {@code batch} (run on {@code in}) under {@code name}. {@code initW}/{@code initH}: the given initial
     * matrices of a one-model run started from them (else null). {@code sources}: the user's files by role
     * ({@code SOURCE_CONC}, {@code SOURCE_UNC}, {@code SOURCE_SPECIES}), copied as they are.
     */
    public static SavedPmfRun save(PmfRunRepository repo, String name, PreparedInput in, PmfRunner.Batch batch,
            SavedPmfRun.Preparation preparation, double[] initW, double[] initH, Map<SavedPmfRun.Role, Path> sources,
            List<String> factorNames) {
        PmfData d = in.data();
        Map<SavedPmfRun.Role, PmfRunRepository.NewFile> files = new EnumMap<>(SavedPmfRun.Role.class);
        files.put(SavedPmfRun.Role.CONC, new PmfRunRepository.NewFile("conc.csv", dataCsv(d, true)));
        files.put(SavedPmfRun.Role.UNC, new PmfRunRepository.NewFile("unc.csv", dataCsv(d, false)));
        Solution best = batch.bestModel();
        files.put(SavedPmfRun.Role.BEST_W, new PmfRunRepository.NewFile("best-W.csv", matrixCsv(best.w(), best.n(), best.p())));
        files.put(SavedPmfRun.Role.BEST_H, new PmfRunRepository.NewFile("best-H.csv", matrixCsv(best.h(), best.p(), best.m())));
        if (initW != null && initH != null) {
            int p = batch.settings().factors();
            files.put(SavedPmfRun.Role.INIT_W, new PmfRunRepository.NewFile("init-W.csv", matrixCsv(initW, in.rows(), p)));
            files.put(SavedPmfRun.Role.INIT_H, new PmfRunRepository.NewFile("init-H.csv", matrixCsv(initH, p, in.cols())));
        }
        if (sources != null) {
            for (Map.Entry<SavedPmfRun.Role, Path> e : sources.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                try {
                    files.put(e.getKey(), new PmfRunRepository.NewFile(e.getValue().getFileName().toString(),
                            Files.readAllBytes(e.getValue())));
                } catch (IOException ex) {
                    throw new EcoAidException(ex, "error.file.read", e.getValue(), ex.getMessage());
                }
            }
        }
        List<SavedPmfRun.SpeciesInfo> species = new ArrayList<>();
        for (int j = 0; j < d.cols(); j++) {
            species.add(new SavedPmfRun.SpeciesInfo(d.species().get(j), in.categories().get(j), in.signalToNoise()[j]));
        }
        List<SavedPmfRun.ModelSummary> models = new ArrayList<>();
        for (int k = 0; k < batch.models().size(); k++) {
            Solution s = batch.models().get(k);
            models.add(new SavedPmfRun.ModelSummary(k + 1, s.seed(), s.qTrue(), s.qRobust(), s.iterations(),
                    s.converged(), s.seconds()));
        }
        SavedPmfRun draft = new SavedPmfRun(null, name == null ? "" : name.strip(), null,
                "EcoAid Workbench " + BuildInfo.version(), batch.settings(),
                preparation == null ? SavedPmfRun.Preparation.none() : preparation, species, d.rows(), models,
                batch.best(), factorNames == null ? List.of() : factorNames, Map.of());
        return repo.create(draft, files);
    }

    /** Rebuilds the solver's input, settings and initial matrices from the stored files. */
    public static Replay replay(PmfRunRepository repo, SavedPmfRun run) {
        PmfData d = PmfFiles.fromTables(table(repo, run, SavedPmfRun.Role.CONC), table(repo, run, SavedPmfRun.Role.UNC),
                "conc.csv", "unc.csv");
        List<SpeciesCategory> cats = run.species().stream().map(SavedPmfRun.SpeciesInfo::category).toList();
        if (cats.size() != d.cols()) {
            throw new EcoAidException("pmf.store.corrupt", run.name());
        }
        PreparedInput in = PreparedInput.withCategories(d, cats, SignalToNoise.of(d));
        double[] w0 = null;
        double[] h0 = null;
        if (run.files().containsKey(SavedPmfRun.Role.INIT_W) && run.files().containsKey(SavedPmfRun.Role.INIT_H)) {
            w0 = matrix(repo, run, SavedPmfRun.Role.INIT_W, in.rows(), run.settings().factors());
            h0 = matrix(repo, run, SavedPmfRun.Role.INIT_H, run.settings().factors(), in.cols());
        }
        return new Replay(run, in, run.settings(), w0, h0);
    }

    /** The chosen model as stored (W and H from the files, the figures from its summary). */
    public static Solution bestSolution(PmfRunRepository repo, SavedPmfRun run) {
        int n = run.samples();
        int p = run.settings().factors();
        int m = run.modelledSpecies().size();
        SavedPmfRun.ModelSummary b = run.bestModel();
        return new Solution(b.seed(), n, m, p, matrix(repo, run, SavedPmfRun.Role.BEST_W, n, p),
                matrix(repo, run, SavedPmfRun.Role.BEST_H, p, m), b.qTrue(), b.qRobust(), b.iterations(), b.converged(),
                b.seconds());
    }

    /**
     * The batch as kept: every model's seed, Q values and iterations, and the chosen model with its W and H. The other
     * models carry no matrices (empty arrays) — only the chosen one's were kept.
     */
    public static PmfRunner.Batch storedBatch(PmfRunRepository repo, SavedPmfRun run) {
        Solution best = bestSolution(repo, run);
        List<Solution> models = new ArrayList<>();
        for (int k = 0; k < run.models().size(); k++) {
            SavedPmfRun.ModelSummary m = run.models().get(k);
            models.add(k == run.best() ? best : new Solution(m.seed(), best.n(), best.m(), best.p(), new double[0],
                    new double[0], m.qTrue(), m.qRobust(), m.iterations(), m.converged(), m.seconds()));
        }
        return new PmfRunner.Batch(run.settings(), models, run.best());
    }

    /** Runs the kept run again: the same seeded batch, or the one model from the stored initial matrices. */
    public static PmfRunner.Batch rerun(Replay r, int threads, ProgressListener listener) {
        PmfRunner.Settings s = r.settings().withThreads(Math.max(1, threads));
        if (r.initW() != null) {
            Solution one = PmfRunner.runOne(r.input(), s, r.initW(), r.initH(), -1, listener);
            return new PmfRunner.Batch(s, List.of(one), 0);
        }
        return PmfRunner.run(r.input(), s, listener);
    }

    /** Compares a rerun with the stored models, model by model. */
    public static List<Check> compare(SavedPmfRun run, PmfRunner.Batch again) {
        List<Check> out = new ArrayList<>();
        for (int k = 0; k < run.models().size(); k++) {
            SavedPmfRun.ModelSummary s = run.models().get(k);
            Solution n = k < again.models().size() ? again.models().get(k) : null;
            out.add(new Check(s.model(), s.seed(), s.qTrue(), n == null ? Double.NaN : n.qTrue(), s.iterations(),
                    n == null ? -1 : n.iterations()));
        }
        return out;
    }

    // ---- files ----

    static byte[] dataCsv(PmfData d, boolean concentrations) {
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>(List.of("sample"));
        head.addAll(d.species());
        sb.append(Csv.line(head)).append('\n');
        for (int i = 0; i < d.rows(); i++) {
            List<String> row = new ArrayList<>(d.cols() + 1);
            row.add(d.samples().get(i));
            for (int j = 0; j < d.cols(); j++) {
                row.add(Double.toString(concentrations ? d.x(i, j) : d.u(i, j)));
            }
            sb.append(Csv.line(row)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] matrixCsv(double[] a, int rows, int cols) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                sb.append(k == 0 ? "" : ",").append(Double.toString(a[i * cols + k]));
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(PmfRunRepository repo, SavedPmfRun run, SavedPmfRun.Role role) {
        SavedPmfRun.StoredFile f = run.files().get(role);
        if (f == null) {
            throw new EcoAidException("pmf.store.missingFile", run.name(), role.name());
        }
        return new String(repo.read(f), StandardCharsets.UTF_8);
    }

    private static Table table(PmfRunRepository repo, SavedPmfRun run, SavedPmfRun.Role role) {
        List<Csv.Record> records = Csv.parse(text(repo, run, role), ',');
        if (records.isEmpty()) {
            throw new EcoAidException("pmf.store.corrupt", run.name());
        }
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            rows.add(new Table.Row(records.get(i).line(), records.get(i).cells()));
        }
        return new Table(records.get(0).cells(), rows);
    }

    private static double[] matrix(PmfRunRepository repo, SavedPmfRun run, SavedPmfRun.Role role, int rows, int cols) {
        String[] lines = text(repo, run, role).split("\n");
        double[] out = new double[rows * cols];
        int i = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.strip().split(",");
            if (i >= rows || cells.length != cols) {
                throw new EcoAidException("pmf.store.corrupt", run.name());
            }
            for (int k = 0; k < cols; k++) {
                out[i * cols + k] = Double.parseDouble(cells[k]);
            }
            i++;
        }
        if (i != rows) {
            throw new EcoAidException("pmf.store.corrupt", run.name());
        }
        return out;
    }

    // ---- JSON of the run row ----

    /** The solver settings as JSON (every option; threads are not kept, they do not change the result). */
    public static String settingsJson(PmfRunner.Settings s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("factors", s.factors());
        o.put("models", s.models());
        o.put("seed", s.seed());
        o.put("method", s.method().id());
        o.put("robust", s.robust());
        ObjectNode ls = o.putObject("ls_nmf");
        ls.put("delta", s.lsNmf().delta());
        ls.put("window", s.lsNmf().window());
        ls.put("max_iter", s.lsNmf().maxIter());
        ls.put("robust", s.lsNmf().robust());
        ls.put("robust_start", s.lsNmf().robustStart());
        ls.put("alpha", s.lsNmf().alpha());
        ObjectNode als = o.putObject("als");
        als.put("delta", s.als().delta());
        als.put("window", s.als().window());
        als.put("max_iter", s.als().maxIter());
        als.put("robust", s.als().robust());
        als.put("robust_start", s.als().robustStart());
        als.put("alpha", s.als().alpha());
        als.put("hops", s.als().hops());
        als.put("hop_sigma", s.als().hopSigma());
        als.put("w_lower", s.als().wLower());
        ObjectNode search = o.putObject("search");
        search.put("starts", s.search().starts());
        search.put("patience", s.search().patience());
        search.put("max_reseeds", s.search().maxReseeds());
        return o.toString();
    }

    public static PmfRunner.Settings settingsFromJson(String json) {
        JsonNode o = parse(json);
        JsonNode ls = o.get("ls_nmf");
        JsonNode als = o.get("als");
        return new PmfRunner.Settings(o.get("factors").asInt(), o.get("models").asInt(), o.get("seed").asLong(),
                Method.parse(o.get("method").asText()), o.get("robust").asBoolean(),
                Runtime.getRuntime().availableProcessors(),
                new LsNmf.Options(ls.get("delta").asDouble(), ls.get("window").asInt(), ls.get("max_iter").asInt(),
                        ls.get("robust").asBoolean(), ls.get("robust_start").asInt(), ls.get("alpha").asDouble()),
                new AlsNmf.Options(als.get("delta").asDouble(), als.get("window").asInt(), als.get("max_iter").asInt(),
                        als.get("robust").asBoolean(), als.get("robust_start").asInt(), als.get("alpha").asDouble(),
                        als.get("hops").asInt(), als.get("hop_sigma").asDouble(), als.path("w_lower").asDouble(0)),
                searchFromJson(o.path("search")));
    }

    /** The als-deep search effort kept with a run (runs kept before it existed get the defaults). */
    private static AlsSearch.Options searchFromJson(JsonNode s) {
        AlsSearch.Options d = AlsSearch.Options.defaults();
        return s.isMissingNode() ? d : new AlsSearch.Options(s.path("starts").asInt(d.starts()),
                s.path("patience").asInt(d.patience()), s.path("max_reseeds").asInt(d.maxReseeds()));
    }

    public static String preparationJson(SavedPmfRun.Preparation p) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode weak = o.putArray("weak");
        p.weak().forEach(weak::add);
        ArrayNode bad = o.putArray("bad");
        p.bad().forEach(bad::add);
        if (p.total() == null) {
            o.putNull("total");
        } else {
            o.put("total", p.total());
        }
        o.put("suggested", p.suggested());
        o.put("extra_uncertainty_percent", p.extraUncertainty());
        o.put("float32", p.float32());
        return o.toString();
    }

    public static SavedPmfRun.Preparation preparationFromJson(String json) {
        JsonNode o = parse(json);
        return new SavedPmfRun.Preparation(strings(o.get("weak")), strings(o.get("bad")),
                o.get("total") == null || o.get("total").isNull() ? null : o.get("total").asText(),
                o.get("suggested").asBoolean(), o.get("extra_uncertainty_percent").asDouble(), o.get("float32").asBoolean());
    }

    public static String speciesJson(List<SavedPmfRun.SpeciesInfo> species) {
        ArrayNode a = JSON.createArrayNode();
        for (SavedPmfRun.SpeciesInfo s : species) {
            ObjectNode o = a.addObject();
            o.put("species", s.species());
            o.put("category", s.category().name().toLowerCase(Locale.ROOT));
            o.put("signal_to_noise", s.signalToNoise());
        }
        return a.toString();
    }

    public static List<SavedPmfRun.SpeciesInfo> speciesFromJson(String json) {
        List<SavedPmfRun.SpeciesInfo> out = new ArrayList<>();
        for (JsonNode o : parse(json)) {
            out.add(new SavedPmfRun.SpeciesInfo(o.get("species").asText(),
                    SpeciesCategory.valueOf(o.get("category").asText().toUpperCase(Locale.ROOT)),
                    o.get("signal_to_noise").asDouble()));
        }
        return out;
    }

    public static String namesJson(List<String> names) {
        ArrayNode a = JSON.createArrayNode();
        names.forEach(n -> a.add(n == null ? "" : n.strip()));
        return a.toString();
    }

    public static List<String> namesFromJson(String json) {
        return strings(parse(json));
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EcoAidException(e, "pmf.store.corruptJson", e.getOriginalMessage());
        }
    }
}
