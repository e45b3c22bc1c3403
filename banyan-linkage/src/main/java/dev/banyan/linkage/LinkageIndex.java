package dev.banyan.linkage;

import dev.banyan.linkage.internal.LinkageEngine;

import java.util.List;
import java.util.Map;

/**
 * A linked population kept ready for incremental linking (增量链接): the prepared records, their blocking index, the
 * model and the clusters of a full run. {@link #add} links a new batch against it without a rerun: candidates come
 * from the existing blocks, pairs are scored with the kept model, and the new links are merged into the existing
 * clusters under the same constraints. Review decisions given with a batch are applied before its links.
 *
 * <p>Not thread-safe: add batches one at a time.
 */
public final class LinkageIndex {

    private final LinkageEngine engine;
    private final LinkageResult initial;

    LinkageIndex(LinkageEngine engine, LinkageResult initial) {
        this.engine = engine;
        this.initial = initial;
    }

    /** The result of the full run that built the index. */
    public LinkageResult initial() {
        return initial;
    }

    /** The model used for every batch. */
    public FellegiSunterModel model() {
        return engine.model();
    }

    /** Links a batch; the result lists the cluster of each new record. */
    public LinkageResult add(List<LinkRecord> batch, List<ReviewDecision> decisions) {
        return engine.addBatch(batch, decisions);
    }

    /** The current cluster id of a record, or {@code null} if it was never linked here. */
    public String clusterOf(String recordId) {
        return engine.clusterOf(recordId);
    }

    /** The current cluster of every record, by record id. */
    public Map<String, String> clusters() {
        return engine.allClusters();
    }
}
