package dev.banyan.synthcity.chance;

import java.util.SplittableRandom;

/** A discrete distribution over {@code 0..n-1} given by non-negative weights (加权抽样表), sampled by binary search. */
public final class WeightedTable {

    private final double[] cumulative;

    public WeightedTable(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("no weights");
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0 || Double.isNaN(weights[i])) {
                throw new IllegalArgumentException("negative weight at " + i);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    public int size() {
        return cumulative.length;
    }

    /** The index whose cumulative band contains {@code u} in {@code [0, 1)}. */
    public int pick(double u) {
        double target = u * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        // first index whose cumulative weight exceeds the target; zero-weight entries are never chosen
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    public int pick(SplittableRandom random) {
        return pick(random.nextDouble());
    }
}
