package dev.banyan.ledger;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 signed-note key (signature type 0x01), the type every public checkpoint must carry and the only
 * one standard clients such as Go's {@code golang.org/x/mod/sumdb/note} verify.
 * <ul>
 *   <li>key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4], big-endian;</li>
 *   <li>verifier key = {@code name+hex8(key ID)+base64(0x01 ‖ public key)}.</li>
 * </ul>
 * The private key is the 32-byte RFC 8032 seed ({@link #seed()}), which is what to seal with {@link KeySeal}.
 * Ed25519 is deterministic: the same seed and text always give the same signature. Thread-safe.
 */
public final class Ed25519NoteSigner implements NoteSigner {

    private final Ed25519PrivateKeyParameters privateKey;
    private final NoteVerifier verifier;

    private Ed25519NoteSigner(String keyName, Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.verifier = NoteVerifier.ed25519(keyName, privateKey.generatePublicKey().getEncoded());
    }

    /** A new random key. */
    public static Ed25519NoteSigner generate(String keyName) {
        KeyName.check(keyName);
        return new Ed25519NoteSigner(keyName, new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    /**
     * The key with the given RFC 8032 private seed.
     *
     * @throws IllegalArgumentException if the seed is not 32 bytes or the name is invalid
     */
    public static Ed25519NoteSigner fromSeed(String keyName, byte[] seed32) {
        KeyName.check(keyName);
        Objects.requireNonNull(seed32, "seed32");
        if (seed32.length != 32) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed32.length);
        }
        return new Ed25519NoteSigner(keyName, new Ed25519PrivateKeyParameters(seed32.clone(), 0));
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The 32-byte private seed; secret, seal it before storing. */
    public byte[] seed() {
        return privateKey.getEncoded();
    }

    /** The 32-byte public key. */
    public byte[] publicKey() {
        return privateKey.generatePublicKey().getEncoded();
    }

    @Override
    public String toString() {
        // Never the seed.
        return "Ed25519NoteSigner[" + verifierKey() + "]";
    }
}
