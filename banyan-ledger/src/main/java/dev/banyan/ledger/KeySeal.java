package dev.banyan.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Private keys encrypted at rest under a master key (authenticated encryption with SM4-GCM or AES-256-GCM).
 *
 * <p>Sealed bytes are self-describing:
 * <pre>  "BKS1" ‖ cipher id (1 byte: 1 = SM4-GCM, 2 = AES-256-GCM) ‖ nonce (12 random bytes) ‖ ciphertext ‖ tag (16)</pre>
 * The cipher key is derived from the master key with HKDF-SHA256 (RFC 5869, zero salt,
 * info = "banyan key seal v1 " + cipher name), so one master key serves both ciphers with unrelated keys.
 * The GCM associated data is the 5-byte header followed by the UTF-8 {@code label}: a sealed key opens only
 * under the label it was sealed with, so e.g. the sealed Ed25519 seed cannot be swapped for the SM2 key in
 * storage, nor the cipher id altered.
 *
 * <p>The master key must be high-entropy key material (at least 16 random bytes, e.g. 32 bytes from a KMS or
 * a secret file), not a pass phrase: HKDF does not slow down guessing.
 */
public final class KeySeal {

    /** The authenticated cipher used to seal. */
    public enum Cipher {
        /** SM4 (GB/T 32907) in GCM mode, 128-bit key: the national-standard choice. */
        SM4_GCM(1, "SM4/GCM/NoPadding", "SM4", 16),
        /** AES-256 in GCM mode. */
        AES_256_GCM(2, "AES/GCM/NoPadding", "AES", 32);

        private final int id;
        private final String transformation;
        private final String keyAlgorithm;
        private final int keyLength;

        Cipher(int id, String transformation, String keyAlgorithm, int keyLength) {
            this.id = id;
            this.transformation = transformation;
            this.keyAlgorithm = keyAlgorithm;
            this.keyLength = keyLength;
        }

        /** The byte identifying this cipher in sealed bytes. */
        public int id() {
            return id;
        }

        /** Key length in bytes. */
        public int keyLength() {
            return keyLength;
        }

        static Cipher byId(int id) {
            for (Cipher cipher : values()) {
                if (cipher.id == id) {
                    return cipher;
                }
            }
            throw new KeySealException("sealed key uses unknown cipher id " + id);
        }

        private javax.crypto.Cipher instance() throws GeneralSecurityException {
            // SM4 exists only in Bouncy Castle; AES comes from the JDK (hardware-accelerated).
            return this == SM4_GCM
                    ? javax.crypto.Cipher.getInstance(transformation, BouncyCastle.provider())
                    : javax.crypto.Cipher.getInstance(transformation);
        }
    }

    /** Shortest accepted master key, in bytes. */
    public static final int MIN_MASTER_KEY_LENGTH = 16;

    private static final byte[] MAGIC = {'B', 'K', 'S', '1'};
    private static final int HEADER_LENGTH = MAGIC.length + 1;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySeal() {
    }

    /**
     * Encrypts {@code plaintext} (a private key) under {@code masterKey}, bound to {@code label}.
     *
     * @param label what the key is, e.g. "banyan checkpoint ed25519"; needed again to open it
     * @throws IllegalArgumentException if the master key is shorter than 16 bytes
     */
    public static byte[] seal(byte[] masterKey, Cipher cipher, byte[] plaintext, String label) {
        checkMasterKey(masterKey);
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(label, "label");
        byte[] header = header(cipher);
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            javax.crypto.Cipher c = cipher.instance();
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, cipherKey(masterKey, cipher), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData(header, label));
            byte[] ciphertext = c.doFinal(plaintext);
            byte[] sealed = new byte[HEADER_LENGTH + NONCE_LENGTH + ciphertext.length];
            System.arraycopy(header, 0, sealed, 0, HEADER_LENGTH);
            System.arraycopy(nonce, 0, sealed, HEADER_LENGTH, NONCE_LENGTH);
            System.arraycopy(ciphertext, 0, sealed, HEADER_LENGTH + NONCE_LENGTH, ciphertext.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(cipher + " is not available", e);
        }
    }

    /**
     * Decrypts bytes made by {@link #seal}.
     *
     * @throws KeySealException if the bytes are not a sealed key, or the master key or label is wrong, or the
     *                          bytes were altered
     */
    public static byte[] open(byte[] masterKey, byte[] sealed, String label) {
        checkMasterKey(masterKey);
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(label, "label");
        if (sealed.length < HEADER_LENGTH || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new KeySealException("not a sealed key: the bytes do not start with \"BKS1\"");
        }
        Cipher cipher = Cipher.byId(sealed[MAGIC.length] & 0xff);
        if (sealed.length < HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8) {
            throw new KeySealException("sealed key is truncated: " + sealed.length + " bytes");
        }
        try {
            javax.crypto.Cipher c = cipher.instance();
            c.init(javax.crypto.Cipher.DECRYPT_MODE, cipherKey(masterKey, cipher),
                    new GCMParameterSpec(TAG_BITS, sealed, HEADER_LENGTH, NONCE_LENGTH));
            c.updateAAD(associatedData(Arrays.copyOf(sealed, HEADER_LENGTH), label));
            return c.doFinal(sealed, HEADER_LENGTH + NONCE_LENGTH, sealed.length - HEADER_LENGTH - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            // GCM cannot tell these apart, by design.
            throw new KeySealException("cannot open sealed key '" + label + "' (" + cipher
                    + "): wrong master key, wrong label, or the sealed bytes were altered", e);
        } catch (GeneralSecurityException e) {
            throw new KeySealException("cannot open sealed key '" + label + "' (" + cipher + "): " + e.getMessage(), e);
        }
    }

    /** The cipher a sealed key was made with, read from its header. */
    public static Cipher cipherOf(byte[] sealed) {
        if (sealed.length < HEADER_LENGTH || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new KeySealException("not a sealed key: the bytes do not start with \"BKS1\"");
        }
        return Cipher.byId(sealed[MAGIC.length] & 0xff);
    }

    private static void checkMasterKey(byte[] masterKey) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length < MIN_MASTER_KEY_LENGTH) {
            throw new IllegalArgumentException("master key must be at least " + MIN_MASTER_KEY_LENGTH
                    + " bytes of random key material, got " + masterKey.length);
        }
    }

    private static byte[] header(Cipher cipher) {
        byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
        header[MAGIC.length] = (byte) cipher.id;
        return header;
    }

    private static byte[] associatedData(byte[] header, String label) {
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(header, header.length + labelBytes.length);
        System.arraycopy(labelBytes, 0, aad, header.length, labelBytes.length);
        return aad;
    }

    // HKDF-SHA256 (RFC 5869) with an all-zero salt; one expand block suffices for keys of up to 32 bytes.
    private static SecretKeySpec cipherKey(byte[] masterKey, Cipher cipher) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] prk = hmac.doFinal(masterKey);
        hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
        hmac.update(("banyan key seal v1 " + cipher.name()).getBytes(StandardCharsets.US_ASCII));
        hmac.update((byte) 1);
        byte[] okm = hmac.doFinal();
        return new SecretKeySpec(Arrays.copyOf(okm, cipher.keyLength), cipher.keyAlgorithm);
    }
}
