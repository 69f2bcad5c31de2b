package cn.ecoaid.water;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation of a river, lake or basin from its sections (2011 rules, 河流、流域（水系）水质评价): with fewer than 5
 * sections the concentrations of each item are averaged over the sections and the mean is classified by the single
 * factor method; with 5 or more sections the status follows the class proportions: I–III ≥ 90 % 优; 75 % ≤ I–III &lt;
 * 90 % 良好; I–III &lt; 75 % and 劣V &lt; 20 % 轻度污染; I–III &lt; 75 % and 20 % ≤ 劣V &lt; 40 % 中度污染; 劣V ≥ 40 % 重度污染.
 * With the proportion method the main pollutants are the items with the largest share of sections worse than class III.
 */
public final class RiverEvaluation {
    public static final int PROPORTION_MIN_SECTIONS = 5;

    public enum Method { MEAN_CONCENTRATION, CLASS_PROPORTION }

    /** A section's name and its concentrations (item code → value) for the period. */
    public record Section(String name, Map<String, Double> values) {
    }

    /**
     * @param meanResult the single-factor result of the mean concentrations (MEAN_CONCENTRATION), else null
     * @param sections each section's own result, in input order
     * @param share proportion (0–1) of sections in each class
     * @param mainPollutants item codes (MEAN: the mean's main pollutants; PROPORTION: largest share of sections > III)
     * @param exceedShare for the proportion method, the share of sections worse than class III per item code
     */
    public record Result(Method method, WaterStatus status, SectionResult meanResult, Map<String, SectionResult> sections,
            Map<WaterClass, Double> share, List<String> mainPollutants, Map<String, Double> exceedShare) {
        public double shareIToIII() {
            return share.get(WaterClass.I) + share.get(WaterClass.II) + share.get(WaterClass.III);
        }

        public double shareWorseThanV() {
            return share.get(WaterClass.WORSE_THAN_V);
        }
    }

    private final SectionEvaluator evaluator;

    public RiverEvaluation(SectionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Result evaluate(List<Section> sections, WaterBodyType type) {
        if (sections.isEmpty()) {
            throw new cn.ecoaid.domain.EcoAidException("water.error.noItems");
        }
        Map<String, SectionResult> each = new LinkedHashMap<>();
        Map<WaterClass, Double> share = new EnumMap<>(WaterClass.class);
        for (WaterClass c : WaterClass.values()) {
            share.put(c, 0.0);
        }
        for (Section s : sections) {
            SectionResult r = evaluator.evaluate(s.values(), type, null);
            each.put(s.name(), r);
            share.merge(r.waterClass(), 1.0 / sections.size(), Double::sum);
        }
        if (sections.size() < PROPORTION_MIN_SECTIONS) {
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (Section s : sections) {
                s.values().forEach((k, v) -> {
                    if (v != null && !v.isNaN()) {
                        double[] a = sums.computeIfAbsent(k, x -> new double[2]);
                        a[0] += v;
                        a[1]++;
                    }
                });
            }
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((k, a) -> means.put(k, a[0] / a[1]));
            SectionResult mean = evaluator.evaluate(means, type, null);
            return new Result(Method.MEAN_CONCENTRATION, mean.status(), mean, each, share,
                    mean.mainPollutants().stream().map(r -> r.item().code()).toList(), Map.of());
        }
        Result partial = new Result(Method.CLASS_PROPORTION, null, null, each, share, List.of(), Map.of());
        WaterStatus status = statusByProportion(partial.shareIToIII(), partial.shareWorseThanV());
        Map<String, Double> exceed = new LinkedHashMap<>();
        for (SectionResult r : each.values()) {
            for (SectionResult.ItemResult i : r.items()) {
                exceed.merge(i.item().code(), i.waterClass().worseThan(WaterClass.III) ? 1.0 / sections.size() : 0.0,
                        Double::sum);
            }
        }
        List<String> main = new ArrayList<>();
        if (status.ordinal() > WaterStatus.GOOD.ordinal()) {
            exceed.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                    .limit(3).forEach(e -> main.add(e.getKey()));
        }
        return new Result(Method.CLASS_PROPORTION, status, null, each, share, main, exceed);
    }

    /** The 2011 class-proportion rule; shares in 0–1. */
    public static WaterStatus statusByProportion(double shareIToIII, double shareWorseThanV) {
        double g = shareIToIII * 100;
        double d = shareWorseThanV * 100;
        double eps = 1e-9;
        if (g >= 90 - eps) {
            return WaterStatus.EXCELLENT;
        }
        if (g >= 75 - eps) {
            return WaterStatus.GOOD;
        }
        if (d < 20 - eps) {
            return WaterStatus.LIGHT;
        }
        if (d < 40 - eps) {
            return WaterStatus.MODERATE;
        }
        return WaterStatus.HEAVY;
    }
}
