package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.HeaderMap;
import cn.ecoaid.standards.StandardTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removal efficiencies of control measures (T/CSES 144—2024 Table A.1, plus the user's own rows). Efficiencies are per
 * pollutant as fractions; PM10 has two: the PM2.5 part and the PM2.5–10 (coarse) part. Rows marked as capture (the three
 * solvent-use rows, note b of Table A.1) hold a VOCs capture efficiency, not a removal.
 *
 * <p>A control string may combine measures with "+" ("石灰石/石膏法+袋式除尘法"). A name that is itself a row (e.g.
 * "低氮燃烧技术+选择性催化还原法") is taken as that row. Removal measures in series combine as
 * η = 1 − Π(1 − ηᵢ); a capture measure multiplies the combined VOCs removal of the treatment behind it (η = c × η_treat).
 */
public final class ControlTable {
    /** Pollutant slots of Table A.1; COARSE is PM2.5–10. */
    public enum Slot { SO2, NOX, VOCS, PM25, COARSE, BC, OC }

    /** One control measure. */
    public record Measure(String name, boolean capture, Map<Slot, Double> efficiency, String document, String clause) {
        public double eff(Slot s) {
            return efficiency.getOrDefault(s, 0.0);
        }
    }

    /** Combined efficiency of a control string for one slot, and the measures it used. */
    public record Efficiency(double eta, List<Measure> measures) {
    }

    private final Map<String, Measure> byName;

    private ControlTable(Map<String, Measure> byName) {
        this.byName = byName;
    }

    /** Table A.1 of T/CSES 144—2024. */
    public static ControlTable tcses144() {
        StandardTable t = StandardTable.load("inventory/tcses144-2024-tableA1.csv");
        return new ControlTable(new LinkedHashMap<>()).with(t.data(), t.standard(), t.clause(), true);
    }

    /** A copy with the rows of {@code table} (same columns as Table A.1, in %) added; user rows replace shipped rows. */
    public ControlTable with(Table table, String document, String clause, boolean shipped) {
        HeaderMap h = new HeaderMap(table.headers());
        int name = h.find(List.of("control_measure", "control", "控制措施", "治理技术")).orElseThrow(
                () -> new EcoAidException("inventory.error.missingColumn", "control_measure"));
        Map<Slot, Integer> cols = new EnumMap<>(Slot.class);
        col(h, cols, Slot.SO2, "SO2_pct", "SO2");
        col(h, cols, Slot.NOX, "NOx_pct", "NOx");
        col(h, cols, Slot.VOCS, "VOCs_pct", "VOCs");
        col(h, cols, Slot.PM25, "PM2.5_pct", "PM2.5");
        col(h, cols, Slot.COARSE, "PM2.5-10_pct", "PM2.5-10", "PM10-2.5");
        col(h, cols, Slot.BC, "BC_pct", "BC");
        col(h, cols, Slot.OC, "OC_pct", "OC");
        Optional<Integer> note = h.find(List.of("note", "备注"));
        Optional<Integer> kind = h.find(List.of("kind", "类型"));
        Map<String, Measure> out = new LinkedHashMap<>(byName);
        List<Problem> problems = new ArrayList<>();
        for (Table.Row r : table.rows()) {
            Map<Slot, Double> eff = new EnumMap<>(Slot.class);
            for (Map.Entry<Slot, Integer> e : cols.entrySet()) {
                String v = r.get(e.getValue());
                if (v.isEmpty()) {
                    continue;
                }
                try {
                    double pct = Double.parseDouble(v);
                    if (pct < 0 || pct > 100) {
                        problems.add(Problem.of(r.number(), h.header(e.getValue()), "inventory.problem.percent", v));
                    }
                    eff.put(e.getKey(), pct / 100.0);
                } catch (NumberFormatException ex) {
                    problems.add(Problem.of(r.number(), h.header(e.getValue()), "inventory.problem.number", v));
                }
            }
            boolean capture = note.map(i -> r.get(i).contains("capture")).orElse(false)
                    || kind.map(i -> r.get(i).equalsIgnoreCase("capture") || r.get(i).equals("捕集")).orElse(false);
            String n = r.get(name);
            out.put(n, new Measure(n, capture, eff, document, shipped ? clause : clause + " (user)"));
        }
        if (!problems.isEmpty()) {
            throw new cn.ecoaid.domain.ImportRejectedException(problems);
        }
        return new ControlTable(out);
    }

    private static void col(HeaderMap h, Map<Slot, Integer> cols, Slot s, String... names) {
        h.find(List.of(names)).ifPresent(i -> cols.put(s, i));
    }

    public Optional<Measure> measure(String name) {
        return Optional.ofNullable(byName.get(name.strip()));
    }

    public List<Measure> measures() {
        return List.copyOf(byName.values());
    }

    /** The measures named by a control string; an unknown name is an error naming the record. */
    public List<Measure> resolve(String control, String record) {
        if (control == null || control.isBlank()) {
            return List.of();
        }
        Measure whole = byName.get(control.strip());
        if (whole != null) {
            return List.of(whole);
        }
        List<Measure> out = new ArrayList<>();
        for (String part : control.split("[+＋]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Measure m = byName.get(p);
            if (m == null) {
                throw new EcoAidException("inventory.error.unknownControl", record, p);
            }
            out.add(m);
        }
        return out;
    }

    /** Combined efficiency (fraction, before operating rate) of a control string for one slot. */
    public static double combine(List<Measure> measures, Slot slot) {
        double pass = 1.0;
        double capture = 1.0;
        boolean anyCapture = false;
        for (Measure m : measures) {
            if (m.capture()) {
                if (slot == Slot.VOCS) {
                    capture *= m.eff(slot);
                    anyCapture = true;
                }
            } else {
                pass *= 1.0 - m.eff(slot);
            }
        }
        double removal = 1.0 - pass;
        return anyCapture ? capture * removal : removal;
    }

    /** The slot of Table A.1 holding a pollutant's removal; empty for pollutants the table does not cover (CO, NH3, CO2). */
    public static Optional<Slot> slot(Pollutant p) {
        return Optional.ofNullable(switch (p) {
            case SO2 -> Slot.SO2;
            case NOX -> Slot.NOX;
            case VOCS -> Slot.VOCS;
            case PM25 -> Slot.PM25;
            case BC -> Slot.BC;
            case OC -> Slot.OC;
            case PM10, TSP -> Slot.COARSE;
            default -> null;
        });
    }
}
