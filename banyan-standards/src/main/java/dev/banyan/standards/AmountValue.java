package dev.banyan.standards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money in renminbi (金额), standardised to a {@link BigDecimal} in yuan with two decimals
 * (to the fen, 分).
 *
 * <p>Accepted forms: {@code 1234.56}, {@code 1,234.56}, {@code 1234.5元}, {@code ¥1,234.56},
 * {@code 人民币1234元}, {@code RMB 1234}, {@code 12.5万}, {@code 1.2万元}, {@code 3亿}, {@code 5千万元},
 * {@code 100万元整}, full-width digits and signs, negatives written {@code -1234}, {@code −1234},
 * {@code 负1234} or in accounting parentheses {@code (1,234.56)}, and amounts written in Chinese numerals,
 * including the financial capitals ({@code 壹拾贰万叁仟肆佰伍拾陆元柒角捌分}, {@code 一百二十万元}).
 * A number without a unit is in the rule's default unit: yuan for {@link #yuan()}, or e.g. 万元 for a
 * column headed 注册资本（万元） with {@link #in(AmountUnit)}; an explicit unit in the value wins.
 *
 * <p>Refused, each with its own problem code: approximate amounts ({@code 约100万}, {@code 100多万},
 * {@code 100万左右}), ranges ({@code 100-200万}, {@code 100至200元}), two magnitude units in one amount
 * ({@code 3万5千}: is it 35,000 or 30,005?), foreign currencies, misplaced thousands separators
 * ({@code 1,23.4}), fractions of a fen (unless {@link #roundingToFen()}), and negatives where
 * {@link #nonNegative()} was asked for. Immutable and thread-safe.
 */
public final class AmountValue implements StandardisationRule<BigDecimal> {

    /** Problem code: not an amount. */
    public static final String FORMAT = "amount.format";
    /** Problem code: an approximate amount (约, 多, 余, 左右 …). */
    public static final String APPROXIMATE = "amount.approximate";
    /** Problem code: a range of amounts. */
    public static final String RANGE = "amount.range";
    /** Problem code: more than one magnitude unit, e.g. 3万5千. */
    public static final String MIXED_UNITS = "amount.mixed-units";
    /** Problem code: a currency other than renminbi. */
    public static final String FOREIGN_CURRENCY = "amount.foreign-currency";
    /** Problem code: thousands separators in the wrong places. */
    public static final String GROUPING = "amount.grouping";
    /** Problem code: more precise than a fen. */
    public static final String TOO_PRECISE = "amount.too-precise";
    /** Problem code: negative where only non-negative amounts are allowed. */
    public static final String NEGATIVE = "amount.negative";

    private static final int MAX_LENGTH = 64;
    private static final List<String> APPROXIMATE_MARKERS =
            List.of("约", "大概", "左右", "上下", "多", "余", "近", "以上", "以下", "超过", "不足", "不到", "≈");
    private static final List<String> RANGE_MARKERS = List.of("~", "〜", "至", "到", "—", "–");
    private static final List<String> FOREIGN_MARKERS = List.of("$", "usd", "美元", "美金", "hkd", "港元", "港币",
            "€", "eur", "欧元", "£", "gbp", "英镑", "jpy", "日元", "円", "台币", "twd", "ntd", "澳门元", "mop");
    private static final List<String> CURRENCY_WORDS = List.of("人民币", "rmb", "cny", "¥");
    private static final List<String> MULTIPLIERS = List.of("万亿", "千万", "百万", "亿", "億", "万", "萬", "千");

    private static final AmountValue YUAN = new AmountValue(AmountUnit.YUAN, false, false);

    private final AmountUnit defaultUnit;
    private final boolean nonNegative;
    private final boolean rounding;

    private AmountValue(AmountUnit defaultUnit, boolean nonNegative, boolean rounding) {
        this.defaultUnit = defaultUnit;
        this.nonNegative = nonNegative;
        this.rounding = rounding;
    }

    /** Numbers without a unit are yuan. */
    public static AmountValue yuan() {
        return YUAN;
    }

    /** Numbers without a unit are in {@code unit}, e.g. {@link AmountUnit#TEN_THOUSAND_YUAN} for 注册资本（万元）. */
    public static AmountValue in(AmountUnit unit) {
        return new AmountValue(Objects.requireNonNull(unit, "unit"), false, false);
    }

    /** The same rule refusing negative amounts (registered capital, subsidies). */
    public AmountValue nonNegative() {
        return new AmountValue(defaultUnit, true, rounding);
    }

    /** The same rule rounding fractions of a fen half-up instead of refusing them. */
    public AmountValue roundingToFen() {
        return new AmountValue(defaultUnit, nonNegative, true);
    }

    /** The unit of numbers written without one. */
    public AmountUnit defaultUnit() {
        return defaultUnit;
    }

    @Override
    public ParseResult<BigDecimal> parse(String raw) {
        if (Spacing.isBlank(raw)) {
            return ParseResult.empty("amount");
        }
        String text = Spacing.collapse(raw);
        String s = Spacing.removeAll(FullWidth.toHalfWidth(text)).toLowerCase(Locale.ROOT)
                .replace('\u2212', '-').replace('\uFE63', '-');
        if (s.length() > MAX_LENGTH) {
            return ParseResult.invalid(FORMAT, "amount has " + s.length() + " characters, more than " + MAX_LENGTH
                    + "; is it a note rather than an amount?");
        }
        if (!hasDigit(s)) {
            return ParseResult.invalid(FORMAT, "'" + text + "' has no digits, so it is not an amount");
        }
        boolean plain = isPlainNumber(s);
        for (int m = 0; !plain && m < APPROXIMATE_MARKERS.size(); m++) {
            String marker = APPROXIMATE_MARKERS.get(m);
            if (s.contains(marker)) {
                return ParseResult.invalid(APPROXIMATE, "'" + text + "' is approximate ('" + marker + "'); record the exact"
                        + " amount, e.g. 1000000.00");
            }
        }
        if (s.endsWith("+")) {
            return ParseResult.invalid(APPROXIMATE, "'" + text + "' is approximate ('+'); record the exact amount");
        }
        for (int m = 0; !plain && m < FOREIGN_MARKERS.size(); m++) {
            String marker = FOREIGN_MARKERS.get(m);
            if (s.contains(marker)) {
                return ParseResult.invalid(FOREIGN_CURRENCY, "'" + text + "' is not in renminbi ('" + marker
                        + "'); convert it to yuan, or keep foreign-currency amounts in their own field");
            }
        }
        for (int m = 0; !plain && m < RANGE_MARKERS.size(); m++) {
            if (s.contains(RANGE_MARKERS.get(m))) {
                return range(text);
            }
        }
        boolean negative = false;
        if (s.length() > 1 && s.endsWith("-") && s.indexOf('-') == s.length() - 1) {
            negative = true; // trailing minus of accounting exports: 1234.56-
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() > 2 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')') {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        boolean signed = false;
        for (int round = 0; round < 2; round++) {
            s = stripCurrencyPrefix(s);
            if (s.startsWith("-") || s.startsWith("负")) {
                if (negative || signed) {
                    return ParseResult.invalid(FORMAT, "'" + text + "' has more than one minus sign");
                }
                negative = true;
                signed = true;
                s = s.substring(1);
            } else if (s.startsWith("+")) {
                if (signed) {
                    return ParseResult.invalid(FORMAT, "'" + text + "' has more than one sign");
                }
                signed = true;
                s = s.substring(1);
            }
        }
        if (s.indexOf('-') > 0) {
            return range(text);
        }
        ParseResult<BigDecimal> yuan = isChineseNumeralAmount(s) ? chineseNumerals(text, s) : arabic(text, s);
        if (!yuan.isValid()) {
            return yuan;
        }
        BigDecimal v = negative ? yuan.value().negate() : yuan.value();
        if (v.signum() == 0) {
            v = BigDecimal.ZERO;
        }
        if (v.stripTrailingZeros().scale() > 2) {
            if (!rounding) {
                return ParseResult.invalid(TOO_PRECISE, "'" + text + "' is " + v.stripTrailingZeros().toPlainString()
                        + " yuan, which has fractions of a fen; amounts are kept to the fen (0.01 yuan)");
            }
            v = v.setScale(2, RoundingMode.HALF_UP);
        }
        v = v.setScale(2, RoundingMode.UNNECESSARY);
        if (nonNegative && v.signum() < 0) {
            return ParseResult.invalid(NEGATIVE, "'" + text + "' is negative, but this amount cannot be");
        }
        return ParseResult.valid(v);
    }

    private static ParseResult<BigDecimal> range(String text) {
        return ParseResult.invalid(RANGE, "'" + text + "' is a range, not an amount; record one exact amount");
    }

    private static String stripCurrencyPrefix(String s) {
        for (String word : CURRENCY_WORDS) {
            if (s.startsWith(word)) {
                return s.substring(word.length());
            }
        }
        return s;
    }

    /** Only ASCII digits, dots, commas and minus signs: no marker can be in it. */
    private static boolean isPlainNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != ',' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || ChineseNumerals.isNumeral(c)) {
                return true;
            }
        }
        return false;
    }

    /** True if the text has Chinese digits or 十拾佰仟, so that it must be read as Chinese numerals. */
    private static boolean isChineseNumeralAmount(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (ChineseNumerals.digit(c) >= 0 || c == '十' || c == '拾' || c == '佰' || c == '仟') {
                return true;
            }
        }
        return false;
    }

    private static ParseResult<BigDecimal> chineseNumerals(String text, String s) {
        String core = s;
        for (String word : CURRENCY_WORDS) {
            if (core.endsWith(word)) {
                core = core.substring(0, core.length() - word.length());
            }
        }
        for (int i = 0; i < core.length(); i++) {
            if (core.charAt(i) >= '0' && core.charAt(i) <= '9') {
                return ParseResult.invalid(FORMAT, "'" + text + "' mixes Arabic digits and Chinese numerals; write 12.5万"
                        + " or 十二万五千, not both");
            }
        }
        BigDecimal v = ChineseNumerals.amount(core);
        if (v == null) {
            return ParseResult.invalid(FORMAT, "'" + text + "' cannot be read as an amount in Chinese numerals");
        }
        return ParseResult.valid(v);
    }

    private ParseResult<BigDecimal> arabic(String text, String s) {
        String core = s;
        if (core.endsWith("整") || core.endsWith("正")) {
            core = core.substring(0, core.length() - 1);
        }
        for (String word : CURRENCY_WORDS) {
            if (core.endsWith(word)) {
                core = core.substring(0, core.length() - word.length());
                break;
            }
        }
        AmountUnit unit = defaultUnit;
        if (core.endsWith("元") || core.endsWith("圆") || core.endsWith("块")) {
            core = core.substring(0, core.length() - 1);
            unit = AmountUnit.YUAN; // 5000元 in a 万元 column is still 5000 yuan
        }
        for (String word : MULTIPLIERS) {
            if (core.endsWith(word)) {
                unit = AmountUnit.ofMultiplier(word);
                core = core.substring(0, core.length() - word.length());
                break;
            }
        }
        if (core.isEmpty()) {
            return ParseResult.invalid(FORMAT, "'" + text + "' has no digits");
        }
        int dot = -1;
        int comma = -1;
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            if (c >= '0' && c <= '9') {
                continue;
            }
            if (c == '.') {
                if (dot >= 0) {
                    return ParseResult.invalid(GROUPING, "'" + text + "' has more than one decimal point; write e.g."
                            + " 1234567.89 or 1,234,567.89");
                }
                dot = i;
            } else if (c == ',') {
                if (dot >= 0) {
                    return ParseResult.invalid(GROUPING, "'" + text + "' has a comma after the decimal point; write e.g."
                            + " 1,234.56");
                }
                comma = i;
            } else if ("万萬亿億千百".indexOf(c) >= 0) {
                return ParseResult.invalid(MIXED_UNITS, "'" + text + "' mixes units or has digits after its unit ('" + c
                        + "'), so its value is unclear (is 3万5 35000 or 30005?); write it in one unit, e.g. 3.5万 or 35000");
            } else if (c == '元' || c == '圆') {
                return ParseResult.invalid(MIXED_UNITS, "'" + text + "' has text after 元; write it in one unit,"
                        + " e.g. 1234.56元");
            } else {
                return ParseResult.invalid(FORMAT, "'" + text + "' is not an amount: '" + c + "' is not a digit, separator"
                        + " or unit (元, 万, 亿)");
            }
        }
        String digits = core;
        if (comma >= 0) {
            int intEnd = dot >= 0 ? dot : core.length();
            if (!wellGrouped(core, intEnd)) {
                return ParseResult.invalid(GROUPING, "'" + text + "' has misplaced thousands separators; commas go every"
                        + " three digits, e.g. 1,234,567.89");
            }
            digits = core.replace(",", "");
        }
        if (digits.equals(".")) {
            return ParseResult.invalid(FORMAT, "'" + text + "' has no digits");
        }
        return ParseResult.valid(unit.toYuan(new BigDecimal(digits)));
    }

    /** Commas exactly every three digits of the integer part {@code [0, intEnd)}, with one to three digits first. */
    private static boolean wellGrouped(String s, int intEnd) {
        int first = s.indexOf(',');
        if (first < 1 || first > 3) {
            return false;
        }
        int i = first;
        while (i < intEnd) {
            if (s.charAt(i) != ',' || i + 4 > intEnd) {
                return false;
            }
            for (int k = i + 1; k <= i + 3; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            i += 4;
        }
        return i == intEnd;
    }
}
