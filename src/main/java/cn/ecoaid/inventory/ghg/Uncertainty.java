package cn.ecoaid.inventory.ghg;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Uncertainty of a GHG inventory (IPCC 2006 Guidelines Vol. 1 Ch. 3). Uncertainties are half-widths of 95 % intervals in
 * % of the value. Approach 1 (error propagation): U_x = √(U_A² + U_EF²) (eq. 3.2) and U_total = √Σ(U_x·E_x)² / |ΣE_x|
 * (eq. 3.1). Approach 2 (Monte Carlo): activity and factor of every line drawn independently, normal (σ = U/1.96 × μ)
 * or lognormal with the same mean and standard deviation; the total's 2.5 % and 97.5 % percentiles give the interval.
 */
public final class Uncertainty {
    /** One line: central emission (CO2e) and the uncertainties of its activity and factor, %. */
    public record Input(String key, double emission, double uActivityPct, double uFactorPct) {
    }

    /** Approach 1 result: combined uncertainty per line (%), and of the total (%). */
    public record Approach1(double total, double uncertaintyPct, double[] linePct, double[] varianceShare) {
    }

    /** Approach 2 result. */
    public record MonteCarlo(int draws, long seed, double mean, double sd, double p025, double median, double p975,
            double lowerPct, double upperPct) {
        /** Half-width of the 95 % interval in % of the mean. */
        public double halfWidthPct() {
            return (p975 - p025) / 2.0 / mean * 100.0;
        }
    }

    public enum Distribution { NORMAL, LOGNORMAL }

    /** One category in the trend assessment: base-year and current emissions and the current year's uncertainties (%). */
    public record TrendInput(String key, double base, double current, double uActivityPct, double uFactorPct) {
    }

    /**
     * Approach 1 trend uncertainty (IPCC 2006 Guidelines, Vol. 1, Ch. 3, Table 3.2, columns I–M): per category the type A
     * sensitivity (I), type B sensitivity (J), the trend uncertainty introduced by the factor (K = I·F, factors assumed
     * correlated between the years) and by the activity data (L = J·E·√2, uncorrelated), and the total trend (%) with its
     * uncertainty in percentage points, √Σ(K² + L²).
     */
    public record Trend(double baseTotal, double currentTotal, double trendPct, double uncertaintyPoints,
                        double[] sensitivityA, double[] sensitivityB, double[] fromFactor, double[] fromActivity) {
    }

    public static Trend trend(List<TrendInput> lines) {
        double sumC = 0;
        double sumD = 0;
        for (TrendInput l : lines) {
            sumC += l.base();
            sumD += l.current();
        }
        if (sumC == 0) {
            throw new EcoAidException("ghg.error.zeroTotal");
        }
        int n = lines.size();
        double[] a = new double[n];
        double[] b = new double[n];
        double[] k = new double[n];
        double[] lAct = new double[n];
        double m = 0;
        double trend = (sumD - sumC) / sumC * 100;
        for (int i = 0; i < n; i++) {
            TrendInput l = lines.get(i);
            a[i] = (0.01 * l.current() + sumD - (0.01 * l.base() + sumC)) / (0.01 * l.base() + sumC) * 100 - trend;
            b[i] = l.current() / sumC;
            k[i] = a[i] * l.uFactorPct();
            lAct[i] = b[i] * l.uActivityPct() * Math.sqrt(2);
            m += k[i] * k[i] + lAct[i] * lAct[i];
        }
        return new Trend(sumC, sumD, trend, Math.sqrt(m), a, b, k, lAct);
    }

    private Uncertainty() {
    }

    public static Approach1 approach1(List<Input> lines) {
        double total = 0;
        double var = 0;
        double[] u = new double[lines.size()];
        double[] contrib = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Input l = lines.get(i);
            u[i] = Math.sqrt(l.uActivityPct() * l.uActivityPct() + l.uFactorPct() * l.uFactorPct());
            contrib[i] = Math.pow(u[i] * l.emission(), 2);
            var += contrib[i];
            total += l.emission();
        }
        if (total == 0) {
            throw new EcoAidException("ghg.error.zeroTotal");
        }
        for (int i = 0; i < contrib.length; i++) {
            contrib[i] = var == 0 ? 0 : contrib[i] / var;
        }
        return new Approach1(total, Math.sqrt(var) / Math.abs(total), u, contrib);
    }

    /** Approach 2 with {@code draws} seeded draws. */
    public static MonteCarlo monteCarlo(List<Input> lines, int draws, long seed, Distribution dist, ProgressListener progress) {
        if (draws < 100) {
            throw new EcoAidException("ghg.error.fewDraws", draws);
        }
        int n = lines.size();
        double[] mu = new double[n];
        double[] sa = new double[n];
        double[] sf = new double[n];
        for (int i = 0; i < n; i++) {
            Input l = lines.get(i);
            mu[i] = l.emission();
            sa[i] = sigma(l.uActivityPct(), dist);
            sf[i] = sigma(l.uFactorPct(), dist);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] totals = new double[draws];
        for (int d = 0; d < draws; d++) {
            if ((d & 1023) == 0) {
                progress.checkCancelled();
                progress.progress(d, draws);
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += mu[i] * multiplier(rnd, sa[i], dist) * multiplier(rnd, sf[i], dist);
            }
            totals[d] = s;
        }
        double mean = 0;
        for (double t : totals) {
            mean += t;
        }
        mean /= draws;
        double ss = 0;
        for (double t : totals) {
            ss += (t - mean) * (t - mean);
        }
        Arrays.sort(totals);
        double lo = percentile(totals, 0.025);
        double med = percentile(totals, 0.5);
        double hi = percentile(totals, 0.975);
        progress.progress(draws, draws);
        return new MonteCarlo(draws, seed, mean, Math.sqrt(ss / (draws - 1)), lo, med, hi, (mean - lo) / mean * 100.0,
                (hi - mean) / mean * 100.0);
    }

    /** For NORMAL: relative σ = U/196; for LOGNORMAL: σ of the log with the same relative standard deviation. */
    private static double sigma(double uPct, Distribution dist) {
        double rel = uPct / 100.0 / 1.959963984540054;
        return dist == Distribution.NORMAL ? rel : Math.sqrt(Math.log(1 + rel * rel));
    }

    private static double multiplier(SplittableRandom rnd, double s, Distribution dist) {
        if (s == 0) {
            return 1.0;
        }
        double z = rnd.nextGaussian();
        return dist == Distribution.NORMAL ? 1.0 + s * z : Math.exp(s * z - s * s / 2.0);
    }

    /** Linear interpolation between order statistics (type 7). */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        double f = pos - i;
        return i + 1 < sorted.length ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
    }
}
