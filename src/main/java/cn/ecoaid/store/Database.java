package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.sqlite.SQLiteConfig;

/**
 * One open workspace file: a single SQLite connection in WAL mode with {@code synchronous=FULL} (laptops lose power)
 * and foreign keys on. All access is serialised; writes run in {@code BEGIN IMMEDIATE} transactions.
 */
public final class Database implements AutoCloseable {
    /** A unit of work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final Clock clock;
    private final String author;
    private final java.util.List<Runnable> outboxListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean outboxTouched;

    private Database(Path file, Connection connection, Clock clock, String author) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
        this.author = author;
    }

    /** Opens (creating if absent) a SQLite file with the workspace settings; does not migrate. */
    static Database connect(Path file, Clock clock, String author) {
        if (!looksLikeSqlite(file)) {
            throw new EcoAidException("workspace.error.notWorkspace", file);
        }
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(10_000);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement s = c.createStatement()) {
                // Reading the schema fails here, not later, when the file is not a database.
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            } catch (SQLException notADatabase) {
                c.close();
                throw new EcoAidException(notADatabase, "workspace.error.notWorkspace", file);
            }
            return new Database(file, c, clock, author);
        } catch (SQLException e) {
            throw new EcoAidException(e, "workspace.error.open", file, e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    public Clock clock() {
        return clock;
    }

    public String author() {
        return author;
    }

    /** Now, as stored: ISO-8601 UTC with millisecond precision. */
    public String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Runs {@code work} in one write transaction; rolls back on any exception. */
    public synchronized <T> T write(Work<T> work) {
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            try {
                outboxTouched = false;
                T result = work.run(connection);
                try (Statement s = connection.createStatement()) {
                    s.execute("COMMIT");
                }
                if (outboxTouched) {
                    outboxTouched = false;
                    for (Runnable l : outboxListeners) {
                        l.run();
                    }
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                outboxTouched = false;
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw new EcoAidException(e, "workspace.error.write", file, e.getMessage());
        }
    }

    /**
     * Runs {@code work} in one write transaction with foreign-key enforcement off for its duration. For applying pulled
     * pages only: the platform sends each record's latest state in revision order, so a package edited after its
     * sections were written arrives after them (possibly in a later page); the references are whole again when the pull
     * has caught up. The connection is used by one unit of work at a time, so nothing else runs unchecked.
     */
    public synchronized <T> T writeUnchecked(Work<T> work) {
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA foreign_keys = OFF");
            }
            try {
                return write(work);
            } finally {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA foreign_keys = ON");
                }
            }
        } catch (SQLException e) {
            throw new EcoAidException(e, "workspace.error.write", file, e.getMessage());
        }
    }

    /**
     * Calls {@code listener} after every committed transaction that appended an outbox operation (a local change to
     * sync), on the writing thread; background sync uses it as its "local write" trigger. Returns the way to remove it.
     */
    public Runnable onOutboxCommit(Runnable listener) {
        outboxListeners.add(listener);
        return () -> outboxListeners.remove(listener);
    }

    /** Called by {@link Outbox#append} inside a write. */
    void outboxAppended() {
        outboxTouched = true;
    }

    /** Runs {@code work} for reading. */
    public synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new EcoAidException(e, "workspace.error.read", file, e.getMessage());
        }
    }

    private void rollbackQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction is already gone
        }
    }

    /** Checkpoints the WAL into the main file and closes. */
    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException ignored) {
                    // closing still releases the file
                }
                connection.close();
            }
        } catch (SQLException e) {
            throw new EcoAidException(e, "workspace.error.close", file, e.getMessage());
        }
    }

    /** True for an absent or empty file (a new database) or one starting with the SQLite header. */
    static boolean looksLikeSqlite(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return true;
            }
            byte[] header = new byte[16];
            try (var in = Files.newInputStream(file)) {
                int n = in.readNBytes(header, 0, 16);
                return n == 16 && new String(header, 0, 15, java.nio.charset.StandardCharsets.US_ASCII).equals("SQLite format 3");
            }
        } catch (java.io.IOException e) {
            throw new EcoAidException(e, "workspace.error.open", file, e.getMessage());
        }
    }
}
