package cn.ecoaid.pmf.ofp;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ozone formation potential of VOC samples: OFP = Σ concentration (µg/m³) × MIR, with concentrations given in ppbv
 * (converted at 25 °C, 101.325 kPa: µg/m³ = ppbv × MW / 24.465) or µg/m³. Totals per sample and group, the top
 * species, the VOC/NOx ratio (Σ VOC ppbv / NOx ppbv, NOx as NO2 when given in µg/m³) and the species not in the MIR
 * table (listed, never dropped silently).
 */
public final class Ofp {
    /** NO2's molar mass, used to convert NOx in µg/m³ (as NO2) to ppbv. */
    public static final double MW_NO2 = 46.0055;
    static final Set<String> NOX_NAMES = Set.of("nox", "氮氧化物", "nox(asno2)");

    public enum Unit {
        PPBV, UGM3;

        public static Unit parse(String s) {
            String t = s.strip().toLowerCase(Locale.ROOT).replace("/", "").replace("µ", "u").replace("μ", "u");
            if (t.equals("ppbv") || t.equals("ppb")) {
                return PPBV;
            }
            if (t.equals("ugm3") || t.equals("ugm³")) {
                return UGM3;
            }
            throw new EcoAidException("ofp.error.unit", s);
        }
    }

    public enum MirSet {
        CARTER, CHINA;

        public static MirSet parse(String s) {
            return s.strip().equalsIgnoreCase("china") ? CHINA : CARTER;
        }
    }

    /** One input value. */
    public record Sample(String sample, String time, String species, double value) {
    }

    /** One species in one sample: concentrations in both units, the MIR used and whether it came from Carter. */
    public record Line(String sample, String time, String species, MirTable.Species match, double ppbv, double ugm3,
            double mir, boolean carterFallback, double ofp) {
    }

    /** Per sample: totals by group (µg/m³ OFP), total VOC ppbv and µg/m³, VOC/NOx (NaN without NOx). */
    public record SampleTotal(String sample, String time, Map<String, Double> ofpByGroup, double ofp, double vocPpbv,
            double vocUgm3, double noxPpbv, double vocToNox) {
    }

    public record Result(List<Line> lines, List<SampleTotal> samples, List<Map.Entry<String, Double>> topSpecies,
            List<String> unknown) {
    }

    public static final List<String> GROUPS = List.of("alkane", "alkene", "alkyne", "aromatic", "ovoc");

    private Ofp() {
    }

    /** Reads long-format rows {@code sample,time,species,value} (English or Chinese headers). */
    public static List<Sample> read(Table t, String file) {
        int cs = col(t, "sample", "样品", "样品编号");
        int ct = col(t, "time", "时间", "采样时间");
        int csp = col(t, "species", "物种", "组分");
        int cv = col(t, "value", "浓度", "值");
        if (cs < 0 || csp < 0 || cv < 0) {
            throw new EcoAidException("ofp.error.columns", file);
        }
        List<Sample> out = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            if (r.get(csp).isEmpty()) {
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(r.get(cv));
            } catch (NumberFormatException e) {
                throw new EcoAidException("pmf.error.notNumeric", file, r.number(), t.headers().get(cv), r.get(cv));
            }
            out.add(new Sample(r.get(cs), ct < 0 ? "" : r.get(ct), r.get(csp), v));
        }
        return out;
    }

    private static int col(Table t, String... names) {
        for (int k = 0; k < t.headers().size(); k++) {
            String h = t.headers().get(k) == null ? "" : t.headers().get(k).strip().toLowerCase(Locale.ROOT);
            for (String n : names) {
                if (h.equals(n)) {
                    return k;
                }
            }
        }
        return -1;
    }

    public static Result compute(List<Sample> input, Unit unit, MirSet set, MirTable table, int top) {
        List<Line> lines = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, String> times = new LinkedHashMap<>();
        Map<String, Double> speciesOfp = new LinkedHashMap<>();
        Map<String, Integer> sampleIndex = new LinkedHashMap<>();
        for (Sample s : input) {
            sampleIndex.putIfAbsent(s.sample(), sampleIndex.size());
            times.putIfAbsent(s.sample(), s.time());
            double[] acc = sums.computeIfAbsent(s.sample(), k -> {
                double[] a = new double[GROUPS.size() + 3];
                a[GROUPS.size() + 2] = Double.NaN;
                return a;
            });
            String key = MirTable.key(s.species());
            if (NOX_NAMES.contains(key)) {
                double ppbv = unit == Unit.PPBV ? s.value() : s.value() * MirTable.MOLAR_VOLUME / MW_NO2;
                double prev = acc[GROUPS.size() + 2];
                acc[GROUPS.size() + 2] = Double.isNaN(prev) ? ppbv : prev + ppbv;
                continue;
            }
            var match = table.find(s.species());
            if (match.isEmpty()) {
                unknown.add(s.species());
                lines.add(new Line(s.sample(), s.time(), s.species(), null, unit == Unit.PPBV ? s.value() : Double.NaN,
                        unit == Unit.UGM3 ? s.value() : Double.NaN, Double.NaN, false, Double.NaN));
                continue;
            }
            MirTable.Species sp = match.get();
            double ugm3 = unit == Unit.UGM3 ? s.value() : s.value() * sp.ugm3PerPpbv();
            double ppbv = unit == Unit.PPBV ? s.value() : s.value() / sp.ugm3PerPpbv();
            boolean fallback = set == MirSet.CHINA && Double.isNaN(sp.mirChina());
            double mir = set == MirSet.CHINA && !fallback ? sp.mirChina() : sp.mirCarter();
            double ofp = ugm3 * mir;
            lines.add(new Line(s.sample(), s.time(), s.species(), sp, ppbv, ugm3, mir, fallback, ofp));
            acc[GROUPS.indexOf(sp.ofpGroup())] += ofp;
            acc[GROUPS.size()] += ppbv;
            acc[GROUPS.size() + 1] += ugm3;
            speciesOfp.merge(sp.name(), ofp, Double::sum);
        }
        List<SampleTotal> totals = new ArrayList<>();
        for (var e : sums.entrySet()) {
            double[] a = e.getValue();
            Map<String, Double> byGroup = new LinkedHashMap<>();
            double total = 0;
            for (int g = 0; g < GROUPS.size(); g++) {
                byGroup.put(GROUPS.get(g), a[g]);
                total += a[g];
            }
            double nox = a[GROUPS.size() + 2];
            totals.add(new SampleTotal(e.getKey(), times.get(e.getKey()), byGroup, total, a[GROUPS.size()],
                    a[GROUPS.size() + 1], nox, nox > 0 ? a[GROUPS.size()] / nox : Double.NaN));
        }
        int samples = Math.max(1, sums.size());
        List<Map.Entry<String, Double>> ranked = new ArrayList<>();
        for (var e : speciesOfp.entrySet()) {
            ranked.add(Map.entry(e.getKey(), e.getValue() / samples));
        }
        ranked.sort(Comparator.comparing((Map.Entry<String, Double> e) -> e.getValue()).reversed());
        return new Result(lines, totals, ranked.subList(0, Math.min(top, ranked.size())), List.copyOf(unknown));
    }
}
