package dev.banyan.server.ingest;

import java.time.Instant;
import java.util.List;

/**
 * One run of landing a source into a resource's RAW table (采集批次). A batch is either {@link Status#LANDED}, in
 * which case all its rows are in the RAW zone (they committed together), or {@link Status#FAILED}, in which case none
 * of them are. A governed batch also put each of its rows either into the STANDARD zone or into quarantine, in the
 * same transaction.
 *
 * @param id             batch id; the {@code _batch} column of the RAW rows
 * @param resourceCode   the catalog resource
 * @param sourceType     connector type ({@code csv}, {@code xlsx} …)
 * @param sourceLocation where the data came from, with any password redacted
 * @param fingerprint    {@code sha256:…} of the source, or {@code null} if it failed before its end
 * @param rowsRead       rows delivered by the source
 * @param rowsLanded     rows written to the RAW table (equal to rowsRead when landed)
 * @param rowsWithErrors rows the source itself reported errors in (landed all the same)
 * @param rowsStandardised rows that passed into the STANDARD zone (0 when the batch was landed without governing)
 * @param rowsQuarantined  rows rejected to quarantine; a governed batch has rowsRead = rowsStandardised + rowsQuarantined
 * @param quality        the batch's quality score, or {@code null} if it was not governed
 * @param problems       what was worth noting — unmapped columns, row problems, replaced NUL characters; bounded
 * @param description    what the connector found out (detected encoding, sheet …)
 * @param error          why it failed, or {@code null}
 * @param jobId          the ingest job whose run this was, or {@code null} for a one-off landing
 * @param highWatermark  the highest watermark value among the rows (incremental JDBC), where the job's next run resumes
 */
public record IngestBatch(long id, String resourceCode, String sourceType, String sourceLocation, String fingerprint,
                          Status status, long rowsRead, long rowsLanded, long rowsWithErrors, long rowsStandardised,
                          long rowsQuarantined, QualityScore quality, List<String> problems,
                          String description, Instant startedAt, Instant finishedAt, String requestedBy, String error,
                          Long jobId, String highWatermark) {

    /** The state of a batch as it is stored: there is no visible "running" state. */
    public enum Status {
        LANDED, FAILED
    }

    public IngestBatch {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Whether the batch went on from RAW to the STANDARD zone (标准化). */
    public boolean governed() {
        return quality != null;
    }
}
