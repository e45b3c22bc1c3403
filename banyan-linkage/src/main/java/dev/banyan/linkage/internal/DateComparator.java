package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;

import java.util.List;

/**
 * Date comparison (日期比较) tolerant of the styles and mistakes of department systems. Parses 1988-03-13, 19880313,
 * 1988年3月13日, 1988/3/13, 1988.03.13 and year-month forms such as 1988.03 or 198803. Levels: exact / day and month
 * swapped (1988-03-12 vs 1988-12-03) / one digit off or two neighbouring digits swapped in {@code YYYYMMDD} / same year
 * and month (also when one side has no day) / different.
 */
public final class DateComparator implements FieldComparator<DateComparator.Date> {

    /**
     * A parsed date; {@code day} is 0 when only year and month are known.
     *
     * @param year  four-digit year
     * @param month 1–12
     * @param day   1–31, or 0 if unknown
     */
    public record Date(int year, int month, int day) {

        /** {@code YYYYMMDD} digits, with {@code 00} for an unknown day. */
        String digits() {
            int v = year * 10000 + month * 100 + day;
            return Integer.toString(v);
        }

        /** Whether the {@code YYYYMMDD} forms differ by one digit or one swap of neighbouring digits. */
        boolean oneDigitOff(Date o) {
            int a = year * 10000 + month * 100 + day;
            int b = o.year * 10000 + o.month * 100 + o.day;
            int differences = 0;
            int first = -1;
            int[] x = new int[8];
            int[] y = new int[8];
            for (int i = 7; i >= 0; i--) {
                x[i] = a % 10;
                y[i] = b % 10;
                a /= 10;
                b /= 10;
            }
            for (int i = 0; i < 8; i++) {
                if (x[i] != y[i]) {
                    if (differences == 0) {
                        first = i;
                    }
                    differences++;
                }
            }
            if (differences == 1) {
                return true;
            }
            return differences == 2 && first < 7 && x[first] == y[first + 1] && x[first + 1] == y[first];
        }
    }

    @Override
    public Date prepare(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        int[] numbers = new int[3];
        int[] widths = new int[3];
        int count = 0;
        int value = 0;
        int width = 0;
        String s = raw.strip();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                width++;
                if (width > 8) {
                    return null;
                }
            } else if (c >= '０' && c <= '９') {
                value = value * 10 + (c - '０');
                width++;
            } else {
                if (width > 0) {
                    if (count == 3) {
                        break; // a time of day follows the date
                    }
                    numbers[count] = value;
                    widths[count] = width;
                    count++;
                }
                value = 0;
                width = 0;
            }
        }
        if (count == 1 && widths[0] == 8) {
            return of(numbers[0] / 10000, numbers[0] / 100 % 100, numbers[0] % 100);
        }
        if (count == 1 && widths[0] == 6) {
            return of(numbers[0] / 100, numbers[0] % 100, 0);
        }
        if (count >= 2 && widths[0] == 4) {
            return of(numbers[0], numbers[1], count >= 3 ? numbers[2] : 0);
        }
        if (count == 3 && widths[2] == 4) {
            // day-first as in 13/03/1988; month-first dates are rare in Chinese data
            return of(numbers[2], numbers[1], numbers[0]);
        }
        return null;
    }

    private static Date of(int year, int month, int day) {
        if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 0 || day > 31) {
            return null;
        }
        return new Date(year, month, day);
    }

    @Override
    public int compare(Date a, Date b) {
        if (a.year() == b.year() && a.month() == b.month()) {
            if (a.day() == b.day()) {
                return 1;
            }
            if (a.day() == 0 || b.day() == 0) {
                return 4;
            }
        }
        if (a.year() == b.year() && a.day() != 0 && a.month() == b.day() && a.day() == b.month()) {
            return 2;
        }
        if (a.day() != 0 && b.day() != 0 && a.oneDigitOff(b)) {
            return 3;
        }
        if (a.year() == b.year() && a.month() == b.month()) {
            return 4;
        }
        return 5;
    }

    @Override
    public List<String> levels() {
        return List.of("missing", "exact", "day-month swapped", "one digit off", "same year-month", "different");
    }

    @Override
    public String key(Date d, KeyFunction function) {
        return switch (function) {
            case YEAR -> Integer.toString(d.year());
            case YEAR_MONTH -> d.year() * 100 + d.month() + "";
            case YEAR_DAY -> d.day() == 0 ? null : d.year() + "-" + d.day();
            case MONTH_DAY -> d.day() == 0 ? null : d.month() * 100 + d.day() + "";
            case DATE, VALUE -> d.day() == 0 ? null : d.digits();
            default -> throw FieldComparator.unsupported("date", function);
        };
    }
}
