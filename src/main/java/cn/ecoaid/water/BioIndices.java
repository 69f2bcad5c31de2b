package cn.ecoaid.water;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Diversity and biotic indices of one sample. With p_i = n_i/N over the S taxa with n_i &gt; 0:
 * <ul>
 * <li>Shannon–Wiener H′ = −Σ p_i ln p_i ({@code shannon_ln}) and with log₂ ({@code shannon_log2});</li>
 * <li>Simpson 1 − Σ p_i² ({@code simpson}), unbiased 1 − Σ n_i(n_i − 1)/(N(N − 1)) ({@code simpson_unbiased}),
 * inverse 1/Σ p_i² ({@code inv_simpson});</li>
 * <li>Pielou J = H′/ln S; Margalef d = (S − 1)/ln N; Berger–Parker max n_i/N and % dominant taxon;</li>
 * <li>EPT (Ephemeroptera, Plecoptera, Trichoptera) richness and % individuals; E, P, T richness; % Chironomidae,
 * % Oligochaeta;</li>
 * <li>Hilsenhoff biotic index HBI = Σ n_i t_i / Σ n_i over the taxa with a tolerance value t_i (taxon level: the
 * taxon's own value, else its family's), family biotic index FBI (individuals pooled by family, family values);
 * BMWP = Σ family scores of the families present, ASPT = BMWP / number of scoring families;</li>
 * <li>PA DEP (2012) metrics: Beck's index version 3 = 3·S(TV 0) + 2·S(TV 1) + S(TV 2); EPT richness with TV ≤ 4;
 * % individuals with TV ≤ 3 ({@code pct_intolerant}); also richness of TV ≤ 3 taxa, % individuals with TV ≥ 7;</li>
 * <li>% individuals per functional feeding group (CG, CF, SC, SH, PR).</li>
 * </ul>
 * Metrics that need information no taxon has (no tolerance value, no BMWP score) are NaN. Taxa not in the taxa table
 * stay in every count and diversity index and are reported with the closest known names.
 */
public final class BioIndices {
    /** Columns of the indices without a taxa table, in output order. */
    public static final List<String> BASIC = List.of("N", "S", "shannon_ln", "shannon_log2", "simpson", "simpson_unbiased",
            "inv_simpson", "pielou", "margalef", "berger_parker");
    /** Columns that need orders, tolerance values, scores or feeding groups. */
    public static final List<String> TOLERANCE = List.of("pct_dominant", "ept_richness", "pct_ept", "e_richness", "p_richness",
            "t_richness", "pct_chironomidae", "pct_oligochaeta", "hbi", "fbi", "bmwp", "aspt", "becks3", "ept_tv4_richness",
            "intolerant_richness", "pct_intolerant", "pct_tolerant", "pct_CG", "pct_CF", "pct_SC", "pct_SH", "pct_PR");

    /** A taxon of a sample not found in the taxa table, with the closest known names. */
    public record UnknownTaxon(String sample, String taxon, List<TaxaTable.Suggestion> suggestions) {
    }

    /** The indices of one sample (column → value) and the taxa not found in the table. */
    public record Result(BioSample sample, Map<String, Double> values, List<UnknownTaxon> unknown) {
        public double get(String metric) {
            return values.getOrDefault(metric, Double.NaN);
        }
    }

    private final TaxaTable table;

    /** @param table taxa table, or null to use only what the sample rows carry */
    public BioIndices(TaxaTable table) {
        this.table = table;
    }

    private record Resolved(String name, double n, double tv, String order, String family, double familyTv, double bmwp,
            String ffg) {
    }

