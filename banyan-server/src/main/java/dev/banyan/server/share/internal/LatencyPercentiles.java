package dev.banyan.server.share.internal;

import java.util.Arrays;

/** Percentiles of measured latencies (nearest rank), for the benchmarks' p50 and p99. */
final class LatencyPercentiles {

    private LatencyPercentiles() {
    }

    /** The p-th percentile (0 < p ≤ 100) of the values, which are sorted in place; 0 when there are none. */
    static long of(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.clamp(rank - 1, 0, values.length - 1)];
    }
}
