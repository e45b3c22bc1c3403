package dev.banyan.standards;

import java.math.BigDecimal;

/**
 * Chinese numerals (中文数字) as they appear in dates (二〇二四年一月二日) and in amounts written out in full,
 * including the financial capitals (大写金额: 壹拾贰万叁仟肆佰伍拾陆元柒角捌分).
 */
final class ChineseNumerals {

    private ChineseNumerals() {
    }

    /** The digit 0–9 of {@code c} (〇零一二…九, 壹贰叁…玖, 两), or -1. */
    static int digit(char c) {
        return switch (c) {
            case '〇', '零' -> 0;
            case '一', '壹', '幺' -> 1;
            case '二', '贰', '两', '貳', '兩' -> 2;
            case '三', '叁', '參', '叄' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆', '陸' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    /** 10, 100 or 1000 for 十拾, 百佰, 千仟; 0 otherwise. */
    static int smallUnit(char c) {
        return switch (c) {
            case '十', '拾' -> 10;
            case '百', '佰' -> 100;
            case '千', '仟' -> 1000;
            default -> 0;
        };
    }

    /** True if {@code c} is a digit or one of 十 百 千 (either style). */
    static boolean isNumeral(char c) {
        return digit(c) >= 0 || smallUnit(c) > 0;
    }

    /** True if the text has a Chinese digit or 十; used to decide whether to convert a date. */
    static boolean containsDateNumeral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '十' || digit(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the Chinese numerals of a date by Arabic digits: the year digit by digit (二〇二四年 → 2024年),
     * months, days, hours, minutes and seconds as numbers up to 99 (十二月 → 12月, 三十一日 → 31日).
     *
     * @return the converted text, or null if a run of numerals cannot be read
     */
    static String dateToArabic(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!isNumeral(c)) {
                b.append(c);
                i++;
                continue;
            }
            int start = i;
            while (i < n && isNumeral(s.charAt(i))) {
                i++;
            }
            String run = s.substring(start, i);
            boolean year = i < n && s.charAt(i) == '年';
            if (year) {
                for (int k = 0; k < run.length(); k++) {
                    int d = digit(run.charAt(k));
                    if (d < 0) {
                        return null;
                    }
                    b.append((char) ('0' + d));
                }
            } else {
                int value = smallNumber(run);
                if (value < 0) {
                    return null;
                }
                b.append(value);
            }
        }
        return b.toString();
    }

    /** 一 … 九十九 (十二, 二十, 三十一, 〇五); -1 if not such a number. */
    private static int smallNumber(String run) {
        int ten = run.indexOf('十') >= 0 ? run.indexOf('十') : run.indexOf('拾');
        if (ten < 0) {
            if (run.length() == 1) {
                return digit(run.charAt(0));
            }
            if (run.length() == 2 && digit(run.charAt(0)) == 0) {
                return digit(run.charAt(1));
            }
            return -1;
        }
        int tens;
        if (ten == 0) {
            tens = 1;
        } else if (ten == 1) {
            tens = digit(run.charAt(0));
        } else {
            return -1;
        }
        int units;
        if (ten == run.length() - 1) {
            units = 0;
        } else if (ten == run.length() - 2) {
            units = digit(run.charAt(ten + 1));
        } else {
            return -1;
        }
        if (tens < 1 || units < 0) {
            return -1;
        }
        return tens * 10 + units;
    }

    /**
     * Reads an amount in Chinese numerals, with optional 元/圆, 角 and 分 and a closing 整 or 正, e.g.
     * {@code 壹拾贰万叁仟肆佰伍拾陆元柒角捌分}, {@code 一百二十万元整}, {@code 三亿五千万}.
     *
     * @return the amount in yuan, or null if the text is not such an amount
     */
    static BigDecimal amount(String s) {
        long result = 0;   // completed 亿 and 万 sections
        long section = 0;  // below 万
        long number = -1;  // the last digit, -1 if none pending
        boolean any = false;
        int i = 0;
        int n = s.length();
        boolean lastWasDigit = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            int d = digit(c);
            int unit = smallUnit(c);
            if (d >= 0) {
                if (lastWasDigit && d != 0 && number != 0) {
                    return null; // 一二三: digits without units
                }
                number = d;
                lastWasDigit = true;
                any = true;
            } else if (unit > 0) {
                section += (number <= 0 ? 1 : number) * unit;
                number = -1;
                lastWasDigit = false;
                any = true;
            } else if (c == '万' || c == '萬') {
                long part = section + Math.max(number, 0);
                if (part == 0 && result % 100_000_000L == 0 && !any) {
                    return null;
                }
                result += part * 10_000L;
                section = 0;
                number = -1;
                lastWasDigit = false;
            } else if (c == '亿' || c == '億') {
                long part = result + section + Math.max(number, 0);
                if (part == 0) {
                    return null;
                }
                if (part > 10_000_000_000L) {
                    return null;
                }
                result = part * 100_000_000L;
                section = 0;
                number = -1;
                lastWasDigit = false;
            } else {
                break;
            }
        }
        if (!any) {
            return null;
        }
        BigDecimal yuan = BigDecimal.valueOf(result + section + Math.max(number, 0));
        if (i == n) {
            return yuan;
        }
        char c = s.charAt(i);
        if (c == '元' || c == '圆' || c == '圓') {
            i++;
        } else {
            return null;
        }
        // 角 and 分, each a single digit, possibly after 零 (壹佰元零伍分).
        int jiao = 0;
        int fen = 0;
        boolean seenJiao = false;
        boolean seenFen = false;
        while (i < n) {
            c = s.charAt(i);
            if (c == '整' || c == '正') {
                i++;
                break;
            }
            int d = digit(c);
            if (d < 0) {
                return null;
            }
            if (d == 0 && (i + 1 == n || (s.charAt(i + 1) != '角' && s.charAt(i + 1) != '分'))) {
                i++; // 零 as a placeholder
                continue;
            }
            if (i + 1 >= n) {
                return null;
            }
            char u = s.charAt(i + 1);
            if (u == '角' && !seenJiao && !seenFen) {
                jiao = d;
                seenJiao = true;
            } else if (u == '分' && !seenFen) {
                fen = d;
                seenFen = true;
            } else {
                return null;
            }
            i += 2;
        }
        if (i != n) {
            return null;
        }
        return yuan.add(BigDecimal.valueOf(jiao * 10L + fen, 2));
    }
}
