package dev.banyan.linkage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pairwise accuracy (成对评估) of clusters against a ground truth: a pair of records is predicted if they share a
 * cluster and true if they share an entity. Records the truth does not know count as entities of their own.
 *
 * @param predictedPairs pairs within predicted clusters
 * @param truePairs      pairs within true entities
 * @param truePositives  pairs that are both
 */
public record PairwiseEvaluation(long predictedPairs, long truePairs, long truePositives) {

    /** Evaluates {@code clusterOf} (record → cluster) against {@code entityOf} (record → entity). */
    public static PairwiseEvaluation of(Map<String, String> clusterOf, Map<String, String> entityOf) {
        Map<String, Long> clusters = new HashMap<>();
        Map<String, Long> entities = new HashMap<>();
        Map<String, Long> both = new HashMap<>();
        for (Map.Entry<String, String> e : clusterOf.entrySet()) {
            String entity = entityOf.get(e.getKey());
            if (entity == null) {
                entity = "\u0000" + e.getKey();
            }
            clusters.merge(e.getValue(), 1L, Long::sum);
            entities.merge(entity, 1L, Long::sum);
            both.merge(e.getValue() + "\u0001" + entity, 1L, Long::sum);
        }
        return new PairwiseEvaluation(pairs(clusters), pairs(entities), pairs(both));
    }

    private static long pairs(Map<String, Long> sizes) {
        long sum = 0;
        for (long s : sizes.values()) {
            sum += s * (s - 1) / 2;
        }
        return sum;
    }

    public double precision() {
        return predictedPairs == 0 ? 1 : (double) truePositives / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1 : (double) truePositives / truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "precision %.4f, recall %.4f, F1 %.4f (%,d true positives, %,d predicted, %,d true pairs)",
                precision(), recall(), f1(), truePositives, predictedPairs, truePairs);
    }
}
