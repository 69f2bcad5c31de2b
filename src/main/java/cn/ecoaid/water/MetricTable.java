package cn.ecoaid.water;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.HeaderMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a table of metric values per sample ({@code sample[,site][,role],metric1,metric2,…}), or computes the metrics
 * from taxa counts, for the B-IBI builder.
 */
public final class MetricTable {
    private MetricTable() {
    }

    /** Metric rows from a wide table; blank cells are missing values, other non-numbers are reported. */
    public static List<BibiBuilder.MetricRow> readWide(Table t) {
        HeaderMap h = new HeaderMap(t.headers());
        int sample = h.find(BioFile.SAMPLE).orElse(-1);
        int site = h.find(BioFile.SITE).orElse(-1);
        int role = h.find(BioFile.ROLE).orElse(-1);
        int date = h.find(BioFile.DATE).orElse(-1);
        int group = h.find(BioFile.GROUP).orElse(-1);
        if (sample < 0 && site < 0) {
            throw new ImportRejectedException(List.of(Problem.of(1, "", "water.import.missingColumn", "sample/样品")));
        }
        Set<Integer> reserved = new java.util.HashSet<>(List.of(sample, site, role, date, group));
        List<Problem> problems = new ArrayList<>();
        List<BibiBuilder.MetricRow> rows = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            if (r.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < t.headers().size(); i++) {
                if (reserved.contains(i) || r.get(i).isEmpty()) {
                    continue;
                }
                try {
                    m.put(t.headers().get(i).strip(), Double.parseDouble(r.get(i)));
                } catch (NumberFormatException e) {
                    problems.add(Problem.of(r.number(), h.header(i), "water.import.badNumber", r.get(i)));
                }
            }
            String id = sample >= 0 && !r.get(sample).isEmpty() ? r.get(sample) : r.get(site);
            rows.add(new BibiBuilder.MetricRow(id, site >= 0 ? r.get(site) : id, role >= 0 ? BioFile.role(r.get(role)) : "", m));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return rows;
    }

    /** Metric rows computed from biological samples (every index that is not NaN). */
    public static List<BibiBuilder.MetricRow> fromSamples(List<BioSample> samples, TaxaTable taxa) {
        BioIndices ix = new BioIndices(taxa);
        List<BibiBuilder.MetricRow> rows = new ArrayList<>();
        for (BioSample s : samples) {
            Map<String, Double> m = new LinkedHashMap<>();
            ix.compute(s).values().forEach((k, v) -> {
                if (!v.isNaN()) {
                    m.put(k, v);
                }
            });
            rows.add(new BibiBuilder.MetricRow(s.id(), s.site(), s.role(), m));
        }
        return rows;
    }

    /** Not candidates: N (depends on sampling effort) and exact re-expressions of other metrics. */
    static final Set<String> EXCLUDED = Set.of("N", "shannon_log2", "berger_parker");

    /** Candidate metrics: every metric present in all rows, except {@link #EXCLUDED}. */
    public static List<String> candidates(List<BibiBuilder.MetricRow> rows) {
        List<String> out = new ArrayList<>();
        for (BibiBuilder.MetricRow r : rows) {
            for (String k : r.metrics().keySet()) {
                if (!out.contains(k) && !EXCLUDED.contains(k)) {
                    out.add(k);
                }
            }
        }
        out.removeIf(k -> rows.stream().anyMatch(r -> !r.metrics().containsKey(k)));
        return out;
    }
}
