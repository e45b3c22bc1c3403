package dev.banyan.linkage;

import java.util.List;

/**
 * A comparison vector (比较向量 / 比对模式): the agreement level of each field for one pair, packed four bits a field into
 * a long so that millions of pairs and their pattern counts stay compact. Level 0 means a value was missing.
 *
 * @param packed the levels, field {@code f} in bits {@code 4f … 4f+3}
 */
public record ComparisonVector(long packed) {

    /** The level of one field. */
    public int level(int field) {
        return level(packed, field);
    }

    /** The level of one field in a packed vector. */
    public static int level(long packed, int field) {
        return (int) (packed >>> (4 * field)) & 0xF;
    }

    /** A packed vector with one field's level set. */
    public static long with(long packed, int field, int level) {
        return packed | ((long) level << (4 * field));
    }

    /** The vector of the given levels. */
    public static ComparisonVector of(int... levels) {
        long p = 0;
        for (int f = 0; f < levels.length; f++) {
            p = with(p, f, levels[f]);
        }
        return new ComparisonVector(p);
    }

    /** The levels of the first {@code fields} fields, e.g. {@code [1, 2, 0]}. */
    public int[] levels(int fields) {
        int[] out = new int[fields];
        for (int f = 0; f < fields; f++) {
            out[f] = level(f);
        }
        return out;
    }

    /** A readable form with the schema's level labels, e.g. {@code name=exact birth=day-month swapped}. */
    public String describe(List<String> fields, List<List<String>> labels) {
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                b.append(' ');
            }
            b.append(fields.get(f)).append('=').append(labels.get(f).get(level(f)));
        }
        return b.toString();
    }
}
