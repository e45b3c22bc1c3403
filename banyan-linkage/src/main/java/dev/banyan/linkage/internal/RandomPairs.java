package dev.banyan.linkage.internal;

import dev.banyan.linkage.ComparisonVector;
import dev.banyan.linkage.LinkMode;

import java.util.SplittableRandom;

/**
 * Estimates u, the level probabilities among non-matches, from random pairs (随机对估计 u): almost every random pair
 * is a non-match, so their level frequencies are u. The seed is fixed so that a rerun on the same records gives the
 * same u. A pseudo-count of one per level keeps unseen levels finite.
 */
public final class RandomPairs {

    private RandomPairs() {
    }

    /**
     * u[field][level] from up to {@code samples} random pairs, drawn in {@code threads} slices with their own seeds
     * (so the estimate depends on the thread count, not on scheduling).
     */
    public static double[][] estimateU(PreparedRecords records, int[] levelCounts, int samples, long seed,
                                       int threads) {
        double[][][] parts = new double[threads][][];
        Runnable[] slices = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int slice = t;
            slices[t] = () -> parts[slice] = count(records, levelCounts, samples / threads, seed + 7919L * slice);
        }
        Workers.run(slices);
        double[][] counts = new double[levelCounts.length][];
        for (int f = 0; f < levelCounts.length; f++) {
            counts[f] = new double[levelCounts[f]];
            for (int l = 1; l < levelCounts[f]; l++) {
                counts[f][l] = 1;
                for (double[][] p : parts) {
                    counts[f][l] += p[f][l];
                }
            }
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

    private static double[][] count(PreparedRecords records, int[] levelCounts, int samples, long seed) {
        int n = records.size();
        double[][] counts = new double[levelCounts.length][];
        for (int f = 0; f < levelCounts.length; f++) {
            counts[f] = new double[levelCounts[f]];
        }
        if (n >= 2) {
            boolean link = records.schema().mode() == LinkMode.LINK;
            SplittableRandom random = new SplittableRandom(seed);
            int attempts = 0;
            for (int s = 0; s < samples && attempts < samples * 4; attempts++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                if (a == b || (link && records.source(a).equals(records.source(b)))) {
                    continue;
                }
                long p = records.compare(a, b);
                for (int f = 0; f < levelCounts.length; f++) {
                    int l = ComparisonVector.level(p, f);
                    if (l != 0) {
                        counts[f][l]++;
                    }
                }
                s++;
            }
        }
        return counts;
    }
}
