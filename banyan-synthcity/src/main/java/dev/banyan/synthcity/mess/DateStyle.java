package dev.banyan.synthcity.mess;

import java.time.LocalDate;

/** The ways departments write dates (日期格式). */
public enum DateStyle {
    /** 2023-01-05 */
    ISO,
    /** 2023/1/5 — what Excel shows in a Chinese locale */
    SLASH,
    /** 2023/01/05 */
    SLASH_PADDED,
    /** 20230105 — common in social-insurance and tax systems */
    COMPACT,
    /** 2023年1月5日 */
    CHINESE,
    /** 2023.01.05 */
    DOTTED;

    public String format(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int y = d.getYear();
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        StringBuilder b = new StringBuilder(12);
        switch (this) {
            case ISO -> b.append(y).append('-').append(two(m)).append('-').append(two(day));
            case SLASH -> b.append(y).append('/').append(m).append('/').append(day);
            case SLASH_PADDED -> b.append(y).append('/').append(two(m)).append('/').append(two(day));
            case COMPACT -> b.append(y).append(two(m)).append(two(day));
            case CHINESE -> b.append(y).append('年').append(m).append('月').append(day).append('日');
            case DOTTED -> b.append(y).append('.').append(two(m)).append('.').append(two(day));
        }
        return b.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
