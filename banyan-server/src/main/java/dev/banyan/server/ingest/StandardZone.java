package dev.banyan.server.ingest;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Read access to the STANDARD zone (标准库) for other modules: the current rows of a resource, streamed with bounded
 * memory (a server-side cursor), all of them or only those written by batches after a given one — so that a consumer
 * such as entity resolution can process a newly governed batch incrementally. Modules never read {@code std} tables
 * directly; they use this.
 */
public interface StandardZone {

    /** Whether the resource has a STANDARD table (it has been governed at least once). */
    boolean exists(String resourceCode);

    /** The number of current rows of the resource; 0 if it has no STANDARD table. */
    long count(String resourceCode);

    /** The highest batch id among the resource's current rows; 0 if none. */
    long latestBatch(String resourceCode);

    /**
     * Streams the resource's current rows written by batches after {@code afterBatch} (0 for all), in key order.
     * Nothing happens if the resource has no STANDARD table.
     */
    void forEach(String resourceCode, long afterBatch, Consumer<StandardRecord> sink);

    /** The current rows of the given business keys (those that exist), in key order. */
    List<StandardRecord> find(String resourceCode, Collection<String> keys);

    /**
     * The current rows whose field holds one of the values (standardised, e.g. an identity number or a credit code),
     * in key order, at most {@code limit} — e.g. every employment record naming a company as employer.
     */
    List<StandardRecord> findByField(String resourceCode, String field, Collection<String> values, int limit);

    /**
     * The layout of the resource's STANDARD table, for read-only SQL by a module that serves its rows; empty if the
     * resource has not been governed yet.
     */
    java.util.Optional<StandardTableLayout> layout(String resourceCode);

    /**
     * Makes sure the resource's STANDARD table has a B-tree index on these fields or facts, in this order, so that
     * a data service looking rows up by them is a point query; does nothing if it has one already.
     *
     * @throws IllegalArgumentException if the table has no such column
     */
    void ensureIndex(String resourceCode, List<String> fieldsOrFacts);
}
