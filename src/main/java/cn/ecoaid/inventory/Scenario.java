package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reduction scenario: named measures applied, in order, to selections of activity records. A measure either reduces
 * the emissions of the selection by a percentage, replaces an emission factor, replaces the level-4 control measures,
 * or sets the operating rate (penetration) of the controls. Each measure is credited with the reduction it adds on top
 * of the measures before it, per pollutant.
 */
public record Scenario(String name, List<Scenario.Measure> measures) {

    public Scenario {
        measures = List.copyOf(measures);
    }

    public enum Action { REDUCTION_PCT, NEW_EF, NEW_CONTROL, NEW_RATE }

    /**
     * Which records a measure applies to. Empty path levels, counties, sources or pollutants mean "any".
     *
     * @param path     category, level1, level2, level3 prefix
     * @param sources  source names or record ids
     */
    public record Selection(List<String> path, Set<String> counties, Set<String> sources, Set<Pollutant> pollutants) {
        public Selection {
            path = List.copyOf(path);
            counties = Set.copyOf(counties);
            sources = Set.copyOf(sources);
            pollutants = Set.copyOf(pollutants);
        }

        public boolean selects(Activity a) {
            for (int i = 0; i < path.size() && i < 5; i++) {
                String p = path.get(i);
                if (!p.isEmpty() && !p.equals(a.path().get(i))) {
                    return false;
                }
            }
            return (counties.isEmpty() || counties.contains(a.county()))
                    && (sources.isEmpty() || sources.contains(a.source()) || sources.contains(a.id()));
        }

        public boolean covers(Pollutant p) {
            return pollutants.isEmpty() || pollutants.contains(p);
        }
    }

    /**
     * One measure. {@code value}: the reduction in % (REDUCTION_PCT), the new factor value (NEW_EF, with
     * {@code unit}), or the operating rate 0–1 (NEW_RATE, and optionally with NEW_CONTROL; NaN keeps the record's).
     */
    public record Measure(String id, String name, Selection selection, Action action, double value, String unit,
            String control) {
    }

    /** Result of one scenario: base and scenario totals per pollutant, and the reduction of each measure (kg). */
    public record Result(String scenario, Map<Pollutant, Double> baseKg, Map<Pollutant, Double> scenarioKg,
            Map<String, Map<Pollutant, Double>> reductionByMeasureKg) {
    }

    /** One pollutant across several scenarios: the base total and each scenario's total (kg), in scenario order. */
    public record Comparison(Pollutant pollutant, double baseKg, List<Double> scenarioKg) {
        /** Reduction of scenario {@code i} against the base, %; NaN when the base is zero. */
        public double reductionPct(int i) {
            return baseKg == 0 ? Double.NaN : (baseKg - scenarioKg.get(i)) / baseKg * 100;
        }
    }

    /** Scenarios side by side per pollutant (the pollutants of the first result's base, in pollutant order). */
    public static List<Comparison> sideBySide(List<Result> results) {
        List<Comparison> out = new java.util.ArrayList<>();
        if (results.isEmpty()) {
            return out;
        }
        for (Pollutant p : Pollutant.values()) {
            Double base = results.get(0).baseKg().get(p);
            if (base == null) {
                continue;
            }
            out.add(new Comparison(p, base, results.stream().map(r -> r.scenarioKg().getOrDefault(p, 0.0)).toList()));
        }
        return out;
    }

    /** Runs this scenario over the activities. */
    public Result run(InventoryCalculator calc, List<Activity> activities) {
        Map<Pollutant, Double> base = new EnumMap<>(Pollutant.class);
        Map<Pollutant, Double> after = new EnumMap<>(Pollutant.class);
        Map<String, Map<Pollutant, Double>> byMeasure = new LinkedHashMap<>();
        for (Measure m : measures) {
            byMeasure.put(m.id(), new EnumMap<>(Pollutant.class));
        }
        for (Activity a0 : activities) {
            Activity act = a0;
            Map<Pollutant, EmissionFactor> factors = new EnumMap<>(Pollutant.class);
            factors.putAll(calc.library().forActivity(a0));
            Map<Pollutant, Double> multiplier = new EnumMap<>(Pollutant.class);
            Map<Pollutant, Double> current = emissions(calc, act, factors, multiplier);
            current.forEach((p, v) -> base.merge(p, v, Double::sum));
            for (Measure m : measures) {
                if (!m.selection().selects(a0)) {
                    continue;
                }
                switch (m.action()) {
                    case REDUCTION_PCT -> {
                        if (!(m.value() >= 0 && m.value() <= 100)) {
                            throw new EcoAidException("inventory.error.measureValue", m.id(), m.value());
                        }
                        for (Pollutant p : current.keySet()) {
                            if (m.selection().covers(p)) {
                                multiplier.merge(p, 1.0 - m.value() / 100.0, (x, y) -> x * y);
                            }
                        }
                    }
                    case NEW_EF -> {
                        if (m.selection().pollutants().isEmpty()) {
                            throw new EcoAidException("inventory.error.measureNeedsPollutant", m.id());
                        }
                        for (Pollutant p : m.selection().pollutants()) {
                            EmissionFactor old = factors.get(p);
                            factors.put(p, new EmissionFactor(m.id(), p, m.value(), Units.factorUnit(m.unit(), m.id()),
                                    old == null ? List.of() : old.path(), "", "scenario " + name, m.name(), "SCENARIO",
                                    true, Double.NaN, Double.NaN, false));
                        }
                    }
                    case NEW_CONTROL -> {
                        List<String> path = new ArrayList<>(act.path());
                        path.set(4, m.control());
                        act = act.withPath(path);
                        if (!Double.isNaN(m.value())) {
                            act = act.withOperatingRate(m.value());
                        }
                    }
                    case NEW_RATE -> act = act.withOperatingRate(m.value());
                    default -> throw new IllegalStateException();
                }
                Map<Pollutant, Double> next = emissions(calc, act, factors, multiplier);
                Map<Pollutant, Double> credit = byMeasure.get(m.id());
                for (Map.Entry<Pollutant, Double> e : current.entrySet()) {
                    double d = e.getValue() - next.getOrDefault(e.getKey(), 0.0);
                    credit.merge(e.getKey(), d, Double::sum);
                }
                current = next;
            }
            current.forEach((p, v) -> after.merge(p, v, Double::sum));
        }
        return new Result(name, base, after, byMeasure);
    }

    private static Map<Pollutant, Double> emissions(InventoryCalculator calc, Activity a,
            Map<Pollutant, EmissionFactor> factors, Map<Pollutant, Double> multiplier) {
        Map<Pollutant, Double> out = new EnumMap<>(Pollutant.class);
        calc.compute(a, factors, e -> out.merge(e.pollutant(), e.emittedKg() * multiplier.getOrDefault(e.pollutant(), 1.0),
                Double::sum));
        return out;
    }
}
