package cn.ecoaid.library;

import java.util.List;

/**
 * Accepted column names (English or Chinese; any case, full or half width, see {@code io.HeaderMap}) of the technology
 * catalogue and the expert directory (docs/formats.md, "Reference libraries"). The first name is the canonical one.
 */
public final class LibraryColumns {
    private LibraryColumns() {
    }

    /** One column: its names and whether a file must have it. */
    public record Column(List<String> names, boolean required) {
        public String canonical() {
            return names.get(0);
        }
    }

    // ---- technology catalogue (治理技术目录)
    public static final Column TECH_NAME = new Column(List.of("name", "技术名称", "名称", "technology"), true);
    public static final Column TECH_CATEGORY = new Column(List.of("category", "类别", "技术类别"), true);
    public static final Column TECH_POLLUTANTS = new Column(List.of("pollutants", "污染物", "适用污染物", "pollutant"), true);
    public static final Column TECH_SOURCES = new Column(List.of("sources", "适用污染源", "适用行业", "applicable_sources"), false);
    public static final Column TECH_EFF_MIN = new Column(List.of("efficiency_min_pct", "去除效率下限", "去除效率下限(%)",
            "efficiency_min"), false);
    public static final Column TECH_EFF_MAX = new Column(List.of("efficiency_max_pct", "去除效率上限", "去除效率上限(%)",
            "efficiency_max"), false);
    public static final Column TECH_COST = new Column(List.of("cost", "费用", "投资运行费用", "成本"), false);
    public static final Column TECH_MATURITY = new Column(List.of("maturity", "成熟度", "技术成熟度"), false);
    public static final Column TECH_REFERENCE = new Column(List.of("reference", "参考", "参考文献", "来源"), false);

    public static final List<Column> TECHNOLOGY = List.of(TECH_NAME, TECH_CATEGORY, TECH_POLLUTANTS, TECH_SOURCES,
            TECH_EFF_MIN, TECH_EFF_MAX, TECH_COST, TECH_MATURITY, TECH_REFERENCE);

    /** Maturity levels (Chinese, English); a technology row names one of them or leaves the cell empty. */
    public static final List<List<String>> MATURITY = List.of(List.of("研发", "research"), List.of("中试", "pilot"),
            List.of("示范", "demonstration"), List.of("推广", "promotion"), List.of("成熟", "mature"));

    // ---- expert directory (专家库)
    public static final Column EXPERT_NAME = new Column(List.of("name", "姓名", "专家姓名"), true);
    public static final Column EXPERT_ORG = new Column(List.of("organisation", "单位", "工作单位", "organization"), true);
    public static final Column EXPERT_FIELDS = new Column(List.of("fields", "专业领域", "领域", "expertise"), true);
    public static final Column EXPERT_PROVINCE = new Column(List.of("province", "省份", "所在省份"), false);
    public static final Column EXPERT_CONTACT = new Column(List.of("contact", "联系方式", "邮箱", "email"), false);

    public static final List<Column> EXPERTS = List.of(EXPERT_NAME, EXPERT_ORG, EXPERT_FIELDS, EXPERT_PROVINCE, EXPERT_CONTACT);

    /** The declared columns of a kind; the factor and taxa files are checked by their own readers instead. */
    public static List<Column> of(LibraryKind kind) {
        return switch (kind) {
            case TECHNOLOGY -> TECHNOLOGY;
            case EXPERTS -> EXPERTS;
            case FACTORS, TAXA -> List.of();
        };
    }
}
