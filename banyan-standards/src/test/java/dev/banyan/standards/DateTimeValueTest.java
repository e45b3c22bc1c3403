package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeValueTest {

    private static final DateTimeValue RULE = DateTimeValue.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-01-02 10:30:15|2024-01-02T10:30:15",
            "2024-01-02T10:30:15|2024-01-02T10:30:15",
            "2024/1/2 10:30|2024-01-02T10:30",
            "2024/1/2 9:05|2024-01-02T09:05",
            "2024-01-02 10:30:15.5|2024-01-02T10:30:15.500",
            "2024-01-02 10:30:15,123456789|2024-01-02T10:30:15.123456789",
            "2024-01-02 00:00:00.0|2024-01-02T00:00",
            "2024年1月2日10时30分|2024-01-02T10:30",
            "2024年1月2日 10点30分15秒|2024-01-02T10:30:15",
            "2024年1月2日10时整|2024-01-02T10:00",
            "二〇二四年一月二日十时三十分|2024-01-02T10:30",
            "20240102103015|2024-01-02T10:30:15",
            "202401021030|2024-01-02T10:30",
            "20240102 10:30|2024-01-02T10:30",
            "２０２４－０１－０２　１０：３０|2024-01-02T10:30",
            "2024-01-02|2024-01-02T00:00",
            "2024-01-02T02:30:00Z|2024-01-02T10:30",
            "2024-01-02T10:30:00+08:00|2024-01-02T10:30",
            "2024-01-02T10:30:00 +0800|2024-01-02T10:30",
            "2024-01-01T21:30:00-05:00|2024-01-02T10:30"
    })
    void acceptedForms(String raw, LocalDateTime expected) {
        assertThat(RULE.parse(raw).orThrow()).isEqualTo(expected);
    }

    @Test
    void offsetsAreConvertedToTheRulesZone() {
        assertThat(RULE.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(RULE.inZone(ZoneOffset.UTC).parse("2024-01-02T10:30:00+08:00").orThrow())
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 2, 30));
        assertThat(RULE.inZone(ZoneOffset.UTC).parse("2024-01-02 10:30").orThrow())
                .as("a time without offset is already local").isEqualTo(LocalDateTime.of(2024, 1, 2, 10, 30));
    }

    @Test
    void excelSerialsWithTheTimeOfDay() {
        DateTimeValue excel = RULE.acceptingExcelSerials();
        assertThat(excel.parse("45293.75").orThrow()).isEqualTo(LocalDateTime.of(2024, 1, 2, 18, 0));
        assertThat(excel.parse("45293.5").orThrow()).isEqualTo(LocalDateTime.of(2024, 1, 2, 12, 0));
        assertThat(excel.parse("45293").orThrow()).isEqualTo(LocalDateTime.of(2024, 1, 2, 0, 0));
        // 10:30 is 0.4375 of a day; Excel stores it to 15 significant digits.
        assertThat(excel.parse("45293.4375").orThrow()).isEqualTo(LocalDateTime.of(2024, 1, 2, 10, 30));
        assertThat(excel.parse("45293.999999999").orThrow()).isEqualTo(LocalDateTime.of(2024, 1, 3, 0, 0));
        assertThat(RULE.parse("45293.75").problemCode()).isEqualTo(DateValue.EXCEL_SERIAL);
    }

    @Test
    void requiringTime() {
        DateTimeValue strict = RULE.requiringTime();
        ParseResult<LocalDateTime> result = strict.parse("2024-01-02");
        assertThat(result.problemCode()).isEqualTo(DateTimeValue.MISSING_TIME);
        assertThat(result.problem()).isEqualTo("'2024-01-02' is a date without a time; write e.g. 2024-01-02 09:30:00");
        assertThat(strict.parse("2024-01-02 00:00").orThrow()).isEqualTo(LocalDateTime.of(2024, 1, 2, 0, 0));
    }

    @Test
    void rejections() {
        assertThat(RULE.parse(" ").problemCode()).isEqualTo(ParseResult.EMPTY);
        assertThat(RULE.parse(" ").problem()).isEqualTo("empty date-time");
        assertThat(RULE.parse("2024-02-30 10:00").problemCode()).isEqualTo(DateValue.IMPOSSIBLE);
        assertThat(RULE.parse("2024-01-02 24:00").problemCode()).isEqualTo(DateValue.TIME);
        assertThat(RULE.parse("2024-01 10:00").problemCode()).isEqualTo(DateValue.FORMAT);
        assertThat(RULE.parse("2024-01").problemCode()).isEqualTo(DateValue.MISSING_DAY);
        assertThat(RULE.parse("24-01-02 10:00").problemCode()).isEqualTo(DateValue.TWO_DIGIT_YEAR);
        assertThat(RULE.parse("1899-12-31 23:59").problemCode()).isEqualTo(DateValue.OUT_OF_RANGE);
        assertThat(RULE.parse("2024-01-02 10:30:15.1234567890").problemCode()).isEqualTo(DateValue.TIME);
    }

    @Test
    void rangeAppliesToTheDateInTheRulesZone() {
        DateTimeValue until2024 = RULE.between(LocalDate.of(2000, 1, 1), LocalDate.of(2024, 1, 1));
        assertThat(until2024.parse("2024-01-01T23:59:59").isValid()).isTrue();
        // 2024-01-01 17:00 UTC is already 2024-01-02 in Fuzhou.
        assertThat(until2024.parse("2024-01-01T17:00:00Z").problemCode()).isEqualTo(DateValue.OUT_OF_RANGE);
        assertThatThrownBy(() -> RULE.between(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
