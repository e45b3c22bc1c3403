package dev.banyan.linkage.internal;

import java.util.Arrays;

/**
 * The compared pairs of one worker (候选对缓冲): record indices and packed comparison vectors in primitive arrays, 16
 * bytes a pair, kept until the model is estimated and the pairs can be scored.
 */
public final class PairBuffer {

    private int[] first = new int[1024];
    private int[] second = new int[1024];
    private long[] patterns = new long[1024];
    private int size;

    public void add(int a, int b, long pattern) {
        if (size == first.length) {
            int capacity = size + (size >> 1);
            first = Arrays.copyOf(first, capacity);
            second = Arrays.copyOf(second, capacity);
            patterns = Arrays.copyOf(patterns, capacity);
        }
        first[size] = a;
        second[size] = b;
        patterns[size] = pattern;
        size++;
    }

    public int size() {
        return size;
    }

    public int first(int i) {
        return first[i];
    }

    public int second(int i) {
        return second[i];
    }

    public long pattern(int i) {
        return patterns[i];
    }
}
