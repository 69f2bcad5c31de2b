package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coal mass balance of T/CSES 144—2024 §7.2 (eq. 3–6), as generation coefficients in kg per kg of coal:
 * EF_SO2 = 2 × S × (1 − sr); EF_PM = Aar × (1 − ar) × fPM; EF_BC = EF_PM2.5 × fBC; EF_OC = EF_PM2.5 × fOC, where S and
 * Aar are the sulphur and ash contents as received (mass fractions), sr and ar the fractions retained in bottom ash
 * (Table C.1), fPM the PM2.5/PM10 share of total flue-gas PM (Table C.2), fBC and fOC from Table C.3.
 */
public final class CoalMassBalance {
    /** Parameters of one (category, sector, technology) row. */
    public record Params(double sr, double ar, double f25, double f10, double fBc, double fOc, boolean hasCarbon) {
    }

    private final Map<String, double[]> c1 = new HashMap<>();
    private final Map<String, double[]> c2 = new HashMap<>();
    private final Map<String, double[]> c3 = new HashMap<>();
    private final Map<String, Set<String>> sectors = new HashMap<>();
    private final StandardTable tableC1;
    private final StandardTable tableC2;
    private final StandardTable tableC3;

    private CoalMassBalance() {
        tableC1 = StandardTable.load("inventory/tcses144-2024-tableC1.csv");
        tableC2 = StandardTable.load("inventory/tcses144-2024-tableC2.csv");
        tableC3 = StandardTable.load("inventory/tcses144-2024-tableC3.csv");
        read(tableC1, c1);
        read(tableC2, c2);
        read(tableC3, c3);
    }

    private static final CoalMassBalance TCSES = new CoalMassBalance();

    public static CoalMassBalance tcses144() {
        return TCSES;
    }

    private void read(StandardTable t, Map<String, double[]> into) {
        for (Table.Row r : t.data().rows()) {
            into.put(key(r.get(0), r.get(1), r.get(2)), new double[] {Double.parseDouble(r.get(3)), Double.parseDouble(r.get(4))});
            sectors.computeIfAbsent(r.get(0), k -> new LinkedHashSet<>()).add(r.get(1));
        }
    }

    private static String key(String category, String sector, String technology) {
        return category + "|" + sector + "|" + technology;
    }

    /**
     * The sector of an activity: its own, its level 1 when that is a sector of the tables (电力热力源: 电力生产, 电力供应,
     * 热力生产和供应), or the only sector the tables list for its category.
     */
    public String sectorOf(Activity a) {
        if (!a.sector().isEmpty()) {
            return a.sector();
        }
        Set<String> s = sectors.getOrDefault(a.category(), Set.of());
        if (s.contains(a.path().get(1))) {
            return a.path().get(1);
        }
        if (s.size() == 1) {
            return s.iterator().next();
        }
        throw new EcoAidException("inventory.error.massBalanceSector", a.id(), a.category());
    }

    /** Table parameters for an activity (category, sector, level-3 technology). */
    public Params params(Activity a) {
        String k = key(a.category(), sectorOf(a), a.path().get(3));
        double[] r1 = c1.get(k);
        double[] r2 = c2.get(k);
        if (r1 == null || r2 == null) {
            throw new EcoAidException("inventory.error.massBalanceNoRow", a.id(), k.replace('|', '/'));
        }
        double[] r3 = c3.get(k);
        return new Params(r1[0], r1[1], r2[0], r2[1], r3 == null ? Double.NaN : r3[0], r3 == null ? Double.NaN : r3[1],
                r3 != null);
    }

    /** Generation coefficient in kg pollutant per kg coal for one pollutant. */
    public double kgPerKg(Activity a, Pollutant p) {
        Params q = params(a);
        double s = fraction(a.sulfurPct(), a, "S");
        if (p == Pollutant.SO2) {
            return 2.0 * s * (1.0 - q.sr());
        }
        double ash = fraction(a.ashPct(), a, "Aar");
        double pm = ash * (1.0 - q.ar());
        return switch (p) {
            case TSP -> pm;
            case PM10 -> pm * q.f10();
            case PM25 -> pm * q.f25();
            case BC, OC -> {
                if (!q.hasCarbon()) {
                    throw new EcoAidException("inventory.error.massBalanceNoRow", a.id(),
                            a.category() + "/" + sectorOf(a) + "/" + a.path().get(3) + " (C.3)");
                }
                yield pm * q.f25() * (p == Pollutant.BC ? q.fBc() : q.fOc());
            }
            default -> throw new EcoAidException("inventory.error.massBalancePollutant", a.id(), p.label());
        };
    }

    /** Reference naming the tables used, kept with the result. */
    public FactorRef ref(Activity a, Pollutant p, double kgPerKg) {
        String clause = switch (p) {
            case SO2 -> "§7.2.1.2 eq.3; " + tableC1.clause();
            case BC, OC -> "§7.2.2 eq.4–6; " + tableC1.clause() + "; " + tableC2.clause() + "; " + tableC3.clause();
            default -> "§7.2.2 eq.4–5; " + tableC1.clause() + "; " + tableC2.clause();
        };
        return new FactorRef("mass-balance:" + a.category() + "/" + sectorOf(a) + "/" + a.path().get(3), kgPerKg,
                "kg/kg", tableC1.standard(), clause, tableC1.meta().getOrDefault("status", ""));
    }

    private static double fraction(double pct, Activity a, String what) {
        if (Double.isNaN(pct)) {
            throw new EcoAidException("inventory.error.massBalanceInput", a.id(), what);
        }
        if (pct < 0 || pct > 100) {
            throw new EcoAidException("inventory.error.percentRange", a.id(), what, pct);
        }
        return pct / 100.0;
    }

    /** Sectors listed for a first-level category (for pickers). */
    public List<String> sectors(String category) {
        return List.copyOf(sectors.getOrDefault(category, Set.of()));
    }
}
