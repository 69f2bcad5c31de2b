package cn.ecoaid.water;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Single-factor evaluation under GB 3838-2002 and the 2011 rules (地表水环境质量评价办法（试行）): the section's class is
 * the worst class among the evaluation items present (21 items: 表1 without water temperature, TN and fecal
 * coliform); items outside the 21 are ignored here.
 *
 * <p>Main pollutants (sections worse than class III): the items worse than class III ranked by their exceedance
 * multiple (C − C_III)/C_III, largest first, at most three. DO and pH have no exceedance multiple under the rules; when
 * they are worse than class III they are listed after the ranked items (so a section that fails only on DO still names
 * its cause).
 */
public final class SectionEvaluator {
    private final Gb3838 standard;

    public SectionEvaluator(Gb3838 standard) {
        this.standard = standard;
    }

    /**
     * @param values item code → concentration in the unit of 表1 (after the below-detection rule)
     * @param target target class or null
     */
    public SectionResult evaluate(Map<String, Double> values, WaterBodyType type, WaterClass target) {
        List<SectionResult.ItemResult> items = new ArrayList<>();
        WaterClass worst = null;
        for (StandardItem item : standard.evaluationItems(type)) {
            Double v = values.get(item.code());
            if (v == null || v.isNaN()) {
                continue;
            }
            WaterClass c = item.classify(v);
            double exTarget = target == null || target == WaterClass.WORSE_THAN_V ? Double.NaN : item.exceedance(v, target);
            items.add(new SectionResult.ItemResult(item, v, c, item.exceedance(v, WaterClass.III), exTarget));
            worst = worst == null ? c : WaterClass.worst(worst, c);
        }
        if (worst == null) {
            throw new cn.ecoaid.domain.EcoAidException("water.error.noItems");
        }
        List<SectionResult.ItemResult> main = new ArrayList<>();
        if (worst.worseThan(WaterClass.III)) {
            List<SectionResult.ItemResult> ranked = new ArrayList<>(items.stream()
                    .filter(r -> r.waterClass().worseThan(WaterClass.III) && !Double.isNaN(r.exceedanceIII())).toList());
            ranked.sort(Comparator.comparingDouble(SectionResult.ItemResult::exceedanceIII).reversed());
            main.addAll(ranked);
            items.stream().filter(r -> r.waterClass().worseThan(WaterClass.III) && Double.isNaN(r.exceedanceIII()))
                    .forEach(main::add);
        }
        Boolean attained = target == null ? null : !worst.worseThan(target);
        return new SectionResult(worst, List.copyOf(items), List.copyOf(main.subList(0, Math.min(3, main.size()))), target,
                attained);
    }
}
