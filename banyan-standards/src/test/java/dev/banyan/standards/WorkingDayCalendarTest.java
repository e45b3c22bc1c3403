package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingDayCalendar calendar = WorkingDayCalendar.chinaMainland();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void chinaMainlandIsCached() {
        assertThat(WorkingDayCalendar.chinaMainland()).isSameAs(calendar);
    }

    @Test
    void coverageIsTheNoticeYearsWithData() {
        // 2007.json is the first file; 2027.json has no days yet, so 2026 is the last covered year.
        assertThat(calendar.firstCovered()).isEqualTo(date("2007-01-01"));
        assertThat(calendar.lastCovered()).isEqualTo(date("2026-12-31"));
        assertThat(calendar.covers(date("2026-11-22"))).isTrue();
        assertThat(calendar.covers(date("2027-01-01"))).isFalse();
        assertThat(calendar.covers(date("2006-12-31"))).isFalse();
    }

    @Nested
    class NationalDay2026 {

        @Test
        void lastWorkingDayBeforeNationalDayIsWednesday30September() {
            assertThat(calendar.addWorkingDays(date("2026-10-01"), -1)).isEqualTo(date("2026-09-30"));
            assertThat(calendar.isWorkingDay(date("2026-09-30"))).isTrue();
        }

        @Test
        void firstToSeventhOctoberAreOff() {
            for (LocalDate d = date("2026-10-01"); !d.isAfter(date("2026-10-07")); d = d.plusDays(1)) {
                assertThat(calendar.isWorkingDay(d)).as("%s", d).isFalse();
                assertThat(calendar.holidayName(d)).as("%s", d).contains("国庆节");
            }
            assertThat(calendar.isWorkingDay(date("2026-10-08"))).isTrue();
        }

        @Test
        void adjustedWorkingSundayAndSaturdayCountAsWorkingDays() {
            LocalDate sunday = date("2026-09-20");
            LocalDate saturday = date("2026-10-10");
            assertThat(sunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(calendar.isWorkingDay(sunday)).isTrue();
            assertThat(calendar.isWorkingDay(saturday)).isTrue();
            assertThat(calendar.isAdjustedWorkingDay(saturday)).isTrue();
            assertThat(calendar.holidayName(saturday)).as("a worked day is no holiday").isEmpty();
            // The weekend around the adjusted Sunday stays off.
            assertThat(calendar.isWorkingDay(date("2026-09-19"))).isFalse();
        }

        @Test
        void midAutumnFestivalFallsSeparatelyIn2026() {
            assertThat(calendar.holidayName(date("2026-09-25"))).contains("中秋节");
            assertThat(calendar.isWorkingDay(date("2026-09-25"))).isFalse();
        }

        @Test
        void workingDaysInSeptemberAndOctober() {
            // September: 22 weekdays - 1 (25th, 中秋) + 1 (Sunday 20th) = 22.
            assertThat(calendar.workingDaysBetween(date("2026-09-01"), date("2026-10-01"))).isEqualTo(22);
            // October: 22 weekdays - 5 (1st, 2nd, 5th-7th) + 1 (Saturday 10th) = 18.
            assertThat(calendar.workingDaysBetween(date("2026-10-01"), date("2026-11-01"))).isEqualTo(18);
        }
    }

    @Nested
    class SpringFestival2026 {

        @Test
        void fifteenthToTwentyThirdFebruaryAreOff() {
            for (LocalDate d = date("2026-02-15"); !d.isAfter(date("2026-02-23")); d = d.plusDays(1)) {
                assertThat(calendar.isWorkingDay(d)).as("%s", d).isFalse();
                assertThat(calendar.holidayName(d)).as("%s", d).contains("春节");
            }
        }

        @Test
        void saturdaysBeforeAndAfterAreWorked() {
            assertThat(calendar.isWorkingDay(date("2026-02-14"))).isTrue();
            assertThat(calendar.isWorkingDay(date("2026-02-28"))).isTrue();
            assertThat(calendar.isAdjustedWorkingDay(date("2026-02-14"))).isTrue();
            assertThat(calendar.isWorkingDay(date("2026-03-01"))).as("ordinary Sunday").isFalse();
        }

        @Test
        void countAcrossTheFestival() {
            // 9-13 Feb (5) + Sat 14th (1) + 24-27 Feb (4) + Sat 28th (1)
            assertThat(calendar.workingDaysBetween(date("2026-02-09"), date("2026-03-02"))).isEqualTo(11);
        }
    }

    @Nested
    class PlainWeek {

        @Test
        void mondayToFridayWorkAndTheWeekendDoesNot() {
            LocalDate monday = date("2026-03-09");
            for (int i = 0; i < 7; i++) {
                LocalDate d = monday.plusDays(i);
                assertThat(calendar.isWorkingDay(d)).as("%s", d).isEqualTo(i < 5);
                assertThat(calendar.holidayName(d)).isEmpty();
                assertThat(calendar.isAdjustedWorkingDay(d)).isFalse();
            }
            assertThat(calendar.workingDaysBetween(monday, monday.plusWeeks(1))).isEqualTo(5);
        }

        @Test
        void fridayPlusOneIsMonday() {
            assertThat(calendar.addWorkingDays(date("2026-03-13"), 1)).isEqualTo(date("2026-03-16"));
            assertThat(calendar.addWorkingDays(date("2026-03-14"), 1)).as("from a Saturday").isEqualTo(date("2026-03-16"));
            assertThat(calendar.addWorkingDays(date("2026-03-16"), -1)).isEqualTo(date("2026-03-13"));
            assertThat(calendar.addWorkingDays(date("2026-03-14"), 0)).isEqualTo(date("2026-03-14"));
        }
    }

    /** The worked examples of hotline-and-services.md §3; the acceptance day is not counted. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2018-12-28, 1, 2018-12-29",   // worked Saturday listed only in 2019.json
            "2018-12-27, 3, 2019-01-02",
            "2026-09-30, 3, 2026-10-10",
            "2026-09-25, 5, 2026-10-09",
            "2026-09-28, 2, 2026-09-30",
            "2026-09-30, 10, 2026-10-20",
            "2026-02-13, 3, 2026-02-25"
    })
    void workedExamples(LocalDate accepted, int n, LocalDate deadline) {
        assertThat(calendar.addWorkingDays(accepted, n)).isEqualTo(deadline);
    }

    @Test
    void addAndCountAgree() {
        for (LocalDate start = date("2025-12-01"); start.isBefore(date("2027-01-01")); start = start.plusDays(3)) {
            for (int n = 1; n <= 15; n++) {
                LocalDate end = calendar.addWorkingDays(start, n);
                assertThat(calendar.isWorkingDay(end)).isTrue();
                assertThat(calendar.workingDaysBetween(start.plusDays(1), end.plusDays(1))).isEqualTo(n);
                assertThat(calendar.addWorkingDays(end, -n)).isEqualTo(calendar.isWorkingDay(start)
                        ? start : calendar.addWorkingDays(start, -1));
            }
        }
    }

    @Test
    void countIsNegativeWhenTheRangeIsReversed() {
        assertThat(calendar.workingDaysBetween(date("2026-03-16"), date("2026-03-09"))).isEqualTo(-5);
        assertThat(calendar.workingDaysBetween(date("2026-03-09"), date("2026-03-09"))).isZero();
    }

    @Nested
    class Deadlines {

        @Test
        void endOfTheNthWorkingDayInChinaStandardTime() {
            Instant submitted = ZonedDateTime.of(2026, 9, 30, 15, 0, 0, 0, SHANGHAI).toInstant();
            Instant expected = ZonedDateTime.of(2026, 10, 10, 23, 59, 59, 999_999_999, SHANGHAI).toInstant();
            assertThat(calendar.deadline(submitted, 3, SHANGHAI)).isEqualTo(expected);
            assertThat(calendar.deadline(submitted, 3)).isEqualTo(expected);
        }

        @Test
        void submissionDayIsTheLocalDateNotTheUtcDate() {
            // 2026-03-12 17:00 UTC is Friday 13 March, 01:00 in Fuzhou: one working day later is Monday.
            Instant submitted = Instant.parse("2026-03-12T17:00:00Z");
            assertThat(calendar.deadline(submitted, 1, SHANGHAI)).isEqualTo(Instant.parse("2026-03-16T15:59:59.999999999Z"));
            assertThat(calendar.deadline(submitted, 1, ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-03-13T23:59:59.999999999Z"));
        }

        @Test
        void zeroDaysIsTheEndOfTheSubmissionDay() {
            Instant submitted = Instant.parse("2026-03-12T02:00:00Z");
            assertThat(calendar.deadline(submitted, 0)).isEqualTo(Instant.parse("2026-03-12T15:59:59.999999999Z"));
        }

        @Test
        void negativeDaysAreRefused() {
            assertThatThrownBy(() -> calendar.deadline(Instant.EPOCH, -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        }
    }

    @Nested
    class OutsideTheCoveredYears {

        @Test
        void fallsBackToMondayToFriday() {
            // 2030-10-01 is a Tuesday; with no notice published it counts as a working day.
            assertThat(calendar.covers(date("2030-10-01"))).isFalse();
            assertThat(calendar.isWorkingDay(date("2030-10-01"))).isTrue();
            assertThat(calendar.isWorkingDay(date("2030-10-05"))).isFalse();
            assertThat(calendar.holidayName(date("2030-10-01"))).isEmpty();
        }

        @Test
        void spillOverDaysOfACoveredNoticeStillApply() {
            // 2007.json fixes Saturday 2006-12-30 as worked, although 2006 itself is not covered.
            assertThat(calendar.isWorkingDay(date("2006-12-30"))).isTrue();
            assertThat(calendar.isWorkingDay(date("2006-12-23"))).isFalse();
        }
    }

    @Test
    void workedWeekdayListedIn2020StaysAWorkingDay() {
        // 2020.json lists Monday 2020-02-03 with isOffDay=false (the extended Spring Festival ended on the 2nd).
        assertThat(calendar.isWorkingDay(date("2020-02-03"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2020-01-31"))).isFalse();
    }
}
