package dev.banyan.server.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 that Banyan starts when no external database is configured. Its data
 * directory is kept between runs, so a restarted demo finds what it left; it listens on a free port
 * on localhost only.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            long started = System.nanoTime();
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on")
                    // The library defaults to off; a commit must be on disk when it returns (the evidence log's
                    // acknowledged appends, every batch and approval).
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", pg.getPort(),
                    dataDir.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgresServer(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + ". Check that the directory is writable and not used by another Banyan, or set BANYAN_DB_URL"
                    + " to use an external PostgreSQL.", e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
