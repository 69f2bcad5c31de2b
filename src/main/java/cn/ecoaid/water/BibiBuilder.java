package cn.ecoaid.water;

import cn.ecoaid.domain.EcoAidException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a B-IBI the way Chinese studies do (e.g. 王备新 et al.; the method HJ 1295-2023 附录C describes, whose text
 * we could not read — see docs/water-standards.md):
 * <ol>
 * <li>candidate metrics in groups (richness, composition, tolerance, feeding groups, diversity);</li>
 * <li>range test: a metric fails when it does not vary over all samples, when it does not vary over the reference
 * samples, or when it falls with disturbance and its reference median is 0 (too small to fall further);</li>
 * <li>discriminating power by box-plot overlap of reference and impaired samples (IQ, Barbour et al. 1996): 3 no
 * overlap of the interquartile boxes; 2 boxes overlap but neither median lies in the other box; 1 one median lies in
 * the other box; 0 both do. Metrics with IQ ≥ {@code minIq} (2) go on;</li>
 * <li>redundancy: correlation (Spearman by default, or Pearson) over the reference samples; of a pair with |r| &gt;
 * {@code maxCorrelation} (0.75) one is kept — metrics are taken in order of IQ (highest first), then group and
 * input order, and a metric is dropped when it is redundant with one already kept;</li>
 * <li>ratio scoring over all samples: a metric that falls with disturbance scores value/P95; one that rises scores
 * (max − value)/(max − P5); scores are capped to [0, 1]; percentiles by linear interpolation (type 7);</li>
 * <li>index = sum of the scores; grades: the reference samples' 25th percentile is the lower bound of 健康 and the range
 * below it is divided into four equal parts (亚健康, 一般, 差, 极差).</li>
 * </ol>
 * The direction of each metric's response is inferred from the medians (impaired below reference → DECREASE), means
 * when the medians tie, and the metric's usual direction when those tie too.
 */
public final class BibiBuilder {

    /** A sample's metric values and its role ("reference" or "impaired"). */
    public record MetricRow(String sample, String site, String role, Map<String, Double> metrics) {
    }

    public record Options(String correlation, double maxCorrelation, int minIq) {
        public static Options defaults() {
            return new Options("spearman", 0.75, 2);
        }
    }

    /** Candidate metric groups and the usual direction of response of known metrics. */
    static final Map<String, String[]> CATALOGUE = new LinkedHashMap<>();

    static {
        cat("RICHNESS", "DECREASE", "S", "ept_richness", "e_richness", "p_richness", "t_richness", "intolerant_richness",
                "ept_tv4_richness");
        cat("COMPOSITION", "DECREASE", "pct_ept");
        cat("COMPOSITION", "INCREASE", "pct_dominant", "pct_chironomidae", "pct_oligochaeta", "berger_parker");
        cat("TOLERANCE", "INCREASE", "hbi", "fbi", "pct_tolerant");
        cat("TOLERANCE", "DECREASE", "pct_intolerant", "becks3", "bmwp", "aspt");
        cat("FEEDING", "DECREASE", "pct_SC", "pct_SH", "pct_PR");
        cat("FEEDING", "INCREASE", "pct_CG", "pct_CF");
        cat("DIVERSITY", "DECREASE", "shannon_ln", "shannon_log2", "simpson", "simpson_unbiased", "inv_simpson", "pielou",
                "margalef");
    }

    private static void cat(String group, String direction, String... metrics) {
        for (String m : metrics) {
            CATALOGUE.put(m, new String[] {group, direction});
        }
    }

    /** The group of a metric (OTHER when unknown). */
    public static String group(String metric) {
        String[] g = CATALOGUE.get(metric);
        return g == null ? "OTHER" : g[0];
    }

    private static final List<String> GROUP_ORDER = List.of("RICHNESS", "COMPOSITION", "TOLERANCE", "FEEDING", "DIVERSITY", "OTHER");

