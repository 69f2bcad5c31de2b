package cn.ecoaid.pmf;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Constrained model (EPA PMF 5.0's constraints, run after the base model, DISP and Fpeak): on profile elements (in
 * concentration units, contributions of mean 1) or contributions (normalised to mean 1) — pull up or pull down
 * maximally within a dQ budget, set to zero, set to a value, or keep at least / at most a value. Set and bound
 * constraints are exact; pulls add {@code −μ·Σ ±x/scale} to the objective (scale: the base value, or the factor's mean
 * element when the base value is 0) and μ is the largest found by bisection for which dQ stays within the budget,
 * {@code dq_percent} % of the base objective (the smallest percentage given on a pull row). Every factor that carries a
 * constraint keeps its contributions at mean 1.
 */
public final class Constraints {
    /** The kinds of constraint. */
    public enum Kind {
        PULL_UP, PULL_DOWN, ZERO, VALUE, AT_LEAST, AT_MOST;

        static Kind parse(String text, int row) {
            String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            return switch (t) {
                case "pull_up", "pullup", "up" -> PULL_UP;
                case "pull_down", "pulldown", "down" -> PULL_DOWN;
                case "zero", "set_zero", "set_to_zero" -> ZERO;
                case "value", "set_value", "set_to_value", "=" -> VALUE;
                case "at_least", "min", "ge", ">=", "≥" -> AT_LEAST;
                case "at_most", "max", "le", "<=", "≤" -> AT_MOST;
                default -> throw new EcoAidException("pmf.error.constraintKind", row, text);
            };
        }

        boolean pull() {
            return this == PULL_UP || this == PULL_DOWN;
        }
    }

    /**
     * One constraint on profile element (factor, index = species column of the model) or contribution (factor, index =
     * sample row); {@code value} for VALUE/AT_LEAST/AT_MOST, {@code dqPercent} for pulls (NaN otherwise).
     */
    public record Constraint(Kind kind, boolean profile, int factor, int index, double value, double dqPercent) {
    }

    /** The constrained solution and its report. */
    public record Result(Solution solution, double qBase, double q, double dq, double budget, boolean budgetMet,
            double pullStrength) {
    }

    /** Default budget of pulls when no row gives one: 0.5 % of the base objective. */
    public static final double DEFAULT_DQ_PERCENT = 0.5;

    private Constraints() {
    }

