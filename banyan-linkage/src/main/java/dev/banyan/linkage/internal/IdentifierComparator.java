package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;
import dev.banyan.standards.CitizenIdNumber;
import dev.banyan.standards.UnifiedSocialCreditCode;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Identifier comparison (证件号比较) for identity numbers (GB 11643, 15-digit numbers upgraded to 18) and unified
 * social credit codes (GB 32100). A value is valid if its check character is right; valid values drive the
 * deterministic links and cannot-link constraints, while invalid ones (a typo) still count as evidence through the
 * levels: exact / one edit / two edits / different.
 */
public final class IdentifierComparator implements FieldComparator<IdentifierComparator.Identifier> {

    /**
     * A prepared identifier.
     *
     * @param value normalised (NFKC, upper case, 18 characters if it was a 15-digit identity number)
     * @param valid whether the check character is right
     */
    public record Identifier(String value, boolean valid) {
    }

    private final boolean creditCode;

    /** @param creditCode compare unified social credit codes rather than identity numbers */
    public IdentifierComparator(boolean creditCode) {
        this.creditCode = creditCode;
    }

    @Override
    public Identifier prepare(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT)
                .replace(" ", "").replace("-", "");
        if (s.isEmpty()) {
            return null;
        }
        if (!creditCode && s.length() == 15 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            s = CitizenIdNumber.upgradeFrom15(s);
        }
        boolean valid = s.length() == 18 && (creditCode ? UnifiedSocialCreditCode.isValid(s) : validIdentity(s));
        return new Identifier(s, valid);
    }

    /** Check character only: a number is evidence of identity whatever its division code or birth date. */
    private static boolean validIdentity(String s) {
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return CitizenIdNumber.checkCharacter(s.substring(0, 17)) == s.charAt(17);
    }

    @Override
    public int compare(Identifier a, Identifier b) {
        if (a.value().equals(b.value())) {
            return 1;
        }
        int d = StringDistance.boundedDamerau(a.value(), b.value(), 2);
        return d <= 1 ? 2 : d <= 2 ? 3 : 4;
    }

    @Override
    public boolean valid(Identifier value) {
        return value.valid();
    }

    @Override
    public List<String> levels() {
        return List.of("missing", "exact", "one edit", "two edits", "different");
    }

    @Override
    public String key(Identifier value, KeyFunction function) {
        return TextKeys.of(value.value(), function, "identifier");
    }
}
