package dev.banyan.server.identity.internal;

import java.security.SecureRandom;

/**
 * A random password for a person to use once and then change: 16 letters and digits from an alphabet without
 * look-alikes (no 0/O, 1/l/I), after {@code Banyan-}, always with a digit — so it passes the password policy.
 */
public final class GeneratedPassword {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPassword() {
    }

    public static String next() {
        StringBuilder s = new StringBuilder("Banyan-");
        for (int i = 0; i < 16; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.append(RANDOM.nextInt(10)).toString();
    }
}
