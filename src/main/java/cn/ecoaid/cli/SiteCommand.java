package cn.ecoaid.cli;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.sites.SiteExport;
import cn.ecoaid.sites.SiteImport;
import cn.ecoaid.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code site import|export}. */
@Command(name = "site", mixinStandardHelpOptions = true, description = "Import or export the sites of a workspace",
        subcommands = {SiteCommand.Import.class, SiteCommand.Export.class})
public final class SiteCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import sites from CSV (UTF-8 or GBK) or .xlsx; Chinese or English headers")
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "workspace file")
        Path workspace;

        @Parameters(index = "1", description = "site file (.csv or .xlsx)")
        Path file;

        @Option(names = "--valid-only", description = "import the valid rows and report the bad ones (default: all or nothing)")
        boolean validOnly;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                SiteImport.Result r = new SiteImport(ws.sites()).importFile(file, validOnly);
                var out = spec.commandLine().getOut();
                out.println(Messages.get("cli.site.imported", r.imported(), r.rows()));
                if (!r.problems().isEmpty()) {
                    out.println(Messages.get("cli.site.skipped", r.problems().size()));
                    Main.printProblems(out, r.problems());
                }
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export the sites to .csv or .xlsx")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "workspace file")
        Path workspace;

        @Parameters(index = "1", description = "output file (.csv or .xlsx)")
        Path file;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                int n = SiteExport.write(ws.sites().list(), file);
                spec.commandLine().getOut().println(Messages.get("cli.site.exported", n, file));
                return 0;
            }
        }
    }
}
