package dev.banyan.server.ingest.internal;

import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Standardises a batch's rows on a thread of its own (标准化工作线程) while the loader reads the source and spools its
 * RAW rows: standardising costs several times what reading does, and with two threads the JVM keeps both cores'
 * share busy while PostgreSQL takes the standard rows. Rows are handed over in chunks through a small bounded queue,
 * so the heap holds a few chunks at most. The worker never touches the batch's connection: it hands encoded rows to
 * {@link BatchGoverning}, whose {@code copyReady} the loader's thread calls.
 */
final class StandardisingWorker implements AutoCloseable {

    static final int CHUNK_ROWS = 2048;
    private static final Chunk END = new Chunk(0);

    private final BatchGoverning governing;
    private final boolean contentKeys;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile Throwable failure;
    private Chunk filling = new Chunk(CHUNK_ROWS);

    /**
     * Opens the batch's STANDARD stream on its connection and starts the worker.
     *
     * @param contentKeys whether the rows' keys are their content hashes (resources without key fields)
     */
    static StandardisingWorker startOn(java.sql.Connection connection, BatchGoverning governing, boolean contentKeys,
                                       long batch) throws java.sql.SQLException {
        governing.start(connection);
        return new StandardisingWorker(governing, contentKeys, batch);
    }

    private StandardisingWorker(BatchGoverning governing, boolean contentKeys, long batch) {
        this.governing = governing;
        this.contentKeys = contentKeys;
        this.thread = Thread.ofPlatform().name("banyan-standardise-" + batch).daemon().start(this::work);
    }

    /**
     * Hands one row over: its first {@code fields} values (copied), its RAW hash at {@code hashOffset}, and the errors
     * the source reported in it, which send it to quarantine.
     */
    void offer(String[] values, int fields, long rowNumber, byte[] hash, int hashOffset,
               java.util.List<dev.banyan.server.ingest.RowProblem> errors) {
        filling.add(java.util.Arrays.copyOf(values, fields), rowNumber, hash, hashOffset, errors);
        if (filling.size == CHUNK_ROWS) {
            hand(filling);
            filling = new Chunk(CHUNK_ROWS);
        }
    }

    /** Waits until every row handed over is standardised; rethrows what went wrong on the worker. */
    void finish() {
        hand(filling);
        hand(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while standardising", e);
        }
        rethrow();
    }

    private void hand(Chunk chunk) {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the standardising thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while standardising", e);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException("standardising failed: " + t.getMessage(), t);
        }
    }

    private void work() {
        try {
            for (Chunk c = queue.take(); c != END; c = queue.take()) {
                for (int i = 0; i < c.size; i++) {
                    int offset = i * CopyRows.HASH_BYTES;
                    governing.accept(c.values[i], c.rows[i], c.hashes, offset,
                            contentKeys ? HexFormat.of().formatHex(c.hashes, offset, offset + CopyRows.HASH_BYTES) : null,
                            c.errors[i]);
                }
            }
            governing.flush();
        } catch (RuntimeException | Error e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the worker if the batch ends early (a source error); the batch's transaction rolls back. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Rows handed over together. */
    private static final class Chunk {

        final String[][] values;
        final java.util.List<?>[] errors;
        final long[] rows;
        final byte[] hashes;
        int size;

        Chunk(int capacity) {
            values = new String[capacity][];
            errors = new java.util.List<?>[capacity];
            rows = new long[capacity];
            hashes = new byte[capacity * CopyRows.HASH_BYTES];
        }

        void add(String[] v, long row, byte[] hash, int offset, java.util.List<?> rowErrors) {
            values[size] = v;
            errors[size] = rowErrors;
            rows[size] = row;
            System.arraycopy(hash, offset, hashes, size * CopyRows.HASH_BYTES, CopyRows.HASH_BYTES);
            size++;
        }
    }
}
