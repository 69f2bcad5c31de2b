package cn.ecoaid.pmf;

import java.util.List;

/**
 * Derived results of one model, as PMF 5.0 and ESAT report them: profiles in concentration units with each factor's
 * contributions normalised to mean 1, % of species, residuals, observed vs predicted per species and Q/Qexp per
 * species and per sample.
 */
public final class PmfResults {
    private final PreparedInput in;
    private final Solution s;
    private final double[] wNorm;
    private final double[] hConc;
    private final double[] fitted;

    public PmfResults(PreparedInput in, Solution s) {
        this.in = in;
        this.s = s;
        int n = s.n();
        int m = s.m();
        int p = s.p();
        wNorm = new double[n * p];
        hConc = new double[p * m];
        for (int k = 0; k < p; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += s.w()[i * p + k] / n;
            }
            double scale = mean > 0 ? mean : 1;
            for (int i = 0; i < n; i++) {
                wNorm[i * p + k] = s.w()[i * p + k] / scale;
            }
            for (int j = 0; j < m; j++) {
                hConc[k * m + j] = s.h()[k * m + j] * scale;
            }
        }
        fitted = Objective.product(s.w(), s.h(), n, m, p);
    }

    public Solution solution() {
        return s;
    }

    /** The modelled input (for error estimation and rotation of this model). */
    public PreparedInput input() {
        return in;
    }

    public List<String> species() {
        return in.includedSpecies();
    }

    public List<String> samples() {
        return in.data().samples();
    }

    /** Profile of factor k, species j, in concentration units (contributions scaled to mean 1). */
    public double profile(int k, int j) {
        return hConc[k * s.m() + j];
    }

    /** Contribution of factor k to sample i, normalised so each factor's mean is 1. */
    public double contribution(int i, int k) {
        return wNorm[i * s.p() + k];
    }

    /** Share of species j's total profile mass in factor k, in percent. */
    /**
     * Each factor's mean contribution to the total variable with index {@code t} (mean over samples of W[i,k] · H[k,t],
     * PMF 5.0's mass apportionment), or with {@code t < 0} to the sum of the modelled species.
     */
    public static double[] meanContributions(Solution s, int t) {
        int n = s.n();
        int m = s.m();
        int p = s.p();
        double[] meanW = new double[p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                meanW[k] += s.w()[i * p + k] / n;
            }
        }
        double[] mean = new double[p];
        for (int k = 0; k < p; k++) {
            if (t >= 0) {
                mean[k] = meanW[k] * s.h()[k * m + t];
            } else {
                for (int j = 0; j < m; j++) {
                    mean[k] += meanW[k] * s.h()[k * m + j];
                }
            }
        }
        return mean;
    }

    public double percentOfSpecies(int k, int j) {
        double sum = 0;
        for (int l = 0; l < s.p(); l++) {
            sum += hConc[l * s.m() + j];
        }
        return sum > 0 ? 100 * hConc[k * s.m() + j] / sum : 0;
    }

    public double fitted(int i, int j) {
        return fitted[i * s.m() + j];
    }

    /** Residual x − WH. */
    public double residual(int i, int j) {
        return in.v()[i * s.m() + j] - fitted(i, j);
    }

    /** Scaled residual (x − WH)/u, with the uncertainty the solver used (weak tripled). */
    public double scaledResidual(int i, int j) {
        return residual(i, j) / in.u()[i * s.m() + j];
    }

    public double qExpected() {
        return Objective.qExpected(in.strongCells(), s.n(), s.m(), s.p());
    }

    /** Q(true) of species j divided by its share of Q(expected) (Qexp / m). */
    public double qOverQexpSpecies(int j) {
        double q = 0;
        for (int i = 0; i < s.n(); i++) {
            double r = scaledResidual(i, j);
            q += r * r;
        }
        return q / (qExpected() / s.m());
    }

    /** Q(true) of sample i divided by its share of Q(expected) (Qexp / n). */
    public double qOverQexpSample(int i) {
        double q = 0;
        for (int j = 0; j < s.m(); j++) {
            double r = scaledResidual(i, j);
            q += r * r;
        }
        return q / (qExpected() / s.n());
    }

    /** Observed (y) against predicted (x) for species j: {slope, intercept, r²} of the least-squares line. */
    public double[] observedVsPredicted(int j) {
        int n = s.n();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += fitted(i, j) / n;
            my += in.v()[i * s.m() + j] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = fitted(i, j) - mx;
            double dy = in.v()[i * s.m() + j] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double slope = sxx > 0 ? sxy / sxx : Double.NaN;
        double r2 = sxx > 0 && syy > 0 ? sxy * sxy / (sxx * syy) : Double.NaN;
        return new double[] {slope, my - slope * mx, r2};
    }
}
