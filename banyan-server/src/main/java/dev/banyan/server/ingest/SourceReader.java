package dev.banyan.server.ingest;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An open source being read row by row (数据源读取器). Not thread-safe; close it when done.
 *
 * <p>Rows are streamed: a reader holds at most a bounded number of rows (a page, a fetch, a sample of JSON records)
 * whatever the size of the source. Problems with single rows do not stop reading — they come with the row (see
 * {@link SourceRow#problems()}); problems with the source as a whole are thrown as {@link SourceException}, from
 * {@link SourceConnector#open} (bad header, wrong encoding detected up front) or from {@link #next()} (bytes that
 * turn out not to decode, a database that dies mid-run). After an exception the reader is unusable and what was read
 * must be discarded.
 *
 * <p>Like {@link java.nio.file.DirectoryStream}, a reader is {@link Iterable} only once.
 */
public interface SourceReader extends AutoCloseable, Iterable<SourceRow> {

    /** The column names in source order (header, JSON keys, result set columns), after renaming blanks/duplicates. */
    List<String> columns();

    /**
     * The next row, or {@code null} at the end.
     *
     * @throws SourceException if the source fails as a whole
     */
    SourceRow next();

    /**
     * Problems with the source that are not tied to a row delivered with them: renamed header columns, Excel merged
     * regions (which a streaming reader only learns at the end of the sheet). Complete once {@link #next()} has
     * returned {@code null}; a loader should look at them before committing. Bounded: after many problems only a
     * count is kept (see {@link #problemCount()}).
     */
    List<RowProblem> problems();

    /** Number of source-level problems including those no longer kept in {@link #problems()}. */
    default long problemCount() {
        return problems().size();
    }

    /**
     * The checksum of what was read, available once {@link #next()} has returned {@code null} (for files: SHA-256 of
     * every byte of the file, hashed while streaming, so the same file read twice gives the same value).
     *
     * @throws IllegalStateException if the source has not been read to its end
     */
    SourceFingerprint fingerprint();

    /** Rows delivered so far. */
    long rowsRead();

    /**
     * For incremental loads: the highest value of the watermark column among the rows read, as text, to be stored
     * after the batch commits and passed as {@code watermark_value} next time. Empty if the source has no watermark or
     * no row had one.
     */
    default Optional<String> highWatermark() {
        return Optional.empty();
    }

    /** What the connector found out about the source: detected encoding, sheet read, pages fetched … */
    default String description() {
        return "";
    }

    @Override
    void close();

    @Override
    default Iterator<SourceRow> iterator() {
        return new Iterator<>() {
            private SourceRow next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = SourceReader.this.next();
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceRow row = next;
                next = null;
                return row;
            }
        };
    }

    /** The rows as a sequential stream; closing the stream does not close the reader. */
    default Stream<SourceRow> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
