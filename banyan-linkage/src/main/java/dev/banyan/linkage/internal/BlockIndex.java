package dev.banyan.linkage.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The blocking index (分块索引): per rule, the records' key hashes sorted, so that a block is a run of equal hashes
 * and a new record finds its block by binary search. Records appended after the index was built (incremental batches)
 * go to a small per-rule map instead of re-sorting a million entries.
 *
 * <p>An entry packs the top {@code 64 − IDX_BITS} bits of the key hash above the record index; a run of equal
 * prefixes may, very rarely, hold two different keys, so pairs are always re-checked on the full hash.
 */
public final class BlockIndex {

    static final int IDX_BITS = 27;
    private static final long IDX_MASK = (1L << IDX_BITS) - 1;

    private final PreparedRecords records;
    private final int maxBlockSize;
    private final long[][] sorted;
    private final Set<Long>[] largeBlocks;
    private final Map<Long, IntList>[] appended;

    @SuppressWarnings("unchecked")
    private BlockIndex(PreparedRecords records, int maxBlockSize, long[][] sorted) {
        this.records = records;
        this.maxBlockSize = maxBlockSize;
        this.sorted = sorted;
        this.largeBlocks = new Set[sorted.length];
        this.appended = new Map[sorted.length];
        for (int r = 0; r < sorted.length; r++) {
            largeBlocks[r] = new HashSet<>();
            appended[r] = new HashMap<>();
            long[] s = sorted[r];
            for (int start = 0; start < s.length; ) {
                int end = runEnd(r, start);
                if (end - start > maxBlockSize) {
                    largeBlocks[r].add(s[start] >>> IDX_BITS);
                }
                start = end;
            }
        }
    }

    /** Indexes every record in the store. */
    public static BlockIndex build(PreparedRecords records, int maxBlockSize) {
        if (records.size() > IDX_MASK) {
            throw new IllegalArgumentException("at most " + IDX_MASK + " records can be indexed");
        }
        long[][] sorted = new long[records.rules()][];
        for (int r = 0; r < records.rules(); r++) {
            long[] entries = new long[records.size()];
            int n = 0;
            for (int i = 0; i < records.size(); i++) {
                long h = records.keyHash(r, i);
                if (h != 0) {
                    entries[n++] = ((h >>> IDX_BITS) << IDX_BITS) | i;
                }
            }
            entries = Arrays.copyOf(entries, n);
            Arrays.parallelSort(entries);
            sorted[r] = entries;
        }
        return new BlockIndex(records, maxBlockSize, sorted);
    }

    public int rules() {
        return sorted.length;
    }

    /** The sorted entries of a rule. */
    long[] entries(int rule) {
        return sorted[rule];
    }

    static int index(long entry) {
        return (int) (entry & IDX_MASK);
    }

    /** The end (exclusive) of the run of equal prefixes starting at {@code start}. */
    int runEnd(int rule, int start) {
        long[] s = sorted[rule];
        long prefix = s[start] >>> IDX_BITS;
        int end = start + 1;
        while (end < s.length && (s[end] >>> IDX_BITS) == prefix) {
            end++;
        }
        return end;
    }

    public int maxBlockSize() {
        return maxBlockSize;
    }

    /** Whether the block of a key hash was too large to compare when the index was built. */
    boolean skipped(int rule, long hash) {
        return !largeBlocks[rule].isEmpty() && largeBlocks[rule].contains(hash >>> IDX_BITS);
    }

    /** Adds appended records (incremental batch) to the index. */
    void append(int from, int to) {
        for (int r = 0; r < sorted.length; r++) {
            for (int i = from; i < to; i++) {
                long h = records.keyHash(r, i);
                if (h != 0) {
                    appended[r].computeIfAbsent(h, k -> new IntList()).add(i);
                }
            }
        }
    }

    /** The range [from, to) of indexed entries whose prefix equals the hash's. */
    int[] baseRange(int rule, long hash) {
        long[] s = sorted[rule];
        long lo = (hash >>> IDX_BITS) << IDX_BITS;
        int from = lowerBound(s, lo);
        int to = lowerBound(s, lo + IDX_MASK + 1);
        return new int[]{from, to};
    }

    /** Appended records with exactly this key hash, or {@code null}. */
    IntList appended(int rule, long hash) {
        return appended[rule].get(hash);
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
