package cn.ecoaid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the platform from command-line settings: the store at {@code --jdbc-url}, or embedded SQLite in
 * {@code <data>/platform-store.db}; blob files always under {@code <data>}.
 */
public final class PlatformMain {
    private PlatformMain() {
    }

    public static String jdbcUrl(Path data, String jdbcUrl) {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return jdbcUrl;
        }
        return "jdbc:sqlite:" + data.toAbsolutePath().resolve("platform-store.db");
    }

    /** Opens the store (creating the folder and schema if needed). */
    public static PlatformStore openStore(Path data, String jdbcUrl) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PlatformStore.open(jdbcUrl(data, jdbcUrl), Clock.systemUTC());
    }

    /** Opens the store and starts the server; the caller closes the server, then the store. */
    public static PlatformServer serve(Path data, String jdbcUrl, PlatformServer.Config config) {
        PlatformStore store = openStore(data, jdbcUrl);
        PlatformServer server = new PlatformServer(store, data, config);
        try {
            server.start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return server;
    }
}
