package cn.ecoaid.pmf;

/**
 * One fitted model: contributions {@code w} (n×p, row-major), profiles {@code h} (p×m), its Q values, the iterations
 * taken and whether the convergence test was met, and the seed it was started from (-1 for given initial matrices).
 */
public record Solution(long seed, int n, int m, int p, double[] w, double[] h, double qTrue, double qRobust,
        int iterations, boolean converged, double seconds) {
}
