package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Temporal allocation (T/CSES 144—2024 Appendix B): month × weekday × hour. Weekday factors (Table B.1, weekday_1 =
 * Monday … weekday_7 = Sunday) and hourly factors (Table B.2) by category and sub-category; monthly factors of open
 * biomass burning by province (Table B.3); other categories have no monthly table in the guideline and default to the
 * share of days of each month, unless the user gives a monthly profile.
 *
 * <p>The emission of a day d in month m is E × M[m] × W[d] / Σ_{days of m} W, and of hour h, that × H[h] / Σ H, so the
 * days of a month add up to its share and the months to the year exactly (B.3 rows, which sum to 0.96–1.04 as printed,
 * are normalised to 1).
 */
public final class TemporalProfiles {
    /** A profile: 12 monthly (null = by days), 7 weekday (Mon..Sun) and 24 hourly factors, with their source. */
    public record Profile(double[] month, double[] weekday, double[] hour, String source) {
    }

    private final Map<String, double[]> weekday = new HashMap<>();
    private final Map<String, double[]> hourly = new HashMap<>();
    private final Map<String, double[]> biomassMonthly = new HashMap<>();
    private final String document;

    private TemporalProfiles() {
        StandardTable b1 = StandardTable.load("inventory/tcses144-2024-tableB1.csv");
        StandardTable b2 = StandardTable.load("inventory/tcses144-2024-tableB2.csv");
        StandardTable b3 = StandardTable.load("inventory/tcses144-2024-tableB3.csv");
        read(b1.data(), 2, 7, weekday);
        read(b2.data(), 2, 24, hourly);
        for (Table.Row r : b3.data().rows()) {
            double[] v = new double[12];
            for (int i = 0; i < 12; i++) {
                v[i] = Double.parseDouble(r.get(1 + i));
            }
            biomassMonthly.put(r.get(0), v);
        }
        document = b1.standard();
    }

    private static final TemporalProfiles TCSES = new TemporalProfiles();

    public static TemporalProfiles tcses144() {
        return TCSES;
    }

    private static void read(Table t, int first, int n, Map<String, double[]> into) {
        for (Table.Row r : t.rows()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Double.parseDouble(r.get(first + i));
            }
            into.put(r.get(0) + "|" + r.get(1), v);
        }
    }

    /**
     * The profile for a first-level category and sub-category ("电力生产", "移动源", "油品储运销"; others use the row
     * "所有" or "其他"); {@code province} selects Table B.3 for open biomass burning.
     */
    public Profile profile(String category, String subCategory, String province) {
        String cat = category.equals("移动源") || category.equals("油品储运销") ? "移动源和油品储运销" : category;
        String sub = category.equals("移动源") || category.equals("油品储运销") ? category : subCategory == null ? "" : subCategory;
        double[] w = pick(weekday, cat, sub);
        double[] h = pick(hourly, cat, sub);
        if (w == null || h == null) {
            throw new EcoAidException("inventory.error.noProfile", category, subCategory);
        }
        double[] m = null;
        String source = document + " 表B.1/表B.2";
        if (cat.equals("生物质开放燃烧源") && province != null && !province.isBlank()) {
            m = biomassMonthly.get(province.strip());
            if (m == null) {
                throw new EcoAidException("inventory.error.noProfile", category, province);
            }
            source += "/表B.3";
        }
        return new Profile(m, w, h, source);
    }

    private static double[] pick(Map<String, double[]> m, String cat, String sub) {
        double[] v = m.get(cat + "|" + sub);
        if (v == null) {
            v = m.get(cat + "|所有");
        }
        if (v == null) {
            v = m.get(cat + "|其他");
        }
        if (v == null && cat.equals("移动源和油品储运销")) {
            v = m.get(cat + "|移动源");
        }
        return v;
    }

    /** Share of the annual total falling on one day. */
    public static double dayShare(Profile p, LocalDate day) {
        YearMonth ym = YearMonth.from(day);
        int year = day.getYear();
        double monthShare;
        if (p.month() == null) {
            monthShare = ym.lengthOfMonth() / (double) YearMonth.of(year, 12).atEndOfMonth().getDayOfYear();
        } else {
            double sum = 0;
            for (double v : p.month()) {
                sum += v;
            }
            monthShare = p.month()[day.getMonthValue() - 1] / sum;
        }
        double wsum = 0;
        for (int d = 1; d <= ym.lengthOfMonth(); d++) {
            wsum += p.weekday()[ym.atDay(d).getDayOfWeek().getValue() - 1];
        }
        return monthShare * p.weekday()[day.getDayOfWeek().getValue() - 1] / wsum;
    }

    /** The 24 hourly amounts of a day for an annual amount. */
    public static double[] hourly(double annual, Profile p, LocalDate day) {
        double daily = annual * dayShare(p, day);
        double hsum = 0;
        for (double v : p.hour()) {
            hsum += v;
        }
        double[] out = new double[24];
        for (int h = 0; h < 24; h++) {
            out[h] = daily * p.hour()[h] / hsum;
        }
        return out;
    }
}
