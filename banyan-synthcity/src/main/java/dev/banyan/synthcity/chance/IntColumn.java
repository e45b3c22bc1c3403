package dev.banyan.synthcity.chance;

import java.util.Arrays;

/** A growable column of {@code int} values (整数列): the compact storage of one attribute of many entities. */
public final class IntColumn {

    private int[] values;
    private int size;

    public IntColumn(int initialCapacity) {
        values = new int[Math.max(16, initialCapacity)];
    }

    public int add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[size] = value;
        return size++;
    }

    public int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " >= " + size);
        }
        return values[index];
    }

    public void set(int index, int value) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " >= " + size);
        }
        values[index] = value;
    }

    public int size() {
        return size;
    }

    /** Trims the backing array and returns it; the column must not be used afterwards. */
    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
