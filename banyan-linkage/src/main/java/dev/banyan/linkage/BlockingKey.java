package dev.banyan.linkage;

import java.util.Locale;
import java.util.Objects;

/**
 * One part of a blocking rule (分块键): a key function applied to a field, written {@code field:function} in configs,
 * e.g. {@code name:pinyin} or {@code birth:year_month}.
 *
 * @param field    the field name; must be a field of the schema
 * @param function what to take from the prepared value
 */
public record BlockingKey(String field, KeyFunction function) {

    public BlockingKey {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(function, "function");
    }

    /** Parses {@code field:function} or {@code field} (meaning {@link KeyFunction#VALUE}). */
    public static BlockingKey parse(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return new BlockingKey(s, KeyFunction.VALUE);
        }
        String fn = s.substring(colon + 1).strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return new BlockingKey(s.substring(0, colon).strip(), KeyFunction.valueOf(fn));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown key function '" + s.substring(colon + 1) + "' in '" + text
                    + "'; known: " + java.util.Arrays.toString(KeyFunction.values()).toLowerCase(Locale.ROOT), e);
        }
    }

    @Override
    public String toString() {
        return field + ":" + function.name().toLowerCase(Locale.ROOT);
    }
}
