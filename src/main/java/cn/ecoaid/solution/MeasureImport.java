package cn.ecoaid.solution;

import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads measures from a table (CSV/XLSX, headers in Chinese or English, docs/formats.md "Measures") or from a JSON array
 * of measure objects. All rows are checked; any problem rejects the whole file with every bad row listed.
 */
public final class MeasureImport {
    private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

    static {
        ALIASES.put("name", List.of("name", "measure", "措施名称", "措施", "名称"));
        ALIASES.put("type", List.of("type", "类型", "措施类型"));
        ALIASES.put("sector", List.of("sector", "行业领域", "行业", "领域"));
        ALIASES.put("sources", List.of("sources", "针对污染源", "污染源", "source"));
        ALIASES.put("owner", List.of("owner", "责任单位", "牵头单位", "responsible unit"));
        ALIASES.put("start", List.of("start", "开始日期", "开始时间", "start date"));
        ALIASES.put("end", List.of("end", "结束日期", "完成时间", "结束时间", "end date"));
        ALIASES.put("cost", List.of("cost", "投资", "投资（万元）", "投资(万元)", "cost_10k_yuan"));
        ALIASES.put("status", List.of("status", "状态", "进展"));
        ALIASES.put("scenario", List.of("scenario", "清单情景", "情景"));
        ALIASES.put("indicators", List.of("indicators", "跟踪指标", "指标"));
    }

    private MeasureImport() {
    }

    static String norm(String h) {
        return h.strip().toLowerCase(Locale.ROOT).replace('（', '(').replace('）', ')').replace(" ", "");
    }

