package cn.ecoaid.cli;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.sync.SyncEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sync --workspace W [--server URL]}: one full sync; {@code sync enrol|status|conflicts}. */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Sync a workspace with the platform (one full run)",
        subcommands = {SyncCommand.Enrol.class, SyncCommand.Status.class, SyncCommand.Conflicts.class})
public final class SyncCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", description = "workspace file")
    Path workspace;

    @Option(names = "--server", description = "platform URL (default: the one the workspace was enrolled with)")
    URI server;

    static SyncEngine engine(Workspace ws, URI server) {
        URI uri = server != null ? server : SyncEngine.enrolledServer(ws)
                .orElseThrow(() -> new cn.ecoaid.sync.SyncException(cn.ecoaid.protocol.ErrorCode.UNAUTHENTICATED, null,
                        "sync.error.notEnrolled"));
        return new SyncEngine(ws, uri);
    }

    @Override
    public Integer call() {
        if (workspace == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 2;
        }
        try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
            SyncEngine engine = engine(ws, server);
            SyncEngine.Report r = engine.sync();
            spec.commandLine().getOut().println(Messages.get("cli.sync.report", r.pushed(), r.acked(), r.duplicates(), r.conflicts(),
                    r.rejected(), r.pulled(), r.blobsUp(), r.blobsDown(), r.cursor()));
            PackageCommand.printOutcomes(spec.commandLine().getOut(), spec.commandLine().getErr(), engine.lastPublished());
            engine.lastLibraryReport().ifPresent(libs -> LibraryCommand.printMoved(spec.commandLine().getOut(), libs));
        }
        return 0;
    }

    @Command(name = "enrol", mixinStandardHelpOptions = true, description = "Enrol the workspace as a device with a one-time code")
    static final class Enrol implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true, description = "workspace file")
        Path workspace;

        @Option(names = "--server", description = "platform URL, e.g. https://platform.example.cn (or from --qr)")
        URI server;

        @Option(names = "--code", description = "one-time enrolment code (or from --qr)")
        String code;

        @Option(names = "--qr", description = "an image (PNG/JPEG photo or screenshot) of the enrolment QR code")
        Path qr;

        @Option(names = "--name", description = "device name (default: host name)")
        String name;

        @Option(names = "--ca-cert", description = "the platform's CA certificate (PEM) to pin for HTTPS")
        Path caCert;

        @Override
        public Integer call() throws java.io.IOException {
            String device = name != null ? name : java.net.InetAddress.getLocalHost().getHostName();
            String pem = caCert == null ? null : java.nio.file.Files.readString(caCert, java.nio.charset.StandardCharsets.US_ASCII);
            if (qr != null) {
                cn.ecoaid.protocol.EnrolmentCode fromQr = cn.ecoaid.protocol.EnrolmentCode.readQr(qr);
                code = code != null ? code : fromQr.code();
                server = server != null ? server : fromQr.server();
            }
            if (server == null || code == null || code.isBlank()) {
                throw new cn.ecoaid.domain.EcoAidException("cli.sync.needServerAndCode");
            }
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                SyncEngine engine = new SyncEngine(ws, server);
                Dto.EnrolResponse r = pem == null ? engine.enrol(code, device) : engine.enrol(code, device, pem);
                spec.commandLine().getOut().println(Messages.get("cli.sync.enrolled", r.deviceId(), r.role(), server));
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show pending operations, last confirmed sync and last error")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true, description = "workspace file")
        Path workspace;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                SyncEngine.Status s = new SyncEngine(ws, SyncEngine.enrolledServer(ws).orElse(URI.create("http://127.0.0.1"))).status();
                var out = spec.commandLine().getOut();
                out.println(Messages.get("cli.sync.status", s.enrolled() ? s.server() : "-", s.pending(),
                        s.lastConfirmedSync() == null ? "-" : s.lastConfirmedSync(), s.lastError() == null ? "-" : s.lastError(),
                        s.byState()));
            }
            return 0;
        }
    }

    @Command(name = "conflicts", mixinStandardHelpOptions = true, description = "List the team's open conflicts (base / mine / theirs)")
    static final class Conflicts implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", required = true, description = "workspace file")
        Path workspace;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace, Clock.systemUTC(), WorkspaceCommand.author())) {
                var out = spec.commandLine().getOut();
                for (Dto.Conflict k : engine(ws, null).conflicts()) {
                    out.println(Messages.get("cli.sync.conflict", k.id(), k.entity(), k.entityId(), k.kind(), k.rev()));
                    k.fields().forEach((f, v) -> out.println(Messages.get("cli.sync.conflictField", f, v.base(), v.mine(), v.theirs())));
                }
            }
            return 0;
        }
    }
}
