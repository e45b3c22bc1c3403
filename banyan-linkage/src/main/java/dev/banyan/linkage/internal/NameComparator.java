package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;
import dev.banyan.standards.PersonName;
import dev.banyan.standards.TraditionalChinese;

import java.util.List;
import java.util.Locale;

/**
 * Person-name comparison (姓名比较) for Chinese and Latin names. Chinese names are normalised (full-width, spaces,
 * separator dots) and converted to simplified characters, so 陳偉 equals 陈伟; they are then compared on characters
 * and on toneless pinyin with surname readings, so the homophone typo 章伟 for 张伟 is "same pinyin" rather than
 * "different". Latin names are compared with Jaro-Winkler and Damerau-Levenshtein.
 *
 * <p>Levels: exact / same pinyin / close (one character off in a name of three or more characters, or pinyin
 * Jaro-Winkler ≥ 0.92) / similar (pinyin Jaro-Winkler ≥ 0.80 or half the characters shared) / different. A
 * two-character Chinese name with one character changed is only "similar": 张伟 and 张强 are usually two people.
 */
public final class NameComparator implements FieldComparator<NameComparator.Name> {

    /**
     * A prepared name.
     *
     * @param text    simplified Chinese (or lower-case Latin) form
     * @param pinyin  toneless pinyin run together (Latin names: letters only)
     * @param surname first pinyin syllable
     * @param chinese whether the name has Chinese characters
     */
    public record Name(String text, String pinyin, String surname, boolean chinese) {
    }

    private final Pinyin table = Pinyin.table();

    @Override
    public Name prepare(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String normalised = PersonName.normalise(raw);
        boolean chinese = normalised.codePoints().anyMatch(Character::isIdeographic);
        String text;
        if (chinese) {
            text = TraditionalChinese.toSimplified(normalised).replace(" ", "");
        } else {
            text = normalised.toLowerCase(Locale.ROOT);
        }
        if (text.isEmpty()) {
            return null;
        }
        List<String> syllables = table.syllables(text);
        String pinyin = String.join("", syllables);
        return new Name(text, pinyin, syllables.isEmpty() ? "" : syllables.get(0), chinese);
    }

    @Override
    public int compare(Name a, Name b) {
        if (a.text().equals(b.text())) {
            return 1;
        }
        if (!a.pinyin().isEmpty() && a.pinyin().equals(b.pinyin())) {
            return 2;
        }
        double jw = StringDistance.jaroWinkler(a.pinyin(), b.pinyin());
        if (a.chinese() && b.chinese()) {
            int length = Math.min(a.text().length(), b.text().length());
            if (length >= 3 && StringDistance.boundedDamerau(a.text(), b.text(), 1) <= 1) {
                return 3;
            }
            if (jw >= 0.80 || sharedHalf(a.text(), b.text())) {
                return 4;
            }
            return 5;
        }
        if (jw >= 0.92 || StringDistance.boundedDamerau(a.text(), b.text(), 1) <= 1) {
            return 3;
        }
        return jw >= 0.80 ? 4 : 5;
    }

    /** At least half of the shorter name's characters appear in the other (字符重合). */
    private static boolean sharedHalf(String a, String b) {
        int shared = 0;
        for (int i = 0; i < a.length(); i++) {
            if (b.indexOf(a.charAt(i)) >= 0) {
                shared++;
            }
        }
        return shared * 2 >= Math.min(a.length(), b.length()) && shared >= 1 && Math.min(a.length(), b.length()) > 2;
    }

    @Override
    public List<String> levels() {
        return List.of("missing", "exact", "same pinyin", "close", "similar", "different");
    }

    @Override
    public String key(Name value, KeyFunction function) {
        return switch (function) {
            case VALUE -> value.text();
            case PINYIN -> value.pinyin().isEmpty() ? null : value.pinyin();
            case INITIALS -> initials(value);
            case SURNAME -> value.surname().isEmpty() ? null : value.surname();
            case SOUNDEX -> {
                String s = Soundex.of(value.pinyin());
                yield s.isEmpty() ? null : s;
            }
            case PREFIX3 -> value.text().length() >= 3 ? value.text().substring(0, 3) : value.text();
            default -> throw FieldComparator.unsupported("name", function);
        };
    }

    private String initials(Name value) {
        if (!value.chinese()) {
            return value.pinyin().isEmpty() ? null : value.pinyin().substring(0, 1);
        }
        String s = table.initials(value.text());
        return s.isEmpty() ? null : s;
    }
}
