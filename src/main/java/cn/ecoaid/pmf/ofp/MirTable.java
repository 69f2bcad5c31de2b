package cn.ecoaid.pmf.ofp;

import cn.ecoaid.io.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The MIR table shipped as {@code cn/ecoaid/pmf/ofp/mir.csv} (57 PAMS hydrocarbons + 13 carbonyls): Carter (2010)
 * MIR and the China-specific MIR of Zhang et al. (2021). Species are found by English name, Chinese name or CAS
 * number; names are compared without case, spaces, hyphens, commas, underscores and brackets, so
 * {@code 124-Trimethylbenzene}, {@code 1,2,4-trimethylbenzene} and {@code 1,2,4-三甲苯} all match. The co-eluting
 * pair {@code m/p-xylene} ({@code m,p-xylene}, {@code 间/对二甲苯}) is found as a mixture with the mean of the m- and
 * p-xylene MIRs; it is not one of {@link #species()}.
 */
public final class MirTable {
    /** The name under which co-eluting m- and p-xylene are reported (also {@code m,p-xylene}, {@code 间/对二甲苯}). */
    public static final String MP_XYLENE = "m/p-xylene";
    static final String MP_XYLENE_ZH = "间/对二甲苯";
    /** Molar volume at 25 °C and 101.325 kPa, L/mol. */
    public static final double MOLAR_VOLUME = 24.465;

    /** One species. {@code mirChina} is NaN where the paper gives no value. */
    public record Species(String group, String name, String nameZh, String cas, double mw, double mirCarter,
            double mirChina) {
        /** µg/m³ per ppbv at 25 °C, 101.325 kPa. */
        public double ugm3PerPpbv() {
            return mw / MOLAR_VOLUME;
        }

        /** OFP group: alkane, alkene, alkyne, aromatic, ovoc. */
        public String ofpGroup() {
            return group.equals("carbonyl") ? "ovoc" : group;
        }
    }

    private final List<Species> species;
    private final Map<String, Species> index = new HashMap<>();

    private MirTable(List<Species> species) {
        this.species = List.copyOf(species);
        for (Species s : species) {
            index.put(key(s.name()), s);
            index.put(key(s.nameZh()), s);
            index.put(key(s.cas()), s);
        }
        alias("ethene", "ethylene");
        alias("乙烯", "ethylene");
        alias("propene", "propylene");
        alias("ethyne", "acetylene");
        alias("2-methylbutane", "isopentane");
        alias("2-methylpropane", "isobutane");
        alias("butane", "n-butane");
        alias("pentane", "n-pentane");
        alias("hexane", "n-hexane");
        alias("heptane", "n-heptane");
        alias("octane", "n-octane");
        alias("nonane", "n-nonane");
        alias("decane", "n-decane");
        alias("2-butanone", "2-butanone (MEK)");
        alias("methyl ethyl ketone", "2-butanone (MEK)");
        alias("mek", "2-butanone (MEK)");
        alias("butyraldehyde", "n-butyraldehyde");
        mixture(MP_XYLENE, MP_XYLENE_ZH, "m-xylene", "p-xylene", "m,p-xylene", "m+p-xylene", "m_p xylene",
                "m/p xylene", "间,对二甲苯", "间对二甲苯", "间+对二甲苯");
    }

    /**
     * Co-eluting isomers reported as one species (m- and p-xylene on most GC columns): a species of the two entries'
     * group and molar mass with the <em>mean</em> of their MIRs (an equal-parts mixture — Carter 2010: (9.75 + 5.84)/2
     * = 7.795; China: (6.41 + 4.17)/2 = 5.29), found under {@code name}, {@code nameZh} and the aliases.
     */
    private void mixture(String name, String nameZh, String first, String second, String... aliases) {
        Species a = index.get(key(first));
        Species b = index.get(key(second));
        if (a == null || b == null) {
            return;
        }
        Species mix = new Species(a.group(), name, nameZh, a.cas() + "/" + b.cas(), (a.mw() + b.mw()) / 2,
                (a.mirCarter() + b.mirCarter()) / 2, (a.mirChina() + b.mirChina()) / 2);
        index.putIfAbsent(key(name), mix);
        index.putIfAbsent(key(nameZh), mix);
        for (String alias : aliases) {
            index.putIfAbsent(key(alias), mix);
        }
    }

    private void alias(String alias, String name) {
        Species s = index.get(key(name));
        if (s != null) {
            index.putIfAbsent(key(alias), s);
        }
    }

    public static MirTable shipped() {
        try (InputStream in = MirTable.class.getResourceAsStream("/cn/ecoaid/pmf/ofp/mir.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Csv.Record> rows = Csv.parse(text, ',');
            List<String> h = rows.get(0).cells();
            List<Species> out = new ArrayList<>();
            for (int r = 1; r < rows.size(); r++) {
                List<String> c = rows.get(r).cells();
                if (c.size() < h.size() - 1) {
                    continue;
                }
                out.add(new Species(c.get(h.indexOf("group")), c.get(h.indexOf("species")), c.get(h.indexOf("species_zh")),
                        c.get(h.indexOf("CAS")), Double.parseDouble(c.get(h.indexOf("MW"))),
                        Double.parseDouble(c.get(h.indexOf("MIR_Carter2010_gO3_per_gVOC"))),
                        parse(c.get(h.indexOf("MIR_China_Zhang2021")))));
            }
            return new MirTable(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double parse(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.strip());
    }

    public List<Species> species() {
        return species;
    }

    /** Finds a species by English name, Chinese name or CAS. */
    public Optional<Species> find(String nameOrCas) {
        return Optional.ofNullable(index.get(key(nameOrCas)));
    }

    static String key(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == ' ' || ch == '-' || ch == ',' || ch == '_' || ch == '(' || ch == ')' || ch == '（' || ch == '）'
                    || ch == '，' || ch == '\u00a0') {
                continue;
            }
            b.append(ch);
        }
        return b.toString();
    }
}
