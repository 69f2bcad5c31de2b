package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbered schema migrations from {@code db/migration/V###__name.sql} (listed in {@code index.txt}); the schema version is
 * SQLite's {@code user_version}. Applied migrations are never edited: a change is a new file.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final String DIR = "/db/migration/";

    /** A migration script: its version and SQL text. */
    public record Migration(int version, String name, String sql) {
    }

    private final List<Migration> migrations;

    public Migrator() {
        this(loadAll());
    }

    Migrator(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** The schema version this build writes. */
    public static int latestVersion() {
        return LATEST;
    }

    private static final int LATEST = loadAll().stream().mapToInt(Migration::version).max().orElse(0);

    public List<Migration> migrations() {
        return migrations;
    }

    static List<Migration> loadAll() {
        List<Migration> out = new ArrayList<>();
        try (InputStream index = Migrator.class.getResourceAsStream(DIR + "index.txt")) {
            String[] names = new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            for (String name : names) {
                if (name.isBlank()) {
                    continue;
                }
                int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                if (version != out.size() + 1) {
                    throw new IllegalStateException("migrations must be numbered 1, 2, 3 …: " + name);
                }
                try (InputStream in = Migrator.class.getResourceAsStream(DIR + name.strip())) {
                    out.add(new Migration(version, name.strip(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("migration scripts missing from the build", e);
        }
        return out;
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Brings the database to {@code target}. A workspace at an older, non-zero version is first copied to a backup
     * beside it ({@code name.v1-20261128T101500Z.bak}); returns the backup's path if one was made.
     */
    public Optional<Path> migrate(Database db, int target) {
        int current = db.read(Migrator::userVersion);
        if (current > latestVersion()) {
            throw new EcoAidException("workspace.error.newerVersion", db.file(), current, latestVersion());
        }
        if (current >= target) {
            return Optional.empty();
        }
        Optional<Path> backup = Optional.empty();
        if (current > 0) {
            backup = Optional.of(backup(db, current));
        }
        for (Migration m : migrations) {
            if (m.version() <= current || m.version() > target) {
                continue;
            }
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    for (String statement : statements(m.sql())) {
                        s.executeUpdate(statement);
                    }
                    s.executeUpdate("PRAGMA user_version = " + m.version());
                }
                return null;
            });
            LOG.info("migrated {} to schema version {} ({})", db.file(), m.version(), m.name());
        }
        return backup;
    }

    private static Path backup(Database db, int version) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(db.clock().instant());
        Path target = db.file().resolveSibling(db.file().getFileName() + ".v" + version + "-" + stamp + ".bak");
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new EcoAidException(e, "workspace.error.backup", target, e.getMessage());
        }
        // VACUUM INTO makes a consistent copy of the database including what is still in the WAL.
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            return null;
        });
        LOG.info("backed up {} (schema version {}) to {}", db.file(), version, target);
        return target;
    }

    /** Splits a script into statements at semicolons that end a line; drops comment-only lines. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
