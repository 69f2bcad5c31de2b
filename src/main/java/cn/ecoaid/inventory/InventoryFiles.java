package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.HeaderMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads activity and measure tables (docs/formats.md, "Inventories"); bad cells are reported all at once. */
public final class InventoryFiles {
    private InventoryFiles() {
    }

    /** Activity records. Every problem names its row and column; nothing is returned if any is found. */
    public static List<Activity> readActivities(Table table) {
        HeaderMap h = new HeaderMap(table.headers());
        int id = h.find(List.of("record_id", "id", "记录编号", "编号")).orElse(-1);
        int src = h.find(List.of("source", "source_name", "排放源", "源名称", "企业名称")).orElse(-1);
        int type = h.find(List.of("source_type", "type", "源类型")).orElse(-1);
        int county = h.find(List.of("county", "区县", "县区")).orElse(-1);
        int region = h.find(List.of("region", "地区", "省份")).orElse(-1);
        int cat = FactorLibrary.need(h, "category", "第一级", "一级分类", "source_category");
        int l1 = h.find(List.of("level1", "第二级")).orElse(-1);
        int l2 = h.find(List.of("level2", "fuel", "燃料", "第三级")).orElse(-1);
        int l3 = h.find(List.of("level3", "technology", "技术", "第四级")).orElse(-1);
        int l4 = h.find(List.of("level4", "control", "控制措施", "第五级")).orElse(-1);
        int amount = FactorLibrary.need(h, "activity", "amount", "活动水平");
        int unit = FactorLibrary.need(h, "unit", "activity_unit", "单位");
        int rate = h.find(List.of("operating_rate", "penetration", "投运率", "运行率", "普及率")).orElse(-1);
        int sector = h.find(List.of("sector", "行业")).orElse(-1);
        int sulfur = h.find(List.of("sulfur_pct", "sulphur_pct", "S", "硫分")).orElse(-1);
        int ash = h.find(List.of("ash_pct", "Aar", "灰分")).orElse(-1);
        int lon = h.find(List.of("lon", "longitude", "经度")).orElse(-1);
        int lat = h.find(List.of("lat", "latitude", "纬度")).orElse(-1);
        Map<Pollutant, Integer> monitored = new EnumMap<>(Pollutant.class);
        for (int c = 0; c < table.headers().size(); c++) {
            String head = table.headers().get(c).strip();
            String lower = head.toLowerCase(Locale.ROOT);
            if (lower.startsWith("monitored_") || head.startsWith("监测_")) {
                final int col = c;
                Pollutant.find(head.substring(head.indexOf('_') + 1)).ifPresent(p -> monitored.put(p, col));
            }
        }
        List<Problem> problems = new ArrayList<>();
        List<Activity> out = new ArrayList<>(table.rows().size());
        Set<String> ids = new LinkedHashSet<>();
        for (Table.Row r : table.rows()) {
            int before = problems.size();
            String rid = id >= 0 && !r.get(id).isEmpty() ? r.get(id) : "row " + r.number();
            if (!ids.add(rid)) {
                problems.add(Problem.of(r.number(), h.header(id), "inventory.problem.duplicateId", rid));
            }
            double a = number(r, amount, h, problems);
            Units.Unit u = null;
            try {
                u = Units.unit(r.get(unit), rid);
            } catch (EcoAidException e) {
                problems.add(Problem.of(r.number(), h.header(unit), "inventory.problem.unit", r.get(unit)));
            }
            double op = rate < 0 || r.get(rate).isEmpty() ? 1.0 : fractionOrPct(r, rate, h, problems);
            SourceType st = SourceType.AREA;
            try {
                st = SourceType.parse(FactorLibrary.cell(r, type), rid);
            } catch (EcoAidException e) {
                problems.add(Problem.of(r.number(), h.header(type), "inventory.problem.sourceType", r.get(type)));
            }
            Map<Pollutant, Double> mon = new EnumMap<>(Pollutant.class);
            for (Map.Entry<Pollutant, Integer> m : monitored.entrySet()) {
                if (!r.get(m.getValue()).isEmpty()) {
                    mon.put(m.getKey(), number(r, m.getValue(), h, problems) * 1000.0);
                }
            }
            double s = optional(r, sulfur, h, problems);
            double ashPct = optional(r, ash, h, problems);
            double lo = optional(r, lon, h, problems);
            double la = optional(r, lat, h, problems);
            if (problems.size() > before) {
                continue;
            }
            String source = FactorLibrary.cell(r, src).isEmpty() ? rid : r.get(src);
            out.add(new Activity(rid, source, st, FactorLibrary.cell(r, county), FactorLibrary.cell(r, region),
                    Arrays.asList(r.get(cat), FactorLibrary.cell(r, l1), FactorLibrary.cell(r, l2),
                            FactorLibrary.cell(r, l3), FactorLibrary.cell(r, l4)),
                    a, u, op, FactorLibrary.cell(r, sector), s, ashPct, mon, lo, la));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return out;
    }

    /** Scenarios from a measures table, in the order their names first appear. */
    public static List<Scenario> readMeasures(Table table) {
        HeaderMap h = new HeaderMap(table.headers());
        int sc = FactorLibrary.need(h, "scenario", "情景");
        int mid = h.find(List.of("measure_id", "measure", "措施编号")).orElse(-1);
        int name = h.find(List.of("measure_name", "name", "措施名称")).orElse(-1);
        int cat = h.find(List.of("category", "第一级")).orElse(-1);
        int l1 = h.find(List.of("level1")).orElse(-1);
        int l2 = h.find(List.of("level2")).orElse(-1);
        int l3 = h.find(List.of("level3")).orElse(-1);
        int county = h.find(List.of("county", "区县")).orElse(-1);
        int sources = h.find(List.of("sources", "source", "排放源")).orElse(-1);
        int pols = h.find(List.of("pollutants", "pollutant", "污染物")).orElse(-1);
        int action = FactorLibrary.need(h, "action", "type", "措施类型");
        int value = h.find(List.of("value", "数值")).orElse(-1);
        int unit = h.find(List.of("unit", "单位")).orElse(-1);
        int control = h.find(List.of("control", "控制措施")).orElse(-1);
        List<Problem> problems = new ArrayList<>();
        Map<String, List<Scenario.Measure>> byScenario = new LinkedHashMap<>();
        for (Table.Row r : table.rows()) {
            int before = problems.size();
            String id = FactorLibrary.cell(r, mid).isEmpty() ? "M" + r.number() : r.get(mid);
            Scenario.Action act = null;
            switch (r.get(action).toLowerCase(Locale.ROOT)) {
                case "reduction_pct", "reduction", "削减比例" -> act = Scenario.Action.REDUCTION_PCT;
                case "new_ef", "factor", "新排放因子" -> act = Scenario.Action.NEW_EF;
                case "new_control", "control", "新控制措施" -> act = Scenario.Action.NEW_CONTROL;
                case "new_rate", "rate", "penetration", "新投运率" -> act = Scenario.Action.NEW_RATE;
                default -> problems.add(Problem.of(r.number(), h.header(action), "inventory.problem.action", r.get(action)));
            }
            double v = FactorLibrary.cell(r, value).isEmpty() ? Double.NaN : number(r, value, h, problems);
            Set<Pollutant> ps = new LinkedHashSet<>();
            for (String p : list(FactorLibrary.cell(r, pols))) {
                Optional<Pollutant> q = Pollutant.find(p);
                if (q.isEmpty()) {
                    problems.add(Problem.of(r.number(), h.header(pols), "inventory.problem.pollutant", p));
                } else {
                    ps.add(q.get());
                }
            }
            if (act != null && act != Scenario.Action.NEW_CONTROL && Double.isNaN(v)) {
                problems.add(Problem.of(r.number(), h.header(value), "inventory.problem.number", ""));
            }
            if (problems.size() > before) {
                continue;
            }
            Scenario.Selection sel = new Scenario.Selection(
                    List.of(FactorLibrary.cell(r, cat), FactorLibrary.cell(r, l1), FactorLibrary.cell(r, l2),
                            FactorLibrary.cell(r, l3)),
                    Set.copyOf(list(FactorLibrary.cell(r, county))), Set.copyOf(list(FactorLibrary.cell(r, sources))), ps);
            byScenario.computeIfAbsent(r.get(sc), k -> new ArrayList<>()).add(new Scenario.Measure(id,
                    FactorLibrary.cell(r, name).isEmpty() ? id : r.get(name), sel, act, v, FactorLibrary.cell(r, unit),
                    FactorLibrary.cell(r, control)));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        List<Scenario> out = new ArrayList<>();
        byScenario.forEach((k, v) -> out.add(new Scenario(k, v)));
        return out;
    }

    private static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split("[;；]")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static double number(Table.Row r, int col, HeaderMap h, List<Problem> problems) {
        String v = r.get(col);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException(v);
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(r.number(), h.header(col), "inventory.problem.number", v));
            return Double.NaN;
        }
    }

    private static double optional(Table.Row r, int col, HeaderMap h, List<Problem> problems) {
        return col < 0 || r.get(col).isEmpty() ? Double.NaN : number(r, col, h, problems);
    }

    /** A rate written as 0.9, 90 or 90%: values above 1 are percent. */
    private static double fractionOrPct(Table.Row r, int col, HeaderMap h, List<Problem> problems) {
        String v = r.get(col);
        boolean pct = v.endsWith("%");
        String s = pct ? v.substring(0, v.length() - 1) : v;
        try {
            double d = Double.parseDouble(s.strip());
            if (pct || d > 1) {
                d /= 100.0;
            }
            if (d < 0 || d > 1) {
                problems.add(Problem.of(r.number(), h.header(col), "inventory.problem.percent", v));
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(r.number(), h.header(col), "inventory.problem.number", v));
            return Double.NaN;
        }
    }
}
