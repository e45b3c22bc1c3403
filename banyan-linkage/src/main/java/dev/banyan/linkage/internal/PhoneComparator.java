package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;

import java.util.List;

/**
 * Phone comparison (电话比较): digits only, the country code {@code 86} and a trunk {@code 0} before a mobile number
 * dropped, so {@code +86 138 6813 4259}, {@code 138-6813-4259} and {@code 13868134259} are equal, and a landline
 * written with or without its area code ({@code 0591-80660676}, {@code 80660676}) shares its last 8 digits.
 * Levels: exact / same last 8 digits / same last 4 digits / different.
 */
public final class PhoneComparator implements FieldComparator<String> {

    @Override
    public String prepare(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            } else if (c >= '０' && c <= '９') {
                b.append((char) (c - '０' + '0'));
            }
        }
        String d = b.toString();
        if (d.startsWith("0086")) {
            d = d.substring(4);
        } else if (d.startsWith("86") && d.length() == 13) {
            d = d.substring(2);
        }
        if (d.length() == 12 && d.startsWith("01")) {
            d = d.substring(1); // a mobile number typed with a trunk zero
        }
        return d.length() >= 7 ? d : null;
    }

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (sameSuffix(a, b, 8)) {
            return 2;
        }
        return sameSuffix(a, b, 4) ? 3 : 4;
    }

    private static boolean sameSuffix(String a, String b, int n) {
        return a.length() >= n && b.length() >= n && a.regionMatches(a.length() - n, b, b.length() - n, n);
    }

    @Override
    public List<String> levels() {
        return List.of("missing", "exact", "same last 8", "same last 4", "different");
    }

    @Override
    public String key(String value, KeyFunction function) {
        return switch (function) {
            case VALUE -> value;
            case LAST8 -> value.length() >= 8 ? value.substring(value.length() - 8) : null;
            case LAST4 -> value.substring(value.length() - 4);
            default -> throw FieldComparator.unsupported("phone", function);
        };
    }
}
