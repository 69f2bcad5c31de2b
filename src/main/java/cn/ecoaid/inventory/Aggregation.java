package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Totals of emissions grouped by any of: pollutant, category at any level (category = first level, level1 … level4 =
 * the path down to that level), county, source type, source, method, factor document. Feed it emissions one by one
 * ({@link #accept}); it keeps only the totals.
 */
public final class Aggregation implements Consumer<Emission> {
    /** A grouping dimension; for CATEGORY, {@code depth} is the number of path levels (1 = first-level category). */
    public record Dim(Kind kind, int depth) {
        public String header() {
            return kind == Kind.CATEGORY ? (depth == 1 ? "category" : "level" + (depth - 1)) : kind.name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Kind { POLLUTANT, CATEGORY, COUNTY, TYPE, SOURCE, METHOD, DOCUMENT }

    /** One group: its key values (in the order of the dimensions) and totals. */
    public record Row(List<String> key, double emittedKg, double generatedKg, long count) {
    }

    private final List<Dim> dims;
    private final Map<String, double[]> totals = new HashMap<>();
    private final Map<String, List<String>> keys = new HashMap<>();
    private Activity lastActivity;
    private String[] lastParts;

    public Aggregation(List<Dim> dims) {
        this.dims = List.copyOf(dims);
    }

    /** Parses "pollutant,category,county", "level2", "type", "source", "method", "document". */
    public static List<Dim> parse(String spec) {
        List<Dim> out = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String s = raw.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            Dim d = switch (s) {
                case "pollutant" -> new Dim(Kind.POLLUTANT, 0);
                case "category", "level0" -> new Dim(Kind.CATEGORY, 1);
                case "level1" -> new Dim(Kind.CATEGORY, 2);
                case "level2" -> new Dim(Kind.CATEGORY, 3);
                case "level3" -> new Dim(Kind.CATEGORY, 4);
                case "level4" -> new Dim(Kind.CATEGORY, 5);
                case "county" -> new Dim(Kind.COUNTY, 0);
                case "type", "sourcetype", "source_type" -> new Dim(Kind.TYPE, 0);
                case "source" -> new Dim(Kind.SOURCE, 0);
                case "method" -> new Dim(Kind.METHOD, 0);
                case "document" -> new Dim(Kind.DOCUMENT, 0);
                default -> throw new EcoAidException("inventory.error.unknownDimension", raw.strip());
            };
            out.add(d);
        }
        return out;
    }

    public List<Dim> dims() {
        return dims;
    }

    @Override
    public void accept(Emission e) {
        if (e.activity() != lastActivity) {
            lastActivity = e.activity();
            lastParts = new String[dims.size()];
            for (int i = 0; i < dims.size(); i++) {
                lastParts[i] = activityPart(dims.get(i), e.activity());
            }
        }
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < dims.size(); i++) {
            String part = lastParts[i];
            if (part == null) {
                Dim d = dims.get(i);
                part = d.kind() == Kind.POLLUTANT ? e.pollutant().label()
                        : d.kind() == Kind.METHOD ? e.method().name() : e.factor().document();
            }
            sb.append(part).append('\u0001');
        }
        String k = sb.toString();
        double[] t = totals.get(k);
        if (t == null) {
            t = new double[3];
            totals.put(k, t);
            keys.put(k, List.of(k.split("\u0001", -1)).subList(0, dims.size()));
        }
        t[0] += e.emittedKg();
        t[1] += e.generatedKg();
        t[2] += 1;
    }

    private static String activityPart(Dim d, Activity a) {
        return switch (d.kind()) {
            case CATEGORY -> String.join(" / ", a.path().subList(0, d.depth()));
            case COUNTY -> a.county();
            case TYPE -> a.type().name().toLowerCase(Locale.ROOT);
            case SOURCE -> a.source();
            default -> null;
        };
    }

    /** The groups, sorted by key. */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>(totals.size());
        for (Map.Entry<String, double[]> e : totals.entrySet()) {
            double[] t = e.getValue();
            out.add(new Row(keys.get(e.getKey()), t[0], t[1], (long) t[2]));
        }
        out.sort(Comparator.comparing(r -> String.join("\u0001", r.key())));
        return out;
    }

    /** Emitted total (kg) of one group, 0 if absent. */
    public double emittedKg(List<String> key) {
        double[] t = totals.get(String.join("\u0001", key) + "\u0001");
        return t == null ? 0 : t[0];
    }

    /** Two inventories side by side by the same dimensions: a, b, b − a and the change in %. */
    public record Comparison(List<String> key, double aKg, double bKg) {
        public double diffKg() {
            return bKg - aKg;
        }

        /** (b − a)/a × 100; NaN when a is zero. */
        public double changePct() {
            return aKg == 0 ? Double.NaN : (bKg - aKg) / aKg * 100.0;
        }
    }

    /** Compares two aggregations with the same dimensions (e.g. last year's inventory and this year's). */
    public static List<Comparison> compare(Aggregation a, Aggregation b) {
        if (!a.dims.equals(b.dims)) {
            throw new EcoAidException("inventory.error.dimsDiffer");
        }
        Map<List<String>, double[]> m = new java.util.TreeMap<>(Comparator.comparing(k -> String.join("\u0001", k)));
        for (Row r : a.rows()) {
            m.computeIfAbsent(r.key(), k -> new double[2])[0] = r.emittedKg();
        }
        for (Row r : b.rows()) {
            m.computeIfAbsent(r.key(), k -> new double[2])[1] = r.emittedKg();
        }
        List<Comparison> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Comparison(k, v[0], v[1])));
        return out;
    }
}
