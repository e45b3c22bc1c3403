package dev.banyan.linkage.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts comparison patterns (比对模式计数) in an open-addressing table of primitive longs, so that counting tens of
 * millions of pairs allocates nothing per pair. One tally per worker thread; tallies are added together at the end.
 */
public final class PatternTally {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys = new long[1024];
    private long[] counts = new long[1024];
    private int size;

    public PatternTally() {
        Arrays.fill(keys, EMPTY);
    }

    public void add(long pattern, long count) {
        int mask = keys.length - 1;
        int i = mix(pattern) & mask;
        while (keys[i] != EMPTY && keys[i] != pattern) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            keys[i] = pattern;
            size++;
            counts[i] = count;
            if (size * 2 > keys.length) {
                grow();
            }
        } else {
            counts[i] += count;
        }
    }

    public void addAll(PatternTally other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != EMPTY) {
                add(other.keys[i], other.counts[i]);
            }
        }
    }

    public Map<Long, Long> toMap() {
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                out.put(keys[i], counts[i]);
            }
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }

    private static int mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return (int) x;
    }
}
