package cn.ecoaid.inventory.ghg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Key category analysis, approach 1 (IPCC 2006 Guidelines Vol. 1 Ch. 4): level assessment (eq. 4.1) and trend
 * assessment (eq. 4.2), keys being the categories that, in descending order, add up to 95 % of the total (the category
 * that crosses 95 % included). Categories are keyed "category|gas" with CO2-equivalent emissions.
 */
public final class KeyCategories {
    /** One assessed category: its emission(s), its level or trend assessment, the share and cumulative share. */
    public record Row(String key, double baseCo2e, double currentCo2e, double assessment, double share,
            double cumulative, boolean isKey) {
    }

    public static final double THRESHOLD = 0.95;

    private KeyCategories() {
    }

    /** Level assessment of one year: L = |E_x| / Σ|E_y|. */
    public static List<Row> level(Map<String, Double> emissions) {
        double sumAbs = 0;
        for (double v : emissions.values()) {
            sumAbs += Math.abs(v);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : emissions.entrySet()) {
            double l = sumAbs == 0 ? 0 : Math.abs(e.getValue()) / sumAbs;
            rows.add(new Row(e.getKey(), Double.NaN, e.getValue(), l, l, 0, false));
        }
        return rank(rows);
    }

    /**
     * Trend assessment between a base year and year t: T = |E_x,0| / Σ|E_y,0| × |(E_x,t − E_x,0)/|E_x,0| −
     * (ΣE_y,t − ΣE_y,0)/|ΣE_y,0||, and T = |E_x,t| / Σ|E_y,0| when E_x,0 = 0. Shares are T / ΣT.
     */
    public static List<Row> trend(Map<String, Double> base, Map<String, Double> current) {
        Set<String> keys = new LinkedHashSet<>(base.keySet());
        keys.addAll(current.keySet());
        double sumBaseAbs = 0;
        double sumBase = 0;
        double sumCur = 0;
        for (String k : keys) {
            double b = base.getOrDefault(k, 0.0);
            sumBaseAbs += Math.abs(b);
            sumBase += b;
            sumCur += current.getOrDefault(k, 0.0);
        }
        double totalTrend = (sumCur - sumBase) / Math.abs(sumBase);
        List<Row> rows = new ArrayList<>();
        double sumT = 0;
        for (String k : keys) {
            double b = base.getOrDefault(k, 0.0);
            double c = current.getOrDefault(k, 0.0);
            double t;
            if (b == 0) {
                t = Math.abs(c) / sumBaseAbs;
            } else {
                t = Math.abs(b) / sumBaseAbs * Math.abs((c - b) / Math.abs(b) - totalTrend);
            }
            sumT += t;
            rows.add(new Row(k, b, c, t, 0, 0, false));
        }
        List<Row> shared = new ArrayList<>();
        for (Row r : rows) {
            shared.add(new Row(r.key(), r.baseCo2e(), r.currentCo2e(), r.assessment(), sumT == 0 ? 0 : r.assessment() / sumT,
                    0, false));
        }
        return rank(shared);
    }

    private static List<Row> rank(List<Row> rows) {
        rows.sort(Comparator.comparingDouble(Row::share).reversed().thenComparing(Row::key));
        List<Row> out = new ArrayList<>();
        double cum = 0;
        for (Row r : rows) {
            boolean key = cum < THRESHOLD && r.share() > 0;
            cum += r.share();
            out.add(new Row(r.key(), r.baseCo2e(), r.currentCo2e(), r.assessment(), r.share(), cum, key));
        }
        return out;
    }
}
