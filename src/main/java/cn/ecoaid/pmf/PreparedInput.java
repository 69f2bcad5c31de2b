package cn.ecoaid.pmf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The matrices handed to the solver after categorising species: weak species have their uncertainty tripled, bad
 * species are left out. {@code included} maps solver columns to the species of the original data.
 */
public record PreparedInput(PmfData data, List<SpeciesCategory> categories, double[] signalToNoise, int[] included,
        double[] v, double[] u) {

    public int rows() {
        return data.rows();
    }

    public int cols() {
        return included.length;
    }

    public List<String> includedSpecies() {
        List<String> out = new ArrayList<>();
        for (int j : included) {
            out.add(data.species().get(j));
        }
        return out;
    }

    /** Cells of strong species (the count in Q(expected)). */
    public int strongCells() {
        int strong = 0;
        for (int j : included) {
            if (categories.get(j) == SpeciesCategory.STRONG) {
                strong++;
            }
        }
        return strong * data.rows();
    }

    /**
     * Categorises by S/N (PMF 5.0 thresholds), then applies overrides: {@code weak} and {@code bad} species by name,
     * and {@code totalVariable} (if not null) is weak unless named in {@code bad}. With {@code suggest} false every
     * species not overridden stays strong, as in ESAT's default.
     */
    public static PreparedInput prepare(PmfData data, boolean suggest, Set<String> weak, Set<String> bad,
            String totalVariable) {
        double[] sn = SignalToNoise.of(data);
        int m = data.cols();
        List<SpeciesCategory> cats = new ArrayList<>(m);
        Set<String> w = lower(weak);
        Set<String> b = lower(bad);
        for (int j = 0; j < m; j++) {
            String name = data.species().get(j).toLowerCase(Locale.ROOT);
            SpeciesCategory c = suggest ? SpeciesCategory.suggest(sn[j]) : SpeciesCategory.STRONG;
            if (totalVariable != null && name.equalsIgnoreCase(totalVariable.strip())) {
                c = SpeciesCategory.WEAK;
            }
            if (w.contains(name)) {
                c = SpeciesCategory.WEAK;
            }
            if (b.contains(name)) {
                c = SpeciesCategory.BAD;
            }
            cats.add(c);
        }
        return withCategories(data, cats, sn);
    }

    /** Names of a total variable (weak by default, PMF 5.0 practice), matched ignoring case. */
    public static final List<String> TOTAL_NAMES = List.of("TNMOC", "TVOC", "PM2.5", "PM25", "PM2_5", "PM10", "TOTAL");

    /** The last species named like a total variable, or null. */
    public static String totalVariable(List<String> species) {
        String total = null;
        for (String s : species) {
            if (TOTAL_NAMES.stream().anyMatch(s::equalsIgnoreCase)) {
                total = s;
            }
        }
        return total;
    }

    public static PreparedInput withCategories(PmfData data, List<SpeciesCategory> cats, double[] sn) {
        int n = data.rows();
        int m = data.cols();
        int[] included = java.util.stream.IntStream.range(0, m).filter(j -> cats.get(j) != SpeciesCategory.BAD)
                .toArray();
        int mm = included.length;
        double[] v = new double[n * mm];
        double[] u = new double[n * mm];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < mm; k++) {
                int j = included[k];
                v[i * mm + k] = data.x(i, j);
                double s = data.u(i, j);
                s = cats.get(j) == SpeciesCategory.WEAK ? 3 * s : s;
                u[i * mm + k] = s > 0 ? s : 1e-12;
            }
        }
        return new PreparedInput(data, List.copyOf(cats), sn, included, v, u);
    }

    private static Set<String> lower(Set<String> names) {
        Set<String> out = new java.util.HashSet<>();
        if (names != null) {
            for (String s : names) {
                out.add(s.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
