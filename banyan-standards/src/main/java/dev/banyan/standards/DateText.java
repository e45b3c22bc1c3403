package dev.banyan.standards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The grammar of dates and times as departments write them, shared by {@link DateValue},
 * {@link DateTimeValue} and {@link YearMonthValue}: a hand-written scanner (no regular expressions, no
 * exceptions on the hot path) that splits the text into numbers and checks them.
 */
final class DateText {

    /** The pieces as written; {@code day} is 0 for a year and month, {@code hour} is -1 without a time. */
    record Parts(int year, int month, int day, int hour, int minute, int second, int nano, ZoneOffset offset) {

        boolean hasDay() {
            return day > 0;
        }

        boolean hasTime() {
            return hour >= 0;
        }
    }

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final BigDecimal MILLIS_PER_DAY_DECIMAL = BigDecimal.valueOf(MILLIS_PER_DAY);

    private DateText() {
    }

    /** Removes invisible characters and turns full-width forms into ASCII; trims. */
    static String normalise(String raw) {
        return FullWidth.toHalfWidth(Spacing.collapse(raw));
    }

    /** Parses a normalised, non-blank text. */
    static ParseResult<Parts> parse(String text) {
        String s = text;
        if (ChineseNumerals.containsDateNumeral(s)) {
            s = ChineseNumerals.dateToArabic(s);
            if (s == null) {
                return format(text, "its Chinese numerals cannot be read");
            }
        }
        int n = s.length();
        int aEnd = digitsEnd(s, 0);
        int la = aEnd;
        if (la == 0) {
            return format(text, "it does not start with a year");
        }
        if (aEnd == n || s.charAt(aEnd) == 'T' || s.charAt(aEnd) == ' ') {
            return compact(text, s, aEnd);
        }
        char sep = s.charAt(aEnd);
        if (!isDateSeparator(sep)) {
            return format(text, "'" + sep + "' is not a date separator (use - / . or 年月日)");
        }
        if (la != 4) {
            if (la <= 2) {
                int bEnd = digitsEnd(s, aEnd + 1);
                if (bEnd > aEnd + 1 && bEnd < n && isDateSeparator(s.charAt(bEnd))
                        && digitsEnd(s, bEnd + 1) - (bEnd + 1) == 4) {
                    int a = number(s, 0, aEnd);
                    int b = number(s, aEnd + 1, bEnd);
                    String year = s.substring(bEnd + 1, bEnd + 5);
                    return ParseResult.invalid(DateValue.YEAR_LAST, "'" + text + "' puts the year last, so day and month"
                            + " cannot be told apart (" + year + "-" + DateValue.two(b) + "-" + DateValue.two(a) + " or "
                            + year + "-" + DateValue.two(a) + "-" + DateValue.two(b) + "?); write the year first, e.g. "
                            + year + "-" + DateValue.two(a) + "-" + DateValue.two(b));
                }
                return ParseResult.invalid(DateValue.TWO_DIGIT_YEAR, "'" + text + "' has a two-digit year, which could be"
                        + " 19" + s.substring(0, aEnd) + " or 20" + s.substring(0, aEnd) + "; write the year with four digits");
            }
            return format(text, "the year must have four digits");
        }
        int year = number(s, 0, 4);
        int mStart = aEnd + 1;
        int mEnd = digitsEnd(s, mStart);
        if (mEnd == mStart || mEnd - mStart > 2) {
            return format(text, "the month must have one or two digits");
        }
        int month = number(s, mStart, mEnd);
        int i;
        int day;
        if (sep == '年') {
            if (mEnd == n || s.charAt(mEnd) != '月') {
                return format(text, "年 must be followed by the month and 月");
            }
            i = mEnd + 1;
            if (i == n || (s.charAt(i) == '份' && i + 1 == n)) {
                return ParseResult.valid(new Parts(year, month, 0, -1, 0, 0, 0, null));
            }
            int dEnd = digitsEnd(s, i);
            if (dEnd == i || dEnd - i > 2) {
                return format(text, "the day must have one or two digits");
            }
            day = number(s, i, dEnd);
            i = dEnd;
            if (i < n && (s.charAt(i) == '日' || s.charAt(i) == '号')) {
                i++;
            } else if (i < n) {
                return format(text, "the day must be followed by 日");
            }
        } else {
            if (mEnd == n) {
                return ParseResult.valid(new Parts(year, month, 0, -1, 0, 0, 0, null));
            }
            char sep2 = s.charAt(mEnd);
            if (sep2 != sep) {
                if (isDateSeparator(sep2)) {
                    return ParseResult.invalid(DateValue.MIXED_SEPARATORS, "'" + text + "' mixes the separators '" + sep
                            + "' and '" + sep2 + "'; use one, e.g. 2024-01-02");
                }
                return format(text, "'" + sep2 + "' cannot follow the month");
            }
            int dStart = mEnd + 1;
            int dEnd = digitsEnd(s, dStart);
            if (dEnd == dStart || dEnd - dStart > 2) {
                return format(text, "the day must have one or two digits");
            }
            day = number(s, dStart, dEnd);
            i = dEnd;
        }
        if (day == 0) {
            return ParseResult.invalid(DateValue.IMPOSSIBLE, "day 0 in '" + text + "' is not a day of the month");
        }
        if (i == n) {
            return ParseResult.valid(new Parts(year, month, day, -1, 0, 0, 0, null));
        }
        return time(text, s, i, year, month, day);
    }

