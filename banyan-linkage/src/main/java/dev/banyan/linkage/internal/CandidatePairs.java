package dev.banyan.linkage.internal;

import dev.banyan.linkage.LinkMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates and compares candidate pairs (候选对生成与比较) from the blocking index: all pairs within each block of
 * each rule, each pair once — a pair is left to the first rule whose keys it shares — and, in link mode, only pairs
 * from different sources. Work is split into slices balanced by pair count; each slice fills its own
 * {@link PairBuffer} and {@link PatternTally}.
 */
public final class CandidatePairs {

    /** What one slice produced. */
    public record Slice(PairBuffer pairs, PatternTally tally, long[] pairsPerRule) {
    }

    /** What a full pass produced. */
    public record Outcome(List<Slice> slices, long skippedBlocks, long skippedRecords) {

        public PatternTally tally() {
            PatternTally t = new PatternTally();
            slices.forEach(s -> t.addAll(s.tally()));
            return t;
        }

        public long[] pairsPerRule(int rules) {
            long[] out = new long[rules];
            for (Slice s : slices) {
                for (int r = 0; r < rules; r++) {
                    out[r] += s.pairsPerRule()[r];
                }
            }
            return out;
        }
    }

    private final PreparedRecords records;
    private final BlockIndex index;
    private final boolean linkMode;

    public CandidatePairs(PreparedRecords records, BlockIndex index) {
        this.records = records;
        this.index = index;
        this.linkMode = records.schema().mode() == LinkMode.LINK;
    }

    /**
     * Whether rule {@code rule} should compare records a and b: they share its key and no earlier rule's, and no valid
     * identifier already decides that they are one entity (those pairs are linked deterministically, so comparing
     * them would only cost time and tilt EM towards the easy cases).
     */
    boolean admit(int rule, int a, int b) {
        if (records.keyHash(rule, a) != records.keyHash(rule, b)) {
            return false;
        }
        for (int k = 0; k < records.identifierCount(); k++) {
            String x = records.identifier(k, a);
            if (x != null && x.equals(records.identifier(k, b))) {
                return false;
            }
        }
        if (linkMode && records.source(a).equals(records.source(b))) {
            return false;
        }
        for (int q = 0; q < rule; q++) {
            long h = records.keyHash(q, a);
            if (h != 0 && h == records.keyHash(q, b) && !index.skipped(q, h)) {
                return false;
            }
        }
        return true;
    }

    /** Compares all candidate pairs among the indexed records, with {@code threads} threads. */
    public Outcome all(int threads) {
        int rules = index.rules();
        // blocks as (rule, start, end), with their pair counts for balancing
        List<int[]> blocks = new ArrayList<>();
        long totalPairs = 0;
        long skippedBlocks = 0;
        long skippedRecords = 0;
        for (int r = 0; r < rules; r++) {
            long[] entries = index.entries(r);
            for (int start = 0; start < entries.length; ) {
                int end = index.runEnd(r, start);
                int n = end - start;
                if (n > index.maxBlockSize()) {
                    skippedBlocks++;
                    skippedRecords += n;
                } else if (n >= 2) {
                    blocks.add(new int[]{r, start, end});
                    totalPairs += (long) n * (n - 1) / 2;
                }
                start = end;
            }
        }
        int sliceCount = Math.max(1, threads * 4);
        List<List<int[]>> parts = new ArrayList<>();
        long perSlice = Math.max(1, totalPairs / sliceCount);
        List<int[]> current = new ArrayList<>();
        long acc = 0;
        for (int[] b : blocks) {
            current.add(b);
            long n = b[2] - b[1];
            acc += n * (n - 1) / 2;
            if (acc >= perSlice) {
                parts.add(current);
                current = new ArrayList<>();
                acc = 0;
            }
        }
        parts.add(current);
        Slice[] results = new Slice[parts.size()];
        // a small pool runs the slices; results are kept by slice position, not by finishing order
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable[] workers = new Runnable[Math.max(1, threads)];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = () -> {
                for (int p = next.getAndIncrement(); p < parts.size(); p = next.getAndIncrement()) {
                    results[p] = compareBlocks(parts.get(p), rules);
                }
            };
        }
        Workers.run(workers);
        return new Outcome(List.of(results), skippedBlocks, skippedRecords);
    }

    private Slice compareBlocks(List<int[]> blocks, int rules) {
        PairBuffer buffer = new PairBuffer();
        PatternTally tally = new PatternTally();
        long[] perRule = new long[rules];
        for (int[] block : blocks) {
            int r = block[0];
            long[] entries = index.entries(r);
            for (int x = block[1]; x < block[2]; x++) {
                int a = BlockIndex.index(entries[x]);
                for (int y = x + 1; y < block[2]; y++) {
                    int b = BlockIndex.index(entries[y]);
                    if (admit(r, a, b)) {
                        long pattern = records.compare(a, b);
                        buffer.add(a, b, pattern);
                        tally.add(pattern, 1);
                        perRule[r]++;
                    }
                }
            }
        }
        return new Slice(buffer, tally, perRule);
    }

    /**
     * Compares the appended records [from, to) with every indexed or earlier appended record sharing a block. The
     * records must already be {@link BlockIndex#append appended} to the index.
     */
    public Outcome appended(int from, int to, int threads) {
        int rules = index.rules();
        Slice[] results = new Slice[Math.max(1, threads)];
        long[] skipped = new long[2];
        Runnable[] workers = new Runnable[results.length];
        for (int t = 0; t < workers.length; t++) {
            int slice = t;
            int lo = from + (int) ((long) (to - from) * t / workers.length);
            int hi = from + (int) ((long) (to - from) * (t + 1) / workers.length);
            workers[t] = () -> {
                PairBuffer buffer = new PairBuffer();
                PatternTally tally = new PatternTally();
                long[] perRule = new long[rules];
                long skippedHere = 0;
                for (int i = lo; i < hi; i++) {
                    for (int r = 0; r < rules; r++) {
                        long h = records.keyHash(r, i);
                        if (h == 0) {
                            continue;
                        }
                        int[] range = index.baseRange(r, h);
                        IntList extra = index.appended(r, h);
                        int size = range[1] - range[0] + (extra == null ? 0 : extra.size());
                        if (size > index.maxBlockSize()) {
                            skippedHere++;
                            continue;
                        }
                        long[] entries = index.entries(r);
                        for (int x = range[0]; x < range[1]; x++) {
                            consider(r, BlockIndex.index(entries[x]), i, buffer, tally, perRule);
                        }
                        if (extra != null) {
                            for (int x = 0; x < extra.size() && extra.get(x) < i; x++) {
                                consider(r, extra.get(x), i, buffer, tally, perRule);
                            }
                        }
                    }
                }
                results[slice] = new Slice(buffer, tally, perRule);
                synchronized (skipped) {
                    skipped[0] += skippedHere;
                }
            };
        }
        Workers.run(workers);
        return new Outcome(List.of(results), skipped[0], 0);
    }

    private void consider(int rule, int existing, int added, PairBuffer buffer, PatternTally tally, long[] perRule) {
        int a = Math.min(existing, added);
        int b = Math.max(existing, added);
        if (admit(rule, a, b)) {
            long pattern = records.compare(a, b);
            buffer.add(a, b, pattern);
            tally.add(pattern, 1);
            perRule[rule]++;
        }
    }
}
