package cn.ecoaid.cli;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.Bootstrap;
import cn.ecoaid.pmf.Constraints;
import cn.ecoaid.pmf.Displacement;
import cn.ecoaid.pmf.Fpeak;
import cn.ecoaid.pmf.Method;
import cn.ecoaid.pmf.PmfData;
import cn.ecoaid.pmf.PmfFiles;
import cn.ecoaid.pmf.PmfOutput;
import cn.ecoaid.pmf.PmfRunner;
import cn.ecoaid.pmf.PmfResults;
import cn.ecoaid.pmf.PmfRuns;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.RotationOutput;
import cn.ecoaid.pmf.SavedPmfRun;
import cn.ecoaid.pmf.Solution;
import cn.ecoaid.pmf.UncertaintyBuilder;
import cn.ecoaid.store.Workspace;
import java.time.Clock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pmf}: positive matrix factorisation of a PMF 5.0 / ESAT style dataset, several seeded models in parallel. */
@Command(name = "pmf", mixinStandardHelpOptions = true,
        description = "Source apportionment by positive matrix factorisation (PMF 5.0 / ESAT input layout)")
public final class PmfCommand implements Runnable {
    /** Names taken as the total variable (weak by default) when --total is not given. */

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--conc", required = true, description = "concentrations (CSV/XLSX: sample id or date, then species)")
    Path conc;

    @Option(names = "--unc", description = "uncertainties of the same shape (or give --species-table)")
    Path unc;

    @Option(names = "--species-table", description = "species, mdl, error_fraction: build uncertainties by the PMF 5.0 rule")
    Path speciesTable;

    @Option(names = "--extra-unc", defaultValue = "0", description = "extra modelling uncertainty in percent, 0-25 (with --species-table)")
    double extraUnc;

    @Option(names = "--factors", required = true)
    int factors;

    @Option(names = "--models", defaultValue = "20")
    int models;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--method", defaultValue = "als", description = "als (alternating NNLS, default), als-deep (ALS with restarts and factor re-seeding) or ls-nmf (ESAT)")
    String method;

    @Option(names = "--robust", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "robust mode (alpha 4; best model by Q(robust)); --no-robust: plain least squares, best by Q(true)")
    boolean robust;

    @Option(names = "--hops", defaultValue = "0", description = "als: basin-hopping restarts per model after convergence (default 0)")
    int hops;

    @Option(names = "--charts", description = "also draw the charts (PNG) into DIR/charts: profiles, contributions, mean pie, G-space")
    boolean charts;

    @Option(names = "--contribution-lower", defaultValue = "0",
            description = "als, als-deep: let each factor's contributions go down to -F x its mean contribution, as PMF 5.0 shows"
                    + " slightly negative contributions (default 0: strictly non-negative)")
    double contributionLower;

    @Option(names = "--bootstrap", defaultValue = "0", description = "block-bootstrap runs of the best model (e.g. 100; 0 = none)")
    int bootstrap;

    @Option(names = "--init-w", description = "initial W (n x p, no header), with --init-h: one model from these")
    Path initW;

    @Option(names = "--init-h", description = "initial H (p x m, no header)")
    Path initH;

    @Option(names = "--weak", split = ",", description = "species forced weak (uncertainty x3)")
    List<String> weak = new ArrayList<>();

    @Option(names = "--bad", split = ",", description = "species excluded")
    List<String> bad = new ArrayList<>();

    @Option(names = "--total", description = "the total variable (weak unless --bad); default: TNMOC, TVOC, PM2.5 … if present")
    String total;

    @Option(names = "--all-strong", description = "keep every species strong unless --weak/--bad (ESAT's default) instead of S/N suggestions")
    boolean allStrong;

    @Option(names = "--float32", description = "round inputs to float32 first, as ESAT hands them to its solver")
    boolean float32;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--disp", description = "displacement (DISP) of the best model: DIR/disp.csv and a disp section in summary.json")
    boolean disp;

    @Option(names = "--disp-dq", split = ",", defaultValue = "4,8,16,32", description = "dQmax levels of DISP (default 4,8,16,32)")
    double[] dispDq;

    @Option(names = "--fpeak", split = ",", description = "Fpeak strengths, e.g. -0.5,0.5 (below 2): DIR/fpeak-<s>/ and dQ in summary.json")
    double[] fpeak = new double[0];

