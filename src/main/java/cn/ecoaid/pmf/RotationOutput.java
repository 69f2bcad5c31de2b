package cn.ecoaid.pmf;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
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
 * Error estimation and rotation of the best model after a batch (re-converged first, see {@link #run}), written next to
 * the batch's files: {@code disp.csv}
 * and a {@code disp} section in {@code summary.json}; per Fpeak strength s a folder {@code fpeak-<s>/} with the files
 * of {@link PmfOutput#write} for the rotated model and an {@code fpeak} section; for a constraint file the folder
 * {@code constrained/} and a {@code constrained} section.
 */
public final class RotationOutput {
    /** What to run: DISP (with its dQmax levels), Fpeak strengths (empty: none), a constraint table (null: none). */
    public record Request(boolean disp, double[] dispLevels, double[] fpeak, cn.ecoaid.domain.Table constraints,
            String constraintsSource, int threads) {
    }

    /** What was run, for the caller's message. */
    public record Report(Solution given, Solution base, Displacement.Result disp, List<Fpeak.Result> fpeak,
            Constraints.Result constrained) {
    }

    private RotationOutput() {
    }

    /**
     * Runs what {@code req} asks on the batch's best model, re-converged first by {@link ConstrainedSolver#refit} (all
     * dQ are measured from that refit), and writes the files.
     */
    public static Report run(Path dir, PreparedInput in, PmfRunner.Batch batch, Request req, ProgressListener listener) {
        boolean robust = batch.settings().robust();
        ConstrainedSolver.Options opt = ConstrainedSolver.Options.defaults(robust);
        List<Constraints.Constraint> constraints = req.constraints() == null ? List.of()
                : Constraints.read(req.constraints(), in, batch.bestModel().p(), req.constraintsSource());
        for (double s : req.fpeak()) {
            Fpeak.check(s);
        }
        Solution best = ConstrainedSolver.refit(in, batch.bestModel(), opt, listener);
        Displacement.Result disp = null;
        if (req.disp()) {
            Displacement.Settings ds = Displacement.Settings.defaults(robust).withThreads(req.threads())
                    .withLevels(req.dispLevels());
            disp = Displacement.run(in, best, ds, listener);
            writeDisp(dir.resolve("disp.csv"), in, disp);
        }
        List<Fpeak.Result> fpeak = new ArrayList<>();
        for (double s : req.fpeak()) {
            Fpeak.Result r = Fpeak.run(in, best, s, opt, listener);
            PmfOutput.write(dir.resolve(fpeakFolder(s)), in, new PmfRunner.Batch(batch.settings(),
                    List.of(r.solution()), 0));
            fpeak.add(r);
        }
        Constraints.Result constrained = null;
        if (req.constraints() != null) {
            constrained = Constraints.run(in, best, constraints, opt, listener);
            PmfOutput.write(dir.resolve("constrained"), in, new PmfRunner.Batch(batch.settings(),
                    List.of(constrained.solution()), 0));
        }
        Report report = new Report(batch.bestModel(), best, disp, fpeak, constrained);
        extendSummary(dir.resolve("summary.json"), in, report, robust);
        return report;
    }

    /** {@code fpeak-0.5}, {@code fpeak--1.0}: the folder of one strength. */
    public static String fpeakFolder(double strength) {
        return "fpeak-" + strength;
    }

    static void writeDisp(Path file, PreparedInput in, Displacement.Result d) {
        List<String> species = in.includedSpecies();
        List<List<String>> rows = new ArrayList<>();
        for (int l = 0; l < d.levels().length; l++) {
            for (int k = 0; k < d.base().length; k++) {
                for (int j = 0; j < species.size(); j++) {
                    rows.add(List.of("Factor" + (k + 1), species.get(j), PmfOutput.num(d.base()[k][j]),
                            PmfOutput.num(d.levels()[l]), PmfOutput.num(d.lower()[l][k][j]),
                            PmfOutput.num(d.upper()[l][k][j]), PmfOutput.num(d.dqLower()[l][k][j]),
                            PmfOutput.num(d.dqUpper()[l][k][j])));
                }
            }
        }
        TableFiles.write(file, List.of("factor", "species", "base", "dq_max", "lower", "upper", "dq_lower", "dq_upper"),
                rows);
    }

    static void extendSummary(Path file, PreparedInput in, Report r, boolean robust) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            ObjectNode root = Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
            String objective = robust ? "Q_robust" : "Q_true";
            ObjectNode rb = root.putObject("rotation_base");
            rb.put("objective", objective);
            rb.put("Q_best_model", robust ? r.given().qRobust() : r.given().qTrue());
            rb.put("Q_refit", robust ? r.base().qRobust() : r.base().qTrue());
            rb.put("Q_true", r.base().qTrue());
            rb.put("Q_robust", r.base().qRobust());
            rb.put("iterations", r.base().iterations());
            if (r.disp() != null) {
                Displacement.Result d = r.disp();
                ObjectNode o = root.putObject("disp");
                o.put("objective", objective);
                o.put("Q_base", d.qBase());
                ArrayNode lv = o.putArray("dq_max");
                for (double l : d.levels()) {
                    lv.add(l);
                }
                o.put("largest_dQ_decrease", d.largestDecrease());
                o.put("decrease_factor", d.decreaseFactor() < 0 ? null : "Factor" + (d.decreaseFactor() + 1));
                o.put("decrease_species", d.decreaseSpecies() < 0 ? null
                        : in.includedSpecies().get(d.decreaseSpecies()));
                o.put("base_not_minimum", d.baseNotMinimum());
                o.put("complete", d.complete());
                o.put("runs_per_factor", d.runsPerFactor());
                ArrayNode sw = o.putArray("swaps");
                for (int l = 0; l < d.levels().length; l++) {
                    ObjectNode s = sw.addObject();
                    s.put("dq_max", d.levels()[l]);
                    ArrayNode per = s.putArray("per_factor");
                    for (int count : d.swaps()[l]) {
                        per.add(count);
                    }
                }
                o.put("file", "disp.csv");
            }
            if (!r.fpeak().isEmpty()) {
                ArrayNode a = root.putArray("fpeak");
                for (Fpeak.Result f : r.fpeak()) {
                    ObjectNode o = a.addObject();
                    o.put("strength", f.strength());
                    o.put("Q_true", f.solution().qTrue());
                    o.put("Q_robust", f.solution().qRobust());
                    o.put("objective", objective);
                    o.put("dQ", f.dq());
                    o.put("dQ_true", f.dqTrue());
                    o.put("dQ_robust", f.dqRobust());
                    o.put("iterations", f.solution().iterations());
                    o.put("converged", f.solution().converged());
                    o.put("folder", fpeakFolder(f.strength()));
                }
            }
            if (r.constrained() != null) {
                Constraints.Result c = r.constrained();
                ObjectNode o = root.putObject("constrained");
                o.put("objective", objective);
                o.put("Q_base", c.qBase());
                o.put("Q_true", c.solution().qTrue());
                o.put("Q_robust", c.solution().qRobust());
                o.put("dQ", c.dq());
                if (Double.isNaN(c.budget())) {
                    o.putNull("dQ_budget");
                } else {
                    o.put("dQ_budget", c.budget());
                }
                o.put("budget_met", c.budgetMet());
                o.put("pull_strength", c.pullStrength());
                o.put("iterations", c.solution().iterations());
                o.put("converged", c.solution().converged());
                o.put("folder", "constrained");
            }
            json.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", file, e.getMessage());
        }
    }
}
