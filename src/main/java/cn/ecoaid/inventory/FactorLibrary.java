package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.HeaderMap;
import cn.ecoaid.standards.StandardTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emission-factor library: shipped factors (T/CSES 144—2024 Table E.7, the EMEP/EEA subset) beside the user's own.
 * For an activity and a pollutant, the matching factor naming the most levels wins; at equal specificity a user factor
 * wins over a shipped one; two equally specific factors of the same origin are an ambiguity error naming the record.
 */
public final class FactorLibrary {
    private final List<EmissionFactor> factors;
    private final Map<String, List<EmissionFactor>> byCategory = new HashMap<>();
    private final Map<String, Map<Pollutant, EmissionFactor>> cache = new ConcurrentHashMap<>();

    public FactorLibrary(List<EmissionFactor> factors) {
        this.factors = List.copyOf(factors);
        for (EmissionFactor f : this.factors) {
            byCategory.computeIfAbsent(f.path().get(0), k -> new ArrayList<>()).add(f);
        }
    }

    public List<EmissionFactor> factors() {
        return factors;
    }

    /** This library plus more factors. */
    public FactorLibrary with(List<EmissionFactor> more) {
        List<EmissionFactor> all = new ArrayList<>(factors);
        all.addAll(more);
        return new FactorLibrary(all);
    }

    /** The factor chosen for each pollutant that has one for this activity. */
    public Map<Pollutant, EmissionFactor> forActivity(Activity a) {
        String key = String.join("\u0001", a.path().subList(0, 4)) + "\u0001" + a.region() + "\u0001" + a.county();
        Map<Pollutant, EmissionFactor> hit = cache.get(key);
        if (hit == null) {
            hit = resolve(a);
            cache.put(key, hit);
        }
        return hit;
    }

    private Map<Pollutant, EmissionFactor> resolve(Activity a) {
        Map<Pollutant, EmissionFactor> best = new EnumMap<>(Pollutant.class);
        Map<Pollutant, Integer> bestScore = new EnumMap<>(Pollutant.class);
        List<EmissionFactor> candidates = new ArrayList<>(byCategory.getOrDefault(a.category(), List.of()));
        if (!a.category().isEmpty()) {
            candidates.addAll(byCategory.getOrDefault("", List.of()));
        }
        for (EmissionFactor f : candidates) {
            if (!f.matches(a)) {
                continue;
            }
            int score = f.specificity() * 2 + (f.user() ? 1 : 0);
            Integer prev = bestScore.get(f.pollutant());
            if (prev == null || score > prev) {
                best.put(f.pollutant(), f);
                bestScore.put(f.pollutant(), score);
            } else if (score == prev) {
                throw new EcoAidException("inventory.error.factorAmbiguous", a.id(), f.pollutant().label(),
                        best.get(f.pollutant()).id(), f.id());
            }
        }
        return Map.copyOf(best);
    }

    /** T/CSES 144—2024 Table E.7 (industrial boilers, 工业源): path (工业源, any, fuel, technology). */
    public static List<EmissionFactor> tcses144TableE7() {
        return tcses144Wide("inventory/tcses144-2024-tableE7.csv", "工业源", false);
    }

    /**
     * T/CSES 144—2024 Table D.1 (power and heat, 电力热力源): path (电力热力源, sector, fuel, technology) with the sector
     * 电力生产, 电力供应 or 热力生产和供应 as level 1. NOx cells "装机容量" depend on unit capacity (note b: ≤100 MW 8.96,
     * 100–300 MW 8.19, ≥300 MW 7.21 g/kg) and are not loaded: the user gives that factor.
     */
    public static List<EmissionFactor> tcses144TableD1() {
        return tcses144Wide("inventory/tcses144-2024-tableD1.csv", "电力热力源", true);
    }

