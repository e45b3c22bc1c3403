package dev.banyan.standards;

/** Structural facts about six-digit GB/T 2260 codes, independent of any revision's table. */
final class DivisionCodes {

    private DivisionCodes() {
    }

    /** Six ASCII digits (no table lookup). */
    static boolean isWellFormed(String code) {
        if (code == null || code.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static String provinceOf(String code) {
        return code.substring(0, 2) + "0000";
    }

    static String prefectureOf(String code) {
        return code.substring(0, 4) + "00";
    }
}
