package cn.ecoaid.cli;

import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.library.LibraryContent;
import cn.ecoaid.library.LibraryKind;
import cn.ecoaid.library.LibrarySearch;
import cn.ecoaid.library.LibraryVersion;
import cn.ecoaid.store.SqliteLibraryRepository;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.sync.LibrarySync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code library list|search}: the reference libraries pulled from the platform, browsed offline. */
@Command(name = "library", mixinStandardHelpOptions = true,
        description = "Browse the reference libraries pulled from the platform (offline)",
        subcommands = {LibraryCommand.ListVersions.class, LibraryCommand.Search.class, LibraryCommand.Upload.class})
public final class LibraryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints what a library pull moved (used by {@code sync}). */
    static void printMoved(PrintWriter out, LibrarySync.Report report) {
        if (report.added() == 0 && report.kinds().stream().noneMatch(LibrarySync.Moved::reset)) {
            out.println(Messages.get("library.cli.unchanged"));
            return;
        }
        for (LibrarySync.Moved m : report.kinds()) {
            if (m.added() > 0 || m.reset()) {
                out.println(Messages.get(m.reset() ? "library.cli.movedReset" : "library.cli.moved",
                        Messages.get("library.kind." + m.kind().name()), m.added(), m.latestHeld()));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The library versions held in a workspace")
    static final class ListVersions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true, description = "workspace file")
        Path workspace;

        @Option(names = "--kind", description = "technology, experts, factors or taxa (default: all)")
        String kind;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                SqliteLibraryRepository repo = SqliteLibraryRepository.of(ws);
                List<LibraryKind> kinds = kind == null ? List.of(LibraryKind.values()) : List.of(LibraryKind.require(kind));
                for (LibraryKind k : kinds) {
                    List<LibraryVersion> versions = repo.versions(k);
                    if (versions.isEmpty()) {
                        out.println(Messages.get("library.cli.noneHeld", Messages.get("library.kind." + k.name())));
                    }
                    for (LibraryVersion v : versions) {
                        out.println(Messages.get("library.cli.version", Messages.get("library.kind." + k.name()), v.version(),
                                v.label(), v.rowCount(), v.scope(), v.loadedAt(), v.sha256()));
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Rows of a library matching words in Chinese or English (all words must match)")
    static final class Search implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true, description = "workspace file")
        Path workspace;

        @Option(names = "--kind", required = true, description = "technology, experts, factors or taxa")
        String kind;

        @Option(names = "--version", defaultValue = "0", description = "version number (default: the newest held)")
        long version;

        @Option(names = "--out", description = "write the matching rows to this CSV/XLSX instead of printing them")
        Path outFile;

        @Parameters(arity = "0..*", description = "words to find, e.g. 脱硫 or FGD; none lists every row")
        List<String> words;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                SqliteLibraryRepository repo = SqliteLibraryRepository.of(ws);
                LibraryVersion v = repo.require(LibraryKind.require(kind), version);
                LibraryContent content = repo.content(v);
                String query = words == null ? "" : String.join(" ", words);
                List<List<String>> hits = LibrarySearch.search(content, query);
                if (outFile != null) {
                    TableFiles.write(outFile, content.headers(), hits);
                } else {
                    out.println(String.join("\t", content.headers()));
                    for (List<String> r : hits) {
                        out.println(String.join("\t", r));
                    }
                }
                out.println(Messages.get("library.cli.found", hits.size(), content.rows().size(),
                        Messages.get("library.kind." + v.kind().name()), v.shortRef()));
            }
            return 0;
        }
    }

    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = "Load a library file on the platform from an admin's enrolled workspace (checked here first)")
    static final class Upload implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true, description = "workspace enrolled as a national or provincial admin's device")
        Path workspace;

        @Option(names = "--kind", required = true, description = "technology, experts, factors or taxa")
        String kind;

        @Option(names = "--file", required = true, description = "the library file (CSV/XLSX, docs/formats.md)")
        Path file;

        @Option(names = "--label", description = "version label shown to users (default: the file name)")
        String label;

        @Override
        public Integer call() {
            LibraryKind k = LibraryKind.require(kind);
            LibraryContent content = LibraryContent.read(k, file);
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                var v = SyncCommand.engine(ws, null).uploadLibrary(content, label, file.getFileName().toString());
                spec.commandLine().getOut().println(Messages.get("library.cli.loaded", Messages.get("library.kind." + k.name()),
                        v.version(), v.rowCount(), v.sha256(), v.label()));
            }
            return 0;
        }
    }
}
