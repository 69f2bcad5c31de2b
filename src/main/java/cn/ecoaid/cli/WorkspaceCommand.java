package cn.ecoaid.cli;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.Project;
import cn.ecoaid.domain.TeamMember;
import cn.ecoaid.domain.Topic;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workspace init|info}. */
@Command(name = "workspace", mixinStandardHelpOptions = true, description = "Create or describe a workspace file",
        subcommands = {WorkspaceCommand.Init.class, WorkspaceCommand.Info.class})
public final class WorkspaceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String author() {
        String env = System.getenv("ECOAID_AUTHOR");
        return env != null && !env.isBlank() ? env : System.getProperty("user.name", "unknown");
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create a new workspace for a stationed project")
    static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "workspace file to create (e.g. city.ecoaid)")
        Path file;

        @Option(names = "--city-code", required = true, description = "GB/T 2260 administrative code of the city (6 digits)")
        String cityCode;

        @Option(names = "--city-name", required = true, description = "city name, e.g. 示例市")
        String cityName;

        @Option(names = "--name", required = true, description = "project name")
        String name;

        @Option(names = "--start", description = "period start, yyyy-MM-dd")
        LocalDate start;

        @Option(names = "--end", description = "period end, yyyy-MM-dd")
        LocalDate end;

        @Option(names = "--topics", split = ",", description = "topics: ${COMPLETION-CANDIDATES}")
        List<Topic> topics = new ArrayList<>();

        @Option(names = "--member", description = "team member as name:role:organisation (repeatable)")
        List<String> members = new ArrayList<>();

        @Override
        public Integer call() {
            List<TeamMember> team = new ArrayList<>();
            for (String m : members) {
                String[] parts = m.split(":", 3);
                team.add(new TeamMember(Ids.newId(), parts[0], parts.length > 1 ? parts[1] : "",
                        parts.length > 2 ? parts[2] : ""));
            }
            Project p = new Project(Ids.newId(), cityCode, cityName, name, start, end, topics, team);
            try (Workspace ws = Workspace.create(file, p, Clock.systemUTC(), author())) {
                spec.commandLine().getOut().println(Messages.get("cli.workspace.created", ws.file(), p.cityName(), p.name()));
            }
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Print a workspace's project and counts")
    static final class Info implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "workspace file")
        Path file;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(file, Clock.systemUTC(), author())) {
                var out = spec.commandLine().getOut();
                Project p = ws.project();
                Workspace.Summary s = ws.summary();
                ws.migrationBackup().ifPresent(b -> out.println(Messages.get("cli.workspace.migrated", b)));
                out.println(Messages.get("cli.workspace.project", p.name()));
                out.println(Messages.get("cli.workspace.city", p.cityName(), p.cityCode()));
                if (p.periodStart() != null || p.periodEnd() != null) {
                    out.println(Messages.get("cli.workspace.period", p.periodStart() == null ? "" : p.periodStart(),
                            p.periodEnd() == null ? "" : p.periodEnd()));
                }
                for (TeamMember m : p.team()) {
                    out.println(Messages.get("cli.workspace.member", m.name(), m.role(), m.organisation()));
                }
                out.println(Messages.get("cli.workspace.counts", s.sites(), s.pendingOperations()));
                out.println(Messages.get("cli.workspace.schema", ws.schemaVersion()));
            }
            return 0;
        }
    }
}
