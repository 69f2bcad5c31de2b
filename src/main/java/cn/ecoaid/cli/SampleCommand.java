package cn.ecoaid.cli;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.sample.SampleProject;
import cn.ecoaid.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sample create <file>}: the sample project of the fictional city 示例市, as the start screen builds it. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "The sample project (fictional city 示例市)",
        subcommands = {SampleCommand.Create.class})
public final class SampleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Build the sample project in a new workspace file")
    static final class Create implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "the new workspace file (.ecoaid)")
        Path file;

        @Override
        public void run() {
            try (Workspace ws = SampleProject.create(file, Clock.systemUTC(), WorkspaceCommand.author(), ProgressListener.NONE)) {
                spec.commandLine().getOut().println(Messages.get("sample.cli.created", file, ws.sites().count(),
                        ws.inventories().list().size()));
            }
        }
    }
}
