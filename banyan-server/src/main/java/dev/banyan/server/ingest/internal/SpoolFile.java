package dev.banyan.server.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * COPY data of one batch held in a temporary file until its connection is free to take it (暂存文件): the heap holds
 * one chunk at a time, however large the source. Deleted on close.
 */
final class SpoolFile implements AutoCloseable {

    private final Path file;
    private final OutputStream out;
    private final String label;
    private long rows;

    /** @param directory where to keep it (a disk with room for the batch; the data directory's {@code tmp}) */
    SpoolFile(Path directory, String label) {
        this.label = label;
        try {
            file = Files.createTempFile(Files.createDirectories(directory), "banyan-" + label + "-", ".copy");
            out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool file for " + label, e);
        }
    }

    /**
     * Deletes the spool files a crash left behind in {@code directory} — called before any batch can run, so none is in
     * use. Files that cannot be deleted are left; they are harmless.
     */
    static void sweep(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.newDirectoryStream(directory, "banyan-*.copy")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // Left for the next start; the batches do not depend on it.
        }
    }

    void write(byte[] bytes, int length, long rowsInChunk) {
        try {
            out.write(bytes, 0, length);
            rows += rowsInChunk;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spool file for " + label, e);
        }
    }

    long rows() {
        return rows;
    }

    /**
     * Copies the spooled data with {@code copy <target> from stdin <options>} on the connection.
     *
     * @return the rows copied, checked against the rows written
     */
    long copyInto(Connection connection, String target, String options) throws SQLException {
        try {
            out.close();
            try (InputStream in = Files.newInputStream(file)) {
                long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + target + " from stdin" + options, in, 1 << 16);
                if (copied != rows) {
                    throw new IllegalStateException("copied " + copied + " rows of " + label + " into " + target + ", "
                            + rows + " were spooled");
                }
                return copied;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool file for " + label, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A spool file left in the temp directory is harmless; the batch's outcome does not depend on it.
        }
    }
}
