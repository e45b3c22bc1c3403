package dev.banyan.linkage.internal;

import dev.banyan.linkage.ComparisonVector;

import java.util.HashMap;
import java.util.Map;

/**
 * Estimates m, the level probabilities among matches, from pairs that share a valid identifier (证件号相同的记录对):
 * those are matches with near certainty, so how their other fields agree shows how each department's mess looks in
 * true matches. The estimate starts EM in the right place — without it, EM on blocked pairs can settle on "same name"
 * instead of "same person" as its match class. A pseudo-count of one per level keeps unseen levels finite.
 */
public final class IdentityPairs {

    private IdentityPairs() {
    }

    /**
     * m[field][level] from up to {@code samples} identifier-sharing pairs (each record paired with the previous holder
     * of its identifier), or {@code null} if the records have no identifier field or fewer than 100 such pairs.
     */
    public static double[][] estimateM(PreparedRecords records, int[] levelCounts, int samples) {
        if (records.identifierCount() == 0) {
            return null;
        }
        double[][] counts = new double[levelCounts.length][];
        for (int f = 0; f < levelCounts.length; f++) {
            counts[f] = new double[levelCounts[f]];
            for (int l = 1; l < levelCounts[f]; l++) {
                counts[f][l] = 1;
            }
        }
        Map<String, Integer> previous = new HashMap<>();
        int pairs = 0;
        for (int i = 0; i < records.size() && pairs < samples; i++) {
            String id = records.identifier(0, i);
            if (id == null) {
                continue;
            }
            Integer before = previous.put(id, i);
            if (before != null) {
                long p = records.compare(before, i);
                for (int f = 0; f < levelCounts.length; f++) {
                    int l = ComparisonVector.level(p, f);
                    if (l != 0) {
                        counts[f][l]++;
                    }
                }
                pairs++;
            }
        }
        if (pairs < 100) {
            return null;
        }
        for (double[] c : counts) {
            double total = 0;
            for (int l = 1; l < c.length; l++) {
                total += c[l];
            }
            for (int l = 1; l < c.length; l++) {
                c[l] /= total;
            }
        }
        return counts;
    }
}