    /** The pollutant a reduction column is for: "reduction_PM2.5", "PM2.5减排量（吨/年）", "减排量_NOx" → "PM2.5"/"NOx". */
    static Optional<String> reductionColumn(String header) {
        String h = header.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("reduction_") || lower.startsWith("reduction:")) {
            return Optional.of(h.substring("reduction_".length()).strip());
        }
        if (h.startsWith("减排量_") || h.startsWith("减排量:")) {
            return Optional.of(h.substring(4).strip());
        }
        int i = h.indexOf("减排量");
        if (i > 0) {
            return Optional.of(h.substring(0, i).strip());
        }
        return Optional.empty();
    }

    public static List<Measure> fromTable(Table table, String packageId) {
        Map<String, Integer> col = new LinkedHashMap<>();
        Map<Integer, String> reductions = new LinkedHashMap<>();
        for (int i = 0; i < table.headers().size(); i++) {
            String header = table.headers().get(i) == null ? "" : table.headers().get(i);
            Optional<String> pollutant = reductionColumn(header);
            if (pollutant.isPresent() && !pollutant.get().isEmpty()) {
                reductions.put(i, pollutant.get());
                continue;
            }
            for (Map.Entry<String, List<String>> a : ALIASES.entrySet()) {
                if (!col.containsKey(a.getKey()) && a.getValue().stream().anyMatch(x -> norm(x).equals(norm(header)))) {
                    col.put(a.getKey(), i);
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        if (!col.containsKey("name")) {
            problems.add(Problem.of(1, "", "solution.import.missingColumn", "name / 措施名称"));
        }
        if (!col.containsKey("type")) {
            problems.add(Problem.of(1, "", "solution.import.missingColumn", "type / 类型"));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        List<Measure> out = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            if (row.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            int before = problems.size();
            MeasureType type = enumValue(MeasureType.class, get(row, col, "type"), TYPE_ALIASES);
            if (type == null) {
                problems.add(Problem.of(row.number(), header(table, col, "type"), "solution.import.badType", get(row, col, "type")));
            }
            MeasureStatus status = get(row, col, "status").isEmpty() ? MeasureStatus.PLANNED
                    : enumValue(MeasureStatus.class, get(row, col, "status"), STATUS_ALIASES);
            if (status == null) {
                problems.add(Problem.of(row.number(), header(table, col, "status"), "solution.import.badStatus", get(row, col, "status")));
            }
            LocalDate start = date(row, col, "start", table, problems);
            LocalDate end = date(row, col, "end", table, problems);
            Double cost = number(row, col.get("cost"), table, problems);
            Map<String, Double> red = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> r : reductions.entrySet()) {
                Double v = number(row, r.getKey(), table, problems);
                if (v != null) {
                    red.put(r.getValue(), v);
                }
            }
            List<String> indicators = new ArrayList<>();
            for (String s : get(row, col, "indicators").split("[;；]")) {
                if (!s.isBlank()) {
                    indicators.add(s.strip());
                }
            }
            if (problems.size() > before) {
                continue;
            }
            Measure m = new Measure(Ids.newId(), packageId, get(row, col, "name"), type, get(row, col, "sector"),
                    get(row, col, "sources"), get(row, col, "owner"), start, end, cost, red, get(row, col, "scenario"), status,
                    indicators);
            for (FieldProblem fp : SolutionRules.validate(m)) {
                problems.add(new Problem(row.number(), header(table, col, fp.field()), fp.reasonKey(), fp.args()));
            }
            out.add(m);
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return out;
    }

    /** A JSON array of measure objects as in {@link SolutionCodec} (ids and package ids are assigned here). */
    public static List<Measure> fromJson(String json, String packageId) {
        JsonNode root = CanonicalJson.parse(json);
        JsonNode array = root.isArray() ? root : root.path("measures");
        List<Measure> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int n = 0;
        for (JsonNode o : array) {
            n++;
            try {
                com.fasterxml.jackson.databind.node.ObjectNode copy = o.deepCopy();
                copy.put("id", Ids.newId());
                copy.put("package_id", packageId);
                Measure m = SolutionCodec.measureFrom(copy);
                for (FieldProblem fp : SolutionRules.validate(m)) {
                    problems.add(new Problem(n, fp.field(), fp.reasonKey(), fp.args()));
                }
                out.add(m);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(Problem.of(n, "", "solution.import.badJsonMeasure", String.valueOf(e.getMessage())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return out;
    }

    private static final Map<String, String> TYPE_ALIASES = Map.of("结构调整", "STRUCTURAL", "结构调整类", "STRUCTURAL", "结构",
            "STRUCTURAL", "工程治理", "ENGINEERING", "工程治理类", "ENGINEERING", "工程", "ENGINEERING", "管理", "MANAGEMENT", "管理类",
            "MANAGEMENT", "应急", "EMERGENCY", "应急类", "EMERGENCY");
    private static final Map<String, String> STATUS_ALIASES = Map.of("计划中", "PLANNED", "计划", "PLANNED", "实施中", "IN_PROGRESS",
            "进行中", "IN_PROGRESS", "已完成", "DONE", "完成", "DONE", "滞后", "DELAYED", "已取消", "CANCELLED", "取消", "CANCELLED");

    static <E extends Enum<E>> E enumValue(Class<E> type, String text, Map<String, String> aliases) {
        String t = text.strip();
        String name = aliases.getOrDefault(t, t.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String get(Table.Row row, Map<String, Integer> col, String field) {
        Integer i = col.get(field);
        return i == null ? "" : row.get(i);
    }

    private static String header(Table table, Map<String, Integer> col, String field) {
        Integer i = col.get(field);
        return i == null ? field : table.headers().get(i);
    }

    private static LocalDate date(Table.Row row, Map<String, Integer> col, String field, Table table, List<Problem> problems) {
        String v = get(row, col, field);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v.replace('/', '-'));
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(row.number(), header(table, col, field), "solution.import.badDate", v));
            return null;
        }
    }

    private static Double number(Table.Row row, Integer index, Table table, List<Problem> problems) {
        if (index == null) {
            return null;
        }
        String v = row.get(index);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(v.replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(Problem.of(row.number(), table.headers().get(index), "solution.import.badNumber", v));
            return null;
        }
    }
}
