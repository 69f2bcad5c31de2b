package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Project;
import cn.ecoaid.domain.ProjectRepository;
import cn.ecoaid.domain.SiteRepository;
import cn.ecoaid.inventory.InventoryRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** An open workspace file: one stationed project, its sites, attachments and sync outbox. */
public final class Workspace implements AutoCloseable {
    public static final String EXTENSION = ".ecoaid";
    private static final String FORMAT = "ecoaid-workspace";

    private final Database db;

    private final Object syncLock = new Object();
    private final SqliteSiteRepository sites;
    private final SqliteProjectRepository projects;
    private final AttachmentStore attachments;
    private final Outbox outbox;
    private final SqliteInventoryRepository inventories;
    private final SyncStateRepository syncState;
    private final Optional<Path> backup;

    private Workspace(Database db, Optional<Path> backup) {
        this.db = db;
        this.backup = backup;
        this.sites = new SqliteSiteRepository(db);
        this.projects = new SqliteProjectRepository(db);
        this.attachments = new AttachmentStore(db);
        this.outbox = new Outbox(db);
        this.inventories = new SqliteInventoryRepository(db, attachments);
        this.syncState = new SyncStateRepository(db);
    }

    /** Creates a new workspace file for {@code project}; fails if the file exists. */
    public static Workspace create(Path file, Project project, Clock clock, String author) {
        if (Files.exists(file)) {
            throw new EcoAidException("workspace.error.exists", file);
        }
        cn.ecoaid.domain.FieldProblem first = project.validate().stream().findFirst().orElse(null);
        if (first != null) {
            throw new cn.ecoaid.domain.InvalidRecordException(project.validate());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new EcoAidException(e, "workspace.error.open", file, e.getMessage());
        }
        Database db = Database.connect(file, clock, author);
        try {
            new Migrator().migrate(db, Migrator.latestVersion());
            Workspace ws = new Workspace(db, Optional.empty());
            db.write(c -> {
                putMeta(c, "format", FORMAT);
                putMeta(c, "workspace_id", UUID.randomUUID().toString());
                putMeta(c, "device_id", UUID.randomUUID().toString());
                putMeta(c, "created_at", db.now());
                ws.projects.insert(c, project);
                return null;
            });
            return ws;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens a workspace, migrating an older one after a backup copy; sweeps orphan attachment files. */
    public static Workspace open(Path file, Clock clock, String author) {
        if (!Files.isRegularFile(file)) {
            throw new EcoAidException("workspace.error.notFound", file);
        }
        Database db = Database.connect(file, clock, author);
        try {
            String format = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT value FROM workspace_meta WHERE key = 'format'"); ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                } catch (SQLException noMetaTable) {
                    return null;
                }
            });
            if (!FORMAT.equals(format)) {
                throw new EcoAidException("workspace.error.notWorkspace", file);
            }
            Optional<Path> backup = new Migrator().migrate(db, Migrator.latestVersion());
            Workspace ws = new Workspace(db, backup);
            ws.attachments.sweepOrphans();
            return ws;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void putMeta(java.sql.Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO workspace_meta (key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    public Optional<String> meta(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM workspace_meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public Path file() {
        return db.file();
    }

    public Project project() {
        return projects.get();
    }

    public ProjectRepository projects() {
        return projects;
    }

    public SiteRepository sites() {
        return sites;
    }

    public AttachmentStore attachments() {
        return attachments;
    }

    /** Emission inventories kept in this workspace. */
    public InventoryRepository inventories() {
        return inventories;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Imported air-quality station data (issue 3). */
    public SqliteAirRepository air() {
        return new SqliteAirRepository(db);
    }

    /**
     * Calls {@code listener} after every committed local change that has an operation to sync (on the writing thread).
     * Returns the way to remove it.
     */
    public Runnable onLocalChange(Runnable listener) {
        return db.onOutboxCommit(listener);
    }

    /** Held by a sync run for its whole length, so that two runs on one workspace (background and "sync now") never overlap. */
    public Object syncLock() {
        return syncLock;
    }

    /** The open database, for repositories of this package that the facade does not hold. */
    Database database() {
        return db;
    }

    /** Solution packages (一市一策), their measures, roadmap, tracking and frozen versions. */
    public cn.ecoaid.solution.SolutionRepository solutions() {
        return new SqliteSolutionRepository(db);
    }

    /** Files (images, attachments) of solution packages, kept as attachments owned by the package. */
    public cn.ecoaid.solution.PackageFiles solutionFiles() {
        return new AttachmentPackageFiles(db, attachments);
    }

    /** Water-ecology surveys, samples and B-IBI models (migration V006__water.sql). */
    public SqliteWaterRepository water() {
        return new SqliteWaterRepository(db);
    }

    /** PMF runs kept with their data, settings, seeds and results (migration V009__pmf.sql). */
    public SqlitePmfRepository pmf() {
        return new SqlitePmfRepository(db, attachments);
    }

    /** Sync state: credential, pull cursor, outbox answers (used by {@code cn.ecoaid.sync}). */
    public SyncStateRepository syncState() {
        return syncState;
    }

    /** The backup made when this open migrated an older workspace. */
    public Optional<Path> migrationBackup() {
        return backup;
    }

    public int schemaVersion() {
        return db.read(Migrator::userVersion);
    }

    /** Counts and dates for the project overview. */
    public Summary summary() {
        return db.read(c -> {
            int sites;
            String lastChange;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM site WHERE deleted = 0");
                 ResultSet rs = ps.executeQuery()) {
                sites = rs.next() ? rs.getInt(1) : 0;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT max(created_at) FROM outbox");
                 ResultSet rs = ps.executeQuery()) {
                lastChange = rs.next() ? rs.getString(1) : null;
            }
            int pending;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE state = 'PENDING'");
                 ResultSet rs = ps.executeQuery()) {
                pending = rs.next() ? rs.getInt(1) : 0;
            }
            String lastSync = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM workspace_meta WHERE key = 'last_confirmed_sync'");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    lastSync = rs.getString(1);
                }
            }
            return new Summary(sites, pending, lastChange, lastSync);
        });
    }

    /** Overview figures; {@code lastSync} is null until the server has confirmed a sync. */
    public record Summary(int sites, int pendingOperations, String lastChange, String lastSync) {
    }

    /** Runs SQLite's integrity check; "ok" when the file is sound. */
    public String integrityCheck() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("PRAGMA integrity_check"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "no result";
            }
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
