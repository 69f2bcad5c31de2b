package cn.ecoaid.water;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.HeaderMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads biological samples in long form: one row per sample and taxon ({@code sample,site,date,group,role,taxon,count}
 * and optionally {@code tolerance,order,family}); see docs/formats.md. Without a sample column, site and date make the
 * sample. Bad rows are reported with row, column and reason; nothing is read when any row is bad.
 */
public final class BioFile {
    static final List<String> SAMPLE = List.of("sample", "sampleid", "sample_id", "样品", "样品编号", "样本");
    static final List<String> SITE = List.of("site", "站点", "点位", "断面", "样点", "station");
    static final List<String> DATE = List.of("date", "日期", "采样日期");
    static final List<String> GROUP = List.of("group", "类群", "生物类群", "assemblage");
    static final List<String> ROLE = List.of("role", "status", "site_class", "点位类型", "参照", "类型", "site_type");
    static final List<String> TAXON = List.of("taxon", "taxaid", "taxa", "分类单元", "物种", "种类", "taxon_name", "name", "latin", "拉丁名");
    static final List<String> COUNT = List.of("count", "n_taxa", "个体数", "数量", "abundance", "n", "density", "密度", "individuals");
    static final List<String> TOLERANCE = List.of("tolerance", "tolval", "耐污值", "tv");
    static final List<String> ORDER = List.of("order", "目");
    static final List<String> FAMILY = List.of("family", "科");

    private BioFile() {
    }

    /** True when the table looks like taxa counts (has a taxon and a count column). */
    public static boolean isTaxaTable(Table t) {
        HeaderMap h = new HeaderMap(t.headers());
        return h.find(TAXON).isPresent() && h.find(COUNT).isPresent();
    }

    public static List<BioSample> read(Table t) {
        HeaderMap h = new HeaderMap(t.headers());
        List<Problem> problems = new ArrayList<>();
        Optional<Integer> taxon = h.find(TAXON);
        Optional<Integer> count = h.find(COUNT);
        int sample = h.find(SAMPLE).orElse(-1);
        int site = h.find(SITE).orElse(-1);
        if (taxon.isEmpty() || count.isEmpty() || sample < 0 && site < 0) {
            String missing = taxon.isEmpty() ? "taxon/分类单元" : count.isEmpty() ? "count/个体数" : "sample/样品";
            throw new ImportRejectedException(List.of(Problem.of(1, "", "water.import.missingColumn", missing)));
        }
        int date = h.find(DATE).orElse(-1);
        int group = h.find(GROUP).orElse(-1);
        int role = h.find(ROLE).orElse(-1);
        int tv = h.find(TOLERANCE).orElse(-1);
        int order = h.find(ORDER).orElse(-1);
        int family = h.find(FAMILY).orElse(-1);
        Map<String, List<BioSample.Count>> counts = new LinkedHashMap<>();
        Map<String, String[]> meta = new LinkedHashMap<>();
        for (Table.Row r : t.rows()) {
            if (r.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            int before = problems.size();
            String name = r.get(taxon.get());
            if (name.isEmpty()) {
                problems.add(Problem.of(r.number(), h.header(taxon.get()), "water.import.empty"));
            }
            double n = Double.NaN;
            try {
                n = Double.parseDouble(r.get(count.get()));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (Double.isNaN(n) || n < 0 || Double.isInfinite(n)) {
                problems.add(Problem.of(r.number(), h.header(count.get()), "water.import.badNumber", r.get(count.get())));
            }
            double tol = Double.NaN;
            if (tv >= 0 && !r.get(tv).isEmpty()) {
                try {
                    tol = Double.parseDouble(r.get(tv));
                } catch (NumberFormatException e) {
                    tol = -1;
                }
                if (tol < 0 || tol > 10) {
                    problems.add(Problem.of(r.number(), h.header(tv), "water.taxa.badTolerance", r.get(tv)));
                }
            }
            String siteName = site >= 0 ? r.get(site) : "";
            String dateText = date >= 0 ? r.get(date) : "";
            String id = sample >= 0 && !r.get(sample).isEmpty() ? r.get(sample) : siteName + (dateText.isEmpty() ? "" : " " + dateText);
            if (id.isBlank()) {
                problems.add(Problem.of(r.number(), h.header(sample >= 0 ? sample : site), "water.import.empty"));
            }
            if (problems.size() > before) {
                continue;
            }
            counts.computeIfAbsent(id, k -> new ArrayList<>()).add(new BioSample.Count(name, n, tol,
                    order >= 0 ? r.get(order) : "", family >= 0 ? r.get(family) : ""));
            String[] m = meta.computeIfAbsent(id, k -> new String[] {siteName.isEmpty() ? k : siteName, dateText, "", ""});
            if (group >= 0 && !r.get(group).isEmpty()) {
                m[2] = r.get(group);
            }
            if (role >= 0 && !r.get(role).isEmpty()) {
                m[3] = role(r.get(role));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        List<BioSample> out = new ArrayList<>();
        counts.forEach((id, list) -> {
            String[] m = meta.get(id);
            out.add(new BioSample(id, m[0], m[1], m[2], m[3], list));
        });
        return out;
    }

    /** "reference"/"ref"/"参照"/"R" → reference; "impaired"/"test"/"受损"/"干扰"/"I" → impaired; else as written. */
    public static String role(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("ref") || s.contains("参照") || s.equals("r")) {
            return "reference";
        }
        if (s.startsWith("imp") || s.startsWith("test") || s.contains("受损") || s.contains("干扰") || s.equals("i")
                || s.startsWith("deg")) {
            return "impaired";
        }
        return s;
    }
}