    @Option(names = "--constraints", description = "constraint table (kind,target,factor,species_or_sample,value,dq_percent): DIR/constrained/")
    Path constraints;

    @Option(names = "--out", description = "folder for summary.json, profiles, contributions … (optional with --save)")
    Path out;

    @Option(names = "--workspace", description = "workspace to keep the run in (with --save)")
    Path workspace;

    @Option(names = "--save", description = "keep the run in the workspace under this name (data, settings, seeds, results)")
    String save;

    @Option(names = "--factor-names", split = ",", description = "confirmed factor names, in factor order (with --save)")
    List<String> factorNames = new ArrayList<>();

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        if ((workspace == null) != (save == null)) {
            throw new EcoAidException("pmf.cli.saveNeedsWorkspace");
        }
        if (out == null && save == null) {
            throw new EcoAidException("pmf.cli.noOut");
        }
        if (out == null && (disp || fpeak.length > 0 || constraints != null)) {
            throw new EcoAidException("pmf.cli.rotationNeedsOut");
        }
        PmfData data = load();
        if (float32) {
            data = new PmfData(data.samples(), data.species(), round(data.x()), round(data.u()));
        }
        String totalVar = total;
        if (totalVar == null && !allStrong) {
            totalVar = PreparedInput.totalVariable(data.species());
        }
        Set<String> b = new LinkedHashSet<>(bad);
        checkNames(data, weak);
        checkNames(data, bad);
        PreparedInput in = PreparedInput.prepare(data, !allStrong, new LinkedHashSet<>(weak), b, totalVar);
        PmfRunner.Settings s = PmfRunner.Settings.of(factors, models, seed, Method.parse(method), robust);
        if (threads != null) {
            s = s.withThreads(threads);
        }
        s = s.withHops(hops);
        if (contributionLower < 0 || contributionLower > 1) {
            throw new EcoAidException("pmf.cli.contributionLower", contributionLower);
        }
        if (contributionLower > 0) {
            s = s.withAls(s.als().withWLower(contributionLower));
        }
        PmfRunner.Batch batch;
        double[] w0 = null;
        double[] h0 = null;
        if (initW != null || initH != null) {
            if (initW == null || initH == null) {
                throw new EcoAidException("pmf.error.initBoth");
            }
            w0 = PmfFiles.flatten(PmfFiles.readMatrix(initW), in.rows(), factors, initW.toString());
            h0 = PmfFiles.flatten(PmfFiles.readMatrix(initH), factors, in.cols(), initH.toString());
            Solution one = PmfRunner.runOne(in, s, w0, h0, -1, ProgressListener.NONE);
            batch = new PmfRunner.Batch(s, List.of(one), 0);
        } else {
            batch = PmfRunner.run(in, s, modelProgress(w));
        }
        if (out != null) {
            PmfOutput.write(out, in, batch);
        }
        Solution best = batch.bestModel();
        if (save != null) {
            keep(w, in, batch, totalVar, w0, h0);
        }
        if (charts && out != null) {
            Path dir = out.resolve("charts");
            int files = cn.ecoaid.pmf.PmfChartSet.writeAll(new PmfResults(in, best),
                    cn.ecoaid.pmf.PmfChartSet.names(best.p(), factorNames), dir);
            w.println(Messages.get("pmf.cli.charts", dir, files));
        }
        if (bootstrap > 0 && out != null) {
            Bootstrap.Settings bs = Bootstrap.Settings.defaults(seed).withRuns(bootstrap);
            Bootstrap.Result br = Bootstrap.run(in, best, bs, ProgressListener.NONE);
            PmfOutput.writeBootstrap(out, new PmfResults(in, best), br);
            w.println(Messages.get("pmf.cli.bootstrap", bootstrap, br.blockSize(), out));
        }
        if (disp || fpeak.length > 0 || constraints != null) {
            printRotation(w, RotationOutput.run(out, in, batch, new RotationOutput.Request(disp, dispDq, fpeak,
                    constraints == null ? null : TableFiles.read(constraints),
                    constraints == null ? null : constraints.getFileName().toString(),
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads), tenths(w)));
        }
        w.println(Messages.get("pmf.cli.done", batch.best() + 1, String.valueOf(best.seed()),
                String.format("%.4f", best.qTrue()), String.format("%.4f", best.qRobust()),
                String.valueOf(best.iterations()), out == null ? workspace : out));
    }

    private void keep(PrintWriter w, PreparedInput in, PmfRunner.Batch batch, String totalVar, double[] w0, double[] h0) {
        java.util.Map<SavedPmfRun.Role, Path> sources = new java.util.EnumMap<>(SavedPmfRun.Role.class);
        sources.put(SavedPmfRun.Role.SOURCE_CONC, conc);
        if (unc != null) {
            sources.put(SavedPmfRun.Role.SOURCE_UNC, unc);
        } else if (speciesTable != null) {
            sources.put(SavedPmfRun.Role.SOURCE_SPECIES, speciesTable);
        }
        SavedPmfRun.Preparation prep = new SavedPmfRun.Preparation(weak, bad, totalVar, !allStrong,
                unc == null ? extraUnc : 0, float32);
        try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
            SavedPmfRun kept = PmfRuns.save(ws.pmf(), save, in, batch, prep, w0, h0, sources, factorNames);
            w.println(Messages.get("pmf.cli.saved", kept.name(), kept.models().size(), workspace));
        }
    }

    /** Prints "model k of n done" as each model of a batch finishes. */
    static ProgressListener modelProgress(PrintWriter w) {
        return new ProgressListener() {
            @Override
            public synchronized void progress(long done, long all) {
                w.println(Messages.get("pmf.cli.progress", done, all));
                w.flush();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** Prints DISP progress at every tenth of the elements. */
    private static ProgressListener tenths(PrintWriter w) {
        return new ProgressListener() {
            private long last = -1;

            @Override
            public synchronized void progress(long done, long all) {
                long tenth = done * 10 / Math.max(1, all);
                if (tenth != last) {
                    last = tenth;
                    w.println(Messages.get("pmf.cli.dispProgress", done, all));
                    w.flush();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    private static void printRotation(PrintWriter w, RotationOutput.Report r) {
        if (r.disp() != null) {
            Displacement.Result d = r.disp();
            w.println(Messages.get("pmf.cli.disp", String.format("%.4f", d.largestDecrease()),
                    java.util.Arrays.stream(d.swaps()[d.swaps().length - 1]).sum(), d.levels()[d.levels().length - 1]));
            if (d.baseNotMinimum()) {
                w.println(Messages.get("pmf.cli.dispNotMinimum"));
            }
        }
        for (Fpeak.Result f : r.fpeak()) {
            w.println(Messages.get("pmf.cli.fpeak", String.valueOf(f.strength()), String.format("%.4f", f.solution().qRobust()),
                    String.format("%.4f", f.solution().qTrue()), String.format("%.4f", f.dq()), RotationOutput.fpeakFolder(f.strength())));
        }
        if (r.constrained() != null) {
            Constraints.Result c = r.constrained();
            w.println(Messages.get("pmf.cli.constrained", String.format("%.4f", c.solution().qRobust()),
                    String.format("%.4f", c.solution().qTrue()), String.format("%.4f", c.dq()),
                    Double.isNaN(c.budget()) ? "-" : String.format("%.4f", c.budget()),
                    Messages.get(c.budgetMet() ? "pmf.ui.yes" : "pmf.ui.no")));
        }
    }

    private PmfData load() {
        if (unc != null) {
            return PmfFiles.read(conc, unc);
        }
        if (speciesTable == null) {
            throw new EcoAidException("pmf.error.noUncertainty");
        }
        var specs = UncertaintyBuilder.readSpecies(TableFiles.read(speciesTable), speciesTable.getFileName().toString());
        return UncertaintyBuilder.build(TableFiles.read(conc), conc.getFileName().toString(), specs, extraUnc / 100)
                .data();
    }

    private static void checkNames(PmfData data, List<String> names) {
        for (String n : names) {
            if (data.speciesIndex(n) < 0) {
                throw new EcoAidException("pmf.error.unknownSpecies", n);
            }
        }
    }

    private static double[] round(double[] a) {
        double[] o = new double[a.length];
        for (int c = 0; c < a.length; c++) {
            o[c] = (float) a[c];
        }
        return o;
    }
}
