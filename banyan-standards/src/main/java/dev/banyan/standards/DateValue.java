package dev.banyan.standards;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * A calendar date (日期) as departments write it, standardised to a {@link LocalDate}.
 *
 * <p>Accepted forms: {@code 2024-01-02}, {@code 2024-1-2}, {@code 2024/1/2}, {@code 2024/01/02},
 * {@code 2024.1.2}, {@code 20240102}, {@code 2024年1月2日}, {@code 2024年01月02号}, Chinese numerals
 * ({@code 二〇二四年一月二日}), full-width digits, and any of these followed by a time (ISO
 * {@code 2024-01-02T10:30:00+08:00}, {@code 2024-01-02 10:30:00.0}, {@code 2024/1/2 9:05},
 * {@code 2024年1月2日10时30分}) whose date is kept — converted to the rule's zone (Asia/Shanghai unless
 * changed) when the time carries an offset. Excel serial day numbers ({@code 45293} = 2024-01-02) only when
 * {@link #acceptingExcelSerials()} is asked for, because a bare number is more often a mistake.
 *
 * <p>Refused, each with its own problem code: two-digit years ({@code 24-1-2}: 1924 or 2024?), the year
 * last ({@code 02/01/2024}: day or month first?), mixed separators, impossible dates ({@code 2023-02-29},
 * {@code 2024-04-31}, month 13), a year and month without a day, and dates outside the plausible range
 * (1900-01-01 to 2100-12-31 unless changed with {@link #between(LocalDate, LocalDate)}).
 *
 * <p>Instances are immutable and thread-safe; the configuring methods return new instances.
 */
public final class DateValue implements StandardisationRule<LocalDate> {

    /** Problem code: not in any accepted form. */
    public static final String FORMAT = "date.format";
    /** Problem code: the year has two digits. */
    public static final String TWO_DIGIT_YEAR = "date.two-digit-year";
    /** Problem code: the year comes last, so day and month order is ambiguous. */
    public static final String YEAR_LAST = "date.year-last";
    /** Problem code: two different separators, e.g. {@code 2024-01/02}. */
    public static final String MIXED_SEPARATORS = "date.mixed-separators";
    /** Problem code: no such day, e.g. February 30 or month 13. */
    public static final String IMPOSSIBLE = "date.impossible";
    /** Problem code: a real date outside the rule's plausible range. */
    public static final String OUT_OF_RANGE = "date.out-of-range";
    /** Problem code: a year and month without a day where a date is required. */
    public static final String MISSING_DAY = "date.missing-day";
    /** Problem code: a bare number that looks like an Excel serial date where those are not accepted. */
    public static final String EXCEL_SERIAL = "date.excel-serial";
    /** Problem code: the time part is malformed or out of range. */
    public static final String TIME = "date.time";

    /** The default earliest plausible date. */
    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(1900, 1, 1);
    /** The default latest plausible date. */
    public static final LocalDate DEFAULT_LATEST = LocalDate.of(2100, 12, 31);
    /** The default zone for times with an offset: China Standard Time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Words for an open-ended validity (长期, 永久 …) accepted by {@link #acceptingOpenEnded(LocalDate)}. */
    public static final Set<String> OPEN_ENDED_WORDS = Set.of("长期", "长期有效", "永久", "永久有效", "无期限", "无限期");

    private static final DateValue STANDARD = new DateValue(DEFAULT_EARLIEST, DEFAULT_LATEST, false, CHINA, null);

    private final LocalDate earliest;
    private final LocalDate latest;
    private final boolean excelSerials;
    private final ZoneId zone;
    private final LocalDate openEnded;

    private DateValue(LocalDate earliest, LocalDate latest, boolean excelSerials, ZoneId zone, LocalDate openEnded) {
        this.earliest = earliest;
        this.latest = latest;
        this.excelSerials = excelSerials;
        this.zone = zone;
        this.openEnded = openEnded;
    }

    /** Dates from 1900-01-01 to 2100-12-31, no Excel serials, offsets converted to Asia/Shanghai. */
    public static DateValue standard() {
        return STANDARD;
    }

    /**
     * The same rule with another plausible range, both ends included (e.g. birth dates up to today).
     *
     * @throws IllegalArgumentException if {@code earliest} is after {@code latest}
     */
    public DateValue between(LocalDate earliest, LocalDate latest) {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException("earliest " + earliest + " is after latest " + latest);
        }
        return new DateValue(earliest, latest, excelSerials, zone, openEnded);
    }

    /**
     * The same rule also reading a number of one to five digits, with an optional fraction, as an Excel
     * serial day number of the 1900 date system ({@code 45293} = 2024-01-02), for columns read from
     * spreadsheets. Eight-digit numbers stay {@code yyyyMMdd}.
     */
    public DateValue acceptingExcelSerials() {
        return new DateValue(earliest, latest, true, zone, openEnded);
    }

    /** The same rule converting times with an explicit offset to {@code zone} before keeping the date. */
    public DateValue inZone(ZoneId zone) {
        return new DateValue(earliest, latest, excelSerials, Objects.requireNonNull(zone, "zone"), openEnded);
    }

    /**
     * The same rule reading the words of {@link #OPEN_ENDED_WORDS} (长期, 永久有效 …), as written in
     * "valid until" columns (营业期限至, 证件有效期至), as {@code sentinel} — usually 9999-12-31 — which the
     * plausible range does not apply to.
     */
    public DateValue acceptingOpenEnded(LocalDate sentinel) {
        return new DateValue(earliest, latest, excelSerials, zone, Objects.requireNonNull(sentinel, "sentinel"));
    }

    /** The earliest plausible date. */
    public LocalDate earliest() {
        return earliest;
    }

    /** The latest plausible date. */
    public LocalDate latest() {
        return latest;
    }

    @Override
    public ParseResult<LocalDate> parse(String raw) {
        if (Spacing.isBlank(raw)) {
            return ParseResult.empty("date");
        }
        String s = DateText.normalise(raw);
        if (openEnded != null && OPEN_ENDED_WORDS.contains(s)) {
            return ParseResult.valid(openEnded);
        }
        ParseResult<LocalDate> date = dateOf(s);
        if (!date.isValid()) {
            return date;
        }
        return checkRange(s, date.value(), earliest, latest);
    }

    private ParseResult<LocalDate> dateOf(String s) {
        ParseResult<LocalDateTime> serial = DateText.excelSerialOrNull(s, excelSerials);
        if (serial != null) {
            return serial.map(LocalDateTime::toLocalDate);
        }
        ParseResult<DateText.Parts> parts = DateText.parse(s);
        if (!parts.isValid()) {
            return ParseResult.invalid(parts.problemCode(), parts.problem());
        }
        DateText.Parts p = parts.value();
        if (!p.hasDay()) {
            if (p.month() < 1 || p.month() > 12) {
                return ParseResult.invalid(IMPOSSIBLE, "month " + p.month() + " in '" + s + "' is not 1-12");
            }
            return ParseResult.invalid(MISSING_DAY, "'" + s + "' is a year and month without a day; a full date is"
                    + " needed, e.g. " + p.year() + "-" + two(p.month()) + "-01");
        }
        if (p.hasTime()) {
            return DateText.dateTime(s, p, zone).map(LocalDateTime::toLocalDate);
        }
        return DateText.calendarDate(s, p.year(), p.month(), p.day());
    }

    static ParseResult<LocalDate> checkRange(String s, LocalDate date, LocalDate earliest, LocalDate latest) {
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            return ParseResult.invalid(OUT_OF_RANGE, "date " + date + " ('" + s + "') is outside the plausible range "
                    + earliest + " to " + latest);
        }
        return ParseResult.valid(date);
    }

    static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
