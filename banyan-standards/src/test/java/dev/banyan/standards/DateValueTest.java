package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateValueTest {

    private static final DateValue RULE = DateValue.standard();

    private static ParseResult<LocalDate> rejected(DateValue rule, String raw, String code) {
        ParseResult<LocalDate> result = rule.parse(raw);
        assertThat(result.isValid()).as("%s should be rejected", raw).isFalse();
        assertThat(result.problemCode()).as("problem code of %s: %s", raw, result.problem()).isEqualTo(code);
        return result;
    }

    @Nested
    class AcceptedForms {

        @ParameterizedTest
        @ValueSource(strings = {
                "2024-01-02", "2024-1-2", "2024/1/2", "2024/01/02", "2024.1.2", "2024.01.02", "20240102",
                "2024年1月2日", "2024年01月02日", "2024年1月2号", "二〇二四年一月二日", "二零二四年一月二日",
                "２０２４－０１－０２", "２０２４年１月２日", " 2024-01-02 ", "\u200B2024/1/2\uFEFF",
                "2024-01-02T10:30:00", "2024-01-02T10:30:00+08:00", "2024-01-02 10:30", "2024-01-02 10:30:00.0",
                "2024/1/2 9:05", "2024年1月2日 10时30分", "2024年1月2日10时30分15秒", "2024年1月2日10点", "2024年1月2", "2024年1月2日十时",
                "20240102103000", "202401021030", "20240102 10:30:00", "2024-01-02T10:30:00.123456789Z"
        })
        void allMeanTheSecondOfJanuary(String raw) {
            assertThat(RULE.parse(raw).orThrow()).isEqualTo(LocalDate.of(2024, 1, 2));
        }

        @ParameterizedTest
        @CsvSource({
                "二〇二四年十二月三十一日, 2024-12-31",
                "一九八〇年十月一日, 1980-10-01",
                "二〇〇〇年二月二十九日, 2000-02-29",
                "二〇二四年十一月二十日, 2024-11-20"
        })
        void chineseNumerals(String raw, LocalDate expected) {
            assertThat(RULE.parse(raw).orThrow()).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource({
                "2024-02-29, 2024-02-29",
                "2000-02-29, 2000-02-29",
                "1900-01-01, 1900-01-01",
                "2100-12-31, 2100-12-31",
                "1999-12-31, 1999-12-31"
        })
        void leapDaysAndTheEndsOfTheRange(String raw, LocalDate expected) {
            assertThat(RULE.parse(raw).orThrow()).isEqualTo(expected);
        }

        @Test
        void everyDateStyleOfTheSyntheticCity() {
            // banyan-synthcity DateStyle: ISO, SLASH, SLASH_PADDED, COMPACT, CHINESE, DOTTED.
            LocalDate day = LocalDate.of(1987, 3, 9);
            for (String raw : new String[]{"1987-03-09", "1987/3/9", "1987/03/09", "19870309", "1987年3月9日", "1987.03.09"}) {
                assertThat(RULE.parse(raw).orThrow()).as(raw).isEqualTo(day);
            }
        }
    }

    @Nested
    class Offsets {

        @Test
        void aTimeWithAnOffsetIsConvertedToChinaBeforeKeepingTheDate() {
            assertThat(RULE.parse("2024-01-01T20:00:00Z").orThrow()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(RULE.parse("2024-01-02T07:59:59+08:00").orThrow()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(RULE.parse("2024-01-01T12:00:00-0500").orThrow()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(RULE.parse("2024-01-01T23:00:00+08").orThrow()).isEqualTo(LocalDate.of(2024, 1, 1));
        }

        @Test
        void anotherZoneCanBeChosen() {
            assertThat(RULE.inZone(ZoneOffset.UTC).parse("2024-01-02T02:00:00+08:00").orThrow())
                    .isEqualTo(LocalDate.of(2024, 1, 1));
        }

        @Test
        void aTimeWithoutOffsetKeepsItsDate() {
            assertThat(RULE.parse("2024-01-02 23:59:59").orThrow()).isEqualTo(LocalDate.of(2024, 1, 2));
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "\u3000", "\u200B"})
        void blank(String raw) {
            assertThat(rejected(RULE, raw, ParseResult.EMPTY).problem()).isEqualTo("empty date");
        }

        @Test
        void twoDigitYears() {
            assertThat(rejected(RULE, "24-1-2", DateValue.TWO_DIGIT_YEAR).problem())
                    .isEqualTo("'24-1-2' has a two-digit year, which could be 1924 or 2024; write the year with four digits");
            rejected(RULE, "24/01/02", DateValue.TWO_DIGIT_YEAR);
            rejected(RULE, "24年1月2日", DateValue.TWO_DIGIT_YEAR);
            rejected(RULE, "99.12.31", DateValue.TWO_DIGIT_YEAR);
        }

        @Test
        void yearLast() {
            assertThat(rejected(RULE, "02/01/2024", DateValue.YEAR_LAST).problem())
                    .isEqualTo("'02/01/2024' puts the year last, so day and month cannot be told apart (2024-01-02 or"
                            + " 2024-02-01?); write the year first, e.g. 2024-02-01");
            rejected(RULE, "2.1.2024", DateValue.YEAR_LAST);
            rejected(RULE, "12-31-2024", DateValue.YEAR_LAST);
        }

        @Test
        void mixedSeparators() {
            assertThat(rejected(RULE, "2024-01/02", DateValue.MIXED_SEPARATORS).problem())
                    .isEqualTo("'2024-01/02' mixes the separators '-' and '/'; use one, e.g. 2024-01-02");
            rejected(RULE, "2024/1.2", DateValue.MIXED_SEPARATORS);
        }

        @Test
        void impossibleDates() {
            assertThat(rejected(RULE, "2023-02-29", DateValue.IMPOSSIBLE).problem())
                    .isEqualTo("'2023-02-29' is not a calendar date: February 2023 has 28 days (2023 is not a leap year)");
            assertThat(rejected(RULE, "2024年2月30日", DateValue.IMPOSSIBLE).problem())
                    .isEqualTo("'2024年2月30日' is not a calendar date: February 2024 has 29 days");
            assertThat(rejected(RULE, "2024-04-31", DateValue.IMPOSSIBLE).problem())
                    .isEqualTo("'2024-04-31' is not a calendar date: April has 30 days");
            assertThat(rejected(RULE, "2024-13-01", DateValue.IMPOSSIBLE).problem())
                    .isEqualTo("month 13 in '2024-13-01' is not 1-12");
            assertThat(rejected(RULE, "2024-00-10", DateValue.IMPOSSIBLE).problem())
                    .isEqualTo("month 0 in '2024-00-10' is not 1-12");
            assertThat(rejected(RULE, "2024-01-00", DateValue.IMPOSSIBLE).problem())
                    .isEqualTo("day 0 in '2024-01-00' is not a day of the month");
            rejected(RULE, "20240100", DateValue.IMPOSSIBLE);
            rejected(RULE, "20241301", DateValue.IMPOSSIBLE);
            rejected(RULE, "1900-02-29", DateValue.IMPOSSIBLE);
            rejected(RULE, "2024-12-32", DateValue.IMPOSSIBLE);
            rejected(RULE, "2024-13", DateValue.IMPOSSIBLE);
        }

        @Test
        void yearAndMonthWithoutDay() {
            assertThat(rejected(RULE, "2024-01", DateValue.MISSING_DAY).problem())
                    .isEqualTo("'2024-01' is a year and month without a day; a full date is needed, e.g. 2024-01-01");
            rejected(RULE, "202401", DateValue.MISSING_DAY);
            rejected(RULE, "2024年1月", DateValue.MISSING_DAY);
        }

        @Test
        void outsideThePlausibleRange() {
            assertThat(rejected(RULE, "1899-12-31", DateValue.OUT_OF_RANGE).problem())
                    .isEqualTo("date 1899-12-31 ('1899-12-31') is outside the plausible range 1900-01-01 to 2100-12-31");
            rejected(RULE, "2101-01-01", DateValue.OUT_OF_RANGE);
            rejected(RULE, "0024-01-02", DateValue.OUT_OF_RANGE);
        }

        @Test
        void excelSerialsUnlessAskedFor() {
            assertThat(rejected(RULE, "45293", DateValue.EXCEL_SERIAL).problem())
                    .startsWith("'45293' looks like an Excel serial date (days since 1900)");
            rejected(RULE, "45293.5", DateValue.EXCEL_SERIAL);
        }

        @Test
        void malformedTimes() {
            assertThat(rejected(RULE, "2024-01-02 25:00", DateValue.TIME).problem())
                    .isEqualTo("hour 25 in '2024-01-02 25:00' is not 0-23");
            rejected(RULE, "2024-01-02 10:60", DateValue.TIME);
            rejected(RULE, "2024-01-02 10:30:61", DateValue.TIME);
            rejected(RULE, "2024-01-02 10:3", DateValue.TIME);
            rejected(RULE, "2024-01-02 10", DateValue.TIME);
            rejected(RULE, "2024-01-02T10:00:00+25:00", DateValue.TIME);
            rejected(RULE, "2024-01-02T10:00:00+8", DateValue.TIME);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "2024", "123", "1234567", "2024-01-02x", "2024-01-02 10:30 下午",
                "2024年1月2日后", "2024/1/2/3", "2024 01 02", "202-01-02", "２０２４", "--", "2024-", "2024-1-", "长期",
                "2024-01-02 10:30:00 foo", "二〇二四年十二三月", "20240102x"})
        void notDates(String raw) {
            ParseResult<LocalDate> result = RULE.parse(raw);
            assertThat(result.isValid()).as(raw).isFalse();
            assertThat(result.problemCode()).as(raw + ": " + result.problem())
                    .isIn(DateValue.FORMAT, DateValue.TIME, DateValue.MISSING_DAY);
        }

        @Test
        void formatProblemsSayWhatToWrite() {
            assertThat(rejected(RULE, "abc", DateValue.FORMAT).problem())
                    .isEqualTo("'abc' is not a date: it does not start with a year; write e.g. 2024-01-02, 2024/1/2,"
                            + " 20240102 or 2024年1月2日");
            assertThat(rejected(RULE, "2024", DateValue.FORMAT).problem()).contains("a year without month and day");
            assertThat(rejected(RULE, "1234567", DateValue.FORMAT).problem())
                    .contains("8 digits (yyyyMMdd), not 7");
        }
    }

    @Nested
    class Configuration {

        @Test
        void plausibleRangeForBirthDates() {
            DateValue birth = RULE.between(LocalDate.of(1900, 1, 1), LocalDate.of(2026, 6, 30));
            assertThat(birth.parse("2026-06-30").orThrow()).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(rejected(birth, "2026-07-01", DateValue.OUT_OF_RANGE).problem())
                    .isEqualTo("date 2026-07-01 ('2026-07-01') is outside the plausible range 1900-01-01 to 2026-06-30");
            assertThat(birth.earliest()).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(birth.latest()).isEqualTo(LocalDate.of(2026, 6, 30));
        }

        @Test
        void rangeMustBeOrdered() {
            assertThatThrownBy(() -> RULE.between(LocalDate.of(2000, 1, 2), LocalDate.of(2000, 1, 1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void excelSerialsWhenAskedFor() {
            DateValue excel = RULE.acceptingExcelSerials();
            assertThat(excel.parse("45293").orThrow()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(excel.parse("45293.75").orThrow()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(excel.parse("１").orThrow()).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(excel.parse("59").orThrow()).isEqualTo(LocalDate.of(1900, 2, 28));
            assertThat(excel.parse("61").orThrow()).isEqualTo(LocalDate.of(1900, 3, 1));
            assertThat(excel.parse("36526").orThrow()).isEqualTo(LocalDate.of(2000, 1, 1));
            // Eight digits stay a compact date, and the other forms still work.
            assertThat(excel.parse("20240102").orThrow()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(excel.parse("2024/1/2").orThrow()).isEqualTo(LocalDate.of(2024, 1, 2));
        }

        @Test
        void excelSerialRejections() {
            DateValue excel = RULE.acceptingExcelSerials();
            assertThat(rejected(excel, "60", DateValue.IMPOSSIBLE).problem())
                    .isEqualTo("Excel serial 60 is 1900-02-29, a day that did not exist (Excel's leap-year bug)");
            rejected(excel, "0", DateValue.IMPOSSIBLE);
            assertThat(rejected(excel, "1990", DateValue.FORMAT).problem())
                    .isEqualTo("'1990' is either a year without month and day or the Excel serial date 1905-06-12;"
                            + " write the full date");
            rejected(excel, "99999", DateValue.OUT_OF_RANGE);
        }

        @Test
        void openEndedValidity() {
            LocalDate forever = LocalDate.of(9999, 12, 31);
            DateValue until = RULE.acceptingOpenEnded(forever);
            for (String word : DateValue.OPEN_ENDED_WORDS) {
                assertThat(until.parse(word).orThrow()).as(word).isEqualTo(forever);
            }
            assertThat(until.parse(" 长期 ").orThrow()).isEqualTo(forever);
            assertThat(until.parse("2030-01-01").orThrow()).isEqualTo(LocalDate.of(2030, 1, 1));
            rejected(RULE, "长期", DateValue.FORMAT);
        }

        @Test
        void configuringReturnsNewRules() {
            assertThat(RULE.acceptingExcelSerials()).isNotSameAs(RULE);
            assertThat(RULE.parse("45293").isValid()).isFalse();
            assertThat(DateValue.standard()).isSameAs(RULE);
        }
    }
}
