package dev.banyan.synthcity.departments;

import java.util.SplittableRandom;

/**
 * Vehicle identification numbers (车辆识别代号, GB 16735 / ISO 3779): 3-character manufacturer code, 5 descriptor
 * characters, a check digit in position 9, model year, plant and a 6-digit serial. No I, O or Q.
 */
final class VehicleIdentificationNumber {

    private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final String YEAR_CODES = "ABCDEFGHJKLMNPRS";
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private VehicleIdentificationNumber() {
    }

    /** A VIN for a manufacturer code and a model year between 2010 and 2025. */
    static String of(String manufacturer, int modelYear, SplittableRandom r) {
        char[] v = new char[17];
        for (int i = 0; i < 3; i++) {
            v[i] = manufacturer.charAt(i);
        }
        for (int i = 3; i < 8; i++) {
            v[i] = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
        }
        v[9] = YEAR_CODES.charAt(Math.max(0, Math.min(YEAR_CODES.length() - 1, modelYear - 2010)));
        v[10] = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
        for (int i = 11; i < 17; i++) {
            v[i] = (char) ('0' + r.nextInt(10));
        }
        v[8] = '0';
        v[8] = checkDigit(v);
        return new String(v);
    }

    static char checkDigit(char[] v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(v[i]) * WEIGHTS[i];
        }
        int check = sum % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** The transliteration of GB 16735: digits as themselves, letters A-H 1-8, J-R 1-9 without O and Q, S-Z 2-9. */
    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalArgumentException("not a VIN character: " + c);
        };
    }
}
