package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Exact comparison (精确比较) after NFKC, trimming and lower case: equal / different. */
public final class ExactComparator implements FieldComparator<String> {

    @Override
    public String prepare(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public int compare(String a, String b) {
        return a.equals(b) ? 1 : 2;
    }

    @Override
    public List<String> levels() {
        return List.of("missing", "exact", "different");
    }

    @Override
    public String key(String value, KeyFunction function) {
        return TextKeys.of(value, function, "exact");
    }
}
