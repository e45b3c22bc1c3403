package dev.banyan.server.ingest;

import java.util.Set;

/**
 * A kind of data source (数据源连接器) — the extension point of ingest. A new source type is one class implementing
 * this interface, registered in {@link SourceConnectors}; it knows nothing about catalogs, batches or the RAW zone.
 *
 * <p>Implementations are stateless and thread-safe; each {@link #open} returns an independent reader.
 */
public interface SourceConnector {

    /** The type this connector reads, lower case: {@code csv}, {@code tsv}, {@code ndjson}, {@code json} … */
    String type();

    /** The options this connector understands; any other option given in a spec is rejected. */
    Set<SourceOption> options();

    /**
     * Opens the source: checks the options, reaches the file / database / URL and reads as far as the column names.
     *
     * @throws SourceException if the source cannot be opened, its options are wrong, or its header is unusable or
     *                         does not match the expected columns
     */
    SourceReader open(SourceSpec spec) throws SourceException;
}
