package cn.ecoaid.ui.pmf;

import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.ConstrainedSolver;
import cn.ecoaid.pmf.Constraints;
import cn.ecoaid.pmf.Displacement;
import cn.ecoaid.pmf.Fpeak;
import cn.ecoaid.pmf.PmfResults;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.Solution;
import cn.ecoaid.ui.util.UiExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Error estimation and rotation of the best PMF model (the page's "rotation" tab): displacement (DISP) intervals with
 * the largest dQ decrease and swap counts, Fpeak rotations with their Q and dQ, and a constrained model read from a
 * constraint table with its dQ against the budget. All three run in the background on the model shown on the page.
 */
public final class RotationViewModel {
    private final UiExecutor executor;
    private final ObservableValue<PmfResults> base;
    private final ObservableValue<Boolean> robust;
    private final StringProperty dispLevels = new SimpleStringProperty("4,8,16,32");
    private final StringProperty strengths = new SimpleStringProperty("-0.5,0.5");
    private final ObjectProperty<Path> constraintsFile = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<List<String>> dispRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> swapRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> fpeakRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> constrainedRows = FXCollections.observableArrayList();

    /** {@code base}: the model shown on the page; {@code robust}: whether Q(robust) is the objective. */
    public RotationViewModel(UiExecutor executor, ObservableValue<PmfResults> base, ObservableValue<Boolean> robust) {
        this.executor = executor;
        this.base = base;
        this.robust = robust;
    }

    public StringProperty dispLevelsProperty() {
        return dispLevels;
    }

    public StringProperty strengthsProperty() {
        return strengths;
    }

    public ObjectProperty<Path> constraintsFileProperty() {
        return constraintsFile;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Factor, species, base, dQmax, lower, upper, dQ at the lower and upper end. */
    public ObservableList<List<String>> dispRows() {
        return dispRows;
    }

    /** dQmax, then the swap count of every factor. */
    public ObservableList<List<String>> swapRows() {
        return swapRows;
    }

    /** Strength, Q(robust), Q(true), dQ, converged. */
    public ObservableList<List<String>> fpeakRows() {
        return fpeakRows;
    }

    /** Factor, species, base profile, constrained profile (concentration units, contributions of mean 1). */
    public ObservableList<List<String>> constrainedRows() {
        return constrainedRows;
    }

    private boolean isRobust() {
        return Boolean.TRUE.equals(robust.getValue());
    }

    /** Numbers separated by commas, or null (the message says which text was wrong). */
    private double[] numbers(String text) {
        String[] parts = text.split("[,，;\\s]+");
        List<Double> out = new ArrayList<>();
        for (String s : parts) {
            if (s.isBlank()) {
                continue;
            }
            try {
                out.add(Double.parseDouble(s.strip()));
            } catch (NumberFormatException e) {
                message.set(Messages.get("pmf.ui.rot.badNumber", s));
                return null;
            }
        }
        if (out.isEmpty()) {
            message.set(Messages.get("pmf.ui.rot.badNumber", text));
            return null;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The page's model re-converged by the rotation solver (as the {@code pmf} command does before DISP/Fpeak). */
    private static Solution refit(PmfResults r, ConstrainedSolver.Options o, cn.ecoaid.domain.ProgressListener l) {
        return ConstrainedSolver.refit(r.input(), r.solution(), o, l);
    }

    private PmfResults model() {
        PmfResults r = base.getValue();
        if (r == null) {
            message.set(Messages.get("pmf.ui.nothingToExport"));
        }
        return r;
    }

    /** DISP of every profile element at the given dQmax levels. */
    public void runDisp() {
        PmfResults r = model();
        double[] levels = r == null ? null : numbers(dispLevels.get());
        if (levels == null) {
            return;
        }
        Displacement.Settings s = Displacement.Settings.defaults(isRobust()).withLevels(levels);
        executor.run(Messages.get("pmf.ui.rot.dispRunning"), progress -> Displacement.run(r.input(),
                refit(r, s.solver(), progress), s, progress), d -> showDisp(r, d), e -> message.set(ErrorText.describe(e)));
    }

    private void showDisp(PmfResults r, Displacement.Result d) {
        List<List<String>> rows = new ArrayList<>();
        List<String> species = r.species();
        int p = d.base().length;
        for (int l = 0; l < d.levels().length; l++) {
            for (int k = 0; k < p; k++) {
                for (int j = 0; j < species.size(); j++) {
                    rows.add(List.of(Messages.get("pmf.ui.factor", k + 1), species.get(j),
                            PmfViewModel.num(d.base()[k][j], 4), PmfViewModel.num(d.levels()[l], 3),
                            PmfViewModel.num(d.lower()[l][k][j], 4), PmfViewModel.num(d.upper()[l][k][j], 4),
                            PmfViewModel.num(d.dqLower()[l][k][j], 3), PmfViewModel.num(d.dqUpper()[l][k][j], 3)));
                }
            }
        }
        List<List<String>> swaps = new ArrayList<>();
        for (int l = 0; l < d.levels().length; l++) {
            List<String> row = new ArrayList<>(List.of(PmfViewModel.num(d.levels()[l], 3)));
            for (int k = 0; k < p; k++) {
                row.add(d.swaps()[l][k] + "/" + d.runsPerFactor());
            }
            swaps.add(row);
        }
        dispRows.setAll(rows);
        swapRows.setAll(swaps);
        String decrease = PmfViewModel.num(d.largestDecrease(), 4);
        message.set(Messages.get(d.baseNotMinimum() ? "pmf.ui.rot.dispNotMinimum" : "pmf.ui.rot.dispDone",
                decrease.isEmpty() ? "0" : decrease));
    }

    /** Fpeak rotations at the given strengths. */
    public void runFpeak() {
        PmfResults r = model();
        double[] s = r == null ? null : numbers(strengths.get());
        if (s == null) {
            return;
        }
        ConstrainedSolver.Options o = ConstrainedSolver.Options.defaults(isRobust());
        executor.run(Messages.get("pmf.ui.rot.fpeakRunning"), progress -> Fpeak.run(r.input(), refit(r, o, progress), s,
                o, progress), list -> {
                    List<List<String>> rows = new ArrayList<>();
                    for (Fpeak.Result f : list) {
                        rows.add(List.of(PmfViewModel.num(f.strength(), 4), PmfViewModel.num(f.solution().qRobust(), 7),
                                PmfViewModel.num(f.solution().qTrue(), 7), PmfViewModel.num(f.dq(), 4),
                                Messages.get(f.solution().converged() ? "pmf.ui.yes" : "pmf.ui.no")));
                    }
                    fpeakRows.setAll(rows);
                    message.set(Messages.get("pmf.ui.rot.fpeakDone", list.size()));
                }, e -> message.set(ErrorText.describe(e)));
    }

    /** The constrained model of the chosen constraint table. */
    public void runConstraints() {
        PmfResults r = model();
        if (r == null) {
            return;
        }
        Path f = constraintsFile.get();
        if (f == null) {
            message.set(Messages.get("pmf.ui.rot.noConstraints"));
            return;
        }
        ConstrainedSolver.Options o = ConstrainedSolver.Options.defaults(isRobust());
        PreparedInput in = r.input();
        executor.run(Messages.get("pmf.ui.rot.constrainedRunning", f.getFileName()), progress -> {
            List<Constraints.Constraint> list = Constraints.read(TableFiles.read(f), in, r.solution().p(),
                    f.getFileName().toString());
            return Constraints.run(in, refit(r, o, progress), list, o, progress);
        }, c -> showConstrained(r, c), e -> message.set(ErrorText.describe(e)));
    }

    private void showConstrained(PmfResults r, Constraints.Result c) {
        PmfResults after = new PmfResults(r.input(), c.solution());
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < c.solution().p(); k++) {
            for (int j = 0; j < r.species().size(); j++) {
                rows.add(List.of(Messages.get("pmf.ui.factor", k + 1), r.species().get(j),
                        PmfViewModel.num(r.profile(k, j), 4), PmfViewModel.num(after.profile(k, j), 4)));
            }
        }
        constrainedRows.setAll(rows);
        String budget = Double.isNaN(c.budget()) ? "-" : PmfViewModel.num(c.budget(), 4);
        message.set(Messages.get("pmf.ui.rot.constrainedDone", PmfViewModel.num(c.solution().qRobust(), 7),
                PmfViewModel.num(c.solution().qTrue(), 7), PmfViewModel.num(c.dq(), 4), budget,
                Messages.get(c.budgetMet() ? "pmf.ui.yes" : "pmf.ui.no")));
    }
}
