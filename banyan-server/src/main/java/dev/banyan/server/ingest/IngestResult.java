package dev.banyan.server.ingest;

import java.util.Objects;

/**
 * What became of a request to land a source (采集结果).
 *
 * @param outcome what happened
 * @param batch   the new batch ({@link Outcome#LANDED}), the batch that had landed the same source before
 *                ({@link Outcome#ALREADY_LANDED}) or the recorded failed batch ({@link Outcome#FAILED})
 * @param reason  why it failed, or {@code null}
 */
public record IngestResult(Outcome outcome, IngestBatch batch, String reason) {

    public enum Outcome {
        /** Every row of the source is now in the RAW table, in one new batch. */
        LANDED,
        /** The same source (same fingerprint) had landed in this resource before; nothing was added. */
        ALREADY_LANDED,
        /** Nothing was added; the failure is recorded as a FAILED batch. */
        FAILED
    }

    public IngestResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(batch, "batch");
    }

    public static IngestResult landed(IngestBatch batch) {
        return new IngestResult(Outcome.LANDED, batch, null);
    }

    public static IngestResult alreadyLanded(IngestBatch existing) {
        return new IngestResult(Outcome.ALREADY_LANDED, existing, null);
    }

    public static IngestResult failed(IngestBatch batch, String reason) {
        return new IngestResult(Outcome.FAILED, batch, reason);
    }
}