    /**
     * Reads {@code kind,target,factor,species_or_sample,value,dq_percent} rows; factors are 1-based ("2" or "Factor2"),
     * species are matched among the modelled species, samples by their id. {@code source} names the file in errors.
     */
    public static List<Constraint> read(Table t, PreparedInput in, int factors, String source) {
        List<String> head = t.headers().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int[] col = new int[6];
        String[] names = {"kind", "target", "factor", "species_or_sample", "value", "dq_percent"};
        for (int c = 0; c < names.length; c++) {
            col[c] = head.indexOf(names[c]);
            if (col[c] < 0 && c < 4) {
                throw new EcoAidException("pmf.error.constraintColumns", source);
            }
        }
        List<String> species = in.includedSpecies();
        List<String> samples = in.data().samples();
        List<Constraint> out = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            Table.Row row = t.rows().get(r);
            int line = row.number();
            Kind kind = Kind.parse(cell(row, col[0]), line);
            String target = cell(row, col[1]).strip().toLowerCase(Locale.ROOT);
            boolean profile;
            if (target.startsWith("prof") || target.equals("f")) {
                profile = true;
            } else if (target.startsWith("contrib") || target.equals("g")) {
                profile = false;
            } else {
                throw new EcoAidException("pmf.error.constraintTarget", line, cell(row, col[1]));
            }
            String f = cell(row, col[2]).strip().replaceFirst("(?i)^factor\\s*", "");
            int factor;
            try {
                factor = Integer.parseInt(f) - 1;
            } catch (NumberFormatException e) {
                factor = -1;
            }
            if (factor < 0 || factor >= factors) {
                throw new EcoAidException("pmf.error.constraintFactor", line, cell(row, col[2]), factors);
            }
            String what = cell(row, col[3]).strip();
            int index = -1;
            List<String> names2 = profile ? species : samples;
            for (int k = 0; k < names2.size(); k++) {
                if (names2.get(k).equalsIgnoreCase(what)) {
                    index = k;
                    break;
                }
            }
            if (index < 0) {
                throw new EcoAidException(profile ? "pmf.error.constraintSpecies" : "pmf.error.constraintSample", line,
                        what);
            }
            double value = Double.NaN;
            if (kind == Kind.VALUE || kind == Kind.AT_LEAST || kind == Kind.AT_MOST) {
                value = number(row, col[4], line, "value");
                if (!(value >= 0)) {
                    throw new EcoAidException("pmf.error.constraintValue", line, cell(row, col[4]));
                }
            }
            double dq = Double.NaN;
            if (kind.pull() && col[5] >= 0 && !cell(row, col[5]).isBlank()) {
                dq = number(row, col[5], line, "dq_percent");
                if (!(dq > 0) || dq > 100) {
                    throw new EcoAidException("pmf.error.constraintDq", line, cell(row, col[5]));
                }
            }
            out.add(new Constraint(kind, profile, factor, index, value, dq));
        }
        return out;
    }

    private static String cell(Table.Row row, int c) {
        return row.get(c);
    }

    private static double number(Table.Row row, int c, int line, String column) {
        try {
            return Double.parseDouble(cell(row, c).strip());
        } catch (NumberFormatException e) {
            throw new EcoAidException(column.equals("value") ? "pmf.error.constraintValue" : "pmf.error.constraintDq",
                    line, cell(row, c));
        }
    }

    /** Runs the constrained model from the base (normalised to contributions of mean 1). */
    public static Result run(PreparedInput in, Solution base, List<Constraint> constraints,
            ConstrainedSolver.Options options, ProgressListener listener) {
        int n = in.rows();
        int m = in.cols();
        int p = base.p();
        long start = System.nanoTime();
        double[] w = base.w().clone();
        double[] h = base.h().clone();
        ConstrainedSolver.normalise(w, h, n, m, p);
        boolean robust = options.robust();
        double qBase = robust ? Objective.qRobust(in.v(), in.u(), Objective.product(w, h, n, m, p), options.alpha())
                : Objective.qTrue(in.v(), in.u(), Objective.product(w, h, n, m, p));
        ConstrainedSolver.Spec spec = new ConstrainedSolver.Spec(n, m, p);
        double pct = Double.POSITIVE_INFINITY;
        boolean pulls = false;
        for (Constraint c : constraints) {
            spec.holdMean(c.factor());
            int k = c.factor();
            int x = c.index();
            double baseValue = c.profile() ? h[k * m + x] : w[x * p + k];
            switch (c.kind()) {
                case ZERO -> set(spec, c, 0, 0);
                case VALUE -> set(spec, c, c.value(), c.value());
                case AT_LEAST -> set(spec, c, c.value(), Double.POSITIVE_INFINITY);
                case AT_MOST -> set(spec, c, 0, c.value());
                case PULL_UP, PULL_DOWN -> {
                    double scale = baseValue > 0 ? baseValue : meanElement(c.profile() ? h : w, c.profile(), k, n, m, p);
                    double coef = (c.kind() == Kind.PULL_UP ? 1 : -1) / scale;
                    if (c.profile()) {
                        spec.pullProfile(k, x, coef);
                    } else {
                        spec.pullContribution(x, k, coef);
                    }
                    pulls = true;
                    if (!Double.isNaN(c.dqPercent())) {
                        pct = Math.min(pct, c.dqPercent());
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        if (pct == Double.POSITIVE_INFINITY) {
            pct = DEFAULT_DQ_PERCENT;
        }
        double budget = pulls ? pct / 100 * qBase : Double.NaN;
        ConstrainedSolver.Result hard = ConstrainedSolver.solve(in.v(), in.u(), spec.withoutPulls(), w, h, options,
                listener);
        ConstrainedSolver.Result best = hard;
        double mu = 0;
        boolean met = true;
        if (pulls) {
            if (hard.q(robust) - qBase > budget) {
                met = false;
            } else {
                // grow μ until the budget is exceeded, then bisect (geometrically) between the last two
                double lo = 0;
                double hi = Double.NaN;
                double trial = Math.max(budget, 1e-3);
                ConstrainedSolver.Result from = hard;
                for (int it = 0; it < 60; it++) {
                    listener.checkCancelled();
                    ConstrainedSolver.Result r = ConstrainedSolver.solve(in.v(), in.u(), spec.scaledPulls(trial),
                            from.w(), from.h(), options, listener);
                    if (r.q(robust) - qBase <= budget) {
                        lo = trial;
                        best = r;
                        from = r;
                    } else {
                        hi = trial;
                    }
                    if (Double.isNaN(hi)) {
                        trial *= 4;
                        if (trial > 1e12 * Math.max(1, budget)) {
                            break;
                        }
                    } else {
                        if (hi - lo <= 1e-3 * hi) {
                            break;
                        }
                        trial = lo > 0 ? Math.sqrt(lo * hi) : hi / 4;
                    }
                }
                mu = lo;
            }
        }
        Solution s = new Solution(base.seed(), n, m, p, best.w(), best.h(), best.qTrue(), best.qRobust(),
                best.iterations(), best.converged(), (System.nanoTime() - start) / 1e9);
        double q = best.q(robust);
        return new Result(s, qBase, q, q - qBase, budget, met && (!pulls || q - qBase <= budget * (1 + 1e-9)), mu);
    }

    private static void set(ConstrainedSolver.Spec spec, Constraint c, double lo, double hi) {
        if (c.profile()) {
            spec.boundProfile(c.factor(), c.index(), lo, hi);
        } else {
            spec.boundContribution(c.index(), c.factor(), lo, hi);
        }
    }

    private static double meanElement(double[] a, boolean profile, int k, int n, int m, int p) {
        double t = 0;
        int count = profile ? m : n;
        for (int x = 0; x < count; x++) {
            t += profile ? a[k * m + x] : a[x * p + k];
        }
        return t > 0 ? t / count : 1;
    }
}
