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
     * Lands the source into the resource's RAW table and governs it (采集并治理): in the same transaction every row is
     * standardised by its fields' data elements into the resource's STANDARD table ({@code std.<resource code>}, the
     * current version of each business key) or rejected to quarantine; the batch records both counts and its
     * {@link QualityScore}.
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

    /** The resource's quarantined rows with the given status (all if null), oldest first. */
    List<QuarantinedRow> quarantine(String resourceCode, QuarantinedRow.Status status, int offset, int limit);

    long quarantineCount(String resourceCode, QuarantinedRow.Status status);

    Optional<QuarantinedRow> quarantinedRow(long id);

    /**
     * Corrects an open quarantined row: the corrected values pass the resource's current rules and, if they do, go
     * into the STANDARD table and the row is marked corrected; otherwise nothing changes and the problems are returned.
     *
     * @param values field name → corrected value; fields left out keep their landed value
     * @throws dev.banyan.server.platform.NotFoundException     if there is no such row
     * @throws dev.banyan.server.platform.InvalidInputException if the row is not open or a field is unknown
     */
    CorrectionResult correct(long id, java.util.Map<String, String> values, String by);

    /** Dismisses an open quarantined row with a reason (e.g. a test record); it stays on record. */
    QuarantinedRow dismiss(long id, String reason, String by);

    /**
     * Replays the resource's open quarantined rows through its current rules (after the catalog or a code table was
     * fixed): rows that now pass go into the STANDARD table and are marked corrected.
     *
     * @return how many rows passed
     */
    int replay(String resourceCode, String by);
}
