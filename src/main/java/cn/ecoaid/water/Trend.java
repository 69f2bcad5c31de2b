package cn.ecoaid.water;

/**
 * Change of water quality between two periods (2011 rules, 水质变化趋势分析). A section: no class change → 无明显变化,
 * one class → 有所好转/有所变差, two or more → 明显好转/明显变差. A river or basin by class proportions: with ΔG the change of
 * the I–III share and ΔD of the 劣V share (percentage points), the larger of |ΔG| and |ΔD| below 10 → no marked change,
 * 10 to below 20 → slightly, 20 or more → markedly; better when ΔG − ΔD &gt; 0, worse otherwise.
 */
public enum Trend {
    MARKEDLY_BETTER, BETTER, NO_CHANGE, WORSE, MARKEDLY_WORSE;

    public String key() {
        return "water.trend." + name();
    }

    /** Change of one section's class from {@code before} to {@code after}. */
    public static Trend ofSection(WaterClass before, WaterClass after) {
        int d = before.ordinal() - after.ordinal();
        if (d == 0) {
            return NO_CHANGE;
        }
        if (d > 0) {
            return d >= 2 ? MARKEDLY_BETTER : BETTER;
        }
        return d <= -2 ? MARKEDLY_WORSE : WORSE;
    }

    /** Change of a river or basin by its shares (0–1) of I–III and 劣V sections in both periods. */
    public static Trend ofProportions(double gBefore, double dBefore, double gAfter, double dAfter) {
        double dg = (gAfter - gBefore) * 100;
        double dd = (dAfter - dBefore) * 100;
        double m = Math.max(Math.abs(dg), Math.abs(dd));
        double eps = 1e-9;
        if (m < 10 - eps) {
            return NO_CHANGE;
        }
        boolean better = dg - dd > 0;
        if (m < 20 - eps) {
            return better ? BETTER : WORSE;
        }
        return better ? MARKEDLY_BETTER : MARKEDLY_WORSE;
    }
}
