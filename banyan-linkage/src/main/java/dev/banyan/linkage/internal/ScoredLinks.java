package dev.banyan.linkage.internal;

import java.util.Arrays;

/**
 * Scored pairs above the review threshold (候选链接): record indices and match weights, sortable into the order the
 * clustering consumes them — strongest first, ties by record index, so the order never depends on threads.
 */
public final class ScoredLinks {

    private int[] first = new int[256];
    private int[] second = new int[256];
    private double[] weights = new double[256];
    private long[] patterns = new long[256];
    private int size;

    public void add(int a, int b, double weight, long pattern) {
        if (size == first.length) {
            int c = size * 2;
            first = Arrays.copyOf(first, c);
            second = Arrays.copyOf(second, c);
            weights = Arrays.copyOf(weights, c);
            patterns = Arrays.copyOf(patterns, c);
        }
        first[size] = a;
        second[size] = b;
        weights[size] = weight;
        patterns[size] = pattern;
        size++;
    }

    public void addAll(ScoredLinks other) {
        for (int i = 0; i < other.size; i++) {
            add(other.first[i], other.second[i], other.weights[i], other.patterns[i]);
        }
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

    public double weight(int i) {
        return weights[i];
    }

    public long pattern(int i) {
        return patterns[i];
    }

    /** Positions in clustering order: weight descending, then first index, then second index. */
    public int[] order() {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (x, y) -> {
            int c = Double.compare(weights[y], weights[x]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(first[x], first[y]);
            return c != 0 ? c : Integer.compare(second[x], second[y]);
        });
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = boxed[i];
        }
        return out;
    }
}
