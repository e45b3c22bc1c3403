package dev.banyan.server.ingest;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Ingestion (采集): reads a source with its connector and lands every row exactly once in the RAW table of a catalog
 * resource ({@code raw.<resource code>}, one text column per catalog field plus batch id, row number and row hash).
 *
 * <p>A batch is one database transaction: either all its rows become visible together with its LANDED batch record
 * and its evidence, or none do (a source error, a crash, {@code kill -9}). The same source twice lands once.
 */
public interface Ingestion {

    /**
     * Lands the source into the resource's RAW table.
     *
     * @param resourceCode the catalog resource code
     * @param spec         what to read
     * @param requestedBy  user name (or client id) on whose behalf; recorded in the batch and the evidence
     * @param progress     called with the number of rows read so far, every 10,000 rows or so
     * @return LANDED, ALREADY_LANDED or FAILED — a failure of the source is a result, not an exception
     * @throws dev.banyan.server.platform.NotFoundException if there is no such resource
     */
    IngestResult ingest(String resourceCode, SourceSpec spec, String requestedBy, LongConsumer progress);

    /** The resource's batches, newest first. */
    List<IngestBatch> batches(String resourceCode);

    Optional<IngestBatch> batch(long id);
}
