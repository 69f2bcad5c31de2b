package cn.ecoaid.blocks;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.PmfRunRepository;
import cn.ecoaid.pmf.PmfRuns;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.SavedPmfRun;
import cn.ecoaid.pmf.Solution;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.Provenance;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Live block "pmf-factors": the factors of a PMF run kept in the workspace (parameter {@code run=NAME}) with their
 * confirmed names, mean contribution and share, and their top marker species, drawn as a bar chart of the mean
 * contributions ({@code chart=false} leaves the chart out).
 *
 * <p>The mean contribution of factor k is the mean over samples of its contribution to the total variable,
 * mean_i(W[i,k]) · H[k,total] (PMF 5.0's mass apportionment); the total variable is parameter {@code total}, else the
 * run's, else a modelled species named PM2.5, TVOC …; without one it is the sum of the factor's profile over the
 * modelled species. Markers are the {@code markers} (default 3) species of which the factor holds the largest share
 * (% of species), the total variable excepted. Parameter {@code unit} labels the column (default µg/m³).
 */
public final class PmfFactorsBlockSource implements BlockSource {
    public static final String ID = "pmf-factors";
    private final PmfRunRepository runs;

    public PmfFactorsBlockSource(PmfRunRepository runs) {
        this.runs = runs;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Per factor: mean contribution (input units), share in %, and marker species with their % of species. */
    public record FactorRow(int factor, String name, double meanContribution, double percent, List<String> markers,
            List<Double> markerPercents) {
    }

    @Override
    public Block render(BlockRef ref, Context context) {
        String name = ref.params().getOrDefault("run", "").strip();
        if (name.isEmpty()) {
            throw new EcoAidException("solution.block.error.param", ID, "run");
        }
        SavedPmfRun run = runs.findByName(name).orElseThrow(() -> new EcoAidException("pmf.store.notFound", name));
        int markers;
        try {
            markers = Integer.parseInt(ref.params().getOrDefault("markers", "3").strip());
        } catch (NumberFormatException e) {
            throw new EcoAidException("solution.block.error.param", ID, "markers");
        }
        String total = totalVariable(run, ref.params().get("total"));
        List<FactorRow> factors = factors(run, PmfRuns.bestSolution(runs, run), total, markers);
        String unit = ref.params().getOrDefault("unit", "µg/m³").strip();
        List<List<Object>> rows = new ArrayList<>();
        for (FactorRow f : factors) {
            StringBuilder m = new StringBuilder();
            for (int i = 0; i < f.markers().size(); i++) {
                m.append(i == 0 ? "" : ", ").append(f.markers().get(i))
                        .append(String.format(Locale.ROOT, "(%.0f%%)", f.markerPercents().get(i)));
            }
            rows.add(List.of(f.name(), round(f.meanContribution()), String.format(Locale.ROOT, "%.1f%%", f.percent()),
                    m.toString()));
        }
        SavedPmfRun.ModelSummary best = run.bestModel();
        SavedPmfRun.StoredFile conc = run.files().get(SavedPmfRun.Role.CONC);
        String sha = conc == null ? "" : conc.sha256().substring(0, 12);
        String run0 = Messages.get("solution.block.pmf.run", run.settings().method().id(), run.settings().factors(),
                best.model(), run.models().size(), Long.toString(best.seed()), String.format(Locale.ROOT, "%.2f", best.qTrue()),
                String.format(Locale.ROOT, "%.2f", best.qRobust()), run.software());
        String data = Messages.get("solution.block.pmf.data", run.name(), run.samples(), run.modelledSpecies().size(), sha,
                total == null ? Messages.get("solution.block.pmf.noTotal") : total);
        boolean chart = !"false".equalsIgnoreCase(ref.params().getOrDefault("chart", ""));
        return new Block(ID, Messages.get("solution.block.pmf.title", run.name()),
                List.of(Messages.get("solution.block.pmf.factor"), Messages.get("solution.block.pmf.mean", unit),
                        Messages.get("solution.block.pmf.share"), Messages.get("solution.block.pmf.markers")),
                rows, chart, new Provenance(run0, Messages.get("solution.block.pmf.standard"), data));
    }

    /** The total variable used: {@code param} if given (it must be modelled), else the run's, else one by name. */
    static String totalVariable(SavedPmfRun run, String param) {
        List<String> modelled = run.modelledSpecies();
        if (param != null && !param.isBlank()) {
            return modelled.stream().filter(s -> s.equalsIgnoreCase(param.strip())).findFirst()
                    .orElseThrow(() -> new EcoAidException("pmf.error.unknownSpecies", param));
        }
        String t = run.preparation().total();
        if (t != null && modelled.stream().anyMatch(t::equalsIgnoreCase)) {
            return modelled.stream().filter(t::equalsIgnoreCase).findFirst().orElseThrow();
        }
        return PreparedInput.totalVariable(modelled);
    }

    /** The factors of the chosen model {@code s} of {@code run}. */
    public static List<FactorRow> factors(SavedPmfRun run, Solution s, String total, int markers) {
        List<String> species = run.modelledSpecies();
        int n = s.n();
        int m = s.m();
        int p = s.p();
        int t = total == null ? -1 : species.indexOf(total);
        double[] meanW = new double[p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                meanW[k] += s.w()[i * p + k] / n;
            }
        }
        double[][] conc = new double[p][m];
        double[] speciesSum = new double[m];
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < m; j++) {
                conc[k][j] = meanW[k] * s.h()[k * m + j];
                speciesSum[j] += conc[k][j];
            }
        }
        double[] mean = cn.ecoaid.pmf.PmfResults.meanContributions(s, t);
        double all = java.util.Arrays.stream(mean).sum();
        List<FactorRow> out = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            int factor = k;
            List<Integer> top = IntStream.range(0, m).filter(j -> j != t && speciesSum[j] > 0).boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -conc[factor][j] / speciesSum[j]))
                    .limit(Math.max(0, markers)).toList();
            out.add(new FactorRow(k, run.factorName(k), mean[k], all > 0 ? 100 * mean[k] / all : 0,
                    top.stream().map(species::get).toList(),
                    top.stream().map(j -> 100 * conc[factor][j] / speciesSum[j]).toList()));
        }
        return out;
    }

    /** Four significant digits: enough for a report, stable for a frozen record. */
    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(4)).doubleValue();
    }
}