    /** The shipped T/CSES 144 factor tables (D.1 and E.7). */
    public static List<EmissionFactor> tcses144() {
        List<EmissionFactor> all = new ArrayList<>(tcses144TableD1());
        all.addAll(tcses144TableE7());
        return all;
    }

    private static List<EmissionFactor> tcses144Wide(String resource, String category, boolean sectorIsLevel1) {
        StandardTable t = StandardTable.load(resource);
        HeaderMap h = new HeaderMap(t.data().headers());
        int sector = h.find(List.of("sector")).orElseThrow();
        int fuel = h.find(List.of("fuel")).orElseThrow();
        int tech = h.find(List.of("combustion_technology")).orElseThrow();
        int unitCol = h.find(List.of("unit")).orElseThrow();
        String code = resource.replaceAll(".*table([A-Z0-9]+)\\.csv", "$1");
        List<EmissionFactor> out = new ArrayList<>();
        for (Table.Row r : t.data().rows()) {
            for (int c = 0; c < t.data().headers().size(); c++) {
                Optional<Pollutant> p = Pollutant.find(t.data().headers().get(c).replace("_as_NO2", ""));
                if (p.isEmpty()) {
                    continue;
                }
                String v = r.get(c);
                if (v.equals("装机容量") || v.equals("/") || v.isEmpty()) {
                    continue;
                }
                String id = code + "-" + r.number() + "-" + p.get().label();
                String technology = r.get(tech).equals("不分技术") ? "" : r.get(tech);
                List<String> path = List.of(category, sectorIsLevel1 ? r.get(sector) : "", r.get(fuel), technology);
                Units.FactorUnit unit = Units.factorUnit(r.get(unitCol), id);
                boolean mb = v.equals("物料衡算");
                double value = mb ? Double.NaN : Double.parseDouble(v);
                out.add(new EmissionFactor(id, p.get(), value, unit, path, "", t.standard(), t.clause(),
                        t.meta().getOrDefault("status", ""), false, Double.NaN, Double.NaN, mb));
            }
        }
        return out;
    }

    /** The EMEP/EEA subset shipped for the 1.A.1.a hard-coal Tier 1 example. */
    public static List<EmissionFactor> emepShippedSubset() {
        StandardTable t = StandardTable.load("inventory/emep-1A1a-hardcoal-tier1.csv");
        return emep(t.data(), t.standard(), "Tier 1");
    }

    /**
     * Factors from an EMEP/EEA Guidebook factor-database table (columns NFR, Table, Type, Technology, Fuel, Abatement,
     * Region, Pollutant, Value, Unit, CI_lower, CI_upper, Reference). Only rows whose Type contains {@code typeFilter},
     * without abatement, and for pollutants of this inventory are read. Path: (NFR, "", Fuel, Technology).
     */
    public static List<EmissionFactor> emep(Table table, String document, String typeFilter) {
        HeaderMap h = new HeaderMap(table.headers());
        int nfr = need(h, "NFR");
        int tab = need(h, "Table");
        int type = need(h, "Type");
        int techC = need(h, "Technology");
        int fuelC = need(h, "Fuel");
        int abat = need(h, "Abatement");
        int reg = need(h, "Region");
        int pol = need(h, "Pollutant");
        int val = need(h, "Value");
        int unit = need(h, "Unit");
        int lo = need(h, "CI_lower");
        int hi = need(h, "CI_upper");
        int ref = need(h, "Reference");
        List<EmissionFactor> out = new ArrayList<>();
        for (Table.Row r : table.rows()) {
            if (!r.get(type).contains(typeFilter) || !r.get(abat).isEmpty()) {
                continue;
            }
            Optional<Pollutant> p = Pollutant.find(r.get(pol));
            if (p.isEmpty()) {
                continue;
            }
            String id = "EMEP-" + r.number();
            Units.FactorUnit u;
            double v;
            try {
                u = Units.factorUnit(r.get(unit), id);
                v = Double.parseDouble(r.get(val));
            } catch (EcoAidException | NumberFormatException e) {
                continue; // units outside this inventory (e.g. per-head) are not loaded
            }
            String region = na(r.get(reg));
            out.add(new EmissionFactor(id, p.get(), v, u, List.of(r.get(nfr), "", na(r.get(fuelC)), na(r.get(techC))),
                    region, document, r.get(nfr) + " " + r.get(tab) + " (" + r.get(ref) + ")", "OFFICIAL-DATABASE",
                    false, parse(r.get(lo)), parse(r.get(hi)), false));
        }
        return out;
    }

