package dev.banyan.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * SM2 with SM3 (GB/T 32918, GM/T 0003 and 0009) as Banyan uses it for notes: curve sm2p256v1, the default
 * user ID 1234567812345678, DER signatures, and the signed-note private type 0xFF "sm2".
 */
final class Sm2 {

    /** Curve name as Bouncy Castle knows it. */
    static final String CURVE = "sm2p256v1";

    /** GM/T 0009 default distinguishing identifier, also used by RFC 8998 and OpenSSL's {@code distid}. */
    static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    /** Signed-note type: 0xFF (private use) followed by the identifier "sm2"; the SPKI DER follows. */
    static final byte[] NOTE_TYPE = {(byte) 0xff, 's', 'm', '2'};

    private Sm2() {
    }

    /** A fresh "SM3withSM2" signature object with the user ID set explicitly, not left to a provider default. */
    static Signature newSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SM3withSM2", BouncyCastle.provider());
        signature.setParameter(new SM2ParameterSpec(DEFAULT_USER_ID));
        return signature;
    }

    /** True if the algorithm identifier is id-ecPublicKey on the named curve sm2p256v1. */
    static boolean isSm2Curve(AlgorithmIdentifier algorithm) {
        ASN1Encodable parameters = algorithm.getParameters();
        return X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                && parameters != null
                && GMObjectIdentifiers.sm2p256v1.equals(parameters.toASN1Primitive());
    }

    /**
     * Reads an X.509 SubjectPublicKeyInfo that must hold a point on sm2p256v1.
     *
     * @throws IllegalArgumentException if it is not DER, not EC, on another curve or not a valid point
     */
    static PublicKey publicKey(byte[] spki) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(spki);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SM2 public key is not a DER SubjectPublicKeyInfo: " + e.getMessage());
        }
        if (!isSm2Curve(info.getAlgorithm())) {
            throw new IllegalArgumentException("public key is not an EC key on the SM2 curve (sm2p256v1, OID "
                    + GMObjectIdentifiers.sm2p256v1 + "): algorithm " + info.getAlgorithm().getAlgorithm());
        }
        try {
            return KeyFactory.getInstance("EC", BouncyCastle.provider()).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("SM2 public key is invalid: " + e.getMessage());
        }
    }
}
