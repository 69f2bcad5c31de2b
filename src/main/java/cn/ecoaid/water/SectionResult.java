package cn.ecoaid.water;

import java.util.List;

/**
 * Single-factor evaluation of one section (or of mean concentrations): the worst item's class, each item's class and
 * exceedance multiples, the main pollutants, and attainment of the target class when one is given.
 *
 * @param target the target class (水质目标), or null
 * @param attained whether the class is at least as good as the target; null without a target
 */
public record SectionResult(WaterClass waterClass, List<ItemResult> items, List<ItemResult> mainPollutants,
        WaterClass target, Boolean attained) {

    /**
     * One item: its value as evaluated, its class, and (C − L)/L against class III and against the target (NaN for DO
     * and pH, and against the target when there is none).
     */
    public record ItemResult(StandardItem item, double value, WaterClass waterClass, double exceedanceIII,
            double exceedanceTarget) {
    }

    public WaterStatus status() {
        return waterClass.status();
    }

    /** Main pollutants as "总磷(0.50)" style text, joined by "、": names in Chinese with the multiple against III. */
    public String mainPollutantText() {
        StringBuilder sb = new StringBuilder();
        for (ItemResult r : mainPollutants) {
            if (sb.length() > 0) {
                sb.append('、');
            }
            sb.append(r.item().nameZh());
            if (!Double.isNaN(r.exceedanceIII())) {
                sb.append('(').append(String.format(java.util.Locale.ROOT, "%.2f", r.exceedanceIII())).append(')');
            }
        }
        return sb.toString();
    }
}
