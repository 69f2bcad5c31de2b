package cn.ecoaid.pmf;

import cn.ecoaid.domain.ProgressListener;
import java.util.SplittableRandom;

/**
 * Alternating NNLS with a search for a deeper minimum inside one model ({@link Method#ALS_DEEP}). Every ALS run ends
 * in an exact local minimum (continuing it changes Q by less than 0.01), and on Baton Rouge the minimum reached
 * depends on the start far more than on the optimiser; so one model here is:
 * <ol>
 * <li><b>restarts</b>: the given start and {@code starts − 1} further random starts (drawn like
 * {@link PmfRunner#initial}), each run to convergence; the lowest is kept;</li>
 * <li><b>factor re-seeding</b> from that minimum: one factor (a column of W and the row of H) is replaced by random
 * values, the whole model re-converged and kept when its objective fell by more than {@code 1e-7} relative. The
 * search stops after {@code patience} replacements in a row that did not help, or {@code maxReseeds} in all.</li>
 * </ol>
 * Each accepted step lowers the objective (Q(true), or Q(robust) in robust mode), so the result is never worse than
 * plain ALS from the same start. All random draws come from a generator seeded with the model's seed, so a model is
 * reproducible from its seed whatever the thread it runs on.
 */
public final class AlsSearch {
    /** Search effort: restarts per model, re-seeding patience (0 = the factor count) and the re-seeding cap. */
    public record Options(int starts, int patience, int maxReseeds) {
        public static Options defaults() {
            return new Options(4, 0, 40);
        }
    }

    /** Salt for the model's search generator, so its draws differ from the model's own start. */
    private static final long SALT = 0x9E3779B97F4A7C15L;

    private AlsSearch() {
    }

    public static Solution run(double[] v, double[] u, int n, int m, int p, double[] w0, double[] h0, long seed,
            AlsNmf.Options als, Options opt, ProgressListener listener) {
        long start = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed ^ SALT);
        Solution best = AlsNmf.descend(v, u, n, m, p, w0, h0, seed, als, listener);
        int iterations = best.iterations();
        for (int s = 1; s < opt.starts(); s++) {
            double[][] init = PmfRunner.initial(v, n, m, p, r.nextLong());
            Solution t = AlsNmf.descend(v, u, n, m, p, init[0], init[1], seed, als, listener);
            iterations += t.iterations();
            if (objective(t, als) < objective(best, als)) {
                best = t;
            }
        }
        int patience = opt.patience() > 0 ? opt.patience() : p;
        int fails = 0;
        for (int tries = 0; tries < opt.maxReseeds() && fails < patience && p > 1; tries++) {
            int k = r.nextInt(p);
            double[][] fresh = PmfRunner.initial(v, n, m, p, r.nextLong());
            double[] w = best.w().clone();
            double[] h = best.h().clone();
            for (int i = 0; i < n; i++) {
                w[i * p + k] = fresh[0][i * p + k];
            }
            System.arraycopy(fresh[1], k * m, h, k * m, m);
            Solution t = AlsNmf.descend(v, u, n, m, p, w, h, seed, als, listener);
            iterations += t.iterations();
            if (objective(t, als) < objective(best, als) * (1 - 1e-7)) {
                best = t;
                fails = 0;
            } else {
                fails++;
            }
        }
        return new Solution(seed, n, m, p, best.w(), best.h(), best.qTrue(), best.qRobust(), iterations,
                best.converged(), (System.nanoTime() - start) / 1e9);
    }

    private static double objective(Solution s, AlsNmf.Options als) {
        return als.robust() ? s.qRobust() : s.qTrue();
    }
}
