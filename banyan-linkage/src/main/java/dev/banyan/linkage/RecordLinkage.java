package dev.banyan.linkage;

import dev.banyan.linkage.internal.LinkageEngine;

import java.util.List;
import java.util.Map;

/**
 * Record linkage (记录链接): finds which records describe the same entity. Deterministic on valid identifiers,
 * probabilistic for the rest — blocking, comparison, Fellegi–Sunter with m/u estimated by EM, thresholds — and
 * clustering under constraints so that records with different valid identity numbers never share a cluster. The same
 * records give the same clusters and cluster ids whatever their order. Pure functions over records: no database, no
 * framework, so the server and a cluster job can call it alike.
 *
 * <pre>{@code
 * LinkageResult r = new RecordLinkage(schema).run(records, decisions);
 * r.clusterOf().get("HJ000000001");   // the cluster id: smallest record id in the cluster
 * }</pre>
 */
public final class RecordLinkage {

    private final LinkSchema schema;
    private final int threads;
    private final FellegiSunterModel model;
    private final Map<String, String> truth;

    public RecordLinkage(LinkSchema schema) {
        this(schema, Runtime.getRuntime().availableProcessors(), null, null);
    }

    private RecordLinkage(LinkSchema schema, int threads, FellegiSunterModel model, Map<String, String> truth) {
        this.schema = schema;
        this.threads = threads;
        this.model = model;
        this.truth = truth;
    }

    /** The same linkage on {@code n} threads (default: one per core). */
    public RecordLinkage threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        return new RecordLinkage(schema, n, model, truth);
    }

    /** The same linkage with a fixed model instead of estimating one (e.g. a model saved from an earlier run). */
    public RecordLinkage model(FellegiSunterModel fixed) {
        return new RecordLinkage(schema, threads, fixed, truth);
    }

    /** The same linkage, reporting pair completeness against a ground truth (record id → entity id). */
    public RecordLinkage truth(Map<String, String> entities) {
        return new RecordLinkage(schema, threads, model, entities);
    }

    public LinkSchema schema() {
        return schema;
    }

    /** Links the records, honouring the review decisions. */
    public LinkageResult run(List<LinkRecord> records, List<ReviewDecision> decisions) {
        return engine().runFull(records, decisions, model);
    }

    /** Links the records and keeps the index, model and clusters for {@link LinkageIndex#add incremental batches}. */
    public LinkageIndex index(List<LinkRecord> records, List<ReviewDecision> decisions) {
        LinkageEngine engine = engine();
        LinkageResult first = engine.runFull(records, decisions, model);
        return new LinkageIndex(engine, first);
    }

    private LinkageEngine engine() {
        LinkageEngine engine = new LinkageEngine(schema, threads);
        if (truth != null) {
            engine.truth(truth);
        }
        return engine;
    }
}
