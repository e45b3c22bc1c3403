package dev.banyan.standards;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person's name (姓名) as a department recorded it, with its normalised and simplified-character forms
 * side by side.
 *
 * <p>{@link #parse(String)} keeps the {@link #original() original} untouched and builds the
 * {@link #normalised() normalised} form: trimmed; invisible characters removed; full-width Latin letters and
 * digits made half-width (全角转半角); spaces between Chinese characters removed ({@code 陈 伟},
 * {@code 陈　伟} → {@code 陈伟}) and runs of spaces in Latin names made one; the separator dot of minority
 * and foreign names (间隔号) unified to U+00B7 {@code ·} from {@code •}, {@code ・}, {@code ‧}, {@code ∙},
 * {@code ．} and {@code .} between Chinese characters, without spaces around it
 * ({@code 买买提 • 艾力} → {@code 买买提·艾力}). The {@link #simplified() simplified} form is the normalised
 * one with traditional characters converted (陳偉 → 陈伟, see {@link TraditionalChinese}) — the form to
 * compare and link on; the other two stay for display and audit.
 *
 * <p>Suspicious content is flagged, not refused ({@link Flag}); only blank input, input without any letter
 * and input longer than {@value #MAX_LENGTH} characters are refused.
 *
 * @param original   the text as received
 * @param normalised trimmed and normalised as described above, in the script it was written in
 * @param simplified the normalised form in simplified characters
 * @param flags      what is unusual about the name; empty for an ordinary name
 */
public record PersonName(String original, String normalised, String simplified, Set<Flag> flags) {

    /** Problem code: no letter at all (only digits or punctuation). */
    public static final String NO_LETTERS = "name.no-letters";
    /** Problem code: longer than {@value #MAX_LENGTH} characters. */
    public static final String TOO_LONG = "name.too-long";

    /** The longest name accepted, in characters (code points). */
    public static final int MAX_LENGTH = 64;
    /** Names of Chinese characters without a separator dot longer than this are flagged {@link Flag#TOO_LONG}. */
    public static final int LONGEST_PLAIN_CHINESE_NAME = 6;
    /** Names longer than this (in characters) are flagged {@link Flag#TOO_LONG}. */
    public static final int LONGEST_USUAL_NAME = 30;

    /** The separator dot (间隔号) of transliterated names, U+00B7. */
    public static final char SEPARATOR_DOT = '\u00B7';

    /** What is unusual about a name (姓名疑点). */
    public enum Flag {
        /** 繁体字: written with traditional characters, converted in {@link #simplified()}. */
        TRADITIONAL("含繁体字", false),
        /** 拉丁字母: has Latin letters (foreign names); informational. */
        LATIN("含拉丁字母", false),
        /** 数字: has digits, e.g. {@code 张三2}. */
        DIGITS("含数字", true),
        /** 符号: has punctuation or symbols other than the separator dot, hyphen and apostrophe, e.g. {@code 张三（临时）}. */
        SYMBOLS("含符号", true),
        /** 中外文混写: Chinese characters and Latin letters together, e.g. {@code 张San}. */
        MIXED_SCRIPT("中外文混写", true),
        /** 单字: one character, e.g. only the surname. */
        SINGLE_CHARACTER("仅一个字", true),
        /** 过长: more than {@value PersonName#LONGEST_PLAIN_CHINESE_NAME} Chinese characters without a separator dot, or more than {@value PersonName#LONGEST_USUAL_NAME} characters. */
        TOO_LONG("过长", true);

        private final String chinese;
        private final boolean suspicious;

        Flag(String chinese, boolean suspicious) {
            this.chinese = chinese;
            this.suspicious = suspicious;
        }

        /** The Chinese term, e.g. {@code 含数字}. */
        public String chinese() {
            return chinese;
        }

        /** True if the flag suggests a data-entry mistake rather than an unusual but valid name. */
        public boolean suspicious() {
            return suspicious;
        }
    }

    /** Checks presence and copies the flags. */
    public PersonName {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(normalised, "normalised");
        Objects.requireNonNull(simplified, "simplified");
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /** Parses a name; see the class description. */
    public static ParseResult<PersonName> parse(String raw) {
        if (Spacing.isBlank(raw)) {
            return ParseResult.empty("name");
        }
        String normalised = normalise(raw);
        int length = normalised.codePointCount(0, normalised.length());
        if (length > MAX_LENGTH) {
            return ParseResult.invalid(TOO_LONG, "name has " + length + " characters, more than " + MAX_LENGTH
                    + "; is it several fields run together?");
        }
        String simplified = TraditionalChinese.toSimplified(normalised);
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        if (!simplified.equals(normalised)) {
            flags.add(Flag.TRADITIONAL);
        }
        int han = 0;
        int latin = 0;
        int letters = 0;
        boolean dot = false;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isIdeographic(cp)) {
                han++;
                letters++;
            } else if (Character.isLetter(cp)) {
                letters++;
                if (cp < 0x250) {
                    latin++;
                }
            } else if (cp >= '0' && cp <= '9' || Character.isDigit(cp)) {
                flags.add(Flag.DIGITS);
            } else if (cp == SEPARATOR_DOT) {
                dot = true;
            } else if (cp != ' ' && cp != '-' && cp != '\'' && cp != '’' && !(cp == '.' && latin > 0)
                    && Character.getType(cp) != Character.NON_SPACING_MARK && Character.getType(cp) != Character.COMBINING_SPACING_MARK) {
                flags.add(Flag.SYMBOLS);
            }
        }
        if (letters == 0) {
            return ParseResult.invalid(NO_LETTERS, "'" + raw.strip() + "' has no letters, so it is not a name");
        }
        if (latin > 0) {
            flags.add(Flag.LATIN);
            if (han > 0) {
                flags.add(Flag.MIXED_SCRIPT);
            }
        }
        if (length == 1) {
            flags.add(Flag.SINGLE_CHARACTER);
        }
        if (length > LONGEST_USUAL_NAME || (!dot && han == length && han > LONGEST_PLAIN_CHINESE_NAME)) {
            flags.add(Flag.TOO_LONG);
        }
        return ParseResult.valid(new PersonName(raw, normalised, simplified, flags));
    }

    /** The normalised form of a name (see the class description); blank input gives an empty string. */
    public static String normalise(String raw) {
        String s = Spacing.collapse(FullWidth.toHalfWidth(raw));
        StringBuilder b = new StringBuilder(s.length());
        // Pass 1: unify the dot variants and drop spaces next to Chinese characters or the dot.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDotVariant(c)) {
                c = SEPARATOR_DOT;
            }
            if (c == ' ') {
                char prev = b.isEmpty() ? ' ' : b.charAt(b.length() - 1);
                char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                if (isChineseOrDot(prev) || isChineseOrDot(next)) {
                    continue;
                }
            }
            if (c == SEPARATOR_DOT) {
                if (!b.isEmpty() && b.charAt(b.length() - 1) == ' ') {
                    b.setLength(b.length() - 1);
                }
                if (b.isEmpty() || b.charAt(b.length() - 1) == SEPARATOR_DOT) {
                    continue; // leading or doubled dot
                }
            }
            b.append(c);
        }
        // Pass 2: a full stop between Chinese characters is a separator dot typed with the wrong key.
        for (int i = 1; i + 1 < b.length(); i++) {
            if (b.charAt(i) == '.' && isChinese(b.charAt(i - 1)) && isChinese(b.charAt(i + 1))) {
                b.setCharAt(i, SEPARATOR_DOT);
            }
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == SEPARATOR_DOT) {
            end--;
        }
        return b.substring(0, end);
    }

    private static boolean isDotVariant(char c) {
        return c == '\u00B7' || c == '\u2022' || c == '\u30FB' || c == '\uFF65' || c == '\u2027' || c == '\u2219'
                || c == '\u22C5' || c == '\u0387' || c == '\u16EB' || c == '\u2E31';
    }

    private static boolean isChinese(char c) {
        return Character.isIdeographic(c) || Character.isSurrogate(c);
    }

    private static boolean isChineseOrDot(char c) {
        return c == SEPARATOR_DOT || isDotVariant(c) || isChinese(c);
    }

    /** True if the name has the flag. */
    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** True if any flag suggests a data-entry mistake (digits, symbols, mixed scripts, one character, too long). */
    public boolean isSuspicious() {
        for (Flag f : flags) {
            if (f.suspicious()) {
                return true;
            }
        }
        return false;
    }

    /** The simplified form. */
    @Override
    public String toString() {
        return simplified;
    }
}
