package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;

import java.util.List;

/** Numeric closeness (数值接近度): exact / within 1 % / within 10 % / different. */
public final class NumberComparator implements FieldComparator<NumberComparator.Value> {

    /** A parsed number with its text, for keys. */
    public record Value(double number, String text) {
    }

    @Override
    public Value prepare(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().replace(",", "").replace("，", "");
        try {
            return new Value(Double.parseDouble(s), s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int compare(Value a, Value b) {
        double x = a.number();
        double y = b.number();
        if (x == y) {
            return 1;
        }
        double scale = Math.max(Math.abs(x), Math.abs(y));
        double diff = Math.abs(x - y);
        if (diff <= 0.01 * scale) {
            return 2;
        }
        return diff <= 0.10 * scale ? 3 : 4;
    }

    @Override
    public List<String> levels() {
        return List.of("missing", "exact", "within 1%", "within 10%", "different");
    }

    @Override
    public String key(Value value, KeyFunction function) {
        return TextKeys.of(value.text(), function, "number");
    }
}
