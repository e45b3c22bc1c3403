package dev.banyan.ledger;

/**
 * The rules for a signed-note key name: non-empty, no Unicode white space, no '+'. The '+' separates the
 * fields of a verifier key and a space separates name from signature in a signature line.
 */
final class KeyName {

    private KeyName() {
    }

    /**
     * @throws IllegalArgumentException naming the offending character
     */
    static String check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("key name is empty");
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == '+') {
                throw new IllegalArgumentException("key name '" + name + "' contains '+' at position " + (i + 1));
            }
            if (isSpace(cp)) {
                throw new IllegalArgumentException("key name '" + name + "' contains white space U+"
                        + String.format("%04X", cp) + " at position " + (i + 1));
            }
            if (cp < 0x20 || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                throw new IllegalArgumentException("key name contains control or invalid character U+"
                        + String.format("%04X", cp) + " at position " + (i + 1));
            }
            i += Character.charCount(cp);
        }
        return name;
    }

    // Go's unicode.IsSpace, which golang.org/x/mod/sumdb/note uses: ASCII white space, NEL, and the Unicode
    // space separators, including the no-break spaces that Java's isWhitespace leaves out.
    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }
}
