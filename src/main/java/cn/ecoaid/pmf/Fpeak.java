package cn.ecoaid.pmf;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Fpeak rotation (Paatero's FPEAK as used by EPA PMF 5.0): starting from the base model, every iteration adds pulling
 * equations that draw W towards W·T and H towards T⁻¹·H, where T = a·I + (1 − a)·J/p with a = 1 − φ/2 (T keeps the
 * contributions' means, so only the rotation is pulled, not the scale). A positive strength φ moves each sample's
 * contributions towards their mean (G smeared, its columns more alike) and the profiles apart (F sharpened, more zeros);
 * a negative strength does the opposite. The rotation stops where the non-negativity of W and H makes Q resist the pull;
 * the result is re-converged with the pull in place and reported with its Q and dQ against the base. φ = 0 adds no pull
 * and returns the base minimum. Pulling-equation scales: 1 for contributions (normalised to mean 1) and the species mean
 * concentration for profile column j. φ must be below 2 (T invertible).
 */
public final class Fpeak {
    /** One rotated solution: its strength, the solution, and dQ of the minimised objective, Q(robust) and Q(true). */
    public record Result(double strength, Solution solution, double qBase, double dq, double dqRobust,
            double dqTrue) {
    }

    private Fpeak() {
    }

    /** Checks a strength (finite, below 2). */
    public static double check(double strength) {
        if (!Double.isFinite(strength) || strength >= 2) {
            throw new EcoAidException("pmf.error.fpeak", strength);
        }
        return strength;
    }

    public static List<Result> run(PreparedInput in, Solution base, double[] strengths,
            ConstrainedSolver.Options options, ProgressListener listener) {
        for (double s : strengths) {
            check(s);
        }
        List<Result> out = new ArrayList<>();
        for (int r = 0; r < strengths.length; r++) {
            out.add(run(in, base, strengths[r], options, listener));
            listener.progress(r + 1, strengths.length);
        }
        return out;
    }

    public static Result run(PreparedInput in, Solution base, double strength, ConstrainedSolver.Options options,
            ProgressListener listener) {
        check(strength);
        int n = in.rows();
        int m = in.cols();
        int p = base.p();
        long start = System.nanoTime();
        ConstrainedSolver.Spec spec = new ConstrainedSolver.Spec(n, m, p)
                .rotate(strength, Displacement.speciesScale(in.v(), n, m));
        ConstrainedSolver.Result r = ConstrainedSolver.solve(in.v(), in.u(), spec, base.w(), base.h(), options, listener);
        Solution s = new Solution(base.seed(), n, m, p, r.w(), r.h(), r.qTrue(), r.qRobust(), r.iterations(),
                r.converged(), (System.nanoTime() - start) / 1e9);
        double qBase = options.robust() ? base.qRobust() : base.qTrue();
        return new Result(strength, s, qBase, r.q(options.robust()) - qBase, r.qRobust() - base.qRobust(),
                r.qTrue() - base.qTrue());
    }
}
