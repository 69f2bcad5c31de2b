package cn.ecoaid.air;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Concentration limits of GB 3095 (环境空气质量标准): 2012 (in force for all cities 2016-01-01 … 2026-02-28), 2026
 * transitional (2026-03-01 … 2030-12-31) and 2026 final (from 2031-01-01); grade 1 for class 1 areas, grade 2 for
 * class 2 areas.
 */
public final class Gb3095Limits {
    /** Averaging periods of the limit table. */
    public enum Averaging {
        ANNUAL("annual"), H24("24h"), H1("1h"), O3_8H_DAILY_MAX("8h_daily_max");

        private final String column;

        Averaging(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    private static volatile List<Gb3095Limits> versions;

    private final StandardTable table;
    private final LocalDate validFrom;
    private final LocalDate validUntil;
    /** limits[pollutant][averaging][grade-1], NaN where none. */
    private final double[][][] limits = new double[Pollutant.COUNT][Averaging.values().length][2];

    private Gb3095Limits(StandardTable table) {
        this.table = table;
        this.validFrom = table.validFrom();
        this.validUntil = table.validUntil();
        for (double[][] a : limits) {
            for (double[] b : a) {
                java.util.Arrays.fill(b, Double.NaN);
            }
        }
        Table t = table.data();
        int pc = t.headers().indexOf("pollutant");
        int ac = t.headers().indexOf("averaging");
        int g1 = t.headers().indexOf("grade1");
        int g2 = t.headers().indexOf("grade2");
        for (Table.Row r : t.rows()) {
            Pollutant p = Pollutant.fromLabel(r.get(pc));
            Averaging av = null;
            for (Averaging a : Averaging.values()) {
                if (a.column.equals(r.get(ac))) {
                    av = a;
                }
            }
            if (av == null) {
                throw new EcoAidException("air.error.badTable", table.resource(), r.get(ac));
            }
            limits[p.ordinal()][av.ordinal()][0] = Double.parseDouble(r.get(g1));
            limits[p.ordinal()][av.ordinal()][1] = Double.parseDouble(r.get(g2));
        }
    }

    /** GB 3095-2012, GB 3095-2026 transitional, GB 3095-2026 final. */
    public static List<Gb3095Limits> versions() {
        List<Gb3095Limits> v = versions;
        if (v == null) {
            v = List.of(new Gb3095Limits(StandardTable.load("air/gb3095-2012-limits.csv")),
                    new Gb3095Limits(StandardTable.load("air/gb3095-2026-transitional-limits.csv")),
                    new Gb3095Limits(StandardTable.load("air/gb3095-2026-final-limits.csv")));
            versions = v;
        }
        return v;
    }

    /**
     * The limits for {@code date}: those in force that day, or the named standard ("GB3095-2012", "GB3095-2026" — its
     * stage in force on the date, transitional before 2031 — or "GB3095-2026-final" / "GB3095-2026-transitional").
     */
    public static Gb3095Limits pick(LocalDate date, String override) {
        List<Gb3095Limits> all = versions();
        if (override == null || override.isBlank() || "auto".equalsIgnoreCase(override.strip())) {
            for (Gb3095Limits l : all) {
                if (!date.isBefore(l.validFrom) && date.isBefore(l.validUntil)) {
                    return l;
                }
            }
            // before 2016 the 2012 limits are the reference
            return date.isBefore(all.get(0).validFrom) ? all.get(0) : all.get(all.size() - 1);
        }
        String wanted = override.replace(" ", "").replace("—", "-").toUpperCase(Locale.ROOT);
        for (Gb3095Limits l : all) {
            String id = l.table.standard().replace(" ", "").toUpperCase(Locale.ROOT);
            if (!l.stage().isEmpty() && wanted.equals(id + "-" + l.stage().toUpperCase(Locale.ROOT))) {
                return l;
            }
        }
        List<Gb3095Limits> same = all.stream()
                .filter(l -> l.table.standard().replace(" ", "").toUpperCase(Locale.ROOT).equals(wanted)).toList();
        if (same.isEmpty()) {
            throw new EcoAidException("error.standard.unknown", override);
        }
        return same.stream().filter(l -> l.table.validOn(date)).findFirst().orElse(same.get(0));
    }

    public StandardTable table() {
        return table;
    }

    /** "GB 3095-2012", "GB 3095-2026". */
    public String number() {
        return table.standard();
    }

    /** "", "transitional" or "final". */
    public String stage() {
        return table.meta().getOrDefault("stage", "");
    }

    /** "GB 3095-2026 transitional" etc. */
    public String label() {
        return stage().isEmpty() ? number() : number() + " " + stage();
    }

    /** The limit, NaN when the standard sets none; {@code areaClass} 1 or 2. */
    public double limit(Pollutant p, Averaging averaging, int areaClass) {
        if (areaClass != 1 && areaClass != 2) {
            throw new EcoAidException("air.error.areaClass", areaClass);
        }
        return limits[p.ordinal()][averaging.ordinal()][areaClass - 1];
    }

    /** The daily limit of a daily item: 24-h for the means, 8-h for O3 8-h, 1-h for O3 1-h. */
    public double dailyLimit(DailyItem item, int areaClass) {
        Averaging a = switch (item) {
            case O3_8H -> Averaging.O3_8H_DAILY_MAX;
            case O3_1H -> Averaging.H1;
            default -> Averaging.H24;
        };
        return limit(item.pollutant(), a, areaClass);
    }
}
