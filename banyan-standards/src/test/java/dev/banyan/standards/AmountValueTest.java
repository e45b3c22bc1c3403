package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountValueTest {

    private static final AmountValue YUAN = AmountValue.yuan();

    private static String rejected(AmountValue rule, String raw, String code) {
        ParseResult<BigDecimal> result = rule.parse(raw);
        assertThat(result.isValid()).as("%s should be rejected", raw).isFalse();
        assertThat(result.problemCode()).as("problem code of %s: %s", raw, result.problem()).isEqualTo(code);
        return result.problem();
    }

    @Nested
    class AcceptedForms {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "1234.56|1234.56",
                "1,234.56|1234.56",
                "1,234,567.8|1234567.80",
                "1234|1234.00",
                "1234.5元|1234.50",
                "1234元整|1234.00",
                "1234圆|1234.00",
                "¥1,234.56|1234.56",
                "￥1,234.56|1234.56",
                "人民币1234元|1234.00",
                "1234元人民币|1234.00",
                "RMB 1,000|1000.00",
                "CNY1000.00|1000.00",
                "12.5万|125000.00",
                "12.5万元|125000.00",
                "1.2万元|12000.00",
                "1.2345万|12345.00",
                "0.01万|100.00",
                "3亿|300000000.00",
                "3亿元|300000000.00",
                "1.5亿元|150000000.00",
                "5千万元|50000000.00",
                "2百万|2000000.00",
                "3千元|3000.00",
                "1万亿|1000000000000.00",
                "100万元整|1000000.00",
                "１２３４．５６|1234.56",
                "１，２３４．５６元|1234.56",
                "１２．５万|125000.00",
                " 1234.56 |1234.56",
                "1 234.56|1234.56",
                ".5|0.50",
                "100.|100.00",
                "0|0.00",
                "0.00|0.00",
                "+100|100.00"
        })
        void inYuan(String raw, BigDecimal expected) {
            BigDecimal value = YUAN.parse(raw).orThrow();
            assertThat(value).isEqualTo(expected);
            assertThat(value.scale()).isEqualTo(2);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "-1234|-1234.00",
                "−1234.5|-1234.50",
                "－１２３４|-1234.00",
                "负1234|-1234.00",
                "(1,234.56)|-1234.56",
                "（1,234.56）|-1234.56",
                "1234.56-|-1234.56",
                "-¥100|-100.00",
                "¥-100|-100.00",
                "-1.5万|-15000.00",
                "-0|0.00"
        })
        void negatives(String raw, BigDecimal expected) {
            assertThat(YUAN.parse(raw).orThrow()).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "壹拾贰万叁仟肆佰伍拾陆元柒角捌分|123456.78",
                "人民币壹拾万元整|100000.00",
                "壹佰元零伍分|100.05",
                "壹佰元伍角|100.50",
                "壹仟零贰拾元|1020.00",
                "一百二十万元|1200000.00",
                "一百二十万|1200000.00",
                "十万|100000.00",
                "两万五千|25000.00",
                "三亿五千万|350000000.00",
                "一万亿|1000000000000.00",
                "拾元整|10.00",
                "零元|0.00"
        })
        void chineseNumerals(String raw, BigDecimal expected) {
            assertThat(YUAN.parse(raw).orThrow()).isEqualTo(expected);
        }

        @Test
        void aColumnInTenThousandYuan() {
            // 注册资本（万元）: the synthetic city writes "100.00" meaning 1,000,000 yuan.
            AmountValue capital = AmountValue.in(AmountUnit.TEN_THOUSAND_YUAN);
            assertThat(capital.defaultUnit()).isEqualTo(AmountUnit.TEN_THOUSAND_YUAN);
            assertThat(capital.parse("100.00").orThrow()).isEqualTo(new BigDecimal("1000000.00"));
            assertThat(capital.parse("0.5").orThrow()).isEqualTo(new BigDecimal("5000.00"));
            // An explicit unit wins over the column's.
            assertThat(capital.parse("5000元").orThrow()).isEqualTo(new BigDecimal("5000.00"));
            assertThat(capital.parse("1亿").orThrow()).isEqualTo(new BigDecimal("100000000.00"));
        }

        @Test
        void theSyntheticCitysAmounts() {
            // HumanResources and TaxBureau write yuan with two decimals; CivilAffairs whole yuan.
            assertThat(YUAN.parse("4380.00").orThrow()).isEqualTo(new BigDecimal("4380.00"));
            assertThat(YUAN.parse("700.80").orThrow()).isEqualTo(new BigDecimal("700.80"));
            assertThat(YUAN.parse("850").orThrow()).isEqualTo(new BigDecimal("850.00"));
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\u3000"})
        void blank(String raw) {
            assertThat(rejected(YUAN, raw, ParseResult.EMPTY)).isEqualTo("empty amount");
        }

        @ParameterizedTest
        @ValueSource(strings = {"约100万", "大约100元", "100万左右", "100多万", "100余万元", "近100万", "100万以上",
                "超过100万", "不足100元", "≈100", "100万+", "100元上下", "壹佰余元"})
        void approximate(String raw) {
            assertThat(rejected(YUAN, raw, AmountValue.APPROXIMATE)).contains("approximate").contains("exact amount");
        }

        @ParameterizedTest
        @ValueSource(strings = {"100-200万", "100~200", "100～200元", "100至200元", "100到200", "100万—200万",
                "1,000–2,000", "5-10万元"})
        void ranges(String raw) {
            assertThat(rejected(YUAN, raw, AmountValue.RANGE)).endsWith("is a range, not an amount; record one exact amount");
        }

        @ParameterizedTest
        @ValueSource(strings = {"3万5千", "3万5", "1亿2000万", "2万元3千元", "1万1万", "3千5百"})
        void mixedUnits(String raw) {
            assertThat(rejected(YUAN, raw, AmountValue.MIXED_UNITS)).contains("write it in one unit");
        }

        @ParameterizedTest
        @ValueSource(strings = {"$100", "US$100", "100美元", "USD 100", "100港币", "HK$100", "€100", "100欧元", "£5",
                "1000日元", "100 twd"})
        void foreignCurrencies(String raw) {
            assertThat(rejected(YUAN, raw, AmountValue.FOREIGN_CURRENCY)).contains("is not in renminbi");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1,23.4", "1234,567", ",123", "12,34,567", "1.234,56", "1.234.567", "1,234.5,6"})
        void misplacedSeparators(String raw) {
            rejected(YUAN, raw, AmountValue.GROUPING);
        }

        @Test
        void separatorMessages() {
            assertThat(rejected(YUAN, "1,23.4", AmountValue.GROUPING))
                    .isEqualTo("'1,23.4' has misplaced thousands separators; commas go every three digits, e.g. 1,234,567.89");
            assertThat(rejected(YUAN, "1.234.567", AmountValue.GROUPING))
                    .isEqualTo("'1.234.567' has more than one decimal point; write e.g. 1234567.89 or 1,234,567.89");
        }

        @Test
        void fractionsOfAFen() {
            assertThat(rejected(YUAN, "1.234", AmountValue.TOO_PRECISE))
                    .isEqualTo("'1.234' is 1.234 yuan, which has fractions of a fen; amounts are kept to the fen (0.01 yuan)");
            rejected(YUAN, "1.2345678万", AmountValue.TOO_PRECISE);
            assertThat(YUAN.parse("1.234567万").orThrow()).isEqualTo(new BigDecimal("12345.67"));
            assertThat(YUAN.parse("1.2300").orThrow()).isEqualTo(new BigDecimal("1.23"));
            assertThat(YUAN.roundingToFen().parse("1.235").orThrow()).isEqualTo(new BigDecimal("1.24"));
            assertThat(YUAN.roundingToFen().parse("1.2345678万").orThrow()).isEqualTo(new BigDecimal("12345.68"));
        }

        @Test
        void negativesWhereNotAllowed() {
            AmountValue capital = AmountValue.in(AmountUnit.TEN_THOUSAND_YUAN).nonNegative();
            assertThat(rejected(capital, "-100", AmountValue.NEGATIVE))
                    .isEqualTo("'-100' is negative, but this amount cannot be");
            rejected(capital, "(100)", AmountValue.NEGATIVE);
            assertThat(capital.parse("0").orThrow()).isEqualTo(new BigDecimal("0.00"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "元", "-", "—", "万元", "十二万五千元 1", "12.5万 十", "1e5", "0x10", "100/月",
                "--100", "(-100)", "12元5角", "壹贰叁", "NaN", "100 元 整 整", "一二三元"})
        void notAmounts(String raw) {
            ParseResult<BigDecimal> result = YUAN.parse(raw);
            assertThat(result.isValid()).as(raw).isFalse();
            assertThat(result.problemCode()).as(raw + ": " + result.problem())
                    .isIn(AmountValue.FORMAT, AmountValue.MIXED_UNITS, AmountValue.RANGE);
        }

        @Test
        void formatMessages() {
            assertThat(rejected(YUAN, "abc", AmountValue.FORMAT)).isEqualTo("'abc' has no digits, so it is not an amount");
            assertThat(rejected(YUAN, "100/月", AmountValue.FORMAT))
                    .isEqualTo("'100/月' is not an amount: '/' is not a digit, separator or unit (元, 万, 亿)");
            assertThat(rejected(YUAN, "12.5万 十", AmountValue.FORMAT))
                    .isEqualTo("'12.5万 十' mixes Arabic digits and Chinese numerals; write 12.5万 or 十二万五千, not both");
            assertThat(rejected(YUAN, "--100", AmountValue.FORMAT)).isEqualTo("'--100' has more than one minus sign");
            assertThat(rejected(YUAN, "1".repeat(65), AmountValue.FORMAT)).contains("more than 64");
        }
    }

    @Test
    void units() {
        assertThat(AmountUnit.TEN_THOUSAND_YUAN.chinese()).isEqualTo("万元");
        assertThat(AmountUnit.HUNDRED_MILLION_YUAN.toYuan(new BigDecimal("1.5"))).isEqualByComparingTo("150000000");
        assertThat(AmountUnit.YUAN.powerOfTen()).isZero();
    }
}