    /** 20240102, 202401, 20240102103000, 202401021030, and 20240102 followed by a time. */
    private static ParseResult<Parts> compact(String text, String s, int aEnd) {
        int n = s.length();
        return switch (aEnd) {
            case 8 -> {
                int year = number(s, 0, 4);
                int month = number(s, 4, 6);
                int day = number(s, 6, 8);
                if (day == 0) {
                    yield ParseResult.invalid(DateValue.IMPOSSIBLE, "day 00 in '" + text + "' is not a day of the month");
                }
                yield aEnd == n ? ParseResult.valid(new Parts(year, month, day, -1, 0, 0, 0, null))
                        : time(text, s, aEnd, year, month, day);
            }
            case 14, 12 -> {
                if (aEnd != n) {
                    yield format(text, "a compact date-time cannot be followed by more text");
                }
                int day = number(s, 6, 8);
                if (day == 0) {
                    yield ParseResult.invalid(DateValue.IMPOSSIBLE, "day 00 in '" + text + "' is not a day of the month");
                }
                yield ParseResult.valid(new Parts(number(s, 0, 4), number(s, 4, 6), day, number(s, 8, 10),
                        number(s, 10, 12), aEnd == 14 ? number(s, 12, 14) : 0, 0, null));
            }
            case 6 -> aEnd == n ? ParseResult.valid(new Parts(number(s, 0, 4), number(s, 4, 6), 0, -1, 0, 0, 0, null))
                    : format(text, "six digits are a year and month (yyyyMM) and cannot be followed by a time");
            case 4 -> format(text, "it is a year without month and day");
            default -> format(text, "a date written without separators has 8 digits (yyyyMMdd), not " + aEnd);
        };
    }

