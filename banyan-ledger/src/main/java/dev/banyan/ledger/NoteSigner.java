package dev.banyan.ledger;

/**
 * A private key that signs C2SP signed notes under a key name. Implementations: {@link Ed25519NoteSigner}
 * (the standard type every checkpoint needs) and {@link Sm2NoteSigner} (SM2/SM3, a private type).
 */
public interface NoteSigner {

    /** The key name written in signature lines; for a log, its checkpoint origin. */
    default String keyName() {
        return verifier().keyName();
    }

    /** The 4-byte key ID written before each signature. */
    default int keyId() {
        return verifier().keyId();
    }

    /** Signs {@code message} (the whole note text, final newline included); returns the signature without key ID. */
    byte[] sign(byte[] message);

    /** The verifier key ({@code <name>+<hex8 key ID>+<base64 type and public key>}) to publish. */
    default String verifierKey() {
        return verifier().verifierKey();
    }

    /** The verifier for this key's signatures. */
    NoteVerifier verifier();
}
