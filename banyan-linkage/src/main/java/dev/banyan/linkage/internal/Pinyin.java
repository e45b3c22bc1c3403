package dev.banyan.linkage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Toneless pinyin (无声调拼音) of Chinese names: one reading per character from the bundled Unihan-derived table, and the
 * surname reading at the start of a name for polyphonic surnames (单 shan, 曾 zeng, 仇 qiu, 区 ou, 解 xie …), which
 * character-level tables get wrong. Homophones such as 张伟 and 章伟 both read {@code zhangwei}, which is why blocking
 * and comparing on pinyin survives the input-method typos clerks make.
 */
public final class Pinyin {

    private static final Pinyin INSTANCE = load();

    private final Map<Integer, String> readings;
    private final Map<String, String> surnames;
    private final int longestSurname;

    private Pinyin(Map<Integer, String> readings, Map<String, String> surnames) {
        this.readings = readings;
        this.surnames = surnames;
        this.longestSurname = surnames.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    /** The table bundled with the library. */
    public static Pinyin table() {
        return INSTANCE;
    }

    /** The reading of one character, or {@code null} if it is not a Chinese character the table knows. */
    public String reading(int codePoint) {
        return readings.get(codePoint);
    }

    /**
     * The syllables of a name: surname reading first if the name starts with a polyphonic surname, then one syllable
     * per character; Latin letters and digits are kept as lower-case words; other characters are dropped.
     */
    public List<String> syllables(String name) {
        List<String> out = new ArrayList<>(name.length());
        int i = 0;
        for (int len = Math.min(longestSurname, name.length()); len >= 1; len--) {
            String surname = surnames.get(name.substring(0, len));
            if (surname != null) {
                out.add(surname);
                i = len;
                break;
            }
        }
        StringBuilder latin = new StringBuilder();
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            String r = readings.get(cp);
            if (r != null) {
                flush(latin, out);
                out.add(r);
            } else if (Character.isLetterOrDigit(cp) && cp < 0x250) {
                latin.appendCodePoint(Character.toLowerCase(cp));
            } else {
                flush(latin, out);
            }
        }
        flush(latin, out);
        return out;
    }

    /** The syllables run together: {@code 张伟} → {@code zhangwei}. */
    public String toneless(String name) {
        return String.join("", syllables(name));
    }

    /** First letters of the syllables: {@code 张伟} → {@code zw}, a looser key. */
    public String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String s : syllables(name)) {
            b.append(s.charAt(0));
        }
        return b.toString();
    }

    private static void flush(StringBuilder latin, List<String> out) {
        if (!latin.isEmpty()) {
            out.add(latin.toString().toLowerCase(Locale.ROOT));
            latin.setLength(0);
        }
    }

    private static Pinyin load() {
        Map<Integer, String> readings = new HashMap<>(1 << 16);
        for (String line : lines("hanzi-pinyin.tsv")) {
            int tab = line.indexOf('\t');
            String syllable = line.substring(0, tab).intern();
            String chars = line.substring(tab + 1);
            chars.codePoints().forEach(cp -> readings.put(cp, syllable));
        }
        Map<String, String> surnames = new HashMap<>();
        List<String> surnameLines = lines("surname-pinyin.tsv");
        for (String line : surnameLines.subList(1, surnameLines.size())) {
            String[] parts = line.split("\t");
            surnames.put(parts[0], parts[1]);
        }
        return new Pinyin(Map.copyOf(readings), Map.copyOf(surnames));
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Pinyin.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
