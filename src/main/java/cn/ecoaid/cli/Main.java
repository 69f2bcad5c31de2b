package cn.ecoaid.cli;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code java -jar ecoaid.jar <command> …}. Each capability adds one command class here.
 * Errors are printed as one translated sentence (plus the bad rows of an import); stack traces only with --verbose.
 */
@Command(name = "ecoaid", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "EcoAid Workbench 生态环境科技帮扶工作台 — command line",
        subcommands = {
            WorkspaceCommand.class,
            SiteCommand.class,
            TemplateCommand.class,
            BenchCommand.class,
            InventoryCommand.class,
            GhgCommand.class,
            SampleCommand.class,
            AirCommand.AqiRun.class, AirCommand.AttainmentRun.class,
            WaterCommand.class,
            MapCommand.class,
            PackageCommand.class,
            LibraryCommand.class,
            ReportCommand.class,
            PlatformCommand.class,
            SyncCommand.class,
            PmfCommand.class,
            PmfRunsCommand.class,
            OfpCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "print stack traces of errors")
    boolean verbose;

    @Option(names = "--lang", scope = CommandLine.ScopeType.INHERIT, description = "zh or en (default: zh, or ECOAID_LANG)")
    void lang(String tag) {
        Messages.setCurrent(Messages.parseLocale(tag));
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line and returns the exit status (0 success, 1 failure, 2 usage error). */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        return run(out, err, args);
    }

    /** Runs with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String env = System.getenv("ECOAID_LANG");
        Messages.setCurrent(Messages.parseLocale(env));
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            report(err, ex, main.verbose);
            return 1;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    static void report(PrintWriter err, Exception ex, boolean verbose) {
        err.println(Messages.get("cli.error", ErrorText.describe(ex)));
        if (ex instanceof ImportRejectedException rejected) {
            printProblems(err, rejected.problems());
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    static void printProblems(PrintWriter w, java.util.List<Problem> problems) {
        for (Problem p : problems) {
            w.println("  " + ErrorText.describe(p));
        }
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"EcoAid Workbench " + cn.ecoaid.domain.BuildInfo.version()};
        }
    }
}
