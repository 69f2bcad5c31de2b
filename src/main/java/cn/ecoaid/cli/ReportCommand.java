package cn.ecoaid.cli;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.report.DocxReport;
import cn.ecoaid.report.XlsxReport;
import cn.ecoaid.solution.SolutionDocument;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report docx|xlsx}: the Word report and the Excel workbook of a solution package. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Word and Excel reports of a solution package",
        subcommands = {ReportCommand.Docx.class, ReportCommand.Xlsx.class})
public final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static class Common {
        @Option(names = "--workspace", required = true, description = "workspace file")
        Path workspace;

        @Option(names = "--package", required = true, description = "package id or title")
        String pkg;

        @Option(names = "--out", required = true, description = "file to write")
        Path out;
    }

    @Command(name = "docx", mixinStandardHelpOptions = true, description = "Word report (cover, contents, chapters, measures, roadmap); --lang en for English")
    static final class Docx implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Common c;

        @Option(names = "--template", description = "a .docx whose styles (Heading1–3, Caption, TOC1–2) the report uses")
        Path template;

        @Override
        public void run() {
            try (Workspace ws = Workspace.open(c.workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                SolutionPackage p = SolutionWiring.find(ws, c.pkg);
                SolutionDocument d = SolutionDocument.collect(ws.solutions(), SolutionWiring.blockSources(ws),
                        SolutionWiring.context(ws, Clock.systemUTC()), p.id());
                new DocxReport(Messages.current()).write(d, c.out, Optional.ofNullable(template));
                spec.commandLine().getOut().println(Messages.get("solution.cli.report", p.title(), c.out));
            }
        }
    }

    @Command(name = "xlsx", mixinStandardHelpOptions = true, description = "Excel workbook: one sheet per dataset, totals as formulas")
    static final class Xlsx implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Common c;

        @Override
        public void run() {
            try (Workspace ws = Workspace.open(c.workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                SolutionPackage p = SolutionWiring.find(ws, c.pkg);
                SolutionDocument d = SolutionDocument.collect(ws.solutions(), SolutionWiring.blockSources(ws),
                        SolutionWiring.context(ws, Clock.systemUTC()), p.id());
                new XlsxReport(Messages.current()).write(d, c.out);
                spec.commandLine().getOut().println(Messages.get("solution.cli.report", p.title(), c.out));
            }
        }
    }
}
