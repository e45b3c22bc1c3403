package dev.banyan.server.fuse;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The base libraries (基础库) of the FUSION zone: every STANDARD row about a person or a company is linked to one
 * entity, with a stable id, a golden record and its provenance. A full rebuild is deterministic and keeps the entity
 * ids of earlier runs; newly governed batches are linked incrementally into the existing entities; data officers'
 * review decisions are honoured by every run.
 */
public interface BaseLibraries {

    /**
     * Links every current STANDARD row of the kind's sources from scratch (全量重建).
     *
     * @param progress called with the number of records read so far
     */
    LinkRun rebuild(EntityKind kind, LongConsumer progress);

    /** Links the rows of batches governed since the last run into the existing entities (增量链接). */
    LinkRun linkNewBatches(EntityKind kind);

    /** Whether batches have been governed into the kind's sources since its last run (or it was never built). */
    boolean stale(EntityKind kind);

    /** The latest runs, newest first. */
    List<LinkRun> runs(EntityKind kind, int limit);

    /** The entity a STANDARD row is linked to. */
    Optional<String> entityOf(EntityKind kind, String resourceCode, String key);

    /** The number of entities in the library. */
    long entityCount(EntityKind kind);
}
