package cn.ecoaid.pmf;

import cn.ecoaid.domain.BuildInfo;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.io.TableFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a batch to a folder: {@code summary.json} (settings, every model's seed, Q(true), Q(robust), iterations,
 * convergence; the best model and its diagnostics), and for the best model {@code profiles.csv} (concentration units,
 * contributions normalised to mean 1), {@code profiles-percent.csv}, {@code contributions.csv} (normalised to mean 1),
 * {@code residuals.csv} (scaled), {@code species-diagnostics.csv} (category, S/N, observed vs predicted slope,
 * intercept, R², Q/Qexp) and {@code sample-diagnostics.csv}.
 */
public final class PmfOutput {
    private PmfOutput() {
    }

    public static ObjectNode summary(PreparedInput in, PmfRunner.Batch batch) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        PmfRunner.Settings s = batch.settings();
        root.put("software", "EcoAid Workbench " + BuildInfo.version());
        root.put("samples", in.rows());
        root.put("species", in.data().cols());
        root.put("species_modelled", in.cols());
        root.put("factors", s.factors());
        root.put("method", s.method().id());
        root.put("robust", s.robust());
        root.put("batch_seed", s.seed());
        ArrayNode models = root.putArray("models");
        for (int k = 0; k < batch.models().size(); k++) {
            Solution m = batch.models().get(k);
            ObjectNode o = models.addObject();
            o.put("model", k + 1);
            o.put("seed", m.seed());
            o.put("Q_true", m.qTrue());
            o.put("Q_robust", m.qRobust());
            o.put("iterations", m.iterations());
            o.put("converged", m.converged());
            o.put("seconds", m.seconds());
        }
        Solution best = batch.bestModel();
        PmfResults r = new PmfResults(in, best);
        ObjectNode b = root.putObject("best");
        b.put("model", batch.best() + 1);
        b.put("seed", best.seed());
        b.put("Q_true", best.qTrue());
        b.put("Q_robust", best.qRobust());
        b.put("Q_expected", r.qExpected());
        b.put("Q_true_over_Q_expected", best.qTrue() / r.qExpected());
        b.put("Q_robust_over_Q_expected", best.qRobust() / r.qExpected());
        ArrayNode sp = root.putArray("species_categories");
        for (int j = 0; j < in.data().cols(); j++) {
            ObjectNode o = sp.addObject();
            o.put("species", in.data().species().get(j));
            o.put("category", in.categories().get(j).name().toLowerCase(java.util.Locale.ROOT));
            o.put("signal_to_noise", in.signalToNoise()[j]);
        }
        return root;
    }

    public static void write(Path dir, PreparedInput in, PmfRunner.Batch batch) {
        try {
            Files.createDirectories(dir);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve("summary.json").toFile(), summary(in, batch));
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", dir, e.getMessage());
        }
        PmfResults r = new PmfResults(in, batch.bestModel());
        int p = batch.settings().factors();
        List<String> factors = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            factors.add("Factor" + (k + 1));
        }
        List<String> species = r.species();
        List<String> head = new ArrayList<>(List.of("species"));
        head.addAll(factors);
        List<List<String>> prof = new ArrayList<>();
        List<List<String>> pct = new ArrayList<>();
        for (int j = 0; j < species.size(); j++) {
            List<String> a = new ArrayList<>(List.of(species.get(j)));
            List<String> c = new ArrayList<>(List.of(species.get(j)));
            for (int k = 0; k < p; k++) {
                a.add(num(r.profile(k, j)));
                c.add(num(r.percentOfSpecies(k, j)));
            }
            prof.add(a);
            pct.add(c);
        }
        TableFiles.write(dir.resolve("profiles.csv"), head, prof);
        TableFiles.write(dir.resolve("profiles-percent.csv"), head, pct);
        List<String> sampleHead = new ArrayList<>(List.of("sample"));
        sampleHead.addAll(factors);
        List<List<String>> contrib = new ArrayList<>();
        List<List<String>> resid = new ArrayList<>();
        List<List<String>> sampleDiag = new ArrayList<>();
        for (int i = 0; i < r.samples().size(); i++) {
            List<String> a = new ArrayList<>(List.of(r.samples().get(i)));
            for (int k = 0; k < p; k++) {
                a.add(num(r.contribution(i, k)));
            }
            contrib.add(a);
            List<String> e = new ArrayList<>(List.of(r.samples().get(i)));
            for (int j = 0; j < species.size(); j++) {
                e.add(num(r.scaledResidual(i, j)));
            }
            resid.add(e);
            sampleDiag.add(List.of(r.samples().get(i), num(r.qOverQexpSample(i))));
        }
        TableFiles.write(dir.resolve("contributions.csv"), sampleHead, contrib);
        List<String> residHead = new ArrayList<>(List.of("sample"));
        residHead.addAll(species);
        TableFiles.write(dir.resolve("residuals.csv"), residHead, resid);
        TableFiles.write(dir.resolve("sample-diagnostics.csv"), List.of("sample", "q_over_qexp"), sampleDiag);
        List<List<String>> diag = new ArrayList<>();
        for (int j = 0; j < species.size(); j++) {
            int orig = in.included()[j];
            double[] op = r.observedVsPredicted(j);
            diag.add(List.of(species.get(j), in.categories().get(orig).name().toLowerCase(java.util.Locale.ROOT),
                    num(in.signalToNoise()[orig]), num(op[0]), num(op[1]), num(op[2]), num(r.qOverQexpSpecies(j))));
        }
        List<List<String>> names = new ArrayList<>();
        for (FactorNaming.Suggestion sg : FactorNaming.shipped().suggest(r, null, 30)) {
            StringBuilder ev = new StringBuilder();
            for (FactorNaming.Evidence e : sg.evidence()) {
                ev.append(ev.length() == 0 ? "" : "; ").append(e.species()).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.1f%%", e.percent()));
            }
            names.add(List.of("Factor" + (sg.factor() + 1), sg.source().domain(), sg.source().name(),
                    sg.source().nameZh(), String.format(java.util.Locale.ROOT, "%.1f", sg.score()), ev.toString()));
        }
        TableFiles.write(dir.resolve("factor-name-suggestions.csv"),
                List.of("factor", "domain", "source", "source_zh", "mean_percent_of_markers", "evidence"), names);
        TableFiles.write(dir.resolve("species-diagnostics.csv"),
                List.of("species", "category", "signal_to_noise", "slope", "intercept", "r2", "q_over_qexp"), diag);
    }

    /**
     * Writes {@code bootstrap-mapping.csv} (base factor rows × bootstrap factor columns, last row unmapped) and
     * {@code bootstrap-profiles.csv} (factor, species, base profile, 5th/25th/50th/75th/95th percentiles).
     */
    public static void writeBootstrap(Path dir, PmfResults base, Bootstrap.Result b) {
        int p = base.solution().p();
        List<String> head = new ArrayList<>(List.of("base_factor"));
        for (int f = 0; f < p; f++) {
            head.add("boot_Factor" + (f + 1));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            List<String> r = new ArrayList<>(List.of("Factor" + (k + 1)));
            for (int f = 0; f < p; f++) {
                r.add(Integer.toString(b.mapping()[k][f]));
            }
            rows.add(r);
        }
        List<String> un = new ArrayList<>(List.of("unmapped"));
        for (int f = 0; f < p; f++) {
            un.add(Integer.toString(b.unmapped()[f]));
        }
        rows.add(un);
        TableFiles.write(dir.resolve("bootstrap-mapping.csv"), head, rows);
        List<List<String>> prof = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < base.species().size(); j++) {
                prof.add(List.of("Factor" + (k + 1), base.species().get(j), num(base.profile(k, j)),
                        num(b.percentile(k, j, 5)), num(b.percentile(k, j, 25)), num(b.percentile(k, j, 50)),
                        num(b.percentile(k, j, 75)), num(b.percentile(k, j, 95))));
            }
        }
        TableFiles.write(dir.resolve("bootstrap-profiles.csv"),
                List.of("factor", "species", "base", "p5", "p25", "p50", "p75", "p95"), prof);
    }

    static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
