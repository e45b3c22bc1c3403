package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.RowProblem;
import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceFingerprint;
import dev.banyan.server.ingest.SourceReader;
import dev.banyan.server.ingest.SourceRow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bookkeeping every reader shares: row count, bounded source-level problems, end of data, fingerprint, and
 * closing once.
 */
abstract class AbstractSourceReader implements SourceReader {

    /** Source-level problems kept; beyond this only {@link #problemCount()} grows. */
    static final int MAX_PROBLEMS = 1_000;

    protected final String source;
    private List<String> columns = List.of();
    private final List<RowProblem> problems = new ArrayList<>();
    private long problemCount;
    private long rows;
    private boolean ended;
    private boolean failed;
    private boolean closed;
    private SourceFingerprint fingerprint;

    AbstractSourceReader(String source) {
        this.source = source;
    }

    /** The next row's values and problems, or {@code null} at the end. Row numbers are assigned here. */
    protected abstract Row read();

    /** Called once when {@link #read()} returned {@code null}: finish reading and give the fingerprint. */
    protected abstract SourceFingerprint finish(long rows);

    /** Releases resources; called once. */
    protected abstract void release();

    /** What a subclass's {@link #read()} returns. */
    /**
     * Runs a new reader's first step (reading the header, the first page …) and hands the reader out; if that step
     * fails, the reader is closed first, so that no file or connection is left open behind the exception.
     */
    static <R extends AbstractSourceReader> R started(R reader, java.util.function.Consumer<R> start) {
        try {
            start.accept(reader);
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    record Row(List<String> values, List<RowProblem> problems) {
    }

    protected final void columns(List<String> columns) {
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    protected final void problem(RowProblem problem) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    /** The number the next delivered row will get. */
    protected final long nextRowNumber() {
        return rows + 1;
    }

    @Override
    public final List<String> columns() {
        return columns;
    }

    @Override
    public final SourceRow next() {
        if (closed) {
            throw new IllegalStateException("reader of " + source + " is closed");
        }
        if (failed) {
            throw new IllegalStateException("reader of " + source + " failed before; discard what it delivered");
        }
        if (ended) {
            return null;
        }
        try {
            Row row = read();
            if (row == null) {
                ended = true;
                fingerprint = finish(rows);
                return null;
            }
            rows++;
            return new SourceRow(rows, row.values(), row.problems());
        } catch (SourceException e) {
            failed = true;
            throw e;
        } catch (RuntimeException e) {
            failed = true;
            throw new SourceException(SourceErrorCode.SOURCE_FAILED, source, "after row " + rows,
                    "reading failed: " + e, "check the source; nothing read in this run should be kept.", e);
        }
    }

    @Override
    public final List<RowProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    @Override
    public final long problemCount() {
        return problemCount;
    }

    @Override
    public final SourceFingerprint fingerprint() {
        if (fingerprint == null) {
            throw new IllegalStateException("the fingerprint of " + source + " is known only after reading to the end");
        }
        return fingerprint;
    }

    @Override
    public final long rowsRead() {
        return rows;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }
}
