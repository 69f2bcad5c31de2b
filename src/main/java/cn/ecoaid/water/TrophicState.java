package cn.ecoaid.water;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lake trophic state index TLI(Σ) = Σ W_j·TLI(j) (中国环境监测总站 2001), loaded from
 * {@code cn/ecoaid/standards/water/tli-2001.csv}. TLI(j) = 10 (a_j + b_j ln C_j); W_j = r_ij² / Σ r_ij² over the
 * parameters measured (so with all five the weights are 0.2663, 0.1879, 0.1790, 0.1834, 0.1834; with fewer, the
 * weights of the missing ones are redistributed in the same proportion). Grades: TLI &lt; 30 贫营养; 30 ≤ TLI ≤ 50
 * 中营养; 50 &lt; TLI ≤ 60 轻度富营养; 60 &lt; TLI ≤ 70 中度富营养; TLI &gt; 70 重度富营养.
 */
public final class TrophicState {
    public static final String RESOURCE = "water/tli-2001.csv";

    public enum Grade {
        OLIGOTROPHIC, MESOTROPHIC, LIGHT_EUTROPHIC, MODERATE_EUTROPHIC, HYPER_EUTROPHIC;

        public String key() {
            return "water.tli." + name();
        }

        public static Grade of(double tli) {
            if (tli < 30) {
                return OLIGOTROPHIC;
            }
            if (tli <= 50) {
                return MESOTROPHIC;
            }
            if (tli <= 60) {
                return LIGHT_EUTROPHIC;
            }
            if (tli <= 70) {
                return MODERATE_EUTROPHIC;
            }
            return HYPER_EUTROPHIC;
        }
    }

    /** Coefficients of one parameter. */
    public record Parameter(String code, String nameZh, String unit, double r, double a, double b) {
        public double tli(double c) {
            return 10 * (a + b * Math.log(c));
        }
    }

    /** Per-parameter TLI and the weight used, the total and its grade. */
    public record Result(Map<String, Double> partial, Map<String, Double> weights, double tli, Grade grade) {
    }

    private static volatile TrophicState shipped;
    private final StandardTable table;
    private final List<Parameter> parameters;

    public TrophicState(StandardTable table) {
        this.table = table;
        Table t = table.data();
        List<String> h = t.headers().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        this.parameters = t.rows().stream().filter(r -> !r.get(0).isBlank()).map(r -> new Parameter(
                r.get(h.indexOf("parameter")), r.get(h.indexOf("name_zh")), r.get(h.indexOf("unit")),
                Double.parseDouble(r.get(h.indexOf("r_ij"))), Double.parseDouble(r.get(h.indexOf("a"))),
                Double.parseDouble(r.get(h.indexOf("b"))))).toList();
    }

    public static TrophicState shipped() {
        TrophicState s = shipped;
        if (s == null) {
            s = new TrophicState(StandardTable.load(RESOURCE));
            shipped = s;
        }
        return s;
    }

    public String standard() {
        return table.standard();
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * @param values parameter code (chla, TP, TN, SD, CODMn) → value in the table's unit (chla mg/m³, SD m, others
     *     mg/L); missing or non-positive values are left out
     */
    public Result compute(Map<String, Double> values) {
        Map<String, Double> partial = new LinkedHashMap<>();
        double sumR2 = 0;
        for (Parameter p : parameters) {
            Double v = values.get(p.code());
            if (v != null && v > 0 && !v.isNaN()) {
                partial.put(p.code(), p.tli(v));
                sumR2 += p.r() * p.r();
            }
        }
        if (partial.isEmpty()) {
            throw new EcoAidException("water.error.noTliParameters");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double total = 0;
        for (Parameter p : parameters) {
            if (partial.containsKey(p.code())) {
                double w = p.r() * p.r() / sumR2;
                weights.put(p.code(), w);
                total += w * partial.get(p.code());
            }
        }
        return new Result(partial, weights, total, Grade.of(total));
    }
}
