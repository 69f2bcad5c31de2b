package cn.ecoaid.water;

import cn.ecoaid.domain.EcoAidException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benthic index of biotic integrity built by {@link BibiBuilder}, with the numbers of every step, so that it can be
 * reviewed, saved as JSON ({@link BibiJson}) and used to score new samples.
 *
 * @param referenceSamples ids of the reference samples; {@code impairedSamples} likewise
 * @param candidates every candidate metric with its box-plot statistics, range test, IQ score and redundancy decision
 * @param correlationMethod "spearman" or "pearson"; {@code correlationMetrics} and {@code correlation} the matrix of
 *     the metrics that passed the IQ test
 * @param scoring the kept metrics and their scoring parameters
 * @param referenceIndex the index of each reference sample; {@code p25} its 25th percentile
 * @param thresholds lower bounds of 健康, 亚健康, 一般, 差 (p25, ¾·p25, ½·p25, ¼·p25); below the last 极差
 * @param built the index and grade of every sample used to build the model
 */
public record BibiModel(String method, List<String> referenceSamples, List<String> impairedSamples,
        List<Candidate> candidates, String correlationMethod, double maxCorrelation, int minIq,
        List<String> correlationMetrics, double[][] correlation, List<Scoring> scoring,
        Map<String, Double> referenceIndex, double p25, double[] thresholds, List<SampleScore> built) {

    /** Box-plot statistics of one group of samples. */
    public record Box(int n, double min, double q1, double median, double q3, double max) {
    }

    /**
     * A candidate metric: group, direction of its response to disturbance (inferred from the medians), statistics of
     * reference and impaired samples, range test (passed and reason key), IQ score 0–3, and the metric it was found
     * redundant with (or null), and whether it is in the index.
     */
    public record Candidate(String metric, String group, String direction, Box reference, Box impaired, boolean rangePassed,
            String rangeReason, int iq, String redundantWith, double redundancyR, boolean kept) {
    }

    /**
     * Ratio scoring of a kept metric: DECREASE (falls with disturbance): score = value / p95; INCREASE: score =
     * (max − value)/(max − p5); capped to [0, 1]. Percentiles and max/min over all samples used to build.
     */
    public record Scoring(String metric, String direction, double p95, double p5, double min, double max) {
        public double score(double value) {
            double s = direction.equals("DECREASE") ? value / p95 : (max - value) / (max - p5);
            if (Double.isNaN(s)) {
                return 0;
            }
            return Math.max(0, Math.min(1, s));
        }
    }

    /** Grades of the index: 健康 … 极差. */
    public enum Grade {
        HEALTHY, SUB_HEALTHY, FAIR, POOR, VERY_POOR;

        public String key() {
            return "water.bibi.grade." + name();
        }
    }

    /** A sample's metric scores, index and grade. */
    public record SampleScore(String sample, String site, String role, Map<String, Double> scores, double index, Grade grade) {
    }

    public Grade grade(double index) {
        for (int i = 0; i < thresholds.length; i++) {
            if (index >= thresholds[i] - 1e-12) {
                return Grade.values()[i];
            }
        }
        return Grade.VERY_POOR;
    }

    /** Scores a new sample from its metric values; every kept metric must be present. */
    public SampleScore score(String sample, String site, String role, Map<String, Double> metrics) {
        Map<String, Double> scores = new LinkedHashMap<>();
        double index = 0;
        for (Scoring s : scoring) {
            Double v = metrics.get(s.metric());
            if (v == null || v.isNaN()) {
                throw new EcoAidException("water.bibi.missingMetric", sample, s.metric());
            }
            double sc = s.score(v);
            scores.put(s.metric(), sc);
            index += sc;
        }
        return new SampleScore(sample, site, role, scores, index, grade(index));
    }
}
