package dev.banyan.server.ingest.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.apache.poi.ss.usermodel.DateUtil;

/** How spreadsheet numbers and dates become text: plain decimal numbers, ISO 8601 dates. */
final class CellText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private CellText() {
    }

    /** A stored number as plain decimal text: {@code 13680}, {@code 0.25}, never {@code 1.368E4}. */
    static String number(String stored) {
        try {
            BigDecimal d = new BigDecimal(stored.strip());
            if (d.signum() == 0) {
                return "0";
            }
            return d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return number(Double.toString(value));
    }

    /**
     * An Excel serial date as ISO text: {@code 2015-09-01} for a whole day, {@code 08:30:00} for a time of day,
     * {@code 2015-09-01T08:30:00} otherwise.
     */
    static String date(double serial, boolean date1904) {
        LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904, true);
        if (t == null) {
            return number(serial);
        }
        t = t.truncatedTo(ChronoUnit.SECONDS);
        if (serial >= 0 && serial < 1) {
            return t.toLocalTime().toString().length() == 5 ? t.toLocalTime() + ":00" : t.toLocalTime().toString();
        }
        if (t.toLocalTime().toSecondOfDay() == 0) {
            return t.toLocalDate().toString();
        }
        return DATE_TIME.format(t);
    }

    /** "A".."Z","AA".. for a 0-based column index. */
    static String columnLetters(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }

    /** 0-based column index of a cell reference such as {@code C17}, or -1 if it has no letters. */
    static int columnIndex(String ref) {
        int col = 0;
        int i = 0;
        for (; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return i == 0 ? -1 : col - 1;
    }

    /** Row number of a cell reference such as {@code C17}, or -1. */
    static int rowNumber(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        try {
            return Integer.parseInt(ref.substring(i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
