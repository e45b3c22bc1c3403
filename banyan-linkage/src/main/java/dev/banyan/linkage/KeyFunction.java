package dev.banyan.linkage;

/**
 * What part of a field a blocking key takes (分块键函数). Each function suits some comparator kinds; a record whose
 * value gives no key (empty, or a date without a day for {@link #DATE}) is left out of that rule's blocks.
 */
public enum KeyFunction {
    /** The prepared value itself (normalised text, simplified name, digits of a phone, a valid 18-character id). */
    VALUE,
    /** Toneless pinyin of a name: 张伟 and 章伟 share {@code zhangwei}. */
    PINYIN,
    /** Pinyin initials of a name: {@code zw}. */
    INITIALS,
    /** Pinyin of the surname (first syllable). */
    SURNAME,
    /** American Soundex of a Latin name. */
    SOUNDEX,
    /** Year of a date. */
    YEAR,
    /** Year and month of a date. */
    YEAR_MONTH,
    /** Year and day of a date (survives a typo in the month). */
    YEAR_DAY,
    /** Month and day of a date (survives a typo in the year). */
    MONTH_DAY,
    /** The whole date (needs year, month and day). */
    DATE,
    /** Last 8 digits of a phone. */
    LAST8,
    /** Last 4 digits of a phone. */
    LAST4,
    /** The number tokens of an address, in order (house, building, room numbers). */
    NUMBERS,
    /** The first 3 characters of the prepared value. */
    PREFIX3,
    /**
     * The first 9 characters of an identifier. With {@link #TAIL9} it finds identity numbers with one typo: a single
     * wrong or swapped digit leaves one half intact (except a swap across the middle).
     */
    HEAD9,
    /** The last 9 characters of an identifier. */
    TAIL9,
    /**
     * The first 14 characters of an identifier: the division code and birth date of an identity number. Survives
     * typos in the sequence and check digits, and — combined with the surname — a changed given name.
     */
    HEAD14
}
