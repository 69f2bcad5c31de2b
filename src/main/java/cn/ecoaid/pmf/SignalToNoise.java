package cn.ecoaid.pmf;

/**
 * Signal-to-noise per species by the EPA PMF 5.0 definition (user guide, eq. 5-1/5-2): for each cell
 * {@code d = (x − s)/s} where {@code x > s}, else 0; S/N of a species is the mean of d over the samples.
 */
public final class SignalToNoise {
    private SignalToNoise() {
    }

    public static double[] of(PmfData data) {
        int n = data.rows();
        int m = data.cols();
        double[] sn = new double[m];
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double x = data.x(i, j);
                double s = data.u(i, j);
                if (x > s && s > 0) {
                    sum += (x - s) / s;
                }
            }
            sn[j] = sum / n;
        }
        return sn;
    }
}
