package dev.banyan.standards;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A year and month (年月), as in 出生年月, 费款所属期 or 最近发放年月, standardised to a {@link YearMonth}.
 *
 * <p>Accepted forms: {@code 202401}, {@code 2024-01}, {@code 2024-1}, {@code 2024/1}, {@code 2024.01},
 * {@code 2024年1月}, {@code 2024年1月份}, Chinese numerals and full-width digits — and any full date that
 * {@link DateValue} accepts, whose day is dropped (a month column often receives the first of the month).
 * Refused like dates: two-digit years, month 13, and months outside the plausible range (1900-01 to 2100-12
 * unless changed). Problem codes are those of {@link DateValue}. Immutable and thread-safe.
 */
public final class YearMonthValue implements StandardisationRule<YearMonth> {

    private static final YearMonthValue STANDARD = new YearMonthValue(YearMonth.of(1900, 1), YearMonth.of(2100, 12));

    private final YearMonth earliest;
    private final YearMonth latest;

    private YearMonthValue(YearMonth earliest, YearMonth latest) {
        this.earliest = earliest;
        this.latest = latest;
    }

    /** Months from 1900-01 to 2100-12. */
    public static YearMonthValue standard() {
        return STANDARD;
    }

    /**
     * The same rule with another plausible range, both ends included.
     *
     * @throws IllegalArgumentException if {@code earliest} is after {@code latest}
     */
    public YearMonthValue between(YearMonth earliest, YearMonth latest) {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException("earliest " + earliest + " is after latest " + latest);
        }
        return new YearMonthValue(earliest, latest);
    }

    @Override
    public ParseResult<YearMonth> parse(String raw) {
        if (Spacing.isBlank(raw)) {
            return ParseResult.empty("year and month");
        }
        String s = DateText.normalise(raw);
        ParseResult<DateText.Parts> parts = DateText.parse(s);
        if (!parts.isValid()) {
            return ParseResult.invalid(parts.problemCode(), parts.problem().replace("is not a date", "is not a year and month")
                    .replace("write e.g. 2024-01-02, 2024/1/2, 20240102 or 2024年1月2日", "write e.g. 2024-01, 202401 or 2024年1月"));
        }
        DateText.Parts p = parts.value();
        if (p.month() < 1 || p.month() > 12) {
            return ParseResult.invalid(DateValue.IMPOSSIBLE, "month " + p.month() + " in '" + s + "' is not 1-12");
        }
        if (p.hasDay()) {
            ParseResult<java.time.LocalDate> date = DateText.calendarDate(s, p.year(), p.month(), p.day());
            if (!date.isValid()) {
                return ParseResult.invalid(date.problemCode(), date.problem());
            }
        }
        YearMonth month = YearMonth.of(p.year(), p.month());
        if (month.isBefore(earliest) || month.isAfter(latest)) {
            return ParseResult.invalid(DateValue.OUT_OF_RANGE, "month " + month + " ('" + s + "') is outside the plausible"
                    + " range " + earliest + " to " + latest);
        }
        return ParseResult.valid(month);
    }
}
