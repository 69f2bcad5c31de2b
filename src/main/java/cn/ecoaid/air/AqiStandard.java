package cn.ecoaid.air;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One version of the AQI technical regulation (HJ 633-2012 or HJ 633-2026): its IAQI breakpoints and categories,
 * loaded from the versioned resources under {@code cn/ecoaid/standards/air/}, and the rules that differ by version.
 */
public final class AqiStandard {
    /** The two editions; their rules differ as described in {@link Aqi}. */
    public enum Edition { HJ633_2012, HJ633_2026 }

    private static volatile List<AqiStandard> versions;

    private final Edition edition;
    private final StandardTable breakpointTable;
    private final StandardTable categoryTable;
    private final int[] iaqiLevels;
    /** breakpoints[item][level]; NaN where the table has no value. */
    private final double[][] breakpoints;
    private final List<AqiCategory> categories;

    private AqiStandard(Edition edition, StandardTable breakpointTable, StandardTable categoryTable) {
        this.edition = edition;
        this.breakpointTable = breakpointTable;
        this.categoryTable = categoryTable;
        Table t = breakpointTable.data();
        int rows = t.rows().size();
        iaqiLevels = new int[rows];
        breakpoints = new double[AqiItem.COUNT][rows];
        int iaqiCol = t.headers().indexOf("IAQI");
        for (int r = 0; r < rows; r++) {
            Table.Row row = t.rows().get(r);
            iaqiLevels[r] = Integer.parseInt(row.get(iaqiCol));
            for (AqiItem item : AqiItem.values()) {
                int col = t.headers().indexOf(item.column());
                if (col < 0) {
                    throw new EcoAidException("air.error.badTable", breakpointTable.resource(), item.column());
                }
                String v = row.get(col);
                breakpoints[item.ordinal()][r] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
            }
        }
        List<AqiCategory> cats = new ArrayList<>();
        Table c = categoryTable.data();
        for (Table.Row row : c.rows()) {
            String high = row.get(c.headers().indexOf("aqi_high"));
            int rgb = (Integer.parseInt(row.get(c.headers().indexOf("r"))) << 16)
                    | (Integer.parseInt(row.get(c.headers().indexOf("g"))) << 8)
                    | Integer.parseInt(row.get(c.headers().indexOf("b")));
            cats.add(new AqiCategory(Integer.parseInt(row.get(c.headers().indexOf("level"))),
                    Integer.parseInt(row.get(c.headers().indexOf("aqi_low"))),
                    high.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(high),
                    row.get(c.headers().indexOf("grade_zh")), row.get(c.headers().indexOf("category_zh")),
                    row.get(c.headers().indexOf("category_en")), row.get(c.headers().indexOf("colour_zh")), rgb));
        }
        categories = List.copyOf(cats);
    }

    /** Both versions, oldest first. */
    public static List<AqiStandard> versions() {
        List<AqiStandard> v = versions;
        if (v == null) {
            v = List.of(
                    new AqiStandard(Edition.HJ633_2012, StandardTable.load("air/hj633-2012-iaqi.csv"),
                            StandardTable.load("air/hj633-2012-categories.csv")),
                    new AqiStandard(Edition.HJ633_2026, StandardTable.load("air/hj633-2026-iaqi.csv"),
                            StandardTable.load("air/hj633-2026-categories.csv")));
            versions = v;
        }
        return v;
    }

    public static AqiStandard hj633of2012() {
        return versions().get(0);
    }

    public static AqiStandard hj633of2026() {
        return versions().get(1);
    }

    /**
     * The version for a value of {@code date}: the one in force that day (HJ 633-2026 from 2026-03-01), or the one
     * named by {@code override} ("HJ633-2012", "HJ 633-2026"; null, blank or "auto" for none).
     */
    public static AqiStandard pick(LocalDate date, String override) {
        List<AqiStandard> all = versions();
        StandardTable t = StandardTable.pick(all.stream().map(s -> s.breakpointTable).toList(), date, override);
        return all.stream().filter(s -> s.breakpointTable == t).findFirst().orElseThrow();
    }

    /** A chooser that is cheap to call per value: the cut-over date compared once. */
    public static Chooser chooser(String override) {
        if (override == null || override.isBlank() || "auto".equalsIgnoreCase(override.strip())) {
            return new Chooser(hj633of2012(), hj633of2026(), hj633of2026().validFrom());
        }
        AqiStandard fixed = pick(LocalDate.of(2000, 1, 1), override);
        return new Chooser(fixed, fixed, LocalDate.MIN);
    }

    /** Chooses the version by date: {@code before} up to the day before {@code cutOver}, {@code from} from it on. */
    public record Chooser(AqiStandard before, AqiStandard from, LocalDate cutOver) {
        public AqiStandard on(LocalDate date) {
            return date.isBefore(cutOver) ? before : from;
        }
    }

    public Edition edition() {
        return edition;
    }

    /** The standard's number as printed, e.g. "HJ 633-2026". */
    public String number() {
        return breakpointTable.standard();
    }

    public LocalDate validFrom() {
        return breakpointTable.validFrom();
    }

    public StandardTable breakpointTable() {
        return breakpointTable;
    }

    public StandardTable categoryTable() {
        return categoryTable;
    }

    /** HJ 633-2026 4.2.2: concentrations are rounded per GB/T 8170 before the IAQI is computed. */
    public boolean roundsInputs() {
        return edition == Edition.HJ633_2026;
    }

    /** The IAQI levels of the table rows (0, 50, 100, 150, 200, 300, 400, 500). */
    public int[] iaqiLevels() {
        return iaqiLevels.clone();
    }

    /** The breakpoint concentrations of one item, NaN where the table is empty. */
    public double[] breakpoints(AqiItem item) {
        return breakpoints[item.ordinal()].clone();
    }

    double[] breakpointsUnsafe(AqiItem item) {
        return breakpoints[item.ordinal()];
    }

    int[] levelsUnsafe() {
        return iaqiLevels;
    }

    public List<AqiCategory> categories() {
        return categories;
    }

    /** The category of an AQI value. */
    public AqiCategory category(int aqi) {
        for (AqiCategory c : categories) {
            if (c.contains(aqi)) {
                return c;
            }
        }
        throw new IllegalArgumentException("AQI " + aqi);
    }

    @Override
    public String toString() {
        return number() + " " + Arrays.toString(iaqiLevels);
    }
}
