package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;

import java.util.List;
import java.util.Locale;

/** Sex (性别) written as 男/女, GB/T 2261.1 codes 1/2, M/F or male/female: equal / different. */
public final class SexComparator implements FieldComparator<String> {

    @Override
    public String prepare(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "男", "1", "m", "male", "男性" -> "m";
            case "女", "2", "f", "female", "女性" -> "f";
            default -> null;
        };
    }

    @Override
    public int compare(String a, String b) {
        return a.equals(b) ? 1 : 2;
    }

    @Override
    public List<String> levels() {
        return List.of("missing", "same", "different");
    }

    @Override
    public String key(String value, KeyFunction function) {
        if (function != KeyFunction.VALUE) {
            throw FieldComparator.unsupported("sex", function);
        }
        return value;
    }
}
