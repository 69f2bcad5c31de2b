package cn.ecoaid.water;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.HeaderMap;
import cn.ecoaid.io.TableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The taxa table: names (Chinese or Latin) → {@link Taxon}. The shipped table is
 * {@code cn/ecoaid/water/taxa-default.csv}; users replace it with their own file of the same columns (Chinese headers
 * accepted). Names not in the table get suggestions by Damerau–Levenshtein distance (optimal string alignment).
 */
public final class TaxaTable {
    static final List<String> ZH = List.of("name_zh", "中文名", "中文名称", "名称");
    static final List<String> LATIN = List.of("latin", "拉丁名", "学名", "scientific_name", "taxon", "taxaid");
    static final List<String> RANK = List.of("rank", "分类阶元", "阶元", "level");
    static final List<String> FAMILY = List.of("family", "科");
    static final List<String> ORDER = List.of("order", "目");
    static final List<String> TOLERANCE = List.of("tolerance", "耐污值", "tv", "tolval", "tolerance_value");
    static final List<String> FFG = List.of("ffg", "功能摄食类群", "摄食类群", "functional_feeding_group");
    static final List<String> BMWP = List.of("bmwp", "bmwp_score", "bmwp分值", "bmwp得分");

    private final List<Taxon> taxa;
    private final Map<String, Taxon> byName = new HashMap<>();
    private final String source;

    public TaxaTable(List<Taxon> taxa, String source) {
        this.taxa = List.copyOf(taxa);
        this.source = source;
        for (Taxon t : this.taxa) {
            if (!t.latin().isBlank()) {
                byName.putIfAbsent(key(t.latin()), t);
            }
            if (!t.nameZh().isBlank()) {
                byName.putIfAbsent(key(t.nameZh()), t);
            }
        }
    }

    /** A suggestion for an unknown name: the known name and its edit distance. */
    public record Suggestion(String name, int distance) {
    }

    public static TaxaTable shipped() {
        try (InputStream in = TaxaTable.class.getResourceAsStream("/cn/ecoaid/water/taxa-default.csv")) {
            if (in == null) {
                throw new EcoAidException("error.standard.missing", "water/taxa-default.csv");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder body = new StringBuilder();
            for (String line : text.split("\\R")) {
                if (!line.startsWith("#")) {
                    body.append(line).append('\n');
                }
            }
            return read(TableFiles.fromCsv(body.toString()), "taxa-default.csv");
        } catch (IOException e) {
            throw new EcoAidException(e, "error.standard.missing", "water/taxa-default.csv");
        }
    }

    /** Reads a user's taxa table; rows with a bad number are reported and nothing is loaded. */
    public static TaxaTable read(Table t, String source) {
        HeaderMap h = new HeaderMap(t.headers());
        int zh = h.find(ZH).orElse(-1);
        int latin = h.find(LATIN).orElse(-1);
        if (zh < 0 && latin < 0) {
            throw new ImportRejectedException(List.of(Problem.of(1, "latin", "water.import.missingColumn", "latin/拉丁名")));
        }
        int rank = h.find(RANK).orElse(-1);
        int family = h.find(FAMILY).orElse(-1);
        int order = h.find(ORDER).orElse(-1);
        int tv = h.find(TOLERANCE).orElse(-1);
        int ffg = h.find(FFG).orElse(-1);
        int bmwp = h.find(BMWP).orElse(-1);
        List<Problem> problems = new ArrayList<>();
        List<Taxon> out = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            if (r.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            double tol = number(r, tv, h, problems);
            double score = number(r, bmwp, h, problems);
            if (tv >= 0 && !Double.isNaN(tol) && (tol < 0 || tol > 10)) {
                problems.add(Problem.of(r.number(), h.header(tv), "water.taxa.badTolerance", r.get(tv)));
            }
            out.add(new Taxon(zh >= 0 ? r.get(zh) : "", latin >= 0 ? r.get(latin) : "", rank >= 0 ? r.get(rank) : "",
                    family >= 0 ? r.get(family) : "", order >= 0 ? r.get(order) : "", tol, ffg >= 0 ? r.get(ffg).toUpperCase(Locale.ROOT) : "",
                    score));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return new TaxaTable(out, source);
    }

    private static double number(Table.Row r, int col, HeaderMap h, List<Problem> problems) {
        if (col < 0 || r.get(col).isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(r.get(col));
        } catch (NumberFormatException e) {
            problems.add(Problem.of(r.number(), h.header(col), "water.import.badNumber", r.get(col)));
            return Double.NaN;
        }
    }

    public String source() {
        return source;
    }

    public List<Taxon> taxa() {
        return taxa;
    }

    public Optional<Taxon> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
    }

    /** The family entry of a taxon (the taxon itself when it is a family or higher and has no separate family row). */
    public Optional<Taxon> familyOf(Taxon t) {
        if (t.family().isBlank()) {
            return Optional.of(t);
        }
        return find(t.family()).or(() -> Optional.of(t));
    }

    /** Up to {@code max} known names closest to {@code name}, nearest first, within a distance of max(2, length/3). */
    public List<Suggestion> suggest(String name, int max) {
        String k = key(name);
        int limit = Math.max(2, k.length() / 3);
        List<Suggestion> all = new ArrayList<>();
        for (Taxon t : taxa) {
            for (String n : List.of(t.latin(), t.nameZh())) {
                if (n.isBlank()) {
                    continue;
                }
                int d = distance(k, key(n));
                if (d <= limit && all.stream().noneMatch(s -> s.name().equals(n))) {
                    all.add(new Suggestion(n, d));
                }
            }
        }
        all.sort(Comparator.comparingInt(Suggestion::distance).thenComparing(Suggestion::name));
        return List.copyOf(all.subList(0, Math.min(max, all.size())));
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    static String key(String name) {
        String s = Normalizer.isNormalized(name, Normalizer.Form.NFKC) ? name : Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = s.strip().toLowerCase(Locale.ROOT);
        return s.indexOf(' ') < 0 && s.indexOf('\t') < 0 ? s : SPACES.matcher(s).replaceAll(" ");
    }

    /** Damerau–Levenshtein distance, optimal-string-alignment variant (adjacent transpositions cost 1). */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
