package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YearMonthValueTest {

    private static final YearMonthValue RULE = YearMonthValue.standard();

    @ParameterizedTest
    @ValueSource(strings = {"198005", "1980-05", "1980-5", "1980/5", "1980/05", "1980.05", "1980年5月", "1980年05月",
            "1980年5月份", "一九八〇年五月", "１９８０－０５", "1980-05-17", "19800517", "1980年5月17日", " 198005 "})
    void acceptedForms(String raw) {
        assertThat(RULE.parse(raw).orThrow()).isEqualTo(YearMonth.of(1980, 5));
    }

    @Test
    void theSyntheticCitysMonthColumns() {
        // 出生年月, 费款所属期, 最近发放年月 are written yyyyMM.
        assertThat(RULE.parse("202512").orThrow()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(RULE.parse("193001").orThrow()).isEqualTo(YearMonth.of(1930, 1));
    }

    @Test
    void rejections() {
        assertThat(RULE.parse("").problemCode()).isEqualTo(ParseResult.EMPTY);
        assertThat(RULE.parse("202413").problem()).isEqualTo("month 13 in '202413' is not 1-12");
        assertThat(RULE.parse("202413").problemCode()).isEqualTo(DateValue.IMPOSSIBLE);
        assertThat(RULE.parse("2024-00").problemCode()).isEqualTo(DateValue.IMPOSSIBLE);
        assertThat(RULE.parse("2023-02-29").problemCode()).isEqualTo(DateValue.IMPOSSIBLE);
        assertThat(RULE.parse("80-05").problemCode()).isEqualTo(DateValue.TWO_DIGIT_YEAR);
        assertThat(RULE.parse("1899-12").problemCode()).isEqualTo(DateValue.OUT_OF_RANGE);
        assertThat(RULE.parse("1899-12").problem())
                .isEqualTo("month 1899-12 ('1899-12') is outside the plausible range 1900-01 to 2100-12");
        ParseResult<YearMonth> notAMonth = RULE.parse("abc");
        assertThat(notAMonth.problemCode()).isEqualTo(DateValue.FORMAT);
        assertThat(notAMonth.problem()).isEqualTo("'abc' is not a year and month: it does not start with a year;"
                + " write e.g. 2024-01, 202401 or 2024年1月");
    }

    @Test
    void configurableRange() {
        YearMonthValue recent = RULE.between(YearMonth.of(2020, 1), YearMonth.of(2025, 12));
        assertThat(recent.parse("202001").isValid()).isTrue();
        assertThat(recent.parse("201912").problemCode()).isEqualTo(DateValue.OUT_OF_RANGE);
        assertThatThrownBy(() -> RULE.between(YearMonth.of(2020, 2), YearMonth.of(2020, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
