package cn.ecoaid.cli;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.DeviceKey;
import cn.ecoaid.solution.FrozenVersion;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.MeasureImport;
import cn.ecoaid.solution.MeasureStatus;
import cn.ecoaid.solution.MeasureType;
import cn.ecoaid.solution.Milestone;
import cn.ecoaid.solution.PackageArchive;
import cn.ecoaid.solution.PackageVersions;
import cn.ecoaid.solution.Scope;
import cn.ecoaid.solution.Section;
import cn.ecoaid.solution.SectionKind;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.solution.TrackingRecord;
import cn.ecoaid.store.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code package …}: assemble a solution package, freeze signed versions, export, verify and import them. */
@Command(name = "package", mixinStandardHelpOptions = true, description = "Solution packages (一市一策): create, measures, roadmap, tracking, versions",
        subcommands = {PackageCommand.Create.class, PackageCommand.ListPackages.class, PackageCommand.SectionCmd.class,
            PackageCommand.MeasureCmd.class, PackageCommand.MilestoneCmd.class, PackageCommand.TrackCmd.class,
            PackageCommand.Attach.class, PackageCommand.Freeze.class, PackageCommand.Versions.class, PackageCommand.Compare.class, PackageCommand.Export.class,
            PackageCommand.Verify.class, PackageCommand.Import.class,
            PackageCommand.Publish.class})
