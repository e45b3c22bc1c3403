package dev.banyan.standards;

/** The two-digit province prefixes that GB 11643 identity numbers may start with. */
final class ProvincePrefix {

    private ProvincePrefix() {
    }

    static boolean isValid(String twoDigits) {
        int p;
        try {
            p = Integer.parseInt(twoDigits);
        } catch (NumberFormatException e) {
            return false;
        }
        return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46)
                || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || p == 81 || p == 82 || p == 83;
    }
}
