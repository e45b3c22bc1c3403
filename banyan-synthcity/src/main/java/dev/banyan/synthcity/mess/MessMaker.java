package dev.banyan.synthcity.mess;

import dev.banyan.synthcity.geo.Address;
import dev.banyan.synthcity.geo.AddressStyle;

import java.util.SplittableRandom;

/**
 * Introduces one department's characteristic mistakes into the values it writes (脏数据制造): name typos, traditional
 * characters, missing, legacy, transposed and mistyped identity numbers, varied date and phone formats, stray
 * whitespace. Each department has its own maker with its own random stream, so departments can be written in
 * parallel and still be reproducible.
 */
public final class MessMaker {

    private static final DateStyle[] DATE_STYLES = DateStyle.values();
    private static final PhoneStyle[] PHONE_STYLES = PhoneStyle.values();

    private final MessRates rates;
    private final SplittableRandom random;
    private final CharacterVariants variants;
    private final DateStyle dateStyle;
    private final PhoneStyle phoneStyle;
    private final AddressStyle addressStyle;

    public MessMaker(MessRates rates, SplittableRandom random, DateStyle dateStyle, PhoneStyle phoneStyle,
                     AddressStyle addressStyle) {
        this.rates = rates;
        this.random = random;
        this.variants = CharacterVariants.bundled();
        this.dateStyle = dateStyle;
        this.phoneStyle = phoneStyle;
        this.addressStyle = addressStyle;
    }

    public MessRates rates() {
        return rates;
    }

    /** The department's random stream, for its own choices (statuses, amounts). */
    public SplittableRandom random() {
        return random;
    }

    public boolean chance(double p) {
        return p > 0 && random.nextDouble() < p;
    }

    /** Whether to enter this record a second time. */
    public boolean duplicate() {
        return chance(rates.duplicate());
    }

    /** Whether to show outdated data: the address before the last move, a status not updated after a death. */
    public boolean stale() {
        return chance(rates.stale());
    }

    /** Whether to show a legacy identifier form (15-digit number, old tax number, organisation code). */
    public boolean legacyIdentifier() {
        return chance(rates.fifteenDigitId());
    }

    /** Whether to keep a former name where there is one. */
    public boolean formerName() {
        return chance(rates.formerName());
    }

    /** A person's name as this department typed it; {@code surnameLength} is 1, or 2 for 欧阳 and the like. */
    public String name(String name, int surnameLength) {
        String s = name;
        if (chance(rates.homophone())) {
            s = confuse(s, surnameLength);
        }
        if (chance(rates.swappedGiven()) && s.length() == surnameLength + 2) {
            s = s.substring(0, surnameLength) + s.charAt(surnameLength + 1) + s.charAt(surnameLength);
        }
        if (chance(rates.traditional())) {
            s = variants.toTraditional(s);
        }
        if (chance(rates.spacing())) {
            int k = random.nextInt(3);
            s = switch (k) {
                case 0 -> s.substring(0, surnameLength) + " " + s.substring(surnameLength);
                case 1 -> s + " ";
                default -> s.substring(0, surnameLength) + "\u3000" + s.substring(surnameLength);
            };
        }
        return s;
    }

    private String confuse(String s, int surnameLength) {
        int start = random.nextDouble() < 0.4 ? 0 : surnameLength;
        for (int k = 0; k < s.length(); k++) {
            int i = (start + k) % s.length();
            char[] options = variants.confusables(s.charAt(i));
            if (options != null) {
                return s.substring(0, i) + options[random.nextInt(options.length)] + s.substring(i + 1);
            }
        }
        return s;
    }

    /** Free text (company names, notes) with the occasional stray or full-width space. */
    public String text(String s) {
        if (chance(rates.spacing())) {
            return random.nextBoolean() ? " " + s : s.replace('（', '(').replace('）', ')') + " ";
        }
        return s;
    }

    /**
     * An identity number as this department holds it: possibly empty, in the 15-digit form for people born before
     * 1985, with transposed or mistyped digits, or typed with full-width digits.
     */
    public String idNumber(String id18, int birthYear) {
        if (chance(rates.missingId())) {
            return "";
        }
        if (birthYear < 1985 && chance(rates.fifteenDigitId())) {
            return id18.substring(0, 6) + id18.substring(8, 17);
        }
        String s = id18;
        if (chance(rates.transposedId())) {
            s = transpose(s);
        } else if (chance(rates.mistypedId())) {
            s = mistype(s);
        }
        if (chance(rates.fullWidthId())) {
            s = random.nextBoolean() ? toFullWidth(s) : " " + s.toLowerCase(java.util.Locale.ROOT) + " ";
        }
        return s;
    }

    /** Swaps two adjacent, different digits within the birth date and sequence (positions 7-17). */
    private String transpose(String s) {
        char[] c = s.toCharArray();
        for (int attempt = 0; attempt < 20; attempt++) {
            int i = 6 + random.nextInt(10);
            if (c[i] != c[i + 1]) {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                return new String(c);
            }
        }
        return mistype(s);
    }

    /** Replaces one of the first 17 digits by another digit; the check character then no longer matches. */
    private String mistype(String s) {
        char[] c = s.toCharArray();
        int i = 6 + random.nextInt(11);
        char d;
        do {
            d = (char) ('0' + random.nextInt(10));
        } while (d == c[i]);
        c[i] = d;
        return new String(c);
    }

    private static String toFullWidth(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '0' && c[i] <= '9') {
                c[i] = (char) (c[i] - '0' + '\uFF10');
            } else if (c[i] == 'X') {
                c[i] = '\uFF38';
            }
        }
        return new String(c);
    }

    /** A date in the department's usual format, now and then in another. */
    public String date(int epochDay) {
        if (epochDay == 0) {
            return "";
        }
        DateStyle style = chance(rates.dateVariety()) ? DATE_STYLES[random.nextInt(DATE_STYLES.length)] : dateStyle;
        return style.format(epochDay);
    }

    /** A phone number in the department's usual format, now and then in another. */
    public String phone(String digits) {
        PhoneStyle style = chance(rates.phoneVariety()) ? PHONE_STYLES[random.nextInt(PHONE_STYLES.length)] : phoneStyle;
        return style.format(digits);
    }

    /** An address in the department's habitual style. */
    public String address(Address address) {
        return address.text(addressStyle);
    }
}
