package cn.ecoaid.solution;

import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.InvalidRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Validation of packages, measures, milestones and tracking records, shared by the editor, importers and the store. */
public final class SolutionRules {
    public static final int MAX_TITLE = 200;

    private SolutionRules() {
    }

    public static List<FieldProblem> validate(SolutionPackage p) {
        List<FieldProblem> out = new ArrayList<>();
        if (p.title().isEmpty()) {
            out.add(FieldProblem.of("title", "solution.invalid.titleMissing"));
        } else if (p.title().length() > MAX_TITLE) {
            out.add(FieldProblem.of("title", "solution.invalid.titleTooLong", MAX_TITLE));
        }
        if (p.city().isEmpty()) {
            out.add(FieldProblem.of("city", "solution.invalid.cityMissing"));
        }
        return out;
    }

    public static List<FieldProblem> validate(Measure m) {
        List<FieldProblem> out = new ArrayList<>();
        if (m.name().isEmpty()) {
            out.add(FieldProblem.of("name", "solution.invalid.measureName"));
        }
        if (m.type() == null) {
            out.add(FieldProblem.of("type", "solution.invalid.measureType"));
        }
        if (m.start() != null && m.end() != null && m.end().isBefore(m.start())) {
            out.add(FieldProblem.of("end", "solution.invalid.period", m.start(), m.end()));
        }
        if (m.cost() != null && (!Double.isFinite(m.cost()) || m.cost() < 0)) {
            out.add(FieldProblem.of("cost", "solution.invalid.cost", m.cost()));
        }
        for (Map.Entry<String, Double> e : m.reductions().entrySet()) {
            if (e.getKey().isBlank()) {
                out.add(FieldProblem.of("reductions", "solution.invalid.pollutantMissing"));
            } else if (e.getValue() == null || !Double.isFinite(e.getValue()) || e.getValue() < 0) {
                out.add(FieldProblem.of("reductions", "solution.invalid.reduction", e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    public static List<FieldProblem> validate(Milestone m) {
        List<FieldProblem> out = new ArrayList<>();
        if (m.date() == null) {
            out.add(FieldProblem.of("date", "solution.invalid.dateMissing"));
        }
        if (m.indicator().isEmpty()) {
            out.add(FieldProblem.of("indicator", "solution.invalid.indicatorMissing"));
        }
        if (!Double.isFinite(m.target())) {
            out.add(FieldProblem.of("target", "solution.invalid.value", m.target()));
        }
        return out;
    }

    public static List<FieldProblem> validate(TrackingRecord t) {
        List<FieldProblem> out = new ArrayList<>();
        if (t.date() == null) {
            out.add(FieldProblem.of("date", "solution.invalid.dateMissing"));
        }
        if (t.indicator().isEmpty()) {
            out.add(FieldProblem.of("indicator", "solution.invalid.indicatorMissing"));
        }
        if (!Double.isFinite(t.value())) {
            out.add(FieldProblem.of("value", "solution.invalid.value", t.value()));
        }
        return out;
    }

    /** Throws {@link InvalidRecordException} when {@code problems} is not empty. */
    public static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
    }
}