    /** The time after the date, from {@code i}: 10:30, 10:30:15.123, 10时30分, with an optional offset. */
    private static ParseResult<Parts> time(String text, String s, int i, int year, int month, int day) {
        int n = s.length();
        if (s.charAt(i) == 'T') {
            i++;
        } else {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
        }
        int hEnd = digitsEnd(s, i);
        if (hEnd == i || hEnd - i > 2) {
            return format(text, "the text after the date is not a time");
        }
        int hour = number(s, i, hEnd);
        int minute = 0;
        int second = 0;
        int nano = 0;
        i = hEnd;
        if (i < n && s.charAt(i) == ':') {
            int mEnd = digitsEnd(s, i + 1);
            if (mEnd - (i + 1) != 2) {
                return ParseResult.invalid(DateValue.TIME, "the minutes in '" + text + "' must have two digits");
            }
            minute = number(s, i + 1, mEnd);
            i = mEnd;
            if (i < n && s.charAt(i) == ':') {
                int sEnd = digitsEnd(s, i + 1);
                if (sEnd - (i + 1) != 2) {
                    return ParseResult.invalid(DateValue.TIME, "the seconds in '" + text + "' must have two digits");
                }
                second = number(s, i + 1, sEnd);
                i = sEnd;
                if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    int fEnd = digitsEnd(s, i + 1);
                    int lf = fEnd - (i + 1);
                    if (lf == 0 || lf > 9) {
                        return ParseResult.invalid(DateValue.TIME, "the fraction of a second in '" + text + "' must have 1 to 9 digits");
                    }
                    nano = number(s, i + 1, fEnd);
                    for (int k = lf; k < 9; k++) {
                        nano *= 10;
                    }
                    i = fEnd;
                }
            }
        } else if (i < n && (s.charAt(i) == '时' || s.charAt(i) == '点')) {
            i++;
            int mEnd = digitsEnd(s, i);
            if (mEnd > i) {
                if (mEnd - i > 2 || mEnd == n || s.charAt(mEnd) != '分') {
                    return ParseResult.invalid(DateValue.TIME, "the minutes in '" + text + "' must be one or two digits and 分");
                }
                minute = number(s, i, mEnd);
                i = mEnd + 1;
                int sEnd = digitsEnd(s, i);
                if (sEnd > i) {
                    if (sEnd - i > 2 || sEnd == n || s.charAt(sEnd) != '秒') {
                        return ParseResult.invalid(DateValue.TIME, "the seconds in '" + text + "' must be one or two digits and 秒");
                    }
                    second = number(s, i, sEnd);
                    i = sEnd + 1;
                }
            } else if (i < n && s.charAt(i) == '整') {
                i++;
            }
        } else {
            return ParseResult.invalid(DateValue.TIME, "the time in '" + text + "' has an hour but no minutes; write e.g. 10:00");
        }
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        ZoneOffset offset = null;
        if (i < n) {
            char c = s.charAt(i);
            if ((c == 'Z' || c == 'z') && i + 1 == n) {
                offset = ZoneOffset.UTC;
                i++;
            } else if (c == '+' || c == '-') {
                int oh = digitsEnd(s, i + 1);
                int hours;
                int minutes = 0;
                if (oh - (i + 1) == 4) {
                    hours = number(s, i + 1, i + 3);
                    minutes = number(s, i + 3, i + 5);
                    i = oh;
                } else if (oh - (i + 1) == 2) {
                    hours = number(s, i + 1, oh);
                    i = oh;
                    if (i < n && s.charAt(i) == ':') {
                        int om = digitsEnd(s, i + 1);
                        if (om - (i + 1) != 2) {
                            return ParseResult.invalid(DateValue.TIME, "the offset in '" + text + "' must be like +08:00");
                        }
                        minutes = number(s, i + 1, om);
                        i = om;
                    }
                } else {
                    return ParseResult.invalid(DateValue.TIME, "the offset in '" + text + "' must be like +08:00");
                }
                if (hours > 18 || minutes > 59) {
                    return ParseResult.invalid(DateValue.TIME, "the offset in '" + text + "' is out of range");
                }
                int total = hours * 3600 + minutes * 60;
                offset = ZoneOffset.ofTotalSeconds(c == '-' ? -total : total);
            }
        }
        if (i != n) {
            return format(text, "'" + s.substring(i) + "' cannot follow the time");
        }
        if (hour > 23) {
            return ParseResult.invalid(DateValue.TIME, "hour " + hour + " in '" + text + "' is not 0-23");
        }
        if (minute > 59) {
            return ParseResult.invalid(DateValue.TIME, "minute " + minute + " in '" + text + "' is not 0-59");
        }
        if (second > 59) {
            return ParseResult.invalid(DateValue.TIME, "second " + second + " in '" + text + "' is not 0-59");
        }
        return ParseResult.valid(new Parts(year, month, day, hour, minute, second, nano, offset));
    }

    /** The calendar date of the parts (which must have a day), with a sentence for impossible ones. */
    static ParseResult<LocalDate> calendarDate(String text, int year, int month, int day) {
        if (month < 1 || month > 12) {
            return ParseResult.invalid(DateValue.IMPOSSIBLE, "month " + month + " in '" + text + "' is not 1-12");
        }
        Month m = Month.of(month);
        boolean leap = java.time.Year.isLeap(year);
        int length = m.length(leap);
        if (day < 1 || day > length) {
            String monthName = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            String why = m == Month.FEBRUARY
                    ? (leap ? "February " + year + " has 29 days" : "February " + year + " has 28 days (" + year + " is not a leap year)")
                    : monthName + " has " + length + " days";
            return ParseResult.invalid(DateValue.IMPOSSIBLE, "'" + text + "' is not a calendar date: " + why);
        }
        return ParseResult.valid(LocalDate.of(year, month, day));
    }

    /** The local date-time of the parts in {@code zone} (converting an explicit offset); parts must have a day. */
    static ParseResult<LocalDateTime> dateTime(String text, Parts p, ZoneId zone) {
        ParseResult<LocalDate> date = calendarDate(text, p.year(), p.month(), p.day());
        if (!date.isValid()) {
            return ParseResult.invalid(date.problemCode(), date.problem());
        }
        LocalDateTime local = p.hasTime()
                ? LocalDateTime.of(date.value(), LocalTime.of(p.hour(), p.minute(), p.second(), p.nano()))
                : date.value().atStartOfDay();
        if (p.offset() != null) {
            local = local.atOffset(p.offset()).atZoneSameInstant(zone).toLocalDateTime();
        }
        return ParseResult.valid(local);
    }

    /**
     * The reading of a bare number as an Excel serial date, or null if the text is not such a number or
     * should be read otherwise. With serials not accepted, a five-digit number is refused with a hint; with
     * serials accepted, a four-digit number between 1900 and 2100 is refused as ambiguous (a year, or a day
     * in 1900–1905?).
     */
    static ParseResult<LocalDateTime> excelSerialOrNull(String s, boolean accepted) {
        if (!looksLikeExcelSerial(s)) {
            return null;
        }
        int intDigits = digitsEnd(s, 0);
        if (!accepted) {
            return intDigits == 5
                    ? ParseResult.invalid(DateValue.EXCEL_SERIAL, "'" + s + "' looks like an Excel serial date (days since"
                            + " 1900); accept Excel serial dates for this field if it comes from a spreadsheet, or write"
                            + " the date as 2024-01-02")
                    : null;
        }
        if (intDigits == 4 && intDigits == s.length()) {
            int v = number(s, 0, 4);
            if (v >= 1900 && v <= 2100) {
                return ParseResult.invalid(DateValue.FORMAT, "'" + s + "' is either a year without month and day or the"
                        + " Excel serial date " + excelSerial(s, s).value().toLocalDate() + "; write the full date");
            }
        }
        return excelSerial(s, s);
    }

    /**
     * True if the text looks like an Excel serial day number: one to five digits, optionally with a fraction
     * (the time of day).
     */
    static boolean looksLikeExcelSerial(String s) {
        int n = s.length();
        int intEnd = digitsEnd(s, 0);
        if (intEnd == 0 || intEnd > 5) {
            return false;
        }
        if (intEnd == n) {
            return true;
        }
        if (s.charAt(intEnd) != '.') {
            return false;
        }
        int fEnd = digitsEnd(s, intEnd + 1);
        return fEnd == n && fEnd > intEnd + 1;
    }

    /**
     * The date-time of an Excel serial number in the 1900 date system (1 = 1900-01-01; Excel's phantom
     * 1900-02-29 is serial 60), rounded to the millisecond.
     */
    static ParseResult<LocalDateTime> excelSerial(String text, String s) {
        BigDecimal serial = new BigDecimal(s);
        long days = serial.longValue();
        if (days == 0) {
            return ParseResult.invalid(DateValue.IMPOSSIBLE, "Excel serial " + text + " is day 0 (1900-01-00), not a date");
        }
        if (days == 60) {
            return ParseResult.invalid(DateValue.IMPOSSIBLE, "Excel serial " + text + " is 1900-02-29, a day that did not exist"
                    + " (Excel's leap-year bug)");
        }
        LocalDate date = days < 60 ? EXCEL_EPOCH.plusDays(days + 1) : EXCEL_EPOCH.plusDays(days);
        long millis = serial.subtract(BigDecimal.valueOf(days)).multiply(MILLIS_PER_DAY_DECIMAL)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        return ParseResult.valid(date.atStartOfDay().plusNanos(millis * 1_000_000L));
    }

    private static ParseResult<Parts> format(String text, String why) {
        return ParseResult.invalid(DateValue.FORMAT, "'" + text + "' is not a date: " + why
                + "; write e.g. 2024-01-02, 2024/1/2, 20240102 or 2024年1月2日");
    }

    private static boolean isDateSeparator(char c) {
        return c == '-' || c == '/' || c == '.' || c == '年';
    }

    /** The index after the run of ASCII digits starting at {@code from}. */
    static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The value of ASCII digits {@code [from, to)}, at most 9 of them. */
    static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
