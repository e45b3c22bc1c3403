package dev.banyan.standards;

/**
 * Full-width characters (全角字符) and their half-width forms (半角): Chinese input methods type Latin
 * letters, digits, punctuation and spaces as full-width forms ({@code １２３}, {@code ＡＢＣ}, {@code （}, the
 * ideographic space U+3000), which look alike but compare differently. {@link #toHalfWidth(String)} turns
 * them into ASCII (全角转半角).
 *
 * <p>Only the full-width ASCII variants U+FF01–U+FF5E, the ideographic space and the full-width currency
 * and sign forms U+FFE0–U+FFE6 but the macron (e.g. {@code ￥} → {@code ¥}) are changed, exactly as Unicode
 * NFKC changes them; unlike NFKC, Chinese characters, Chinese punctuation ({@code 、 。 《》}), circled digits and
 * other compatibility characters are left alone, and the conversion is a single pass without allocation
 * when nothing changes.
 */
public final class FullWidth {

    // U+FFE0–U+FFE6 except U+FFE3 (full-width macron), whose NFKC form is two characters.
    private static final char[] SIGNS = {'\u00A2', '\u00A3', '\u00AC', '\uFFE3', '\u00A6', '\u00A5', '\u20A9'};

    private FullWidth() {
    }

    /** True if {@code c} has a half-width form that {@link #toHalfWidth(String)} would use. */
    public static boolean isFullWidth(char c) {
        return (c >= '\uFF01' && c <= '\uFF5E') || c == '\u3000' || (c >= '\uFFE0' && c <= '\uFFE6' && c != '\uFFE3');
    }

    /** The half-width form of {@code c}, or {@code c} itself. */
    public static char toHalfWidth(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u3000') {
            return ' ';
        }
        if (c >= '\uFFE0' && c <= '\uFFE6') {
            return SIGNS[c - '\uFFE0'];
        }
        return c;
    }

    /** The text with every full-width character replaced by its half-width form; the same instance if there is none; null stays null. */
    public static String toHalfWidth(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int first = 0;
        while (first < n && !isFullWidth(s.charAt(first))) {
            first++;
        }
        if (first == n) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = first; i < n; i++) {
            chars[i] = toHalfWidth(chars[i]);
        }
        return new String(chars);
    }

    /** True if the text has at least one full-width character. */
    public static boolean containsFullWidth(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isFullWidth(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * NFKC normalisation (which among other things turns full-width forms into ASCII), skipping the normaliser for
     * plain ASCII text, which NFKC leaves as it is — the common case, and many times faster.
     */
    public static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
            }
        }
        return s;
    }
}
