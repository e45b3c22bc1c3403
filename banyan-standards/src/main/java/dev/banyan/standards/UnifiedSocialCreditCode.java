package dev.banyan.standards;

import java.util.Locale;
import java.util.Objects;

/**
 * A unified social credit code (统一社会信用代码) as defined by GB 32100-2015: registration authority,
 * entity category, the six-digit GB/T 2260 code of the registering authority, the nine-character
 * GB 11714 organisation code, and a check character over the 31-symbol alphabet without I, O, S, V, Z.
 */
public final class UnifiedSocialCreditCode {

    /** The 31 symbols; a symbol's value is its index. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    // Left out of the alphabet because they are easily misread as 1, 0, 5, U and 2.
    private static final String EXCLUDED_LETTERS = "IOSVZ";

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /**
     * Computes the check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException if a character is outside the alphabet
     */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character not allowed at position " + (i + 1) + ": '" + first17.charAt(i) + "'");
            }
            sum += v * WEIGHTS[i];
        }
        int r = 31 - sum % 31;
        return ALPHABET.charAt(r == 31 ? 0 : r);
    }

    /**
     * Parses a code, explaining the first problem found: length, characters, the six-digit division code
     * and the check character. Input is normalised first (NFKC for full-width characters, trimmed,
     * upper-cased). The embedded organisation code's own check is not enforced, as in common
     * validators; see {@link #hasValidOrganizationCode()}.
     */
    public static ParseResult<UnifiedSocialCreditCode> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return ParseResult.invalid("empty unified social credit code");
        }
        String s = FullWidth.nfkc(raw).strip().toUpperCase(Locale.ROOT);
        if (s.length() != 18) {
            return ParseResult.invalid("unified social credit code must have 18 characters, got " + s.length());
        }
        for (int i = 0; i < 18; i++) {
            char c = s.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return ParseResult.invalid(EXCLUDED_LETTERS.indexOf(c) >= 0
                        ? "character " + (i + 1) + " is '" + c + "'; the letters I, O, S, V and Z are not used in unified social credit codes"
                        : "character " + (i + 1) + " '" + c + "' is not a digit or capital letter");
            }
            if (i >= 2 && i < 8 && !Character.isDigit(c)) {
                return ParseResult.invalid("characters 3-8 must be a division code; character " + (i + 1) + " is '" + c + "'");
            }
        }
        char expected = checkCharacter(s.substring(0, 17));
        if (expected != s.charAt(17)) {
            return ParseResult.invalid("check character is " + s.charAt(17) + " but should be " + expected);
        }
        return ParseResult.valid(new UnifiedSocialCreditCode(s));
    }

    /** True if {@code raw} parses as a valid code. */
    public static boolean isValid(String raw) {
        return parse(raw).isValid();
    }

    /**
     * Builds a code from its parts, computing both the organisation code's and the code's check characters.
     *
     * @param authority      registration authority, e.g. {@code '9'} for market regulation (工商)
     * @param category       entity category, e.g. {@code '1'} enterprise
     * @param divisionCode   six-digit GB/T 2260 code of the registering authority
     * @param organisationBody eight characters of the GB 11714 organisation code body
     * @throws IllegalArgumentException if a part has the wrong length or a character outside the alphabet
     */
    public static UnifiedSocialCreditCode of(char authority, char category, String divisionCode, String organisationBody) {
        if (divisionCode == null || divisionCode.length() != 6 || !divisionCode.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("division code must be six digits: " + divisionCode);
        }
        if (organisationBody == null || organisationBody.length() != 8) {
            throw new IllegalArgumentException("organisation code body must have 8 characters: " + organisationBody);
        }
        String org = organisationBody + OrganizationCode.checkCharacter(organisationBody);
        String first17 = "" + authority + category + divisionCode + org;
        return new UnifiedSocialCreditCode(first17 + checkCharacter(first17));
    }

    /** The 18-character code. */
    public String value() {
        return value;
    }

    /** Position 1, 登记管理部门码, e.g. {@code 9} for market regulation (工商), {@code 1} for 机构编制. */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** Position 2, 机构类别码, whose meaning depends on the registration authority. */
    public char entityCategory() {
        return value.charAt(1);
    }

    /** Positions 3–8: the GB/T 2260 code of the registering authority (登记管理机关行政区划码). */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** The embedded GB 11714 organisation code (9 characters). */
    public String organizationCode() {
        return value.substring(8, 17);
    }

    /**
     * True if the embedded organisation code (positions 9–17) carries a correct GB 11714 check character,
     * linking this code to a legacy organisation code; a data-quality signal, not a parse rule.
     */
    public boolean hasValidOrganizationCode() {
        return OrganizationCode.isValid(organizationCode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnifiedSocialCreditCode other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
