package dev.banyan.linkage;

/**
 * The kinds of field comparison (字段比较方式) a {@link FieldSpec} can use; each compares two values into a few
 * agreement levels, from the most similar to {@code different}, plus {@code missing} when either side is empty.
 */
public enum ComparatorKind {
    /** Exact after trimming and NFKC: equal / different. */
    EXACT,
    /** Free text: exact / Jaro-Winkler ≥ 0.92 / Damerau-Levenshtein ≤ 2 or Jaro-Winkler ≥ 0.80 / different. */
    STRING,
    /**
     * Person name (姓名), Chinese or Latin: exact (after traditional → simplified) / same toneless pinyin (homophones
     * 张/章, polyphonic surnames read as surnames) / one character off or pinyin Jaro-Winkler ≥ 0.92 / pinyin
     * Jaro-Winkler ≥ 0.80 or half the characters shared / different.
     */
    NAME,
    /**
     * Date (日期) in any common style (1988-03-13, 19880313, 1988年3月13日, 1988/3/13, 1988.03): exact / day and month
     * swapped / one digit off / same year and month / different.
     */
    DATE,
    /** Phone number (电话), mobile or landline, any punctuation, +86: exact / same last 8 digits / same last 4 / different. */
    PHONE,
    /** Address (地址): overlap of character bigrams and number tokens ≥ 0.9 / ≥ 0.6 / ≥ 0.3 / less. */
    ADDRESS,
    /** Number: exact / within 1 % / within 10 % / different. */
    NUMBER,
    /**
     * Citizen identity number (公民身份号码, GB 11643), 15-digit numbers upgraded to 18: exact / one edit / two edits /
     * different. Valid when the check character is right.
     */
    IDENTITY_NUMBER,
    /**
     * Unified social credit code (统一社会信用代码, GB 32100): exact / one edit / two edits / different. Valid when the check
     * character is right. A separate kind from identity numbers because an 18-digit string can pass both checks.
     */
    CREDIT_CODE,
    /** Sex (性别) as 男/女, 1/2, M/F, male/female: equal / different. */
    SEX
}
