package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;

import java.util.List;

/**
 * Compares one field of two records into an agreement level (比较级别). Values are prepared once per record (parsed,
 * normalised) so that the millions of comparisons touch only prepared forms. Level 0 is always "missing" (one side
 * empty) and carries no evidence; levels 1.. go from the most similar to the least.
 *
 * @param <P> the prepared form of a value
 */
public interface FieldComparator<P> {

    /** The prepared form of a raw value, or {@code null} if it is missing or unusable. */
    P prepare(String raw);

    /** The level of two prepared values, from 1 (most similar) to {@code levels().size() - 1}; never 0. */
    int compare(P a, P b);

    /** The level labels; index 0 is {@code missing}. */
    List<String> levels();

    /** The blocking key of a prepared value for a key function, or {@code null} if the value gives no such key. */
    String key(P value, KeyFunction function);

    /** The term whose frequency adjusts exact agreement (e.g. the simplified name); by default the key VALUE. */
    default String term(P value) {
        return key(value, KeyFunction.VALUE);
    }

    /** Whether the prepared value is a valid strong identifier (only identifiers have valid values). */
    default boolean valid(P value) {
        return false;
    }

    static IllegalArgumentException unsupported(String comparator, KeyFunction f) {
        return new IllegalArgumentException(comparator + " values have no " + f.name().toLowerCase() + " key");
    }
}
