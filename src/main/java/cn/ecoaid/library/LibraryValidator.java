package cn.ecoaid.library;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.inventory.FactorLibrary;
import cn.ecoaid.io.HeaderMap;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.WireException;
import cn.ecoaid.water.TaxaTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a library file before the platform stores it: every problem with its row and column (and a reason in both
 * languages through its bundle key); any problem refuses the whole file. The factor and taxa files are read with the
 * inventory's and the water module's own readers, so a stored version is exactly what those analyses accept.
 */
public final class LibraryValidator {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9()\\- ]{7,20}");

    private LibraryValidator() {
    }

    /**
     * The platform's check of rows an admin uploaded (wired into the server by {@code platform serve}): the same rules
     * as a file, answered as {@code LIBRARY_REJECTED} with every problem's row, column and reason.
     */
    public static void checkUpload(String kind, String fileName, List<String> headers, List<List<String>> rows) {
        LibraryKind k = LibraryKind.parse(kind)
                .orElseThrow(() -> new WireException(ErrorCode.NOT_FOUND, "library " + kind));
        List<Table.Row> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(new Table.Row(i + 2, rows.get(i)));
        }
        try {
            LibraryContent checked = validate(k, new Table(headers, numbered), fileName == null ? kind : fileName);
            if (!checked.sha256().equals(LibraryContent.hash(headers, rows))) {
                throw new WireException(ErrorCode.LIBRARY_REJECTED, "rows are not in their canonical form (trimmed, no blank rows)");
            }
        } catch (ImportRejectedException e) {
            StringBuilder why = new StringBuilder();
            e.problems().stream().limit(20).forEach(p -> why.append(why.length() == 0 ? "" : "; ").append(ErrorText.describe(p)));
            throw new WireException(ErrorCode.LIBRARY_REJECTED, why.toString());
        }
    }

    /** The validated content of {@code table}. */
    public static LibraryContent validate(LibraryKind kind, Table table, String fileName) {
        List<String> headers = new ArrayList<>();
        for (String h : table.headers()) {
            headers.add(h == null ? "" : h.strip());
        }
        while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
            headers.remove(headers.size() - 1);
        }
        List<Table.Row> kept = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Table.Row r : table.rows()) {
            if (r.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            List<String> cells = new ArrayList<>(headers.size());
            for (int i = 0; i < headers.size(); i++) {
                cells.add(r.get(i));
            }
            kept.add(new Table.Row(r.number(), cells));
            rows.add(cells);
        }
        if (headers.isEmpty() || rows.isEmpty()) {
            throw new ImportRejectedException(List.of(Problem.of(1, "", "library.problem.noRows", fileName)));
        }
        Table clean = new Table(headers, kept);
        List<Problem> problems = switch (kind) {
            case TECHNOLOGY -> technology(clean);
            case EXPERTS -> experts(clean);
            case FACTORS -> factors(clean);
            case TAXA -> taxa(clean, fileName);
        };
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return new LibraryContent(kind, headers, rows);
    }

    private static Map<LibraryColumns.Column, Integer> columns(Table t, List<LibraryColumns.Column> declared,
            List<Problem> problems) {
        HeaderMap h = new HeaderMap(t.headers());
        Map<LibraryColumns.Column, Integer> out = new HashMap<>();
        for (LibraryColumns.Column c : declared) {
            int i = h.find(c.names()).orElse(-1);
            if (i < 0 && c.required()) {
                problems.add(Problem.of(1, c.canonical(), "library.problem.missingColumn", String.join(" / ", c.names())));
            }
            out.put(c, i);
        }
        return out;
    }

    private static void required(Table t, Table.Row r, Map<LibraryColumns.Column, Integer> cols, List<Problem> problems) {
        for (Map.Entry<LibraryColumns.Column, Integer> e : cols.entrySet()) {
            if (e.getKey().required() && e.getValue() >= 0 && r.get(e.getValue()).isEmpty()) {
                problems.add(Problem.of(r.number(), t.headers().get(e.getValue()), "library.problem.empty"));
            }
        }
    }

    private static List<Problem> technology(Table t) {
        List<Problem> problems = new ArrayList<>();
        Map<LibraryColumns.Column, Integer> cols = columns(t, LibraryColumns.TECHNOLOGY, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        int name = cols.get(LibraryColumns.TECH_NAME);
        int category = cols.get(LibraryColumns.TECH_CATEGORY);
        int lo = cols.get(LibraryColumns.TECH_EFF_MIN);
        int hi = cols.get(LibraryColumns.TECH_EFF_MAX);
        int maturity = cols.get(LibraryColumns.TECH_MATURITY);
        Map<String, Integer> seen = new HashMap<>();
        for (Table.Row r : t.rows()) {
            required(t, r, cols, problems);
            double min = percent(t, r, lo, problems);
            double max = percent(t, r, hi, problems);
            if (!Double.isNaN(min) && !Double.isNaN(max) && min > max) {
                problems.add(Problem.of(r.number(), t.headers().get(hi), "library.problem.range", r.get(lo), r.get(hi)));
            }
            if (maturity >= 0 && !r.get(maturity).isEmpty() && maturityLevel(r.get(maturity)) < 0) {
                problems.add(Problem.of(r.number(), t.headers().get(maturity), "library.problem.maturity", r.get(maturity)));
            }
            duplicate(t, r, seen, name, category, problems);
        }
        return problems;
    }

    /** Index of a maturity level in {@link LibraryColumns#MATURITY}, or -1. */
    public static int maturityLevel(String text) {
        String k = text.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < LibraryColumns.MATURITY.size(); i++) {
            if (LibraryColumns.MATURITY.get(i).contains(k)) {
                return i;
            }
        }
        return -1;
    }

    private static double percent(Table t, Table.Row r, int col, List<Problem> problems) {
        if (col < 0 || r.get(col).isEmpty()) {
            return Double.NaN;
        }
        String v = r.get(col).replace("%", "").strip();
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 100) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Problem.of(r.number(), t.headers().get(col), "library.problem.percent", r.get(col)));
        return Double.NaN;
    }

    private static void duplicate(Table t, Table.Row r, Map<String, Integer> seen, int a, int b, List<Problem> problems) {
        String key = r.get(a).toLowerCase(Locale.ROOT) + "\u0001" + r.get(b).toLowerCase(Locale.ROOT);
        if (r.get(a).isEmpty()) {
            return;
        }
        Integer first = seen.putIfAbsent(key, r.number());
        if (first != null) {
            problems.add(Problem.of(r.number(), t.headers().get(a), "library.problem.duplicate", r.get(a), first));
        }
    }

    private static List<Problem> experts(Table t) {
        List<Problem> problems = new ArrayList<>();
        Map<LibraryColumns.Column, Integer> cols = columns(t, LibraryColumns.EXPERTS, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        int name = cols.get(LibraryColumns.EXPERT_NAME);
        int org = cols.get(LibraryColumns.EXPERT_ORG);
        int province = cols.get(LibraryColumns.EXPERT_PROVINCE);
        int contact = cols.get(LibraryColumns.EXPERT_CONTACT);
        Map<String, Integer> seen = new HashMap<>();
        for (Table.Row r : t.rows()) {
            required(t, r, cols, problems);
            if (province >= 0 && !r.get(province).isEmpty() && LibrarySearch.province(r.get(province)).isEmpty()) {
                problems.add(Problem.of(r.number(), t.headers().get(province), "library.problem.province", r.get(province)));
            }
            if (contact >= 0 && !r.get(contact).isEmpty() && !EMAIL.matcher(r.get(contact)).matches()
                    && !PHONE.matcher(r.get(contact)).matches()) {
                problems.add(Problem.of(r.number(), t.headers().get(contact), "library.problem.contact", r.get(contact)));
            }
            duplicate(t, r, seen, name, org, problems);
        }
        return problems;
    }

    private static List<Problem> factors(Table t) {
        try {
            FactorLibrary.readUser(t);
            return List.of();
        } catch (ImportRejectedException e) {
            return e.problems();
        } catch (EcoAidException e) {
            // a missing column: inventory.error.missingColumn names it
            return List.of(Problem.of(1, String.valueOf(e.args().length > 0 ? e.args()[0] : ""), "library.problem.missingColumn",
                    String.valueOf(e.args().length > 0 ? e.args()[0] : "")));
        }
    }

    private static List<Problem> taxa(Table t, String fileName) {
        try {
            TaxaTable.read(t, fileName);
            return List.of();
        } catch (ImportRejectedException e) {
            return e.problems();
        }
    }
}
