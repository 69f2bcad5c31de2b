package cn.ecoaid.pmf;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds PMF uncertainties from concentrations and a species table (MDL, error fraction) by the EPA PMF 5.0 rule:
 * <ul>
 * <li>x ≤ MDL: u = 5/6 · MDL;</li>
 * <li>x &gt; MDL: u = √((EF · x)² + (0.5 · MDL)²);</li>
 * <li>below detection (cell {@code <MDL}, {@code BDL}, {@code ND} or {@code <value}): x = MDL/2, u = 5/6 · MDL;</li>
 * <li>missing (empty, {@code NA}, {@code -999}): x = species median of the measured values, u = 4 × that median;</li>
 * <li>extra modelling uncertainty f (0–25 %) on every cell: u' = √(u² + (f · x)²).</li>
 * </ul>
 * What was done to each cell is kept in {@link Result#flags()} (0 measured, 1 below detection, 2 missing).
 */
public final class UncertaintyBuilder {
    public static final byte MEASURED = 0;
    public static final byte BELOW_DETECTION = 1;
    public static final byte MISSING = 2;

    /** One species of the species table. */
    public record SpeciesSpec(String species, double mdl, double errorFraction) {
    }

    public record Result(PmfData data, byte[] flags) {
    }

    private UncertaintyBuilder() {
    }

    /** Reads a species table: columns species, MDL, error fraction (English or Chinese headers). */
    public static Map<String, SpeciesSpec> readSpecies(Table t, String file) {
        int cs = column(t, "species", "物种", "name", "名称");
        int cm = column(t, "mdl", "检出限", "方法检出限");
        int ce = column(t, "error_fraction", "误差分数", "ef", "相对误差");
        if (cs < 0 || cm < 0 || ce < 0) {
            throw new EcoAidException("pmf.error.speciesTable", file);
        }
        Map<String, SpeciesSpec> out = new HashMap<>();
        for (Table.Row r : PmfFiles.dataRows(t)) {
            String name = r.get(cs);
            double mdl = PmfFiles.number(r, cm, file, t.headers());
            double ef = PmfFiles.number(r, ce, file, t.headers());
            if (mdl < 0 || ef < 0) {
                throw new EcoAidException("pmf.error.negativeUncertainty", file, r.number(), name, Math.min(mdl, ef));
            }
            out.put(name.toLowerCase(Locale.ROOT), new SpeciesSpec(name, mdl, ef));
        }
        return out;
    }

    private static int column(Table t, String... names) {
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

    /** Builds from a concentration table in the PMF layout (first column sample id) and the species table. */
    public static Result build(Table conc, String file, Map<String, SpeciesSpec> specs, double extraModelling) {
        if (extraModelling < 0 || extraModelling > 0.25) {
            throw new EcoAidException("pmf.error.extraModelling", extraModelling * 100);
        }
        List<String> species = PmfFiles.speciesOf(conc, file);
        List<Table.Row> rows = PmfFiles.dataRows(conc);
        int n = rows.size();
        int m = species.size();
        SpeciesSpec[] spec = new SpeciesSpec[m];
        for (int j = 0; j < m; j++) {
            spec[j] = specs.get(species.get(j).toLowerCase(Locale.ROOT));
            if (spec[j] == null) {
                throw new EcoAidException("pmf.error.noSpeciesSpec", species.get(j));
            }
        }
        double[] x = new double[n * m];
        byte[] flags = new byte[n * m];
        List<String> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Table.Row r = rows.get(i);
            samples.add(r.get(0));
            for (int j = 0; j < m; j++) {
                String cell = r.get(j + 1);
                String lc = cell.toLowerCase(Locale.ROOT);
                if (cell.isEmpty() || lc.equals("na") || lc.equals("nan") || lc.equals("-999")) {
                    flags[i * m + j] = MISSING;
                } else if (lc.startsWith("<") || lc.equals("bdl") || lc.equals("nd") || lc.equals("mdl")) {
                    flags[i * m + j] = BELOW_DETECTION;
                } else {
                    x[i * m + j] = PmfFiles.number(r, j + 1, file, conc.headers());
                }
            }
        }
        double[] u = new double[n * m];
        for (int j = 0; j < m; j++) {
            double mdl = spec[j].mdl();
            double ef = spec[j].errorFraction();
            double median = median(x, flags, n, m, j);
            for (int i = 0; i < n; i++) {
                int c = i * m + j;
                double uc;
                if (flags[c] == MISSING) {
                    x[c] = median;
                    uc = 4 * median;
                } else if (flags[c] == BELOW_DETECTION) {
                    x[c] = mdl / 2;
                    uc = 5.0 / 6.0 * mdl;
                } else {
                    uc = uncertainty(x[c], mdl, ef);
                }
                u[c] = Math.sqrt(uc * uc + (extraModelling * x[c]) * (extraModelling * x[c]));
            }
        }
        return new Result(new PmfData(samples, species, x, u), flags);
    }

    /** The PMF 5.0 equation-based uncertainty of a measured value. */
    public static double uncertainty(double x, double mdl, double errorFraction) {
        if (x <= mdl) {
            return 5.0 / 6.0 * mdl;
        }
        double a = errorFraction * x;
        double b = 0.5 * mdl;
        return Math.sqrt(a * a + b * b);
    }

    static double median(double[] x, byte[] flags, int n, int m, int j) {
        double[] vals = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (flags[i * m + j] == MEASURED) {
                vals[k++] = x[i * m + j];
            }
        }
        if (k == 0) {
            return 0;
        }
        Arrays.sort(vals, 0, k);
        return k % 2 == 1 ? vals[k / 2] : (vals[k / 2 - 1] + vals[k / 2]) / 2;
    }
}
