package cn.ecoaid.sites;

import cn.ecoaid.domain.Crs;
import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteRepository;
import cn.ecoaid.domain.SiteRules;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.HeaderMap;
import cn.ecoaid.io.TableFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports sites from CSV or Excel. Headers may be Chinese or English; extra columns become free attributes. Every bad
 * row is reported with row, column and reason. By default nothing is committed when any row is bad; with
 * {@code validOnly} the valid rows are imported and the bad ones reported.
 */
public final class SiteImport {
    /** The outcome: how many sites were imported and which rows were not. */
    public record Result(int imported, int rows, List<Problem> problems) {
    }

    /** What a file would import: the valid sites (with their file rows) and the problems. */
    public record Plan(List<Site> sites, int rows, List<Problem> problems) {
    }

    private final SiteRepository sites;

    public SiteImport(SiteRepository sites) {
        this.sites = sites;
    }

    /** Reads and imports a file. */
    public Result importFile(Path file, boolean validOnly) {
        return importTable(TableFiles.read(file), validOnly);
    }

    /** Imports an already read table. */
    public Result importTable(Table table, boolean validOnly) {
        Plan plan = plan(table);
        if (!plan.problems().isEmpty() && !validOnly) {
            throw new ImportRejectedException(plan.problems());
        }
        sites.addAll(plan.sites());
        return new Result(plan.sites().size(), plan.rows(), plan.problems());
    }

    /** Checks a table against the rules and the workspace without writing anything. */
    public Plan plan(Table table) {
        HeaderMap headers = new HeaderMap(table.headers());
        Map<SiteColumns, Integer> index = new EnumMap<>(SiteColumns.class);
        List<Problem> problems = new ArrayList<>();
        for (SiteColumns col : SiteColumns.values()) {
            headers.find(col.aliases()).ifPresent(i -> index.put(col, i));
        }
        for (SiteColumns required : List.of(SiteColumns.CODE, SiteColumns.NAME, SiteColumns.TYPE)) {
            if (!index.containsKey(required)) {
                problems.add(Problem.of(1, required.chineseHeader() + "/" + required.header(), "site.import.missingColumn"));
            }
        }
        if (!problems.isEmpty()) {
            return new Plan(List.of(), table.rows().size(), problems);
        }
        Set<Integer> known = new HashSet<>(index.values());
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        List<Site> valid = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            List<Problem> rowProblems = new ArrayList<>();
            Site site = parse(row, index, headers, known, rowProblems);
            if (site != null) {
                Set<String> unreadable = new HashSet<>();
                rowProblems.forEach(p -> unreadable.add(p.column()));
                for (FieldProblem fp : SiteRules.validate(site)) {
                    String column = headerFor(fp.field(), index, headers);
                    // A cell that could not be read has been reported once; rules about its absence would repeat it.
                    boolean halfOfUnreadablePair = "site.invalid.coordinateHalf".equals(fp.reasonKey())
                            && unreadable.contains(headerFor(partner(fp.field()), index, headers));
                    if (!unreadable.contains(column) && !halfOfUnreadablePair) {
                        rowProblems.add(new Problem(row.number(), column, fp.reasonKey(), fp.args()));
                    }
                }
                if (!site.code().isEmpty()) {
                    Integer first = firstRowOfCode.putIfAbsent(site.code(), row.number());
                    if (first != null) {
                        rowProblems.add(Problem.of(row.number(), headers.header(index.get(SiteColumns.CODE)),
                                "site.import.duplicateInFile", site.code(), first));
                    } else if (sites.findByCode(site.code()).isPresent()) {
                        rowProblems.add(Problem.of(row.number(), headers.header(index.get(SiteColumns.CODE)),
                                "site.import.duplicateInWorkspace", site.code()));
                    }
                }
            }
            if (rowProblems.isEmpty() && site != null) {
                valid.add(site);
            }
            problems.addAll(rowProblems);
        }
        return new Plan(valid, table.rows().size(), problems);
    }

    private static Site parse(Table.Row row, Map<SiteColumns, Integer> index, HeaderMap headers, Set<Integer> known,
                              List<Problem> problems) {
        String code = cell(row, index, SiteColumns.CODE);
        String name = cell(row, index, SiteColumns.NAME);
        String typeText = cell(row, index, SiteColumns.TYPE);
        SiteType type = null;
        if (typeText.isEmpty()) {
            problems.add(Problem.of(row.number(), headers.header(index.get(SiteColumns.TYPE)), "site.invalid.typeMissing"));
        } else {
            Optional<SiteType> parsed = SiteType.parse(typeText);
            if (parsed.isEmpty()) {
                problems.add(Problem.of(row.number(), headers.header(index.get(SiteColumns.TYPE)), "site.import.unknownType",
                        typeText));
            } else {
                type = parsed.get();
            }
        }
        Double lon = number(row, index, headers, SiteColumns.LONGITUDE, problems);
        Double lat = number(row, index, headers, SiteColumns.LATITUDE, problems);
        Crs crs = Crs.CGCS2000;
        String crsText = cell(row, index, SiteColumns.CRS);
        if (!crsText.isEmpty()) {
            Optional<Crs> parsed = Crs.parse(crsText);
            if (parsed.isEmpty()) {
                problems.add(Problem.of(row.number(), headers.header(index.get(SiteColumns.CRS)), "site.import.unknownCrs",
                        crsText));
            } else {
                crs = parsed.get();
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < headers.headers().size(); i++) {
            if (!known.contains(i) && !headers.header(i).isBlank() && !row.get(i).isEmpty()) {
                attributes.put(headers.header(i).strip(), row.get(i));
            }
        }
        if (type == null) {
            return null;
        }
        return Site.create(code, name, type, lon, lat).withCrs(crs)
                .withAdminCode(cell(row, index, SiteColumns.ADMIN_CODE)).withAttributes(attributes);
    }

    private static String cell(Table.Row row, Map<SiteColumns, Integer> index, SiteColumns col) {
        Integer i = index.get(col);
        return i == null ? "" : row.get(i);
    }

    private static Double number(Table.Row row, Map<SiteColumns, Integer> index, HeaderMap headers, SiteColumns col,
                                 List<Problem> problems) {
        String text = cell(row, index, col);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(text.replace('，', '.').replace("°", ""));
        } catch (NumberFormatException e) {
            problems.add(Problem.of(row.number(), headers.header(index.get(col)), "site.import.notANumber", text));
            return null;
        }
    }

    /** The other half of a coordinate pair (the field itself for other fields). */
    private static String partner(String field) {
        return switch (field) {
            case SiteRules.LONGITUDE -> SiteRules.LATITUDE;
            case SiteRules.LATITUDE -> SiteRules.LONGITUDE;
            default -> field;
        };
    }

    private static String headerFor(String field, Map<SiteColumns, Integer> index, HeaderMap headers) {
        SiteColumns col = switch (field) {
            case SiteRules.CODE -> SiteColumns.CODE;
            case SiteRules.NAME -> SiteColumns.NAME;
            case SiteRules.TYPE -> SiteColumns.TYPE;
            case SiteRules.LONGITUDE -> SiteColumns.LONGITUDE;
            case SiteRules.LATITUDE -> SiteColumns.LATITUDE;
            default -> SiteColumns.ADMIN_CODE;
        };
        Integer i = index.get(col);
        return i == null ? col.header() : headers.header(i);
    }
}
