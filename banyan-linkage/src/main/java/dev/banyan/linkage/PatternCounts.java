package dev.banyan.linkage;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many candidate pairs showed each comparison pattern (比对模式频数). EM works on these counts rather than on the
 * pairs: a million pairs usually show only a few hundred patterns, so estimation takes milliseconds. Patterns are kept
 * sorted so that estimation is deterministic.
 */
public final class PatternCounts {

    private final long[] patterns;
    private final long[] counts;

    private PatternCounts(long[] patterns, long[] counts) {
        this.patterns = patterns;
        this.counts = counts;
    }

    /** Counts from a map of packed pattern to count. */
    public static PatternCounts of(Map<Long, Long> byPattern) {
        TreeMap<Long, Long> sorted = new TreeMap<>(byPattern);
        long[] p = new long[sorted.size()];
        long[] c = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : sorted.entrySet()) {
            p[i] = e.getKey();
            c[i] = e.getValue();
            i++;
        }
        return new PatternCounts(p, c);
    }

    /** The number of distinct patterns. */
    public int size() {
        return patterns.length;
    }

    /** The packed pattern at a position. */
    public long pattern(int i) {
        return patterns[i];
    }

    /** Its count. */
    public long count(int i) {
        return counts[i];
    }

    /** The total number of pairs. */
    public long total() {
        return Arrays.stream(counts).sum();
    }
}
