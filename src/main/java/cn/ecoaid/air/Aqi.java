package cn.ecoaid.air;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * IAQI and AQI per HJ 633-2012 and HJ 633-2026.
 * <ul>
 * <li>IAQI_P = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo) × (C_P − BP_Lo) + IAQI_Lo, rounded up to an integer (2012 6.2; 2026
 * likewise); AQI = max IAQI_P.</li>
 * <li>HJ 633-2026 4.2.2: concentrations are first rounded per GB/T 8170 ({@link GbT8170}; CO to 0.1, the others to 1).</li>
 * <li>SO2 1-h above 800 µg/m³: 2012 — not computed, the SO2 sub-index is the one of the 24-h mean (the 24-h moving mean
 * in a real-time report); 2026 — IAQI 200. O3 8-h above 800: 2012 — not computed, the O3 1-h sub-index stands; 2026 —
 * IAQI 300.</li>
 * <li>Above the top breakpoint of an item (IAQI 500), the sub-index is 500, the top of the scale.</li>
 * <li>Items: daily report 2012 — SO2, NO2, PM10, PM2.5, CO 24-h means, O3 daily max 1-h and daily max 8-h; daily report
 * 2026 — the same without O3 1-h. Real-time 2012 — SO2, NO2, CO, O3 1-h means, O3 8-h moving mean, PM10 and PM2.5
 * 24-h moving means; real-time 2026 — the 1-h means of all six, PM10/PM2.5 against the 24-h breakpoints.</li>
 * <li>Primary pollutant: when AQI &gt; 50, every item with the largest IAQI.</li>
 * <li>Missing items: the AQI comes from the others. 2026 5.3.1: it is published only when it exceeds 100, otherwise it
 * is "NA" (the single values are still reported). 2012: the AQI of the items present is published.</li>
 * </ul>
 */
public final class Aqi {
    /** Daily report (日报) or real-time report (实时报). */
    public enum Report { DAILY, REALTIME }

    private static final Set<AqiItem> DAILY_2012 = EnumSet.of(AqiItem.SO2_24H, AqiItem.NO2_24H, AqiItem.PM10_24H,
            AqiItem.PM2_5_24H, AqiItem.CO_24H, AqiItem.O3_1H, AqiItem.O3_8H);
    private static final Set<AqiItem> DAILY_2026 = EnumSet.of(AqiItem.SO2_24H, AqiItem.NO2_24H, AqiItem.PM10_24H,
            AqiItem.PM2_5_24H, AqiItem.CO_24H, AqiItem.O3_8H);
    private static final Set<AqiItem> REALTIME_2012 = EnumSet.of(AqiItem.SO2_1H, AqiItem.NO2_1H, AqiItem.CO_1H,
            AqiItem.O3_1H, AqiItem.O3_8H, AqiItem.PM10_24H, AqiItem.PM2_5_24H);
    private static final Set<AqiItem> REALTIME_2026 = EnumSet.of(AqiItem.SO2_1H, AqiItem.NO2_1H, AqiItem.CO_1H,
            AqiItem.O3_1H, AqiItem.PM10_24H, AqiItem.PM2_5_24H);
    private static final AqiItem[][] ITEMS = {
        DAILY_2012.toArray(new AqiItem[0]), REALTIME_2012.toArray(new AqiItem[0]),
        DAILY_2026.toArray(new AqiItem[0]), REALTIME_2026.toArray(new AqiItem[0])};

    /** Marker for "above the table, not computed" (2012 rules). */
    static final int NOT_COMPUTED = -2;

    private Aqi() {
    }

    /** The items a report of this version consists of. */
    public static List<AqiItem> items(AqiStandard std, Report report) {
        return List.of(itemArray(std, report));
    }

    private static AqiItem[] itemArray(AqiStandard std, Report report) {
        int e = std.edition() == AqiStandard.Edition.HJ633_2012 ? 0 : 2;
        return ITEMS[e + (report == Report.DAILY ? 0 : 1)];
    }