    public BibiModel build(List<MetricRow> rows, List<String> candidates, Options o) {
        List<MetricRow> ref = rows.stream().filter(r -> "reference".equals(r.role())).toList();
        List<MetricRow> imp = rows.stream().filter(r -> "impaired".equals(r.role())).toList();
        if (ref.size() < 2 || imp.size() < 2) {
            throw new EcoAidException("water.bibi.tooFewSites", ref.size(), imp.size());
        }
        List<BibiModel.Candidate> cands = new ArrayList<>();
        for (String m : candidates) {
            double[] r = values(ref, m);
            double[] i = values(imp, m);
            double[] all = values(rows, m);
            if (r.length < ref.size() || i.length < imp.size()) {
                cands.add(new BibiModel.Candidate(m, group(m), "", box(r), box(i), false, "water.bibi.range.missing", 0, null,
                        Double.NaN, false));
                continue;
            }
            BibiModel.Box rb = box(r);
            BibiModel.Box ib = box(i);
            String dir = direction(m, rb, ib, r, i);
            String reason = null;
            if (box(all).max() == box(all).min()) {
                reason = "water.bibi.range.constant";
            } else if (rb.max() == rb.min()) {
                reason = "water.bibi.range.constantReference";
            } else if (dir.equals("DECREASE") && rb.median() == 0) {
                reason = "water.bibi.range.tooSmall";
            }
            int iq = reason == null ? iq(rb, ib) : 0;
            cands.add(new BibiModel.Candidate(m, group(m), dir, rb, ib, reason == null, reason == null ? "" : reason, iq, null,
                    Double.NaN, false));
        }
        List<BibiModel.Candidate> discriminating = new ArrayList<>(cands.stream()
                .filter(c -> c.rangePassed() && c.iq() >= o.minIq()).toList());
        discriminating.sort(Comparator.comparingInt((BibiModel.Candidate c) -> -c.iq())
                .thenComparingInt(c -> GROUP_ORDER.indexOf(c.group())).thenComparingInt(c -> candidates.indexOf(c.metric())));
        List<String> cm = discriminating.stream().map(BibiModel.Candidate::metric).toList();
        double[][] corr = new double[cm.size()][cm.size()];
        for (int a = 0; a < cm.size(); a++) {
            for (int b = 0; b < cm.size(); b++) {
                double[] x = values(ref, cm.get(a));
                double[] y = values(ref, cm.get(b));
                corr[a][b] = "pearson".equalsIgnoreCase(o.correlation()) ? Stats.pearson(x, y) : Stats.spearman(x, y);
            }
        }
        List<String> kept = new ArrayList<>();
        Map<String, String> redundantWith = new LinkedHashMap<>();
        Map<String, Double> redundantR = new LinkedHashMap<>();
        for (int a = 0; a < cm.size(); a++) {
            String hit = null;
            double hitR = Double.NaN;
            for (String k : kept) {
                double r = corr[a][cm.indexOf(k)];
                if (!Double.isNaN(r) && Math.abs(r) > o.maxCorrelation()) {
                    hit = k;
                    hitR = r;
                    break;
                }
            }
            if (hit == null) {
                kept.add(cm.get(a));
            } else {
                redundantWith.put(cm.get(a), hit);
                redundantR.put(cm.get(a), hitR);
            }
        }
        if (kept.isEmpty()) {
            throw new EcoAidException("water.bibi.noMetricKept");
        }
        List<BibiModel.Candidate> finalCands = cands.stream().map(c -> new BibiModel.Candidate(c.metric(), c.group(), c.direction(),
                c.reference(), c.impaired(), c.rangePassed(), c.rangeReason(), c.iq(), redundantWith.get(c.metric()),
                redundantR.getOrDefault(c.metric(), Double.NaN), kept.contains(c.metric()))).toList();
        List<BibiModel.Scoring> scoring = new ArrayList<>();
        for (String m : candidates) {
            if (!kept.contains(m)) {
                continue;
            }
            double[] all = values(rows, m);
            String dir = finalCands.stream().filter(c -> c.metric().equals(m)).findFirst().orElseThrow().direction();
            scoring.add(new BibiModel.Scoring(m, dir, Stats.percentile(all, 0.95), Stats.percentile(all, 0.05),
                    Stats.percentile(all, 0), Stats.percentile(all, 1)));
        }
        BibiModel partial = new BibiModel("B-IBI ratio scoring, reference P25 quartering", ids(ref), ids(imp), finalCands,
                o.correlation().toLowerCase(java.util.Locale.ROOT), o.maxCorrelation(), o.minIq(), cm, corr, scoring,
                Map.of(), Double.NaN, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, List.of());
        Map<String, Double> refIndex = new LinkedHashMap<>();
        for (MetricRow r : ref) {
            refIndex.put(r.sample(), partial.score(r.sample(), r.site(), r.role(), r.metrics()).index());
        }
        double p25 = Stats.percentile(refIndex.values().stream().mapToDouble(Double::doubleValue).toArray(), 0.25);
        double[] thresholds = {p25, 0.75 * p25, 0.5 * p25, 0.25 * p25};
        BibiModel withGrades = new BibiModel(partial.method(), partial.referenceSamples(), partial.impairedSamples(), finalCands,
                partial.correlationMethod(), o.maxCorrelation(), o.minIq(), cm, corr, scoring, refIndex, p25, thresholds,
                List.of());
        List<BibiModel.SampleScore> built = rows.stream()
                .map(r -> withGrades.score(r.sample(), r.site(), r.role(), r.metrics())).toList();
        return new BibiModel(partial.method(), partial.referenceSamples(), partial.impairedSamples(), finalCands,
                partial.correlationMethod(), o.maxCorrelation(), o.minIq(), cm, corr, scoring, refIndex, p25, thresholds, built);
    }

    private static List<String> ids(List<MetricRow> rows) {
        return rows.stream().map(MetricRow::sample).toList();
    }

    static double[] values(List<MetricRow> rows, String metric) {
        return rows.stream().map(r -> r.metrics().get(metric)).filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue).toArray();
    }

    static BibiModel.Box box(double[] v) {
        if (v.length == 0) {
            return new BibiModel.Box(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new BibiModel.Box(v.length, Stats.percentile(v, 0), Stats.percentile(v, 0.25), Stats.percentile(v, 0.5),
                Stats.percentile(v, 0.75), Stats.percentile(v, 1));
    }

    /** Barbour et al. (1996) box-plot overlap score. */
    static int iq(BibiModel.Box r, BibiModel.Box i) {
        if (r.q1() > i.q3() || i.q1() > r.q3()) {
            return 3;
        }
        boolean refMedianInImp = r.median() >= i.q1() && r.median() <= i.q3();
        boolean impMedianInRef = i.median() >= r.q1() && i.median() <= r.q3();
        if (!refMedianInImp && !impMedianInRef) {
            return 2;
        }
        return refMedianInImp && impMedianInRef ? 0 : 1;
    }

    private static String direction(String metric, BibiModel.Box rb, BibiModel.Box ib, double[] r, double[] i) {
        if (ib.median() < rb.median()) {
            return "DECREASE";
        }
        if (ib.median() > rb.median()) {
            return "INCREASE";
        }
        double mr = java.util.Arrays.stream(r).average().orElse(0);
        double mi = java.util.Arrays.stream(i).average().orElse(0);
        if (mi != mr) {
            return mi < mr ? "DECREASE" : "INCREASE";
        }
        String[] g = CATALOGUE.get(metric);
        return g == null ? "DECREASE" : g[1];
    }
}
