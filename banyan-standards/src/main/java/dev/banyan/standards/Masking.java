package dev.banyan.standards;

/**
 * Masking of personal information (个人信息脱敏) for viewers who may not see it in full: identity numbers keep the
 * first six and last four characters ({@code 350102********1234}), phone numbers the first three and last four
 * ({@code 138****5678}), names their first character ({@code 张*}, {@code 欧**}), addresses their first six
 * characters, dates their year.
 */
public final class Masking {

    /** How a value is masked. */
    public enum Kind {
        NONE, IDENTIFIER, PHONE, NAME, ADDRESS, DATE
    }

    private Masking() {
    }

    public static String mask(String value, Kind kind) {
        if (value == null || value.isBlank() || kind == Kind.NONE) {
            return value;
        }
        String v = value.strip();
        return switch (kind) {
            case IDENTIFIER -> v.length() <= 10 ? stars(v.length()) : v.substring(0, 6) + stars(v.length() - 10)
                    + v.substring(v.length() - 4);
            case PHONE -> phone(v);
            case NAME -> name(v);
            case ADDRESS -> v.codePointCount(0, v.length()) <= 6 ? v.substring(0, v.offsetByCodePoints(0, 1)) + "***"
                    : v.substring(0, v.offsetByCodePoints(0, 6)) + "****";
            case DATE -> v.length() >= 4 ? v.substring(0, 4) + "-**-**" : "****";
            case NONE -> v;
        };
    }

    private static String phone(String v) {
        String digits = v.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return stars(digits.length());
        }
        return digits.substring(0, 3) + stars(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    private static String name(String v) {
        int n = v.codePointCount(0, v.length());
        if (n <= 1) {
            return "*";
        }
        return v.substring(0, v.offsetByCodePoints(0, 1)) + stars(n - 1);
    }

    private static String stars(int n) {
        return "*".repeat(Math.max(1, n));
    }
}
