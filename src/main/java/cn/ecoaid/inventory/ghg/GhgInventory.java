package cn.ecoaid.inventory.ghg;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.inventory.Units;
import cn.ecoaid.io.HeaderMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tier 1 GHG emissions in tonnes of each gas and in CO2-equivalent with a chosen GWP set. */
public final class GhgInventory {
    /** One computed line. */
    public record Line(GhgRecord record, double tonnes, double gwp, double tCo2e) {
    }

    private GhgInventory() {
    }

    public static List<Line> compute(List<GhgRecord> records, GwpSet set, GwpTable gwps) {
        List<Line> out = new ArrayList<>(records.size());
        for (GhgRecord r : records) {
            double t = r.tonnes();
            double g = gwps.gwp(r.gas(), set);
            out.add(new Line(r, t, g, t * g));
        }
        return out;
    }

    /** CO2e totals by category and gas ("category|gas"), in input order. */
    public static Map<String, Double> byCategoryAndGas(List<Line> lines) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Line l : lines) {
            m.merge(l.record().category() + "|" + l.record().gas(), l.tCo2e(), Double::sum);
        }
        return m;
    }

    /** One category and gas across the years of a time series: CO2e per year (0 where a year lacks it). */
    public record SeriesRow(String category, String gas, double[] co2e) {
    }

    /**
     * A time series: the CO2e of every category and gas in each year (keys of {@code years} in ascending order; the rows in
     * order of first appearance), computed with one GWP set so that the years are comparable.
     */
    public static List<SeriesRow> series(java.util.SortedMap<Integer, List<Line>> years) {
        List<Integer> order = new java.util.ArrayList<>(years.keySet());
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int y = 0; y < order.size(); y++) {
            for (Map.Entry<String, Double> e : byCategoryAndGas(years.get(order.get(y))).entrySet()) {
                rows.computeIfAbsent(e.getKey(), k -> new double[order.size()])[y] += e.getValue();
            }
        }
        List<SeriesRow> out = new java.util.ArrayList<>();
        rows.forEach((k, v) -> {
            String[] parts = k.split("\\|", 2);
            out.add(new SeriesRow(parts[0], parts.length > 1 ? parts[1] : "", v));
        });
        return out;
    }

    public static double totalCo2e(List<Line> lines) {
        double s = 0;
        for (Line l : lines) {
            s += l.tCo2e();
        }
        return s;
    }

    /**
     * Reads GHG records: record_id, category, gas, activity, activity_unit, factor, factor_unit (e.g. "kg/TJ",
     * "t/t"), u_activity_pct, u_factor_pct.
     */
    public static List<GhgRecord> read(Table t) {
        HeaderMap h = new HeaderMap(t.headers());
        int id = h.find(List.of("record_id", "id", "编号")).orElse(-1);
        int cat = need(h, "category", "类别", "排放源类别");
        int gas = need(h, "gas", "气体", "温室气体");
        int act = need(h, "activity", "活动水平");
        int au = need(h, "activity_unit", "活动水平单位");
        int ef = need(h, "factor", "ef", "排放因子");
        int fu = need(h, "factor_unit", "排放因子单位");
        int ua = h.find(List.of("u_activity_pct", "活动水平不确定性")).orElse(-1);
        int uf = h.find(List.of("u_factor_pct", "排放因子不确定性")).orElse(-1);
        List<Problem> problems = new ArrayList<>();
        List<GhgRecord> out = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            String rid = id >= 0 && !r.get(id).isEmpty() ? r.get(id) : "row " + r.number();
            int before = problems.size();
            double a = num(r, act, h, problems);
            double f = num(r, ef, h, problems);
            double uA = ua < 0 || r.get(ua).isEmpty() ? 0 : num(r, ua, h, problems);
            double uF = uf < 0 || r.get(uf).isEmpty() ? 0 : num(r, uf, h, problems);
            Units.Unit unit = null;
            Units.FactorUnit funit = null;
            try {
                unit = Units.unit(r.get(au), rid);
            } catch (EcoAidException e) {
                problems.add(Problem.of(r.number(), h.header(au), "inventory.problem.unit", r.get(au)));
            }
            try {
                funit = Units.factorUnit(r.get(fu), rid);
            } catch (EcoAidException e) {
                problems.add(Problem.of(r.number(), h.header(fu), "inventory.problem.unit", r.get(fu)));
            }
            if (problems.size() == before) {
                out.add(new GhgRecord(rid, r.get(cat), r.get(gas), a, unit, f, funit, uA, uF));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return out;
    }

    private static int need(HeaderMap h, String... names) {
        return h.find(List.of(names)).orElseThrow(() -> new EcoAidException("inventory.error.missingColumn", names[0]));
    }

    private static double num(Table.Row r, int c, HeaderMap h, List<Problem> problems) {
        try {
            return Double.parseDouble(r.get(c));
        } catch (NumberFormatException e) {
            problems.add(Problem.of(r.number(), h.header(c), "inventory.problem.number", r.get(c)));
            return Double.NaN;
        }
    }
}
