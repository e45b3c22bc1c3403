package dev.banyan.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a linkage run (链接结果): the cluster of every record (cluster id = smallest record id in it), the
 * pairs for clerical review, the model used, blocking statistics and timings.
 *
 * @param clusterOf          record id → cluster id
 * @param reviewPairs        pairs for clerical review, strongest first
 * @param model              the Fellegi–Sunter model that scored the pairs
 * @param blocking           blocking statistics
 * @param pairsCompared      candidate pairs compared
 * @param autoLinks          pairs at or above the link threshold
 * @param refusedDecisions   accepted decisions that could not be applied because the records hold different valid
 *                           identifiers
 * @param times              stage timings
 */
public record LinkageResult(Map<String, String> clusterOf, List<ClericalReviewPair> reviewPairs,
                            FellegiSunterModel model, BlockingStats blocking, long pairsCompared, long autoLinks,
                            List<ReviewDecision> refusedDecisions, StageTimes times) {

    /** Clusters as cluster id → member ids, both sorted. */
    public Map<String, List<String>> clusters() {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(clusterOf).entrySet()) {
            out.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        return out;
    }

    /** The number of clusters (entities). */
    public long clusterCount() {
        return clusterOf.values().stream().distinct().count();
    }
}
