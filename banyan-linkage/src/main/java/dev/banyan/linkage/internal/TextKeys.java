package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;

/** Blocking keys of plain text values (文本分块键): the value, its prefix or suffix, or its Soundex. */
final class TextKeys {

    private TextKeys() {
    }

    static String of(String value, KeyFunction function, String comparator) {
        return switch (function) {
            case VALUE -> value;
            case PREFIX3 -> value.length() >= 3 ? value.substring(0, 3) : value;
            case HEAD9 -> value.length() >= 12 ? value.substring(0, 9) : null;
            case TAIL9 -> value.length() >= 12 ? value.substring(value.length() - 9) : null;
            case HEAD14 -> value.length() >= 16 ? value.substring(0, 14) : null;
            case SOUNDEX -> {
                String s = Soundex.of(value);
                yield s.isEmpty() ? null : s;
            }
            default -> throw FieldComparator.unsupported(comparator, function);
        };
    }
}
