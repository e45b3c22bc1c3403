package dev.banyan.standards;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A date and time (日期时间) as departments write it, standardised to a {@link LocalDateTime} in China
 * Standard Time (or the rule's zone).
 *
 * <p>Accepts every date form of {@link DateValue} followed by an optional time: {@code 10:30},
 * {@code 10:30:15}, {@code 10:30:15.123} (up to nanoseconds, as JDBC writes {@code 2024-01-02 10:30:00.0}),
 * {@code 10时30分15秒}, {@code 10点30分}, after a space or {@code T}, with an optional offset
 * ({@code Z}, {@code +08:00}, {@code +0800}, {@code +08}); a value with an offset is converted to the rule's
 * zone. Also the compact {@code 20240102103000} and {@code 202401021030}, and — only when asked — Excel
 * serial numbers with a fraction for the time ({@code 45293.5} = 2024-01-02 12:00). A date without a time
 * is read as the start of that day unless {@link #requiringTime()} is asked for.
 *
 * <p>Problems use the codes of {@link DateValue} ({@link DateValue#TIME} for a malformed or impossible
 * time, {@link #MISSING_TIME} for a date alone where a time is required). Immutable and thread-safe.
 */
public final class DateTimeValue implements StandardisationRule<LocalDateTime> {

    /** Problem code: a date without a time where {@link #requiringTime()} was asked for. */
    public static final String MISSING_TIME = "date.missing-time";

    private static final DateTimeValue STANDARD =
            new DateTimeValue(DateValue.DEFAULT_EARLIEST, DateValue.DEFAULT_LATEST, false, DateValue.CHINA, false);

    private final LocalDate earliest;
    private final LocalDate latest;
    private final boolean excelSerials;
    private final ZoneId zone;
    private final boolean timeRequired;

    private DateTimeValue(LocalDate earliest, LocalDate latest, boolean excelSerials, ZoneId zone, boolean timeRequired) {
        this.earliest = earliest;
        this.latest = latest;
        this.excelSerials = excelSerials;
        this.zone = zone;
        this.timeRequired = timeRequired;
    }

    /** Dates from 1900-01-01 to 2100-12-31, no Excel serials, Asia/Shanghai, a missing time read as 00:00. */
    public static DateTimeValue standard() {
        return STANDARD;
    }

    /**
     * The same rule with another plausible range for the date, both ends included.
     *
     * @throws IllegalArgumentException if {@code earliest} is after {@code latest}
     */
    public DateTimeValue between(LocalDate earliest, LocalDate latest) {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException("earliest " + earliest + " is after latest " + latest);
        }
        return new DateTimeValue(earliest, latest, excelSerials, zone, timeRequired);
    }

    /** The same rule also reading Excel serial numbers (see {@link DateValue#acceptingExcelSerials()}). */
    public DateTimeValue acceptingExcelSerials() {
        return new DateTimeValue(earliest, latest, true, zone, timeRequired);
    }

    /** The same rule giving local times in {@code zone}. */
    public DateTimeValue inZone(ZoneId zone) {
        return new DateTimeValue(earliest, latest, excelSerials, Objects.requireNonNull(zone, "zone"), timeRequired);
    }

    /** The same rule refusing a date without a time. */
    public DateTimeValue requiringTime() {
        return new DateTimeValue(earliest, latest, excelSerials, zone, true);
    }

    /** The zone of the local date-times this rule gives. */
    public ZoneId zone() {
        return zone;
    }

    @Override
    public ParseResult<LocalDateTime> parse(String raw) {
        if (Spacing.isBlank(raw)) {
            return ParseResult.empty("date-time");
        }
        String s = DateText.normalise(raw);
        ParseResult<LocalDateTime> result = dateTimeOf(s);
        if (!result.isValid()) {
            return result;
        }
        ParseResult<LocalDate> inRange = DateValue.checkRange(s, result.value().toLocalDate(), earliest, latest);
        return inRange.isValid() ? result : ParseResult.invalid(inRange.problemCode(), inRange.problem());
    }

    private ParseResult<LocalDateTime> dateTimeOf(String s) {
        ParseResult<LocalDateTime> serial = DateText.excelSerialOrNull(s, excelSerials);
        if (serial != null) {
            return serial;
        }
        ParseResult<DateText.Parts> parts = DateText.parse(s);
        if (!parts.isValid()) {
            return ParseResult.invalid(parts.problemCode(), parts.problem());
        }
        DateText.Parts p = parts.value();
        if (!p.hasDay()) {
            return ParseResult.invalid(DateValue.MISSING_DAY, "'" + s + "' is a year and month without a day");
        }
        if (!p.hasTime() && timeRequired) {
            return ParseResult.invalid(MISSING_TIME, "'" + s + "' is a date without a time; write e.g. "
                    + p.year() + "-" + DateValue.two(p.month()) + "-" + DateValue.two(p.day()) + " 09:30:00");
        }
        return DateText.dateTime(s, p, zone);
    }
}
