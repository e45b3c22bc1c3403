package dev.banyan.linkage.internal;

import java.util.Locale;

/**
 * American Soundex (读音编码) of a Latin name — the classic blocking key of the Febrl benchmarks, so that
 * {@code smith} and {@code smyth} fall in one block.
 */
public final class Soundex {

    //                                     abcdefghijklmnopqrstuvwxyz
    private static final String CODES = "01230120022455012623010202";

    private Soundex() {
    }

    /** The four-character code, or an empty string if the text has no Latin letter. */
    public static String of(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(4);
        char last = 0;
        for (int i = 0; i < s.length() && b.length() < 4; i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                continue;
            }
            char code = CODES.charAt(c - 'a');
            if (b.isEmpty()) {
                b.append(Character.toUpperCase(c));
                last = code;
                continue;
            }
            // h and w do not separate letters with the same code; vowels do
            if (c == 'h' || c == 'w') {
                continue;
            }
            if (code != '0' && code != last) {
                b.append(code);
            }
            last = code;
        }
        if (b.isEmpty()) {
            return "";
        }
        while (b.length() < 4) {
            b.append('0');
        }
        return b.toString();
    }
}
