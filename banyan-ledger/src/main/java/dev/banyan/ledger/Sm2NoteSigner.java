package dev.banyan.ledger;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * An SM2 signed-note key: the Chinese national signature algorithm SM2 with the hash SM3 (JCA "SM3withSM2",
 * GB/T 32918.2), user ID {@code 1234567812345678}, curve sm2p256v1.
 *
 * <p>The signed-note spec registers no type for SM2, so Banyan uses the private-use type 0xFF followed by the
 * ASCII identifier "sm2". Its "type and key" bytes are
 * <pre>  0xFF ‖ "sm2" ‖ DER SubjectPublicKeyInfo of the public key</pre>
 * <ul>
 *   <li>key ID = SHA-256(name ‖ 0x0A ‖ type and key)[:4], big-endian, as for every note key;</li>
 *   <li>verifier key = {@code name+hex8(key ID)+base64(type and key)};</li>
 *   <li>signature line payload = key ID (4 bytes) ‖ DER {@code SEQUENCE { r, s }}.</li>
 * </ul>
 * The SPKI (rather than a raw point) makes the key self-describing and directly usable with OpenSSL
 * ({@code pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678}).
 *
 * <p>Why a note can carry an SM2 line next to the Ed25519 one: verifiers ignore signatures whose (name, key
 * ID) they do not know, so Go's {@code sumdb/note} and other standard clients still verify the Ed25519 line of
 * a checkpoint and skip this one, while SM2-only verifiers (national-standard compliance checks) can use the
 * SM2 line alone. SM2 signatures are randomised: signing the same text twice gives different lines.
 *
 * <p>Thread-safe.
 */
public final class Sm2NoteSigner implements NoteSigner {

    private final PrivateKey privateKey;
    private final NoteVerifier verifier;

    private Sm2NoteSigner(PrivateKey privateKey, NoteVerifier verifier) {
        this.privateKey = privateKey;
        this.verifier = verifier;
    }

    /** A new random key. */
    public static Sm2NoteSigner generate(String keyName) {
        KeyName.check(keyName);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.provider());
            generator.initialize(new ECGenParameterSpec(Sm2.CURVE), new SecureRandom());
            // Going through PKCS#8 gives generated and loaded keys the very same encodings, hence key IDs.
            return fromPkcs8(keyName, generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an SM2 key with Bouncy Castle", e);
        }
    }

    /**
     * The key in a PKCS#8 PrivateKeyInfo (DER), as written by {@link #privateKeyPkcs8()}, Bouncy Castle or
     * {@code openssl genpkey -algorithm SM2 -outform DER}. The public key is recomputed from the private scalar.
     *
     * @throws IllegalArgumentException if it is not an EC private key on sm2p256v1
     */
    public static Sm2NoteSigner fromPkcs8(String keyName, byte[] pkcs8) {
        KeyName.check(keyName);
        Objects.requireNonNull(pkcs8, "pkcs8");
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(pkcs8);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SM2 private key is not DER PKCS#8: " + e.getMessage());
        }
        if (info == null || !Sm2.isSm2Curve(info.getPrivateKeyAlgorithm())) {
            throw new IllegalArgumentException("PKCS#8 key is not an EC key on the SM2 curve (sm2p256v1)");
        }
        try {
            KeyFactory keys = KeyFactory.getInstance("EC", BouncyCastle.provider());
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            BigInteger d = ((java.security.interfaces.ECPrivateKey) privateKey).getS();
            ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec(Sm2.CURVE);
            if (d.signum() <= 0 || d.compareTo(curve.getN().subtract(BigInteger.ONE)) >= 0) {
                // SM2 needs d in [1, n-2]: signing divides by (1 + d).
                throw new IllegalArgumentException("SM2 private scalar is out of range");
            }
            ECPoint q = new FixedPointCombMultiplier().multiply(curve.getG(), d).normalize();
            // The named-curve spec makes the SPKI name the curve by OID, which OpenSSL needs to treat it as SM2.
            byte[] spki = keys.generatePublic(new ECPublicKeySpec(q, curve)).getEncoded();
            return new Sm2NoteSigner(privateKey, NoteVerifier.sm2(keyName, spki));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("SM2 private key is invalid: " + e.getMessage());
        }
    }

    /** Signs with SM3withSM2 and the default user ID; returns the DER {@code SEQUENCE { r, s }}. */
    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Sm2.newSignature();
            signer.initSign(privateKey, new SecureRandom());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    @Override
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The private key as PKCS#8 DER; secret, seal it before storing. */
    public byte[] privateKeyPkcs8() {
        return privateKey.getEncoded();
    }

    /** The public key as X.509 SubjectPublicKeyInfo DER. */
    public byte[] publicKeyDer() {
        return verifier.publicKeyDer();
    }

    @Override
    public String toString() {
        // Never the private key.
        return "Sm2NoteSigner[" + verifierKey() + "]";
    }
}
