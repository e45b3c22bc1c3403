package dev.banyan.ledger;

import java.util.Base64;

/**
 * Standard base64 (RFC 4648 §4, with padding) as the C2SP formats use it. Decoding accepts only the canonical
 * spelling of a byte string, so that one value has exactly one textual form.
 */
final class Base64Text {

    private Base64Text() {
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes {@code text}; {@code what} names the value in the error message.
     *
     * @throws IllegalArgumentException if the text is not canonical padded base64
     */
    static byte[] decode(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64: " + e.getMessage());
        }
        // The JDK decoder tolerates missing padding and non-zero trailing bits; the specs require padding and a
        // second spelling of the same bytes would make notes malleable.
        if (!encode(bytes).equals(text)) {
            throw new IllegalArgumentException(what + " is not canonical padded base64");
        }
        return bytes;
    }
}
