package dev.banyan.synthcity.chance;

/**
 * An open-addressing set of non-negative {@code long} keys (唯一性登记): used to keep identity numbers, credit codes
 * and names unique without boxing a million values. Iteration is not offered, so no output can depend on hash order.
 */
public final class LongSet {

    private static final long EMPTY = -1L;
    private long[] slots;
    private int size;

    public LongSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
        java.util.Arrays.fill(slots, EMPTY);
    }

    /** Adds the key; false if it was already present. */
    public boolean add(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key");
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) SeedMixer.mix(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        size++;
        return true;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        size = 0;
        for (long k : old) {
            if (k != EMPTY) {
                add(k);
            }
        }
    }
}