    public Result compute(BioSample sample) {
        Map<String, Resolved> taxa = new LinkedHashMap<>();
        List<UnknownTaxon> unknown = new ArrayList<>();
        for (BioSample.Count c : sample.taxa()) {
            String key = TaxaTable.key(c.taxon());
            Resolved prev = taxa.get(key);
            if (prev != null) {
                taxa.put(key, new Resolved(prev.name(), prev.n() + c.count(), prev.tv(), prev.order(), prev.family(),
                        prev.familyTv(), prev.bmwp(), prev.ffg()));
                continue;
            }
            Taxon t = table == null ? null : table.find(c.taxon()).orElse(null);
            Taxon fam = t == null || table == null ? null : table.familyOf(t).orElse(null);
            if (t == null && table != null) {
                unknown.add(new UnknownTaxon(sample.id(), c.taxon(), table.suggest(c.taxon(), 3)));
            }
            String family = !c.family().isBlank() ? c.family() : t == null ? "" : familyName(t);
            if (fam == null && table != null && !c.family().isBlank()) {
                fam = table.find(c.family()).orElse(null);
            }
            double familyTv = fam == null ? Double.NaN : fam.tolerance();
            double tv = !Double.isNaN(c.tolerance()) ? c.tolerance()
                    : t != null && !Double.isNaN(t.tolerance()) ? t.tolerance() : familyTv;
            String order = !c.order().isBlank() ? c.order() : t != null && !t.order().isBlank() ? t.order()
                    : fam == null ? "" : fam.order();
            double bmwp = fam == null ? Double.NaN : fam.bmwp();
            String ffg = t != null && !t.ffg().isBlank() ? t.ffg() : fam == null ? "" : fam.ffg();
            taxa.put(key, new Resolved(c.taxon(), c.count(), tv, order, family, familyTv, bmwp, ffg));
        }
        List<Resolved> present = taxa.values().stream().filter(r -> r.n() > 0).toList();
        Map<String, Double> v = new LinkedHashMap<>();
        double n = present.stream().mapToDouble(Resolved::n).sum();
        int s = present.size();
        double h = 0;
        double sumP2 = 0;
        double sumNn1 = 0;
        double max = 0;
        for (Resolved r : present) {
            double p = r.n() / n;
            h -= p * Math.log(p);
            sumP2 += p * p;
            sumNn1 += r.n() * (r.n() - 1);
            max = Math.max(max, r.n());
        }
        v.put("N", n);
        v.put("S", (double) s);
        v.put("shannon_ln", s == 0 ? Double.NaN : h);
        v.put("shannon_log2", s == 0 ? Double.NaN : h / Math.log(2));
        v.put("simpson", s == 0 ? Double.NaN : 1 - sumP2);
        v.put("simpson_unbiased", n > 1 ? 1 - sumNn1 / (n * (n - 1)) : Double.NaN);
        v.put("inv_simpson", s == 0 ? Double.NaN : 1 / sumP2);
        v.put("pielou", s > 1 ? h / Math.log(s) : Double.NaN);
        v.put("margalef", n > 1 ? (s - 1) / Math.log(n) : Double.NaN);
        v.put("berger_parker", s == 0 ? Double.NaN : max / n);
        v.put("pct_dominant", s == 0 ? Double.NaN : 100 * max / n);

        boolean anyOrder = present.stream().anyMatch(r -> !r.order().isBlank());
        v.put("ept_richness", anyOrder ? (double) present.stream().filter(BioIndices::ept).count() : Double.NaN);
        v.put("pct_ept", anyOrder ? 100 * sum(present.stream().filter(BioIndices::ept).toList()) / n : Double.NaN);
        v.put("e_richness", anyOrder ? (double) present.stream().filter(r -> isOrder(r, "ephemeroptera")).count() : Double.NaN);
        v.put("p_richness", anyOrder ? (double) present.stream().filter(r -> isOrder(r, "plecoptera")).count() : Double.NaN);
        v.put("t_richness", anyOrder ? (double) present.stream().filter(r -> isOrder(r, "trichoptera")).count() : Double.NaN);
        boolean known = table != null || anyOrder;
        v.put("pct_chironomidae", known ? 100 * sum(present.stream().filter(r -> named(r, "chironomidae", "摇蚊科")).toList()) / n
                : Double.NaN);
        v.put("pct_oligochaeta", known ? 100 * sum(present.stream().filter(r -> named(r, "oligochaeta", "寡毛纲")).toList()) / n
                : Double.NaN);

        List<Resolved> withTv = present.stream().filter(r -> !Double.isNaN(r.tv())).toList();
        double nTv = sum(withTv);
        v.put("hbi", withTv.isEmpty() ? Double.NaN : withTv.stream().mapToDouble(r -> r.n() * r.tv()).sum() / nTv);
        Map<String, double[]> byFamily = new LinkedHashMap<>();
        for (Resolved r : present) {
            if (!r.family().isBlank() && !Double.isNaN(r.familyTv())) {
                double[] a = byFamily.computeIfAbsent(TaxaTable.key(r.family()), k -> new double[2]);
                a[0] += r.n();
                a[1] = r.familyTv();
            }
        }
        double fn = byFamily.values().stream().mapToDouble(a -> a[0]).sum();
        v.put("fbi", fn == 0 ? Double.NaN : byFamily.values().stream().mapToDouble(a -> a[0] * a[1]).sum() / fn);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Resolved r : present) {
            if (!Double.isNaN(r.bmwp())) {
                scores.putIfAbsent(TaxaTable.key(r.family().isBlank() ? r.name() : r.family()), r.bmwp());
            }
        }
        double bmwp = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        v.put("bmwp", scores.isEmpty() ? Double.NaN : bmwp);
        v.put("aspt", scores.isEmpty() ? Double.NaN : bmwp / scores.size());
        boolean tvs = !withTv.isEmpty();
        v.put("becks3", tvs ? 3.0 * countTv(withTv, 0, 0) + 2.0 * countTv(withTv, 1, 1) + countTv(withTv, 2, 2) : Double.NaN);
        v.put("ept_tv4_richness", tvs && anyOrder ? (double) withTv.stream().filter(r -> ept(r) && r.tv() <= 4).count() : Double.NaN);
        v.put("intolerant_richness", tvs ? (double) countTv(withTv, 0, 3) : Double.NaN);
        v.put("pct_intolerant", tvs ? 100 * sum(withTv.stream().filter(r -> r.tv() <= 3).toList()) / n : Double.NaN);
        v.put("pct_tolerant", tvs ? 100 * sum(withTv.stream().filter(r -> r.tv() >= 7).toList()) / n : Double.NaN);
        boolean anyFfg = present.stream().anyMatch(r -> !r.ffg().isBlank());
        for (String g : List.of("CG", "CF", "SC", "SH", "PR")) {
            v.put("pct_" + g, anyFfg ? 100 * sum(present.stream().filter(r -> r.ffg().equalsIgnoreCase(g)).toList()) / n : Double.NaN);
        }
        return new Result(sample, v, unknown);
    }

    private static String familyName(Taxon t) {
        if (!t.family().isBlank()) {
            return t.family();
        }
        return t.latin().isBlank() ? t.nameZh() : t.latin();
    }

    private static long countTv(List<Resolved> list, double lo, double hi) {
        return list.stream().filter(r -> r.tv() >= lo && r.tv() <= hi).count();
    }

    private static double sum(List<Resolved> list) {
        return list.stream().mapToDouble(Resolved::n).sum();
    }

    private static boolean isOrder(Resolved r, String order) {
        String o = r.order().strip().toLowerCase(Locale.ROOT);
        return o.equals(order) || switch (order) {
            case "ephemeroptera" -> o.equals("蜉蝣目");
            case "plecoptera" -> o.equals("襀翅目") || o.equals("積翅目");
            case "trichoptera" -> o.equals("毛翅目");
            default -> false;
        };
    }

    private static boolean ept(Resolved r) {
        return isOrder(r, "ephemeroptera") || isOrder(r, "plecoptera") || isOrder(r, "trichoptera");
    }

    private static boolean named(Resolved r, String latin, String zh) {
        String n = TaxaTable.key(r.name());
        String f = TaxaTable.key(r.family());
        return n.equals(latin) || n.equals(zh) || f.equals(latin) || f.equals(zh);
    }
}
