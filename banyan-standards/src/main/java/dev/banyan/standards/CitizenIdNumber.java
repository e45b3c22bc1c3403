package dev.banyan.standards;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A citizen identity number (公民身份号码) as defined by GB 11643-1999: six digits of the GB/T 2260
 * address code in force when the number was issued, the birth date {@code YYYYMMDD}, a three-digit
 * sequence whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character.
 *
 * <p>Instances are always valid 18-character numbers; obtain one with {@link #parse(String)}, which
 * also accepts the pre-1999 15-digit form, full-width characters and a lower-case {@code x}.
 */
public final class CitizenIdNumber {

    /** Problem code: not 18 characters (nor 15). */
    public static final String LENGTH = "identity.length";
    /** Problem code: a character other than a digit (or a final X). */
    public static final String CHARACTERS = "identity.characters";
    /** Problem code: the address code's province is unknown, or the code is in no GB/T 2260 revision. */
    public static final String DIVISION = "identity.division";
    /** Problem code: the birth date is not a calendar date, before 1800 or in the future. */
    public static final String BIRTH_DATE = "identity.birth-date";
    /** Problem code: the check character does not match (a mistyped digit, two digits swapped …). */
    public static final String CHECK_CHARACTER = "identity.check-character";


    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    // "Today" for the future-birth-date check: a baby born just after midnight in Fuzhou is valid even
    // where the server's clock still shows yesterday.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<String> RESIDENCE_PERMIT_CODES = Set.of("810000", "820000", "830000");

    private final String value;

    private CitizenIdNumber(String value) {
        this.value = value;
    }

    /**
     * Computes the check character for the first 17 digits of an identity number.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 ASCII digits
     */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at position " + (i + 1) + ": '" + c + "'");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * Converts a pre-1999 15-digit number (no check character, century 19 implied) to 18 digits.
     */
    public static String upgradeFrom15(String fifteen) {
        // ASCII only: Character.isDigit would let other scripts' digits through to checkCharacter.
        if (fifteen.length() != 15 || !isAsciiDigits(fifteen, 15)) {
            throw new IllegalArgumentException("expected 15 digits: " + fifteen);
        }
        String first17 = fifteen.substring(0, 6) + "19" + fifteen.substring(6);
        return first17 + checkCharacter(first17);
    }

    /** Normalises as people type it: NFKC (full-width to ASCII), trimmed, upper-case {@code X}. */
    public static String normalise(String raw) {
        return FullWidth.nfkc(raw).strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Parses an identity number, explaining the first problem found: shape, province, birth date (a real
     * date, not in the future in China Standard Time) and check character. The address code is only
     * checked for its province; use {@link #parse(String, AdministrativeDivisions)} to require a code
     * that GB/T 2260 has listed.
     */
    public static ParseResult<CitizenIdNumber> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return ParseResult.empty("identity number");
        }
        String s = normalise(raw);
        if (s.length() == 15) {
            for (int i = 0; i < 15; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return ParseResult.invalid(CHARACTERS, "15-digit identity number must contain only digits; character "
                            + (i + 1) + " is '" + c + "'");
                }
            }
            s = upgradeFrom15(s);
        }
        String[] problem = problemOf(s, LocalDate.now(CHINA));
        return problem == null ? ParseResult.valid(new CitizenIdNumber(s)) : ParseResult.invalid(problem[0], problem[1]);
    }

    /**
     * Like {@link #parse(String)}, and also rejects address codes that appear in no GB/T 2260 revision.
     * Retired codes are accepted because a number keeps the code in force when it was issued; so are the
     * codes {@code 810000}, {@code 820000} and {@code 830000} of the residence permits for Hong Kong, Macao
     * and Taiwan residents (港澳台居民居住证).
     */
    public static ParseResult<CitizenIdNumber> parse(String raw, AdministrativeDivisions divisions) {
        Objects.requireNonNull(divisions, "divisions");
        ParseResult<CitizenIdNumber> result = parse(raw);
        if (!result.isValid()) {
            return result;
        }
        String code = result.value().divisionCode();
        if (!RESIDENCE_PERMIT_CODES.contains(code) && !divisions.everExisted(code)) {
            return ParseResult.invalid(DIVISION, "address code " + code + " is not in any GB/T 2260 revision");
        }
        return result;
    }

    /** The first problem of a normalised 18-character candidate as {code, sentence}, or null if it is valid. */
    private static String[] problemOf(String s, LocalDate today) {
        if (s.length() != 18) {
            return new String[] {LENGTH, "identity number must have 18 characters (or 15 before 1999), got " + s.length()};
        }
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return new String[] {CHARACTERS, "character " + (i + 1) + " must be a digit: '" + c + "'"};
            }
        }
        char last = s.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return new String[] {CHARACTERS, "last character must be a digit or X: '" + last + "'"};
        }
        if (!ProvincePrefix.isValid(s.substring(0, 2))) {
            return new String[] {DIVISION, "unknown province code " + s.substring(0, 2) + " in address code "
                    + s.substring(0, 6)};
        }
        LocalDate birth;
        try {
            // Digits only, checked above: arithmetic is much cheaper than parsing a date string.
            birth = LocalDate.of(digits(s, 6, 10), digits(s, 10, 12), digits(s, 12, 14));
        } catch (java.time.DateTimeException e) {
            return new String[] {BIRTH_DATE, "birth date " + s.substring(6, 14) + " is not a calendar date"};
        }
        if (birth.getYear() < 1800) {
            return new String[] {BIRTH_DATE, "birth date " + birth + " is before 1800"};
        }
        if (birth.isAfter(today)) {
            return new String[] {BIRTH_DATE, "birth date " + birth + " is in the future"};
        }
        char expected = checkCharacter(s.substring(0, 17));
        if (expected != last) {
            return new String[] {CHECK_CHARACTER, "check character is " + last + " but should be " + expected};
        }
        return null;
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private static boolean isAsciiDigits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** True if {@code raw} parses as a valid identity number. */
    public static boolean isValid(String raw) {
        return parse(raw).isValid();
    }

    /**
     * Builds a number from its parts, computing the check character.
     *
     * @param divisionCode six-digit GB/T 2260 address code
     * @param birthDate    between 1800 and today
     * @param sequence     0–999; odd for men, even for women
     * @throws IllegalArgumentException if the parts would not make a number that {@link #parse(String)} accepts
     */
    public static CitizenIdNumber of(String divisionCode, LocalDate birthDate, int sequence) {
        if (sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("sequence must be 0..999: " + sequence);
        }
        if (divisionCode == null || !isAsciiDigits(divisionCode, 6)) {
            throw new IllegalArgumentException("division code must be six digits: " + divisionCode);
        }
        if (birthDate.getYear() < 1800 || birthDate.getYear() > 9999) {
            throw new IllegalArgumentException("birth date " + birthDate + " is outside the years 1800-9999");
        }
        String first17 = divisionCode
                + String.format("%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth())
                + String.format("%03d", sequence);
        String value = first17 + checkCharacter(first17);
        // Keeps the promise that every instance is a number parse() accepts.
        String[] problem = problemOf(value, LocalDate.now(CHINA));
        if (problem != null) {
            throw new IllegalArgumentException(problem[1]);
        }
        return new CitizenIdNumber(value);
    }

    /** The 18-character number, upper-case {@code X}. */
    public String value() {
        return value;
    }

    /** The GB/T 2260 county code in force when the number was issued. */
    public String divisionCode() {
        return value.substring(0, 6);
    }

    /** The birth date (positions 7–14). */
    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    /** The sex encoded by position 17: odd for men, even for women. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The age in whole years on {@code date}, as derived from the number's birth date. */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate(), date).getYears();
    }

    /** The pre-1999 15-digit form of this number (for people born in the 1900s). */
    public Optional<String> asFifteenDigits() {
        if (!value.startsWith("19", 6)) {
            return Optional.empty();
        }
        return Optional.of(value.substring(0, 6) + value.substring(8, 17));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CitizenIdNumber other && other.value.equals(value);
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
