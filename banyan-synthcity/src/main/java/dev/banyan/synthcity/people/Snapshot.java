package dev.banyan.synthcity.people;

import java.time.LocalDate;

/**
 * The date the departments' extracts were taken (数据截止日期). Every age, status and "current" value is as of this
 * day; using a fixed date instead of the clock keeps the files byte-identical across runs.
 */
public final class Snapshot {

    public static final LocalDate DATE = LocalDate.of(2025, 6, 30);
    public static final int DAY = (int) DATE.toEpochDay();

    private Snapshot() {
    }

    /** The epoch day of a calendar date. */
    public static int day(int year, int month, int dayOfMonth) {
        return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }

    public static int yearOf(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).getYear();
    }

    /** Completed years between a birth day and another day. */
    public static int age(int birthDay, int onDay) {
        LocalDate b = LocalDate.ofEpochDay(birthDay);
        LocalDate d = LocalDate.ofEpochDay(onDay);
        int years = d.getYear() - b.getYear();
        if (d.getMonthValue() < b.getMonthValue()
                || (d.getMonthValue() == b.getMonthValue() && d.getDayOfMonth() < b.getDayOfMonth())) {
            years--;
        }
        return years;
    }

    /** The day {@code years} after a birth day (same month and day, clamped to month end). */
    public static int plusYears(int birthDay, int years) {
        return (int) LocalDate.ofEpochDay(birthDay).plusYears(years).toEpochDay();
    }
}
