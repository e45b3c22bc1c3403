package dev.banyan.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 4-byte signed-note key ID: the first four bytes, big-endian, of
 * SHA-256(key name ‖ 0x0A ‖ signature type ‖ public key). It lets a verifier pick its signature out of many.
 */
final class KeyId {

    private KeyId() {
    }

    /** {@code typeAndKey} is the signature type byte(s) followed by the public key, as in the verifier key. */
    static int of(String keyName, byte[] typeAndKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(typeAndKey);
            byte[] h = sha256.digest();
            return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | h[3] & 0xff;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Eight lower-case hex digits, as in verifier keys. */
    static String hex(int keyId) {
        return String.format("%08x", keyId);
    }
}
