package dev.banyan.standards;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mainland-China telephone number (电话号码): a mobile number (手机号码), a landline (固定电话: area code
 * and subscriber number) or a nationwide {@code 400}/{@code 800} service number, normalised to E.164
 * ({@code +8613800138000}, {@code +8659187654321}).
 *
 * <p>{@link #parse(String)} accepts the forms found in government records: with or without {@code +86},
 * {@code 86} or {@code 0086}; with spaces, dashes, dots and parentheses, e.g. {@code (0591) 8765-4321} or
 * {@code +86 (0)591 87654321}; full-width digits; a stray trunk {@code 0} before a mobile number; and an
 * extension after {@code 转}, {@code 分机}, {@code ext}, {@code x} or {@code #}, or as a third dash
 * group ({@code 0591-87654321-8001}). Short codes such as {@code 12345} or {@code 95588} are not full
 * numbers and are rejected.
 */
public final class PhoneNumber {

    /** What kind of line a number reaches. */
    public enum Kind {
        /** 手机号码: 11 digits starting 13–19. */
        MOBILE("手机"),
        /** 固定电话: area code and a 7- or 8-digit subscriber number. */
        LANDLINE("固定电话"),
        /** 400/800 号码: nationwide service numbers, 10 digits. */
        SERVICE("400/800服务号码");

        private final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }

        /** The Chinese term, e.g. {@code 手机}. */
        public String chinese() {
            return chinese;
        }
    }

    private static final String COUNTRY_CODE = "86";
    private static final Pattern EXPLICIT_EXTENSION =
            Pattern.compile("^(.*?)\\s*(?:转|分机|ext\\.?|x|#)\\s*(\\d{1,6})$", Pattern.CASE_INSENSITIVE);
    // At least two digits, so that 0591-8765432-1 (an oddly split 8-digit number) is not read as an extension.
    private static final Pattern DASHED_EXTENSION =
            Pattern.compile("^(\\(?0\\d{2,3}\\)?[\\s-]*\\d{7,8})\\s*-\\s*(\\d{2,6})$");
    // Separators people put between digit groups: space, tab, hyphen-minus and the Unicode hyphens and
    // dashes, parentheses, dot. NFKC has already turned full-width forms into these.
    private static final String SEPARATORS = " \t-\u2010\u2011\u2012\u2013\u2014().";

    private final Kind kind;
    private final String nationalNumber; // without trunk 0: 13800138000, 59187654321, 4008123123
    private final String areaCode;       // with trunk 0, landlines only
    private final String extension;

    private PhoneNumber(Kind kind, String nationalNumber, String areaCode, String extension) {
        this.kind = kind;
        this.nationalNumber = nationalNumber;
        this.areaCode = areaCode;
        this.extension = extension;
    }

    /** Parses a number, explaining the first problem found; a local number without area code is rejected. */
    public static ParseResult<PhoneNumber> parse(String raw) {
        return parse(raw, null);
    }

    /**
     * Parses a number; a 7- or 8-digit local number without area code is taken to be in
     * {@code defaultAreaCode} (e.g. {@code 0591} for records of a Fuzhou department).
     *
     * @param defaultAreaCode an area code with its trunk {@code 0}, or null to reject local numbers
     * @throws IllegalArgumentException if {@code defaultAreaCode} is not shaped like an area code
     */
    public static ParseResult<PhoneNumber> parse(String raw, String defaultAreaCode) {
        if (defaultAreaCode != null && !TelephoneAreaCodes.isWellFormed(defaultAreaCode)) {
            throw new IllegalArgumentException("not an area code: " + defaultAreaCode);
        }
        if (raw == null || raw.isBlank()) {
            return ParseResult.invalid("empty telephone number");
        }
        String s = FullWidth.nfkc(raw).strip();

        String extension = null;
        Matcher ext = EXPLICIT_EXTENSION.matcher(s);
        if (ext.matches()) {
            s = ext.group(1);
            extension = ext.group(2);
        } else {
            Matcher dashed = DASHED_EXTENSION.matcher(s);
            if (dashed.matches()) {
                s = dashed.group(1);
                extension = dashed.group(2);
            }
        }

        boolean international = false;
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty() && !international) {
                // Before any digit, as in "+86 …" or "(+86) …".
                international = true;
            } else if (SEPARATORS.indexOf(c) < 0) {
                return ParseResult.invalid("character '" + c + "' is not allowed in a telephone number"
                        + " (only digits, spaces, dashes, parentheses, a leading + and an extension)");
            }
        }
        String d = digits.toString();
        if (d.isEmpty()) {
            return ParseResult.invalid("telephone number has no digits");
        }
        if (!international && d.startsWith("00")) {
            // 00 is the international call prefix dialled from China.
            international = true;
            d = d.substring(2);
        }
        if (international) {
            if (!d.startsWith(COUNTRY_CODE)) {
                return ParseResult.invalid("not a mainland China number: +" + d + " does not start with the country code +86");
            }
            return fromNationalNumber(d.substring(2), extension);
        }
        // No landline, mobile or service number starts with 86, so a long number that does has lost its +.
        if (d.startsWith(COUNTRY_CODE) && d.length() > 8) {
            return fromNationalNumber(d.substring(2), extension);
        }
        return fromDomestic(d, extension, defaultAreaCode);
    }

    /** True if {@code raw} parses as a telephone number (local numbers without area code are not). */
    public static boolean isValid(String raw) {
        return parse(raw).isValid();
    }

    /** Digits after the country code: landlines there drop the trunk 0, though some writers keep it. */
    private static ParseResult<PhoneNumber> fromNationalNumber(String nsn, String extension) {
        if (nsn.isEmpty()) {
            return ParseResult.invalid("nothing follows the country code +86");
        }
        if (nsn.startsWith("0") || isMobilePrefix(nsn) || isServicePrefix(nsn)) {
            return fromDomestic(nsn, extension, null);
        }
        return fromDomestic("0" + nsn, extension, null);
    }

    private static ParseResult<PhoneNumber> fromDomestic(String d, String extension, String defaultAreaCode) {
        if (d.length() == 12 && d.startsWith("0") && isMobilePrefix(d.substring(1))) {
            // A trunk 0 before a mobile number is seen in the wild; mobiles have no area code.
            d = d.substring(1);
        }
        char first = d.charAt(0);
        if (first == '0') {
            return landline(d, extension);
        }
        if (first == '1') {
            return mobile(d, extension);
        }
        boolean localLength = d.length() == 7 || d.length() == 8;
        if (isServicePrefix(d) && d.length() == 10) {
            return service(d, extension);
        }
        if (localLength && defaultAreaCode != null) {
            return landline(defaultAreaCode + d, extension);
        }
        if (isServicePrefix(d)) {
            return ParseResult.invalid("400/800 service numbers have 10 digits, got " + d.length());
        }
        if (localLength) {
            return ParseResult.invalid("local number " + d + " has no area code (such as 0591), so the city is unknown");
        }
        if (d.length() <= 6) {
            return ParseResult.invalid(d + " is a short code, not a full telephone number");
        }
        return ParseResult.invalid("not a mobile, landline or 400/800 number: " + d.length()
                + " digits starting with " + first);
    }

    private static ParseResult<PhoneNumber> mobile(String d, String extension) {
        if (d.length() <= 6) {
            // 110, 12345, 12315 …: hotlines dialled without area code, not subscriber numbers.
            return ParseResult.invalid(d + " is a short code, not a full telephone number");
        }
        if (d.length() != 11) {
            return ParseResult.invalid("mobile number must have 11 digits, got " + d.length());
        }
        if (!isMobilePrefix(d)) {
            return ParseResult.invalid("mobile numbers start with 13 to 19, got " + d.substring(0, 2));
        }
        if (extension != null) {
            return ParseResult.invalid("a mobile number cannot have an extension");
        }
        return ParseResult.valid(new PhoneNumber(Kind.MOBILE, d, null, null));
    }

    private static ParseResult<PhoneNumber> landline(String d, String extension) {
        String area;
        if (d.startsWith("010") || d.startsWith("02")) {
            area = d.substring(0, Math.min(3, d.length()));
        } else if (d.length() >= 2 && d.charAt(1) >= '3' && d.charAt(1) <= '9') {
            area = d.substring(0, Math.min(4, d.length()));
        } else {
            return ParseResult.invalid("area code must be 010, 02x or 0 followed by three digits starting 3-9, got "
                    + d.substring(0, Math.min(4, d.length())));
        }
        String subscriber = d.substring(area.length());
        if (subscriber.length() < 7 || subscriber.length() > 8) {
            return ParseResult.invalid("landline subscriber number after area code " + area
                    + " must have 7 or 8 digits, got " + subscriber.length());
        }
        if (subscriber.charAt(0) == '0' || subscriber.charAt(0) == '1') {
            // 0 is the trunk prefix and 1 starts special services, so no subscriber number begins with them.
            return ParseResult.invalid("landline subscriber number cannot start with " + subscriber.charAt(0));
        }
        return ParseResult.valid(new PhoneNumber(Kind.LANDLINE, d.substring(1), area, extension));
    }

    private static ParseResult<PhoneNumber> service(String d, String extension) {
        return ParseResult.valid(new PhoneNumber(Kind.SERVICE, d, null, extension));
    }

    private static boolean isMobilePrefix(String d) {
        return d.length() >= 2 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9';
    }

    private static boolean isServicePrefix(String d) {
        return d.startsWith("400") || d.startsWith("800");
    }

    /** Mobile, landline or service. */
    public Kind kind() {
        return kind;
    }

    /** The E.164 form, e.g. {@code +8613800138000} or {@code +8659187654321}; no extension. */
    public String e164() {
        return "+" + COUNTRY_CODE + nationalNumber;
    }

    /**
     * The number as dialled within China: {@code 13800138000}, {@code 0591-87654321} (area code, hyphen,
     * subscriber), {@code 4008123123}; no extension.
     */
    public String national() {
        return areaCode == null ? nationalNumber : areaCode + "-" + subscriberNumber().orElseThrow();
    }

    /** The area code with its trunk {@code 0}, e.g. {@code 0591}; landlines only. */
    public Optional<String> areaCode() {
        return Optional.ofNullable(areaCode);
    }

    /** The 7- or 8-digit local number of a landline. */
    public Optional<String> subscriberNumber() {
        return areaCode == null ? Optional.empty() : Optional.of(nationalNumber.substring(areaCode.length() - 1));
    }

    /** The extension (分机号), if the input had one. */
    public Optional<String> extension() {
        return Optional.ofNullable(extension);
    }

    /** The city a landline's area code reaches, where {@link TelephoneAreaCodes} knows it. */
    public Optional<String> city() {
        return TelephoneAreaCodes.city(areaCode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && other.nationalNumber.equals(nationalNumber)
                && Objects.equals(other.extension, extension);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nationalNumber, extension);
    }

    /** The E.164 form, followed by {@code ;ext=} and the extension (RFC 3966 style) when there is one. */
    @Override
    public String toString() {
        return extension == null ? e164() : e164() + ";ext=" + extension;
    }
}
