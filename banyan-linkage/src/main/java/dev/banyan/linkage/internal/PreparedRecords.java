package dev.banyan.linkage.internal;

import dev.banyan.linkage.BlockingKey;
import dev.banyan.linkage.BlockingRule;
import dev.banyan.linkage.ComparisonVector;
import dev.banyan.linkage.FieldSpec;
import dev.banyan.linkage.LinkRecord;
import dev.banyan.linkage.LinkSchema;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The records in prepared form (预处理记录): each field's value parsed and normalised once, the blocking-key hash of
 * each rule, and the valid identifiers. Records are addressed by index; the store grows when an incremental batch
 * arrives.
 */
public final class PreparedRecords {

    private final LinkSchema schema;
    private final FieldComparator<Object>[] comparators;
    private final int[][] ruleFields;
    private final dev.banyan.linkage.KeyFunction[][] ruleFunctions;
    private final int[] identifierFields;
    private String[] ids = new String[0];
    private String[] sources = new String[0];
    private Object[][] values;
    private long[][] keyHashes;
    private String[][] identifiers;
    private int size;

    @SuppressWarnings("unchecked")
    public PreparedRecords(LinkSchema schema) {
        this.schema = schema;
        List<FieldSpec> fields = schema.fields();
        comparators = new FieldComparator[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            comparators[f] = (FieldComparator<Object>) Comparators.of(fields.get(f).kind());
        }
        List<BlockingRule> rules = schema.blocking();
        ruleFields = new int[rules.size()][];
        ruleFunctions = new dev.banyan.linkage.KeyFunction[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            List<BlockingKey> keys = rules.get(r).keys();
            ruleFields[r] = keys.stream().mapToInt(k -> schema.indexOf(k.field())).toArray();
            ruleFunctions[r] = keys.stream().map(BlockingKey::function).toArray(dev.banyan.linkage.KeyFunction[]::new);
        }
        identifierFields = IntStream.range(0, fields.size()).filter(f -> fields.get(f).identifier()).toArray();
        values = new Object[fields.size()][0];
        keyHashes = new long[rules.size()][0];
        identifiers = new String[identifierFields.length][0];
    }

    /**
     * Prepares and appends records, using up to {@code threads} threads.
     *
     * @return the index of the first appended record
     */
    public int addAll(List<LinkRecord> records, int threads) {
        int start = size;
        ensureCapacity(size + records.size());
        Runnable[] slices = new Runnable[threads];
        int n = records.size();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            slices[t] = () -> {
                for (int i = from; i < to; i++) {
                    prepare(start + i, records.get(i));
                }
            };
        }
        Workers.run(slices);
        size += n;
        return start;
    }

    private void prepare(int index, LinkRecord record) {
        if (record.size() != comparators.length) {
            throw new IllegalArgumentException("record " + record.id() + " has " + record.size() + " values, the schema "
                    + comparators.length + " fields");
        }
        ids[index] = record.id();
        sources[index] = record.source();
        for (int f = 0; f < comparators.length; f++) {
            values[f][index] = comparators[f].prepare(record.value(f));
        }
        for (int r = 0; r < ruleFields.length; r++) {
            int k = ruleFields[r].length;
            String[] used = new String[k];
            for (int i = 0; i < k; i++) {
                Object v = values[ruleFields[r][i]][index];
                used[i] = v == null ? null : comparators[ruleFields[r][i]].key(v, ruleFunctions[r][i]);
            }
            keyHashes[r][index] = KeyHash.of(used);
        }
        for (int i = 0; i < identifierFields.length; i++) {
            int f = identifierFields[i];
            Object v = values[f][index];
            identifiers[i][index] = v != null && comparators[f].valid(v) ? comparators[f].key(v,
                    dev.banyan.linkage.KeyFunction.VALUE) : null;
        }
    }

    private void ensureCapacity(int capacity) {
        if (capacity <= ids.length) {
            return;
        }
        int c = Math.max(capacity, ids.length + (ids.length >> 1));
        ids = Arrays.copyOf(ids, c);
        sources = Arrays.copyOf(sources, c);
        for (int f = 0; f < values.length; f++) {
            values[f] = Arrays.copyOf(values[f], c);
        }
        for (int r = 0; r < keyHashes.length; r++) {
            keyHashes[r] = Arrays.copyOf(keyHashes[r], c);
        }
        for (int i = 0; i < identifiers.length; i++) {
            identifiers[i] = Arrays.copyOf(identifiers[i], c);
        }
    }

    /** The packed comparison vector of two records. */
    public long compare(int a, int b) {
        long packed = 0;
        for (int f = 0; f < comparators.length; f++) {
            Object x = values[f][a];
            Object y = values[f][b];
            if (x != null && y != null) {
                packed = ComparisonVector.with(packed, f, comparators[f].compare(x, y));
            }
        }
        return packed;
    }

    public int size() {
        return size;
    }

    public String id(int i) {
        return ids[i];
    }

    public String source(int i) {
        return sources[i];
    }

    public LinkSchema schema() {
        return schema;
    }

    /** The key hash of a record under a rule; 0 if the record has no key for it. */
    public long keyHash(int rule, int i) {
        return keyHashes[rule][i];
    }

    public int rules() {
        return keyHashes.length;
    }

    /** The number of identifier fields. */
    public int identifierCount() {
        return identifierFields.length;
    }

    /** The valid identifier of a record in the k-th identifier field, or {@code null}. */
    public String identifier(int k, int i) {
        return identifiers[k][i];
    }

    /** The term of a field's value for term-frequency adjustment, or {@code null}. */
    public String term(int field, int i) {
        Object v = values[field][i];
        return v == null ? null : comparators[field].term(v);
    }

    /** The level labels of each field. */
    public List<List<String>> levelLabels() {
        return Arrays.stream(comparators).map(FieldComparator::levels).toList();
    }

    /** The number of levels of each field, including missing. */
    public int[] levelCounts() {
        return Arrays.stream(comparators).mapToInt(c -> c.levels().size()).toArray();
    }
}
