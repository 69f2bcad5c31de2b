package cn.ecoaid.cli;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.PmfOutput;
import cn.ecoaid.pmf.PmfRunner;
import cn.ecoaid.pmf.PmfRuns;
import cn.ecoaid.pmf.SavedPmfRun;
import cn.ecoaid.pmf.SpeciesCategory;
import cn.ecoaid.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pmf-runs list|show|rerun|names|delete}: PMF runs kept in a workspace with {@code pmf … --save NAME}. */
@Command(name = "pmf-runs", mixinStandardHelpOptions = true,
        description = "PMF runs kept in a workspace (pmf --workspace W --save NAME)",
        subcommands = {PmfRunsCommand.ListRuns.class, PmfRunsCommand.Show.class, PmfRunsCommand.Rerun.class,
            PmfRunsCommand.Names.class, PmfRunsCommand.Delete.class})
public final class PmfRunsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Workspace open(Path file) {
        return Workspace.open(file, Clock.systemUTC(), WorkspaceCommand.author());
    }

    static SavedPmfRun find(Workspace ws, String name) {
        return ws.pmf().findByName(name).orElseThrow(() -> new EcoAidException("pmf.store.notFound", name));
    }

    /** The options every subcommand about one kept run takes. */
    static final class RunRef {
        @Option(names = "--workspace", required = true, description = "workspace file")
        Path workspace;

        @Option(names = "--name", required = true, description = "name of the kept run")
        String name;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The kept runs: name, created, method, factors, models, best Q")
    static final class ListRuns implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true)
        Path workspace;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            try (Workspace ws = open(workspace)) {
                w.println("name\tcreated\tmethod\tfactors\tmodels\tseed\tbest_model\tQ_true\tQ_robust");
                for (SavedPmfRun r : ws.pmf().list()) {
                    SavedPmfRun.ModelSummary b = r.bestModel();
                    w.println(String.join("\t", r.name(), r.createdAt(), r.settings().method().id(),
                            Integer.toString(r.settings().factors()), Integer.toString(r.models().size()),
                            Long.toString(r.settings().seed()), Integer.toString(b.model()), Double.toString(b.qTrue()),
                            Double.toString(b.qRobust())));
                }
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A kept run's settings, models and factor names; --out DIR writes the pmf command's files for it")
    static final class Show implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RunRef run = new RunRef();

        @Option(names = "--out", description = "write summary.json, profiles.csv, contributions.csv … of the kept run")
        Path out;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            try (Workspace ws = open(run.workspace)) {
                SavedPmfRun r = find(ws, run.name);
                PmfRunner.Settings s = r.settings();
                w.println("name: " + r.name());
                w.println("created: " + r.createdAt());
                w.println("software: " + r.software());
                w.println("method: " + s.method().id() + ", robust: " + s.robust() + ", factors: " + s.factors()
                        + ", models: " + s.models() + ", seed: " + s.seed());
                w.println("settings: " + PmfRuns.settingsJson(s));
                w.println("preparation: " + PmfRuns.preparationJson(r.preparation()));
                w.println("data: " + r.samples() + " samples x " + r.species().size() + " species ("
                        + r.modelledSpecies().size() + " modelled); weak: " + names(r, SpeciesCategory.WEAK) + "; bad: "
                        + names(r, SpeciesCategory.BAD));
                w.println("model\tseed\tQ_true\tQ_robust\titerations\tconverged");
                for (SavedPmfRun.ModelSummary m : r.models()) {
                    w.println((m.model() == r.best() + 1 ? "*" : "") + m.model() + "\t" + m.seed() + "\t" + m.qTrue() + "\t"
                            + m.qRobust() + "\t" + m.iterations() + "\t" + m.converged());
                }
                for (int k = 0; k < s.factors(); k++) {
                    w.println("Factor" + (k + 1) + ": " + r.factorName(k));
                }
                r.files().forEach((role, f) -> w.println("file " + role.name().toLowerCase(Locale.ROOT) + ": " + f.fileName()
                        + " sha256 " + f.sha256()));
                if (out != null) {
                    PmfRuns.Replay replay = PmfRuns.replay(ws.pmf(), r);
                    PmfOutput.write(out, replay.input(), PmfRuns.storedBatch(ws.pmf(), r));
                    w.println(Messages.get("pmf.runs.written", out));
                }
            }
        }

        private static String names(SavedPmfRun r, SpeciesCategory c) {
            List<String> n = r.species().stream().filter(x -> x.category() == c).map(SavedPmfRun.SpeciesInfo::species).toList();
            return n.isEmpty() ? "-" : String.join(",", n);
        }
    }

    @Command(name = "rerun", mixinStandardHelpOptions = true,
            description = "Repeat a kept run from its stored data, seeds and settings and compare every model's Q(true)")
    static final class Rerun implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RunRef run = new RunRef();

        @Option(names = "--threads", description = "worker threads (default: all cores; the result does not depend on it)")
        Integer threads;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            try (Workspace ws = open(run.workspace)) {
                SavedPmfRun r = find(ws, run.name);
                PmfRuns.Replay replay = PmfRuns.replay(ws.pmf(), r);
                PmfRunner.Batch again = PmfRuns.rerun(replay,
                        threads == null ? Runtime.getRuntime().availableProcessors() : threads, PmfCommand.modelProgress(w));
                List<PmfRuns.Check> checks = PmfRuns.compare(r, again);
                w.println("model\tseed\tQ_true_stored\tQ_true_rerun\titerations_stored\titerations_rerun\tresult");
                int differ = 0;
                int bits = 0;
                for (PmfRuns.Check c : checks) {
                    differ += c.equal() ? 0 : 1;
                    bits += c.bitForBit() ? 1 : 0;
                    w.println(c.model() + "\t" + c.seed() + "\t" + c.storedQTrue() + "\t" + c.newQTrue() + "\t"
                            + c.storedIterations() + "\t" + c.newIterations() + "\t"
                            + (c.bitForBit() ? "identical" : c.equal() ? "equal" : "DIFFERS"));
                }
                if (differ > 0) {
                    throw new EcoAidException("pmf.runs.differ", differ, checks.size(), r.name());
                }
                w.println(Messages.get("pmf.runs.same", checks.size(), bits, r.name()));
            }
        }
    }

    @Command(name = "names", mixinStandardHelpOptions = true, description = "Set the confirmed factor names of a kept run")
    static final class Names implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RunRef run = new RunRef();

        @Option(names = "--factor-names", required = true, split = ",", description = "names in factor order")
        List<String> factorNames;

        @Override
        public void run() {
            try (Workspace ws = open(run.workspace)) {
                SavedPmfRun r = ws.pmf().setFactorNames(find(ws, run.name).id(), factorNames);
                spec.commandLine().getOut().println(Messages.get("pmf.runs.named", r.name(), String.join(", ", r.factorNames())));
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a kept run (a tombstone that syncs)")
    static final class Delete implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RunRef run = new RunRef();

        @Override
        public void run() {
            try (Workspace ws = open(run.workspace)) {
                ws.pmf().delete(find(ws, run.name).id());
                spec.commandLine().getOut().println(Messages.get("pmf.runs.deleted", run.name));
            }
        }
    }
}