public final class PackageCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Workspace open(Path file) {
        return Workspace.open(file, Clock.systemUTC(), WorkspaceCommand.author());
    }

    static class Target {
        @Option(names = "--workspace", required = true, description = "workspace file")
        Path workspace;

        @Option(names = "--package", required = true, description = "package id or title")
        String pkg;
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E v : type.getEnumConstants()) {
                names.add(v.name().toLowerCase(Locale.ROOT));
            }
            throw new EcoAidException("solution.cli.badValue", what, text, String.join(", ", names));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a package")
    static final class Create implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true)
        Path workspace;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--city", description = "city, river, park or enterprise (default: the project's city)")
        String city;

        @Option(names = "--team", description = "who prepared it (default: the project name)")
        String team;

        @Option(names = "--scope", defaultValue = "city", description = "city, river, park or enterprise (default: ${DEFAULT-VALUE})")
        String scope;

        @Override
        public void run() {
            try (Workspace ws = open(workspace)) {
                SolutionPackage p = SolutionPackage.create(parseEnum(Scope.class, scope, "--scope"), title,
                        city == null ? ws.project().cityName() : city, team == null ? ws.project().name() : team);
                ws.solutions().addPackage(p);
                spec.commandLine().getOut().println(Messages.get("solution.cli.created", p.title(), p.id()));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List packages with their measures and versions")
    static final class ListPackages implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true)
        Path workspace;

        @Override
        public void run() {
            try (Workspace ws = open(workspace)) {
                for (SolutionPackage p : ws.solutions().packages()) {
                    spec.commandLine().getOut().println(Messages.get("solution.cli.listLine", p.id(), p.title(),
                            ws.solutions().measures(p.id()).size(), ws.solutions().versions(p.id()).size()));
                }
            }
        }
    }

    @Command(name = "section", mixinStandardHelpOptions = true, description = "Set a section's text and live blocks")
    static final class SectionCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Target t;

        @Option(names = "--kind", required = true, description = "diagnosis, sources, inventory, reduction, measures, roadmap, effect, technologies")
        String kind;

        @Option(names = "--text", description = "the section's text (blank lines separate paragraphs)")
        String text;

        @Option(names = "--text-file", description = "UTF-8 text file with the section's text")
        Path textFile;

        @Option(names = "--block", description = "a live block: SOURCE or SOURCE:key=value,key=value (e.g. sites, inventory-totals:activities=a.csv)")
        List<String> blocks = new ArrayList<>();

        @Option(names = "--chart", description = "draw the blocks as charts as well")
        boolean chart;

        @Override
        public void run() {
            String body = text == null ? "" : text.replace("\\n", "\n");
            if (textFile != null) {
                try {
                    body = Files.readString(textFile, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new EcoAidException(e, "error.file.read", textFile, e.getMessage());
                }
            }
            List<BlockRef> refs = new ArrayList<>();
            for (String b : blocks) {
                int colon = b.indexOf(':');
                Map<String, String> params = new LinkedHashMap<>();
                if (colon > 0) {
                    for (String kv : b.substring(colon + 1).split(",")) {
                        int eq = kv.indexOf('=');
                        if (eq > 0) {
                            params.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                        }
                    }
                }
                refs.add(new BlockRef(colon > 0 ? b.substring(0, colon).strip() : b.strip(), params, chart));
            }
            try (Workspace ws = open(t.workspace)) {
                SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                SectionKind k = parseEnum(SectionKind.class, kind, "--kind");
                for (BlockRef ref : refs) {
                    // Render once now so a bad source or parameter fails here, not in the report.
                    SolutionWiring.blockSources(ws).render(ref, SolutionWiring.context(ws, Clock.systemUTC()));
                }
                ws.solutions().saveSection(new Section(Ids.newId(), p.id(), k, body, refs));
                spec.commandLine().getOut().println(Messages.get("solution.cli.section",
                        Messages.get("solution.section." + k.name()), refs.size()));
            }
        }
    }

    @Command(name = "measure", mixinStandardHelpOptions = true, description = "Add or import measures",
            subcommands = {MeasureCmd.Add.class, MeasureCmd.ImportFile.class, MeasureCmd.Status.class})
    static final class MeasureCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Add one measure")
        static final class Add implements Runnable {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @CommandLine.Mixin
            Target t;

            @Option(names = "--name", required = true)
            String name;

            @Option(names = "--type", required = true, description = "structural, engineering, management, emergency")
            String type;

            @Option(names = "--sector")
            String sector;

            @Option(names = "--sources", description = "sources targeted")
            String sources;

            @Option(names = "--owner", description = "responsible unit")
            String owner;

            @Option(names = "--start", description = "YYYY-MM-DD")
            LocalDate start;

            @Option(names = "--end", description = "YYYY-MM-DD")
            LocalDate end;

            @Option(names = "--cost", description = "10⁴ yuan (万元)")
            Double cost;

            @Option(names = "--reduction", description = "POLLUTANT=t/a, repeatable (e.g. PM2.5=120)")
            Map<String, Double> reductions = new LinkedHashMap<>();

            @Option(names = "--status", defaultValue = "planned", description = "planned, in_progress, done, delayed, cancelled")
            String status;

            @Option(names = "--scenario", description = "inventory scenario the reduction was estimated in")
            String scenario;

            @Option(names = "--indicator", description = "tracking indicator, repeatable")
            List<String> indicators = new ArrayList<>();

            @Override
            public void run() {
                try (Workspace ws = open(t.workspace)) {
                    SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                    Measure m = new Measure(Ids.newId(), p.id(), name, parseEnum(MeasureType.class, type, "--type"), sector, sources,
                            owner, start, end, cost, reductions, scenario, parseEnum(MeasureStatus.class, status, "--status"), indicators);
                    ws.solutions().addMeasure(m);
                    spec.commandLine().getOut().println(Messages.get("solution.cli.measure", m.name(), m.id()));
                }
            }
        }

        @Command(name = "import", mixinStandardHelpOptions = true, description = "Import measures from CSV/XLSX or JSON (docs/formats.md)")
        static final class ImportFile implements Runnable {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @CommandLine.Mixin
            Target t;

            @Parameters(index = "0", description = "measures file (.csv, .xlsx or .json)")
            Path file;

            @Override
            public void run() {
                try (Workspace ws = open(t.workspace)) {
                    SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                    List<Measure> measures;
                    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                        try {
                            measures = MeasureImport.fromJson(Files.readString(file, StandardCharsets.UTF_8), p.id());
                        } catch (IOException e) {
                            throw new EcoAidException(e, "error.file.read", file, e.getMessage());
                        }
                    } else {
                        measures = MeasureImport.fromTable(TableFiles.read(file), p.id());
                    }
                    for (Measure m : measures) {
                        ws.solutions().addMeasure(m);
                    }
                    spec.commandLine().getOut().println(Messages.get("solution.cli.imported", measures.size(), p.title()));
                }
            }
        }

        @Command(name = "status", mixinStandardHelpOptions = true, description = "Change a measure's status")
        static final class Status implements Runnable {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @CommandLine.Mixin
            Target t;

            @Option(names = "--measure", required = true, description = "measure id or name")
            String measure;

            @Option(names = "--status", required = true)
            String status;

            @Override
            public void run() {
                try (Workspace ws = open(t.workspace)) {
                    SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                    Measure m = ws.solutions().measures(p.id()).stream()
                            .filter(x -> x.id().equals(measure) || x.name().equals(measure)).findFirst()
                            .orElseThrow(() -> new EcoAidException("solution.error.notFound", measure));
                    ws.solutions().updateMeasure(m.withStatus(parseEnum(MeasureStatus.class, status, "--status")));
                    spec.commandLine().getOut().println(Messages.get("solution.cli.measure", m.name(), m.id()));
                }
            }
        }
    }

    @Command(name = "milestone", mixinStandardHelpOptions = true, description = "Roadmap milestones", subcommands = MilestoneCmd.Add.class)
    static final class MilestoneCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a milestone (e.g. PM2.5 annual mean ≤ 30 µg/m³ by 2027-12-31)")
        static final class Add implements Runnable {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @CommandLine.Mixin
            Target t;

            @Option(names = "--date", required = true)
            LocalDate date;

            @Option(names = "--indicator", required = true)
            String indicator;

            @Option(names = "--target", required = true)
            double target;

            @Option(names = "--unit", defaultValue = "")
            String unit;

            @Option(names = "--at-least", description = "the indicator must reach at least the target (default: at most)")
            boolean atLeast;

            @Override
            public void run() {
                try (Workspace ws = open(t.workspace)) {
                    SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                    Milestone m = new Milestone(Ids.newId(), p.id(), date, indicator, target, unit,
                            atLeast ? Milestone.Direction.AT_LEAST : Milestone.Direction.AT_MOST);
                    ws.solutions().addMilestone(m);
                    spec.commandLine().getOut().println(Messages.get("solution.cli.milestone", m.indicator(), m.date()));
                }
            }
        }
    }

    @Command(name = "track", mixinStandardHelpOptions = true, description = "Effect tracking records", subcommands = TrackCmd.Add.class)
    static final class TrackCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Record an indicator value on a date")
        static final class Add implements Runnable {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @CommandLine.Mixin
            Target t;

            @Option(names = "--indicator", required = true)
            String indicator;

            @Option(names = "--date", required = true)
            LocalDate date;

            @Option(names = "--value", required = true)
            double value;

            @Option(names = "--unit", defaultValue = "")
            String unit;

            @Option(names = "--measure", description = "measure id this value tracks")
            String measure;

            @Override
            public void run() {
                try (Workspace ws = open(t.workspace)) {
                    SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                    ws.solutions().addTracking(new TrackingRecord(Ids.newId(), p.id(), measure, indicator, date, value, unit));
                    spec.commandLine().getOut().println(Messages.get("solution.cli.tracked", indicator, date));
                }
            }
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true, description = "Attach a file (map, photo, signed scan) to the package")
    static final class Attach implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Target t;

        @Parameters(index = "0")
        Path file;

        @Override
        public void run() {
            byte[] content;
            String type;
            try {
                content = Files.readAllBytes(file);
                type = Files.probeContentType(file);
            } catch (IOException e) {
                throw new EcoAidException(e, "error.file.read", file, e.getMessage());
            }
            try (Workspace ws = open(t.workspace)) {
                SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                var ref = ws.solutionFiles().put(p.id(), file.getFileName().toString(), type, content);
                spec.commandLine().getOut().println(Messages.get("solution.cli.attached", ref.name(), ref.size(), ref.sha256()));
            }
        }
    }

    @Command(name = "freeze", mixinStandardHelpOptions = true, description = "Freeze the package as its next signed version")
    static final class Freeze implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Target t;

        @Option(names = "--key", description = "device key file (default: ~/.ecoaid/device-ed25519.properties)")
        Path key;

        @Override
        public void run() {
            try (Workspace ws = open(t.workspace)) {
                // An enrolled workspace signs with the key it enrolled with, which the platform checks when publishing.
                DeviceKey k = key != null ? DeviceKey.loadOrCreate(key)
                        : cn.ecoaid.sync.PackagePublisher.signingKey(ws, () -> DeviceKey.loadOrCreate(DeviceKey.defaultFile()));
                SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                FrozenVersion v = new PackageVersions(ws.solutions(), ws.solutionFiles(), SolutionWiring.blockSources(ws),
                        Clock.systemUTC()).freeze(p.id(), SolutionWiring.context(ws, Clock.systemUTC()), k, WorkspaceCommand.author());
                spec.commandLine().getOut().println(Messages.get("solution.cli.frozen", p.title(), v.number(), v.records().size(),
                        k.fingerprint(), cn.ecoaid.solution.CanonicalJson.sha256(v.manifest().getBytes(StandardCharsets.UTF_8))));
            }
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true, description = "List the frozen versions")
    static final class Versions implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Target t;

        @Override
        public void run() {
            try (Workspace ws = open(t.workspace)) {
                SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                for (FrozenVersion v : ws.solutions().versions(p.id())) {
                    spec.commandLine().getOut().println(Messages.get("solution.cli.versionLine", v.number(), v.frozenAt(),
                            v.records().size(), cn.ecoaid.solution.CanonicalJson.sha256(v.manifest().getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
    }

    static FrozenVersion version(Workspace ws, SolutionPackage p, Integer number) {
        List<FrozenVersion> all = ws.solutions().versions(p.id());
        if (all.isEmpty()) {
            throw new EcoAidException("solution.cli.noVersion", p.title());
        }
        if (number == null) {
            return all.get(all.size() - 1);
        }
        return all.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new EcoAidException("solution.cli.noSuchVersion", p.title(), number));
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Records added, removed and changed between two versions")
    static final class Compare implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Target t;

        @Option(names = "--from", required = true)
        int from;

        @Option(names = "--to", required = true)
        int to;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            try (Workspace ws = open(t.workspace)) {
                SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                PackageVersions.Comparison c = PackageVersions.compare(version(ws, p, from).manifest(), version(ws, p, to).manifest());
                w.println(Messages.get("solution.cli.compared", from, to, c.added().size(), c.removed().size(), c.changed().size()));
                c.added().forEach(x -> w.println("  + " + x));
                c.removed().forEach(x -> w.println("  - " + x));
                c.changed().forEach(x -> w.println("  ~ " + x));
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a frozen version to one file (zip)")
    static final class Export implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Target t;

        @Option(names = "--number", description = "version number (default: the latest)")
        Integer number;

        @Option(names = "--out", required = true)
        Path out;

        @Override
        public void run() {
            try (Workspace ws = open(t.workspace)) {
                SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                FrozenVersion v = version(ws, p, number);
                PackageArchive.export(v, ws.solutionFiles(), out);
                spec.commandLine().getOut().println(Messages.get("solution.cli.exported", p.title(), v.number(), out));
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check an exported package's hashes and signature")
    static final class Verify implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0")
        Path file;

        @Override
        public void run() {
            PackageArchive.Content c = PackageArchive.verify(file);
            spec.commandLine().getOut().println(Messages.get("solution.cli.verified", c.manifest().path("title").asText(),
                    c.version(), c.records().size(), c.files().size(), c.fingerprint()));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Verify an exported package and add it to a workspace")
    static final class Import implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true)
        Path workspace;

        @Parameters(index = "0")
        Path file;

        @Override
        public void run() {
            try (Workspace ws = open(workspace)) {
                SolutionPackage p = PackageArchive.importInto(file, ws.solutions(), ws.solutionFiles());
                spec.commandLine().getOut().println(Messages.get("solution.cli.importedPackage", p.title(), p.id()));
            }
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish frozen versions to the platform (team leads); rebases onto a newer platform version")
    static final class Publish implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Target t;

        @Option(names = "--number", description = "publish the unpublished versions up to this number (default: all)")
        Integer number;

        @Override
        public Integer call() {
            try (Workspace ws = open(t.workspace)) {
                SolutionPackage p = SolutionWiring.find(ws, t.pkg);
                java.net.URI server = cn.ecoaid.sync.SyncEngine.enrolledServer(ws)
                        .orElseThrow(() -> new EcoAidException("sync.error.notEnrolled"));
                List<cn.ecoaid.sync.PackagePublisher.Outcome> outcomes = new cn.ecoaid.sync.SyncEngine(ws, server)
                        .publishPackage(p.id(), number == null ? Integer.MAX_VALUE : number);
                if (outcomes.isEmpty()) {
                    spec.commandLine().getOut().println(Messages.get("solution.cli.publishNothing", p.title()));
                }
                int failed = printOutcomes(spec.commandLine().getOut(), spec.commandLine().getErr(), outcomes);
                return failed == 0 ? 0 : 1;
            }
        }
    }

    /** Prints what publishing did, version by version (also after a full {@code sync}); returns the number that failed. */
    static int printOutcomes(java.io.PrintWriter out, java.io.PrintWriter err, List<cn.ecoaid.sync.PackagePublisher.Outcome> outcomes) {
        int failed = 0;
        for (cn.ecoaid.sync.PackagePublisher.Outcome o : outcomes) {
            if (o.error() != null) {
                failed++;
                err.println(Messages.get("solution.cli.publishFailed", o.title(), o.error()));
                continue;
            }
            if (o.rebasedFrom() > 0 && o.onto() == 0) {
                out.println(Messages.get("solution.cli.publishResigned", o.rebasedFrom(), o.publishedNumber()));
            } else if (o.rebasedFrom() > 0) {
                out.println(Messages.get("solution.cli.publishRebased", o.rebasedFrom(), o.onto(), o.publishedNumber(),
                        o.fromTheirs().size(), o.keptMine().isEmpty() ? "—" : String.join(", ", o.keptMine())));
            }
            out.println(Messages.get(o.duplicate() ? "solution.cli.publishKnown" : "solution.cli.published", o.title(),
                    o.publishedNumber(), o.hash()));
        }
        return failed;
    }
}