    /**
     * The sub-index of one item at concentration {@code c} as the version defines it (inputs rounded first under 2026),
     * without the 2012 SO2 fallback: -1 for NaN, {@link #NOT_COMPUTED} where 2012 does not compute it.
     */
    public static int iaqi(AqiStandard std, AqiItem item, double c) {
        if (Double.isNaN(c)) {
            return -1;
        }
        if (std.roundsInputs()) {
            c = GbT8170.round(c, item.pollutant().decimals());
        }
        double[] bp = std.breakpointsUnsafe(item);
        int[] levels = std.levelsUnsafe();
        int top = bp.length - 1;
        while (top > 0 && Double.isNaN(bp[top])) {
            top--;
        }
        if (c > bp[top]) {
            if (top == bp.length - 1) {
                return levels[top];
            }
            boolean v2026 = std.edition() == AqiStandard.Edition.HJ633_2026;
            if (item == AqiItem.SO2_1H) {
                return v2026 ? 200 : NOT_COMPUTED;
            }
            if (item == AqiItem.O3_8H) {
                return v2026 ? 300 : NOT_COMPUTED;
            }
            return levels[top];
        }
        if (c < 0) {
            return -1;
        }
        int r = 0;
        while (r + 1 < top && c > bp[r + 1]) {
            r++;
        }
        double x = (double) (levels[r + 1] - levels[r]) / (bp[r + 1] - bp[r]) * (c - bp[r]) + levels[r];
        return (int) Math.ceil(x - 1e-9);
    }

    /**
     * AQI of one report. {@code c} holds a concentration per {@link AqiItem} ordinal (NaN = missing); items not part of
     * the report are ignored, except SO2_24H in a 2012 real-time report, read as the SO2 24-h moving mean for the
     * above-800 rule.
     */
    public static AqiResult compute(AqiStandard std, Report report, double[] c) {
        int[] iaqi = new int[AqiItem.COUNT];
        java.util.Arrays.fill(iaqi, -1);
        List<AqiItem> missing = null;
        int aqi = -1;
        for (AqiItem item : itemArray(std, report)) {
            double v = c[item.ordinal()];
            if (Double.isNaN(v)) {
                if (missing == null) {
                    missing = new ArrayList<>(2);
                }
                missing.add(item);
                continue;
            }
            int s = iaqi(std, item, v);
            if (s == NOT_COMPUTED) {
                // 2012 note (2): SO2 reported by its 24-h sub-index; note (3): O3 by its 1-h sub-index (an item anyway)
                s = item == AqiItem.SO2_1H ? iaqi(std, AqiItem.SO2_24H, c[AqiItem.SO2_24H.ordinal()]) : -1;
            }
            iaqi[item.ordinal()] = s;
            if (s > aqi) {
                aqi = s;
            }
        }
        boolean published = aqi >= 0;
        if (published && missing != null && std.edition() == AqiStandard.Edition.HJ633_2026 && aqi <= 100) {
            published = false;
        }
        List<AqiItem> primary = List.of();
        List<AqiItem> exceeding = List.of();
        if (published && aqi > 50) {
            List<AqiItem> p = new ArrayList<>(2);
            for (AqiItem item : itemArray(std, report)) {
                if (iaqi[item.ordinal()] == aqi) {
                    p.add(item);
                }
            }
            primary = p;
        }
        if (published && aqi > 100 && std.edition() == AqiStandard.Edition.HJ633_2012) {
            List<AqiItem> x = new ArrayList<>(2);
            for (AqiItem item : itemArray(std, report)) {
                if (iaqi[item.ordinal()] > 100) {
                    x.add(item);
                }
            }
            exceeding = x;
        }
        return new AqiResult(std, report, aqi, published, iaqi, primary, exceeding,
                missing == null ? List.of() : List.copyOf(missing), published ? std.category(aqi) : null);
    }

    /** A daily report from daily values; the version is the one {@code chooser} gives for the day. */
    public static AqiResult daily(AqiStandard std, DailyValues d) {
        double[] c = new double[AqiItem.COUNT];
        java.util.Arrays.fill(c, Double.NaN);
        c[AqiItem.SO2_24H.ordinal()] = d.so2();
        c[AqiItem.NO2_24H.ordinal()] = d.no2();
        c[AqiItem.PM10_24H.ordinal()] = d.pm10();
        c[AqiItem.PM2_5_24H.ordinal()] = d.pm25();
        c[AqiItem.CO_24H.ordinal()] = d.co();
        c[AqiItem.O3_8H.ordinal()] = d.o3max8h();
        c[AqiItem.O3_1H.ordinal()] = d.o3max1h();
        return compute(std, Report.DAILY, c);
    }
}
