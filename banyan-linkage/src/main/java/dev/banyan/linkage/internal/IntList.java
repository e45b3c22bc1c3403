package dev.banyan.linkage.internal;

import java.util.Arrays;

/** A growable list of ints (整数列表) without boxing. */
public final class IntList {

    private int[] items = new int[4];
    private int size;

    public void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    public int get(int i) {
        return items[i];
    }

    public int size() {
        return size;
    }
}
