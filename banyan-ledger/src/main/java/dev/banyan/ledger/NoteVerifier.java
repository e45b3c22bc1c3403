package dev.banyan.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A public key that checks signed-note signatures: the parsed form of a verifier key
 * {@code <name>+<hex8 key ID>+<base64(type ‖ public key)>}. Two types are understood:
 * <ul>
 *   <li>0x01, Ed25519 with a 32-byte public key (c2sp.org/signed-note);</li>
 *   <li>0xFF "sm2" followed by the DER SubjectPublicKeyInfo of an SM2 key, Banyan's private type for SM2/SM3
 *       (see {@link Sm2NoteSigner}).</li>
 * </ul>
 * Instances are immutable and thread-safe; two verifiers are equal when their verifier keys are.
 */
public final class NoteVerifier {

    /** Signed-note signature type of Ed25519. */
    static final byte ED25519_TYPE = 0x01;

    // DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow.
    private static final byte[] ED25519_SPKI_PREFIX = {
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final String keyName;
    private final int keyId;
    private final byte[] typeAndKey;
    private final String algorithm;
    private final Ed25519PublicKeyParameters ed25519;
    private final PublicKey sm2;

    private NoteVerifier(String keyName, byte[] typeAndKey) {
        this.keyName = KeyName.check(keyName);
        this.typeAndKey = typeAndKey.clone();
        this.keyId = KeyId.of(keyName, typeAndKey);
        if (typeAndKey.length > 0 && typeAndKey[0] == ED25519_TYPE) {
            if (typeAndKey.length != 33) {
                throw new IllegalArgumentException("Ed25519 verifier key " + keyName + " must hold 32 key bytes, got "
                        + (typeAndKey.length - 1));
            }
            algorithm = "Ed25519";
            try {
                ed25519 = new Ed25519PublicKeyParameters(typeAndKey, 1);
            } catch (IllegalArgumentException e) {
                // Bouncy Castle checks the point encoding; such a key could never verify a signature.
                throw new IllegalArgumentException("verifier key " + keyName + " is not a valid Ed25519 public key");
            }
            sm2 = null;
        } else if (startsWith(typeAndKey, Sm2.NOTE_TYPE)) {
            algorithm = "SM2";
            ed25519 = null;
            sm2 = Sm2.publicKey(Arrays.copyOfRange(typeAndKey, Sm2.NOTE_TYPE.length, typeAndKey.length));
        } else {
            throw new IllegalArgumentException("verifier key " + keyName + " has unsupported signature type "
                    + (typeAndKey.length == 0 ? "(none)" : String.format("0x%02x", typeAndKey[0] & 0xff))
                    + "; supported are 0x01 (Ed25519) and 0xff \"sm2\" (SM2)");
        }
    }

    /** The verifier of an Ed25519 key given as its 32 raw public-key bytes. */
    static NoteVerifier ed25519(String keyName, byte[] publicKey) {
        byte[] typeAndKey = new byte[1 + publicKey.length];
        typeAndKey[0] = ED25519_TYPE;
        System.arraycopy(publicKey, 0, typeAndKey, 1, publicKey.length);
        return new NoteVerifier(keyName, typeAndKey);
    }

    /** The verifier of an SM2 key given as its SubjectPublicKeyInfo DER. */
    static NoteVerifier sm2(String keyName, byte[] spki) {
        byte[] typeAndKey = new byte[Sm2.NOTE_TYPE.length + spki.length];
        System.arraycopy(Sm2.NOTE_TYPE, 0, typeAndKey, 0, Sm2.NOTE_TYPE.length);
        System.arraycopy(spki, 0, typeAndKey, Sm2.NOTE_TYPE.length, spki.length);
        return new NoteVerifier(keyName, typeAndKey);
    }

    /**
     * Parses a verifier key.
     *
     * @throws IllegalArgumentException if it is malformed, of an unsupported type, or its key ID does not match
     *                                  its name and key
     */
    public static NoteVerifier parse(String vkey) {
        Objects.requireNonNull(vkey, "vkey");
        // The name cannot contain '+', the base64 key can: split at the first two only.
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("verifier key must be <name>+<key id>+<key>, got '" + vkey + "'");
        }
        String name = parts[0];
        String hex = parts[1];
        if (!hex.matches("[0-9a-fA-F]{8}")) {
            throw new IllegalArgumentException("verifier key " + name + ": key ID must be 8 hex digits, got '" + hex + "'");
        }
        byte[] typeAndKey = Base64Text.decode(parts[2], "verifier key " + name + ": key");
        NoteVerifier verifier = new NoteVerifier(name, typeAndKey);
        int declared = Integer.parseUnsignedInt(hex, 16);
        if (declared != verifier.keyId) {
            throw new IllegalArgumentException("verifier key " + name + ": key ID " + hex.toLowerCase()
                    + " does not match the name and key, which give " + KeyId.hex(verifier.keyId));
        }
        return verifier;
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return keyId;
    }

    /** "Ed25519" or "SM2". */
    public String algorithm() {
        return algorithm;
    }

    /**
     * Checks {@code signature} (without the 4-byte key ID) over {@code message}. Malformed signatures are
     * reported as {@code false}, not as exceptions.
     */
    public boolean verify(byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        if (ed25519 != null) {
            if (signature.length != 64) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, ed25519);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }
        try {
            Signature verifier = Sm2.newSignature();
            verifier.initVerify(sm2);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Not DER, or r/s out of range: not a valid signature.
            return false;
        }
    }

    /** Convenience for {@link #verify(byte[], byte[])} over the UTF-8 bytes of a note text. */
    public boolean verify(String text, byte[] signature) {
        return verify(text.getBytes(StandardCharsets.UTF_8), signature);
    }

    /** The public key as X.509 SubjectPublicKeyInfo DER, e.g. for {@code openssl pkeyutl -pubin -keyform DER}. */
    public byte[] publicKeyDer() {
        if (ed25519 != null) {
            byte[] der = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
            System.arraycopy(typeAndKey, 1, der, ED25519_SPKI_PREFIX.length, 32);
            return der;
        }
        return Arrays.copyOfRange(typeAndKey, Sm2.NOTE_TYPE.length, typeAndKey.length);
    }

    /** The public key in PEM ("-----BEGIN PUBLIC KEY-----"), as OpenSSL and most tools read it. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKeyDer())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The verifier key: {@code <name>+<hex8 key ID>+<base64(type ‖ key)>}. */
    public String verifierKey() {
        return keyName + "+" + KeyId.hex(keyId) + "+" + Base64Text.encode(typeAndKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier v && keyName.equals(v.keyName) && Arrays.equals(typeAndKey, v.typeAndKey);
    }

    @Override
    public int hashCode() {
        return keyName.hashCode() * 31 + Arrays.hashCode(typeAndKey);
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + algorithm + " " + keyName + "+" + KeyId.hex(keyId) + "]";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
