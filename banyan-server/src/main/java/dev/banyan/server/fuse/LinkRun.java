package dev.banyan.server.fuse;

import java.time.Instant;

/**
 * One run of entity resolution over a base library (链接运行): a full rebuild or an incremental batch, with what it
 * compared and found, and — when the synthetic city's ground truth is at hand — its pairwise precision, recall and F1.
 *
 * @param mode          {@code FULL} or {@code INCREMENTAL}
 * @param records       records in the library after the run
 * @param newRecords    records linked by this run (all of them for a full run)
 * @param entities      entities after the run
 * @param pairsCompared candidate pairs compared
 * @param autoLinks     pairs at or above the auto-link threshold
 * @param reviewPairs   pairs put in the clerical band (人工复核) by this run
 * @param precision     pairwise precision against the ground truth, or null without one
 * @param recall        pairwise recall, or null
 * @param f1            pairwise F1, or null
 */
public record LinkRun(long id, EntityKind kind, String mode, Instant startedAt, Instant finishedAt, long records,
                      long newRecords, long entities, long pairsCompared, long autoLinks, long reviewPairs,
                      Double precision, Double recall, Double f1, String details) {

    /** Wall time in seconds. */
    public double seconds() {
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
