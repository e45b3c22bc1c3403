package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Free-text comparison (文本相似度): exact / Jaro-Winkler ≥ 0.92 / Damerau-Levenshtein ≤ 2 or Jaro-Winkler ≥ 0.80 /
 * different — the Splink-style ladder for Latin strings such as Febrl's streets and suburbs.
 */
public final class StringComparator implements FieldComparator<String> {

    @Override
    public String prepare(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        double jw = StringDistance.jaroWinkler(a, b);
        if (jw >= 0.92) {
            return 2;
        }
        if (jw >= 0.80 || StringDistance.boundedDamerau(a, b, 2) <= 2) {
            return 3;
        }
        return 4;
    }

    @Override
    public List<String> levels() {
        return List.of("missing", "exact", "jaro-winkler>=0.92", "close", "different");
    }

    @Override
    public String key(String value, KeyFunction function) {
        return TextKeys.of(value, function, "string");
    }
}
