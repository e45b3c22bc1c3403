package dev.banyan.standards;

/**
 * Whitespace and invisible characters in delivered text: stray spaces, non-breaking spaces, tabs, line
 * breaks and the zero-width characters that copying from web pages and Word leaves behind.
 */
final class Spacing {

    private Spacing() {
    }

    /** Space-like: Java whitespace, the no-break spaces U+00A0, U+2007, U+202F and the ideographic space. */
    static boolean isSpace(char c) {
        return c == ' ' || Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000';
    }

    /** Zero-width space, non-joiner, joiner, word joiner and the byte-order mark. */
    static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** True if the text is null, empty or only spaces and invisible characters. */
    static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c) && !isInvisible(c)) {
                return false;
            }
        }
        return true;
    }

    /** The text without any space or invisible character. */
    static String removeAll(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !isSpace(s.charAt(i)) && !isInvisible(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n);
        b.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isSpace(c) && !isInvisible(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True if {@link #collapse(String)} would not change the text: trimmed, single ASCII spaces, nothing invisible. */
    private static boolean isCollapsed(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isInvisible(c) || (isSpace(c) && (c != ' ' || isSpace(s.charAt(i + 1))))) {
                return false;
            }
        }
        return true;
    }

    /** The text trimmed, with invisible characters removed and each run of spaces made one ASCII space. */
    static String collapse(String s) {
        if (isCollapsed(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = !b.isEmpty();
                continue;
            }
            if (pendingSpace) {
                b.append(' ');
                pendingSpace = false;
            }
            b.append(c);
        }
        return b.toString();
    }
}
