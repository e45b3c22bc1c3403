package dev.banyan.synthcity.mess;

import dev.banyan.synthcity.reference.BundledTsv;

import java.util.List;

/**
 * The character tables behind name typos (错别字): confusable characters (homophones, dialect mergers, look-alikes)
 * and traditional forms (繁体字), indexed by the character itself for speed.
 */
public final class CharacterVariants {

    private static final CharacterVariants BUNDLED = load();

    private final char[][] confusables = new char[65536][];
    private final char[] traditional = new char[65536];

    private CharacterVariants() {
    }

    public static CharacterVariants bundled() {
        return BUNDLED;
    }

    private static CharacterVariants load() {
        CharacterVariants v = new CharacterVariants();
        for (String[] row : BundledTsv.rows("confusable-characters.tsv")) {
            List<String> items = BundledTsv.items(row[1]);
            char[] chars = new char[items.size()];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = items.get(i).charAt(0);
            }
            v.confusables[row[0].charAt(0)] = chars;
        }
        for (String[] row : BundledTsv.rows("traditional-characters.tsv")) {
            v.traditional[row[0].charAt(0)] = row[1].charAt(0);
        }
        return v;
    }

    /** Characters a clerk might type instead of {@code c}, or null. */
    public char[] confusables(char c) {
        return confusables[c];
    }

    /** The traditional form of {@code c}, or 0 if it has none. */
    public char traditional(char c) {
        return traditional[c];
    }

    /** The text with every character that has a traditional form converted. */
    public String toTraditional(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char t = traditional[chars[i]];
            if (t != 0) {
                chars[i] = t;
            }
        }
        return new String(chars);
    }
}
