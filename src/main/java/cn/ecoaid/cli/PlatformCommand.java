package cn.ecoaid.cli;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.platform.PlatformMain;
import cn.ecoaid.platform.PlatformServer;
import cn.ecoaid.platform.PlatformStore;
import cn.ecoaid.protocol.Dto;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code platform serve|admin …}: the national platform server and its administration. */
@Command(name = "platform", mixinStandardHelpOptions = true, description = "Run or administer the sync platform server",
        subcommands = {PlatformCommand.Serve.class, PlatformCommand.Admin.class})
public final class PlatformCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the platform keeps its data. */
    static final class StoreOptions {
        @Option(names = "--data", defaultValue = "platform-data", description = "data folder (SQLite store and blobs; default ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--jdbc-url", description = "store in this database instead, e.g. jdbc:postgresql://localhost/ecoaid?user=ecoaid")
        String jdbcUrl;

        PlatformStore open() {
            return PlatformMain.openStore(data, jdbcUrl);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve /api/v1 until stopped (loopback by default)")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--port", defaultValue = "8765", description = "port (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE}; put TLS in front for anything else)")
        String host;

        @Override
        public Integer call() throws InterruptedException {
            PlatformServer.Config d = PlatformServer.Config.defaults(port);
            PlatformServer.Config config = new PlatformServer.Config(host, port, d.maxBodyBytes(), d.maxOpsPerBatch(),
                    d.maxPullLimit(), d.chunkSize(), d.maxBlobBytes(), d.requestsPerSecond(), d.burst(), d.accessTokenTtl());
            PlatformServer server = PlatformMain.serve(store.data, store.jdbcUrl, config);
            server.libraryValidator(cn.ecoaid.library.LibraryValidator::checkUpload);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                server.store().close();
                stopped.countDown();
            }));
            spec.commandLine().getOut().println(Messages.get("cli.platform.listening", host, Integer.toString(server.port()),
                    PlatformMain.jdbcUrl(store.data, store.jdbcUrl).replaceAll("password=[^&]*", "password=***")));
            spec.commandLine().getOut().flush();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "admin", mixinStandardHelpOptions = true, description = "Administer provinces, teams, users and devices",
            subcommands = {CreateProvince.class, CreateTeam.class, CreateUser.class, IssueCode.class, RevokeDevice.class,
                LoadLibrary.class,
                VerifyAudit.class,
                VerifyPackage.class})
    static final class Admin implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "create-province", mixinStandardHelpOptions = true, description = "Create a province; prints its id")
    static final class CreateProvince implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(index = "0", description = "name")
        String name;

        @Override
        public Integer call() {
            try (PlatformStore s = store.open()) {
                spec.commandLine().getOut().println(Messages.get("cli.platform.created", Messages.get("cli.platform.kind.province"), s.createProvince(name), name));
            }
            return 0;
        }
    }

    @Command(name = "create-team", mixinStandardHelpOptions = true, description = "Create a team in a province; prints its id")
    static final class CreateTeam implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--province", required = true, description = "province id")
        String province;

        @Parameters(index = "0", description = "name")
        String name;

        @Override
        public Integer call() {
            try (PlatformStore s = store.open()) {
                spec.commandLine().getOut().println(Messages.get("cli.platform.created", Messages.get("cli.platform.kind.team"), s.createTeam(province, name), name));
            }
            return 0;
        }
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true, description = "Create a user; prints its id")
    static final class CreateUser implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--role", required = true, description = "${COMPLETION-CANDIDATES}")
        Dto.Role role;

        @Option(names = "--team", description = "team id (members and team leads)")
        String team;

        @Option(names = "--province", description = "province id (provincial admins)")
        String province;

        @Parameters(index = "0", description = "name")
        String name;

        @Override
        public Integer call() {
            try (PlatformStore s = store.open()) {
                spec.commandLine().getOut().println(Messages.get("cli.platform.created", Messages.get("cli.platform.kind.user"),
                        s.createUser(name, role, team, province), name));
            }
            return 0;
        }
    }

    @Command(name = "issue-code", mixinStandardHelpOptions = true, description = "Issue a one-time enrolment code for a user")
    static final class IssueCode implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--user", required = true, description = "user id")
        String user;

        @Option(names = "--hours", defaultValue = "24", description = "validity in hours (default ${DEFAULT-VALUE})")
        int hours;

        @Option(names = "--server-url", description = "the platform's address as devices reach it, put in the QR code")
        java.net.URI serverUrl;

        @Option(names = "--qr", description = "also write the code (and --server-url) as a QR code PNG to show or print")
        java.nio.file.Path qr;

        @Override
        public Integer call() {
            try (PlatformStore s = store.open()) {
                String code = s.issueCode(user, Duration.ofHours(hours), "cli");
                spec.commandLine().getOut().println(Messages.get("cli.platform.code", code, hours));
                if (qr != null) {
                    cn.ecoaid.protocol.EnrolmentCode e = new cn.ecoaid.protocol.EnrolmentCode(serverUrl, code);
                    e.writeQr(qr, 400);
                    spec.commandLine().getOut().println(Messages.get("cli.platform.qr", qr, e.text()));
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke-device", mixinStandardHelpOptions = true, description = "Revoke a device: its requests are refused from now on")
    static final class RevokeDevice implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(index = "0", description = "device id")
        String device;

        @Override
        public Integer call() {
            try (PlatformStore s = store.open()) {
                s.revokeDevice(device, "cli", "cli");
                spec.commandLine().getOut().println(Messages.get("cli.platform.revoked", device));
            }
            return 0;
        }
    }

    @Command(name = "verify-audit", mixinStandardHelpOptions = true, description = "Recompute the audit log's hash chain")
    static final class VerifyAudit implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            try (PlatformStore s = store.open()) {
                long n = s.verifyAudit();
                if (n < 0) {
                    spec.commandLine().getErr().println(Messages.get("cli.platform.auditBroken", -n));
                    return 1;
                }
                spec.commandLine().getOut().println(Messages.get("cli.platform.auditOk", n));
            }
            return 0;
        }
    }

    @Command(name = "verify-package", description = "Verify a published package version: signatures, every hash and the parent link")
    static final class VerifyPackage implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--package", required = true, description = "package id")
        String pkg;

        @Option(names = "--version", required = true, description = "version number")
        int version;

        @Override
        public Integer call() {
            try (PlatformStore s = store.open()) {
                var v = new cn.ecoaid.platform.PackageRegistry(s, store.data).verify(pkg, version);
                int files = cn.ecoaid.solution.CanonicalJson.parse(v.manifest()).path("files").size();
                spec.commandLine().getOut().println(Messages.get("cli.platform.packageOk", pkg, version, v.hash(), v.deviceId(),
                        v.records().size(), files, v.parentVersion()));
            }
            return 0;
        }
    }

    @Command(name = "load-library", mixinStandardHelpOptions = true,
            description = "Load a reference library (CSV/XLSX) as its next immutable version; a file with any bad row is refused whole")
    static final class LoadLibrary implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--kind", required = true, description = "technology, experts, factors or taxa")
        String kind;

        @Option(names = "--file", required = true, description = "the library file (CSV/XLSX, docs/formats.md)")
        Path file;

        @Option(names = "--label", description = "version label shown to users (default: the file name)")
        String label;

        @Option(names = "--province", description = "load for this province only (provincial library); default national")
        String province;

        @Override
        public Integer call() {
            cn.ecoaid.library.LibraryKind k = cn.ecoaid.library.LibraryKind.require(kind);
            cn.ecoaid.library.LibraryContent content = cn.ecoaid.library.LibraryContent.read(k, file);
            try (PlatformStore s = store.open()) {
                var v = new cn.ecoaid.platform.LibraryRegistry(s).load(k.id(), content.headers(), content.rows(), label,
                        file.getFileName().toString(), province,
                        "cli", null, province == null ? Dto.Role.NATIONAL_ADMIN.name() : Dto.Role.PROVINCIAL_ADMIN.name(), "cli");
                spec.commandLine().getOut().println(Messages.get("library.cli.loaded", Messages.get("library.kind." + k.name()),
                        v.version(), v.rowCount(), v.sha256(), v.label()));
            }
            return 0;
        }
    }
}
