package dev.banyan.standards;

import java.util.Locale;

/**
 * The organisation code (组织机构代码) of GB 11714-1997: eight characters {@code 0-9A-Z} and a check
 * character, usually written {@code XXXXXXXX-X}.
 */
public final class OrganizationCode {

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private OrganizationCode() {
    }

    /** Computes the check character ({@code 0-9} or {@code X}) of an eight-character body. */
    public static char checkCharacter(CharSequence body) {
        if (body.length() != 8) {
            throw new IllegalArgumentException("expected 8 characters, got " + body.length());
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                v = c - 55;
            } else {
                throw new IllegalArgumentException("character not allowed at position " + (i + 1) + ": '" + c + "'");
            }
            sum += v * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /**
     * Parses a code and returns it in the usual written form {@code XXXXXXXX-X}, or the first problem
     * found. Accepts the code with or without the hyphen before the check character, full-width, in
     * any case.
     */
    public static ParseResult<String> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return ParseResult.invalid("empty organisation code");
        }
        // NFKC first, so that full-width characters and the full-width hyphen (－) are read as typed.
        String s = FullWidth.nfkc(raw).strip().toUpperCase(Locale.ROOT);
        if (s.length() == 10 && s.charAt(8) == '-') {
            s = s.substring(0, 8) + s.charAt(9);
        }
        if (s.length() != 9) {
            return ParseResult.invalid("organisation code must have 8 characters, a hyphen and a check character, got '" + raw.strip() + "'");
        }
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return ParseResult.invalid("character " + (i + 1) + " '" + c + "' is not a digit or capital letter");
            }
        }
        char last = s.charAt(8);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return ParseResult.invalid("check character must be a digit or X, got '" + last + "'");
        }
        char expected = checkCharacter(s.substring(0, 8));
        if (expected != last) {
            return ParseResult.invalid("check character is " + s.charAt(8) + " but should be " + expected);
        }
        return ParseResult.valid(s.substring(0, 8) + "-" + s.charAt(8));
    }

    /**
     * True if {@code code} (with or without the hyphen, full-width or not, any case) has a correct check
     * character.
     */
    public static boolean isValid(String code) {
        return parse(code).isValid();
    }
}
