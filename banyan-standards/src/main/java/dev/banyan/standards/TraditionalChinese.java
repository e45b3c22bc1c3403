package dev.banyan.standards;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Traditional Chinese characters (繁体字) and their simplified forms (简体字): old household books,
 * Hong Kong, Macao and Taiwan input and some legacy systems write 陳 for 陈 and 鼓樓區 for 鼓楼区.
 * {@link #toSimplified(String)} converts character by character (繁转简) with OpenCC's character table
 * ({@code opencc/TSCharacters.txt}, Apache License 2.0; see the README beside it), taking the usual
 * simplified form of characters with several.
 *
 * <p>The conversion does not look at words, so it is meant for names, addresses and code values, where the
 * original text is kept beside the converted one; characters that are the same in both scripts, and
 * characters whose usual simplified form is themselves (乾, 著, 瞭), are left alone. Lookups are a table
 * index per character, without allocation when nothing changes.
 */
public final class TraditionalChinese {

    private static final String RESOURCE = "opencc/TSCharacters.txt";

    private TraditionalChinese() {
    }

    // Holder idiom: the table is read on first use (about 4,000 lines, a few milliseconds).
    private static final class Table {
        static final char[] BMP = new char[65536];
        static final Map<Integer, String> OTHER = new HashMap<>();
        /** Which BMP characters have an entry in OTHER, so that the common character costs no map lookup. */
        static final boolean[] BMP_OTHER = new boolean[65536];

        static {
            try (InputStream in = TraditionalChinese.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    int tab = line.indexOf('\t');
                    if (tab <= 0) {
                        continue;
                    }
                    String traditional = line.substring(0, tab);
                    int space = line.indexOf(' ', tab + 1);
                    String simplified = line.substring(tab + 1, space < 0 ? line.length() : space);
                    if (simplified.isEmpty() || simplified.equals(traditional)) {
                        continue;
                    }
                    int cp = traditional.codePointAt(0);
                    if (cp < 0x10000 && simplified.length() == 1) {
                        BMP[cp] = simplified.charAt(0);
                    } else {
                        OTHER.put(cp, simplified);
                        if (cp < 0x10000) {
                            BMP_OTHER[cp] = true;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** True if {@code codePoint} is a traditional character with a different simplified form. */
    public static boolean isTraditional(int codePoint) {
        if (codePoint < 0x10000) {
            return Table.BMP[codePoint] != 0 || Table.BMP_OTHER[codePoint];
        }
        return Table.OTHER.containsKey(codePoint);
    }

    /** True if the text has at least one character that {@link #toSimplified(String)} would change. */
    public static boolean containsTraditional(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isTraditional(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The text with every traditional character replaced by its usual simplified form; the same instance if there is none; null stays null. */
    public static String toSimplified(String s) {
        if (s == null) {
            return null;
        }
        char[] bmp = Table.BMP;
        Map<Integer, String> other = Table.OTHER;
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            String replacement = null;
            char single = cp < 0x10000 ? bmp[cp] : 0;
            if (single == 0 && (cp >= 0x10000 || Table.BMP_OTHER[cp])) {
                replacement = other.get(cp);
            }
            if (single != 0 || replacement != null) {
                if (b == null) {
                    b = new StringBuilder(n);
                    b.append(s, 0, i);
                }
                if (single != 0) {
                    b.append(single);
                } else {
                    b.append(replacement);
                }
            } else if (b != null) {
                b.append(s, i, i + width);
            }
            i += width;
        }
        return b == null ? s : b.toString();
    }
}
