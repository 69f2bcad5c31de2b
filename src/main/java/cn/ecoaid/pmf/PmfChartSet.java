package cn.ecoaid.pmf;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.report.AirCharts;
import cn.ecoaid.report.PmfCharts;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The charts of a PMF result as the page and {@code pmf --charts} show them: titles in the user's language, factors
 * named, contributions normalised to mean 1, and the mean contribution to the total variable ({@link PmfCharts} draws).
 */
public final class PmfChartSet {
    /** The size charts are laid out at (drawn at twice that for print). */
    public static final int WIDTH = 760;
    public static final int HEIGHT = 420;

    private PmfChartSet() {
    }

    /** The factors' names: the confirmed ones, else "因子 k" (1-based). */
    public static List<String> names(int factors, List<String> confirmed) {
        List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < factors; k++) {
            String c = confirmed != null && k < confirmed.size() ? confirmed.get(k) : null;
            out.add(c == null || c.isBlank() ? Messages.get("pmf.ui.factor", k + 1) : c.strip());
        }
        return out;
    }

    /** The charts of a PMF result. */
    public enum Kind { PROFILE, CONTRIBUTIONS, PIE, GSPACE }

    /**
     * The chart {@code kind} of result {@code r}, titled with the factors' {@code names}, for factor {@code a} (and
     * {@code b}, the y axis of the G-space plot), both 0-based.
     */
    public static JFreeChart of(Kind kind, PmfResults r, List<String> names, int a, int b) {
        return switch (kind) {
            case PROFILE -> {
                double[] pct = new double[r.species().size()];
                for (int j = 0; j < pct.length; j++) {
                    pct[j] = r.percentOfSpecies(a, j);
                }
                yield PmfCharts.profile(Messages.get("pmf.charts.profileTitle", names.get(a)), Messages.get("pmf.charts.percent"),
                        r.species(), pct);
            }
            case CONTRIBUTIONS -> PmfCharts.contributions(Messages.get("pmf.charts.contribTitle", names.get(a)),
                    Messages.get("pmf.charts.sample"), Messages.get("pmf.charts.normalised"), normalised(r, a));
            case PIE -> {
                int t = r.species().indexOf(PreparedInput.totalVariable(r.species()));
                yield PmfCharts.meanPie(t >= 0 ? Messages.get("pmf.charts.pieTitle", r.species().get(t)) : Messages.get("pmf.charts.pieTitleSum"),
                        names, PmfResults.meanContributions(r.solution(), t));
            }
            case GSPACE -> PmfCharts.gSpace(Messages.get("pmf.charts.gspaceTitle", names.get(a), names.get(b)), names.get(a), names.get(b),
                    normalised(r, a), normalised(r, b));
        };
    }

    /** Writes every chart of {@code r} to {@code dir}: profile-k and contributions-k per factor, mean-pie, gspace-a-b. */
    public static int writeAll(PmfResults r, List<String> names, java.nio.file.Path dir) {
        int width = WIDTH;
        int height = HEIGHT;
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int p = r.solution().p();
        int files = 0;
        for (int k = 0; k < p; k++) {
            AirCharts.writePng(of(Kind.PROFILE, r, names, k, k), dir.resolve("profile-" + (k + 1) + ".png"), width, height);
            AirCharts.writePng(of(Kind.CONTRIBUTIONS, r, names, k, k), dir.resolve("contributions-" + (k + 1) + ".png"), width, height);
            files += 2;
        }
        AirCharts.writePng(of(Kind.PIE, r, names, 0, 0), dir.resolve("mean-pie.png"), width, height);
        files++;
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                AirCharts.writePng(of(Kind.GSPACE, r, names, a, b), dir.resolve("gspace-" + (a + 1) + "-" + (b + 1) + ".png"),
                        width, height);
                files++;
            }
        }
        return files;
    }

    /** Factor k's contributions divided by their mean over the samples (mean 1). */
    public static double[] normalised(PmfResults r, int k) {
        int n = r.samples().size();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += r.contribution(i, k) / n;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean > 0 ? r.contribution(i, k) / mean : 0;
        }
        return out;
    }

}
