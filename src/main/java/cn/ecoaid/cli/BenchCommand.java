package cn.ecoaid.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bench <what>}: benchmarks that print measured figures (docs/benchmarks.md records them with this command).
 * Each capability adds its own subcommand class here.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print the measured figures",
        subcommands = {
            FoundationBench.WorkspaceBench.class,
            FoundationBench.StartupBench.class,
            InventoryBenchCommand.class,
            AirBenchCommand.class,
            MapBenchCommand.class,
            WaterBenchCommand.class,
            ReportBenchCommand.class,
            SyncBenchCommand.class,
            PmfBenchCommand.class
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
