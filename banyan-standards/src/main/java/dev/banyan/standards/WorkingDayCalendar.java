package dev.banyan.standards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The working-day calendar (工作日历) of mainland China: Monday to Friday, minus the statutory holidays
 * (法定节假日) and plus the weekend days worked in exchange (调休上班日) that the State Council announces
 * each year.
 *
 * <p>Data: the bundled copy of NateScarlet/holiday-cn (MIT), one file per notice year, see
 * {@code holiday-cn/README.md}. Every listed day is applied whatever file it sits in, because the
 * notice for year Y fixes New-Year days of late December Y−1 (e.g. 2018-12-29 was worked, and only
 * {@code 2019.json} says so).
 *
 * <p><b>Coverage.</b> {@link #firstCovered()} … {@link #lastCovered()} spans the notice years whose
 * data is published. Outside that span the calendar falls back to plain Monday–Friday (apart from the
 * few spill-over days a covered notice fixes), so results there ignore holidays that were or will be
 * announced. Late December of the last covered year can still change when the next year's notice
 * appears (usually in November). Callers that must not guess can ask {@link #covers(LocalDate)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WorkingDayCalendar {

    /** The zone in which Chinese government deadlines are reckoned. */
    public static final ZoneId CHINA_STANDARD_TIME = ZoneId.of("Asia/Shanghai");

    private static final String RESOURCE_DIRECTORY = "holiday-cn/";
    // Notice years probed on the class path; holiday-cn starts with 2007.
    private static final int FIRST_PROBED_YEAR = 2000;
    private static final int LAST_PROBED_YEAR = 2100;

    private record ListedDay(String name, boolean offDay) {
    }

    private final Map<LocalDate, ListedDay> listed;
    private final LocalDate firstCovered;
    private final LocalDate lastCovered;

    private WorkingDayCalendar(Map<LocalDate, ListedDay> listed, int firstYear, int lastYear) {
        this.listed = Map.copyOf(listed);
        this.firstCovered = LocalDate.of(firstYear, 1, 1);
        this.lastCovered = LocalDate.of(lastYear, 12, 31);
    }

    /** The calendar of mainland China from the bundled holiday data; loaded once and shared. */
    public static WorkingDayCalendar chinaMainland() {
        return Bundled.INSTANCE;
    }

    // Holder idiom: loads on first use, without locking on every call.
    private static final class Bundled {
        static final WorkingDayCalendar INSTANCE = loadBundled();
    }

    private static WorkingDayCalendar loadBundled() {
        Map<LocalDate, ListedDay> listed = new HashMap<>();
        TreeSet<Integer> coveredYears = new TreeSet<>();
        for (int year = FIRST_PROBED_YEAR; year <= LAST_PROBED_YEAR; year++) {
            String resource = RESOURCE_DIRECTORY + year + ".json";
            try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (readNotice(json, resource, listed) > 0) {
                    coveredYears.add(year);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        if (coveredYears.isEmpty()) {
            throw new IllegalStateException("no holiday data found under " + RESOURCE_DIRECTORY);
        }
        // A gap would make the calendar silently wrong for a whole year inside the advertised range.
        if (coveredYears.last() - coveredYears.first() + 1 != coveredYears.size()) {
            throw new IllegalStateException("holiday data has gaps: " + coveredYears);
        }
        return new WorkingDayCalendar(listed, coveredYears.first(), coveredYears.last());
    }

    /** Adds the days of one notice file to {@code listed}; returns how many it lists. */
    private static int readNotice(String json, String resource, Map<LocalDate, ListedDay> listed) {
        Object parsed;
        try {
            parsed = JsonParser.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("days") instanceof List<?> days)) {
            throw new IllegalStateException(resource + ": expected an object with a \"days\" array");
        }
        for (Object element : days) {
            if (!(element instanceof Map<?, ?> day)
                    || !(day.get("date") instanceof String date)
                    || !(day.get("isOffDay") instanceof Boolean offDay)) {
                throw new IllegalStateException(resource + ": each day needs a \"date\" string and an \"isOffDay\" boolean: " + element);
            }
            LocalDate localDate;
            try {
                localDate = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(resource + ": bad date " + date, e);
            }
            String name = day.get("name") instanceof String s ? s : "";
            ListedDay previous = listed.put(localDate, new ListedDay(name, offDay));
            if (previous != null && previous.offDay() != offDay) {
                throw new IllegalStateException(resource + ": " + date + " is listed both as working day and as day off");
            }
        }
        return days.size();
    }

    /**
     * True if {@code date} is a working day: a listed 调休 working day, or a Monday–Friday that is not a
     * listed holiday.
     */
    public boolean isWorkingDay(LocalDate date) {
        ListedDay day = listed.get(date);
        if (day != null) {
            return !day.offDay();
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** True if {@code date} is a Saturday or Sunday that is worked in exchange for a holiday (调休上班). */
    public boolean isAdjustedWorkingDay(LocalDate date) {
        ListedDay day = listed.get(date);
        return day != null && !day.offDay();
    }

    /**
     * The holiday a day off belongs to, e.g. {@code 春节} or {@code 国庆节、中秋节}; empty for ordinary days,
     * plain weekends and 调休 working days (see {@link #isAdjustedWorkingDay(LocalDate)}).
     */
    public Optional<String> holidayName(LocalDate date) {
        ListedDay day = listed.get(date);
        return day != null && day.offDay() ? Optional.of(day.name()) : Optional.empty();
    }

    /**
     * The {@code n}-th working day after {@code start}; {@code start} itself is never counted. A negative
     * {@code n} counts backwards ({@code -1} is the last working day before {@code start}); {@code 0}
     * returns {@code start} unchanged.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        int step = n >= 0 ? 1 : -1;
        int remaining = Math.abs(n);
        LocalDate date = start;
        while (remaining > 0) {
            date = date.plusDays(step);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /**
     * The last instant of the {@code workingDays}-th working day after the local date on which
     * {@code submittedAt} falls in {@code zone} — the usual reading of "办结时限 N 个工作日": the day of
     * submission is not counted and the whole of the last day is available.
     *
     * @param workingDays 0 or more; 0 means the end of the submission day itself
     * @return one nanosecond before the following local midnight (23:59:59.999999999 in {@code zone})
     */
    public Instant deadline(Instant submittedAt, int workingDays, ZoneId zone) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate submitted = submittedAt.atZone(zone).toLocalDate();
        LocalDate lastDay = addWorkingDays(submitted, workingDays);
        // Start of the next day minus 1 ns, rather than LocalTime.MAX, stays right across DST changes.
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }

    /** {@link #deadline(Instant, int, ZoneId)} in China Standard Time (Asia/Shanghai). */
    public Instant deadline(Instant submittedAt, int workingDays) {
        return deadline(submittedAt, workingDays, CHINA_STANDARD_TIME);
    }

    /**
     * The number of working days in {@code [from, toExclusive)}; negative (the count of
     * {@code [toExclusive, from)}, negated) when {@code toExclusive} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
        if (toExclusive.isBefore(from)) {
            return -workingDaysBetween(toExclusive, from);
        }
        int count = 0;
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** January 1 of the first notice year with published data. */
    public LocalDate firstCovered() {
        return firstCovered;
    }

    /** December 31 of the last notice year with published data. */
    public LocalDate lastCovered() {
        return lastCovered;
    }

    /** True if holiday data covers {@code date}; outside, the calendar assumes a plain Monday–Friday week. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(firstCovered) && !date.isAfter(lastCovered);
    }
}