    /**
     * The user's factors in long format: factor_id, pollutant, value, unit, category, level1, level2, level3, region,
     * document, clause, ci_lower, ci_upper, status. Value "物料衡算"/"mass_balance" marks a coal mass-balance factor.
     */
    public static List<EmissionFactor> readUser(Table table) {
        HeaderMap h = new HeaderMap(table.headers());
        int id = h.find(List.of("factor_id", "id", "因子编号")).orElse(-1);
        int pol = need(h, "pollutant", "污染物");
        int val = need(h, "value", "ef", "因子值", "排放因子");
        int unit = need(h, "unit", "单位");
        int cat = need(h, "category", "第一级", "一级分类", "source_category");
        int l1 = h.find(List.of("level1", "第二级")).orElse(-1);
        int l2 = h.find(List.of("level2", "fuel", "燃料", "第三级")).orElse(-1);
        int l3 = h.find(List.of("level3", "technology", "技术", "第四级")).orElse(-1);
        int reg = h.find(List.of("region", "地区")).orElse(-1);
        int doc = h.find(List.of("document", "source", "来源", "文件")).orElse(-1);
        int cl = h.find(List.of("clause", "table", "条款", "表")).orElse(-1);
        int lo = h.find(List.of("ci_lower", "下限")).orElse(-1);
        int hi = h.find(List.of("ci_upper", "上限")).orElse(-1);
        int st = h.find(List.of("status", "状态")).orElse(-1);
        List<Problem> problems = new ArrayList<>();
        List<EmissionFactor> out = new ArrayList<>();
        for (Table.Row r : table.rows()) {
            String fid = id >= 0 && !r.get(id).isEmpty() ? r.get(id) : "F" + r.number();
            Optional<Pollutant> p = Pollutant.find(r.get(pol));
            if (p.isEmpty()) {
                problems.add(Problem.of(r.number(), h.header(pol), "inventory.problem.pollutant", r.get(pol)));
                continue;
            }
            String v = r.get(val);
            boolean mb = v.equals("物料衡算") || v.equalsIgnoreCase("mass_balance");
            double value = Double.NaN;
            if (!mb) {
                try {
                    value = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    problems.add(Problem.of(r.number(), h.header(val), "inventory.problem.number", v));
                    continue;
                }
            }
            Units.FactorUnit u;
            try {
                u = Units.factorUnit(r.get(unit), fid);
            } catch (EcoAidException e) {
                problems.add(Problem.of(r.number(), h.header(unit), "inventory.problem.unit", r.get(unit)));
                continue;
            }
            out.add(new EmissionFactor(fid, p.get(), value, u,
                    List.of(r.get(cat), cell(r, l1), cell(r, l2), cell(r, l3)), cell(r, reg),
                    cell(r, doc).isEmpty() ? "user" : cell(r, doc), cell(r, cl),
                    cell(r, st).isEmpty() ? "USER" : cell(r, st), true, parse(cell(r, lo)), parse(cell(r, hi)), mb));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return out;
    }

    static String cell(Table.Row r, int i) {
        return i < 0 ? "" : r.get(i);
    }

    private static String na(String s) {
        return s.equals("NA") ? "" : s;
    }

    private static double parse(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static int need(HeaderMap h, String... names) {
        return h.find(List.of(names)).orElseThrow(() -> new EcoAidException("inventory.error.missingColumn", names[0]));
    }
}
