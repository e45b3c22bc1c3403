package dev.banyan.ledger;

/**
 * The character rules shared by signed notes, their texts and checkpoints: valid Unicode and no control
 * characters other than newline (the rule golang.org/x/mod/sumdb/note applies: code points below U+0020).
 */
final class NoteText {

    private NoteText() {
    }

    /**
     * @param what names the checked value in the error message, e.g. "note" or "checkpoint"
     * @throws IllegalArgumentException naming line and column of the first offending character
     */
    static void checkCharacters(String text, String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++, column++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c < 0x20) {
                throw new IllegalArgumentException(what + " line " + line + ", column " + column
                        + ": control character U+" + String.format("%04X", (int) c) + " is not allowed"
                        + (c == '\r' ? " (use \\n line endings, not \\r\\n)" : ""));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 encoding, so it could not be signed faithfully.
                throw new IllegalArgumentException(what + " line " + line + ", column " + column
                        + ": unpaired surrogate U+" + String.format("%04X", (int) c) + " is not valid Unicode");
            }
        }
    }
}
