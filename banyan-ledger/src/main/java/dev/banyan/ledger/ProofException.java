package dev.banyan.ledger;

/**
 * A Merkle inclusion or consistency proof did not verify. The message says, in plain English, which check
 * failed (wrong length, malformed hash, root mismatch …); it never contains secrets, so it may be shown to the
 * party that supplied the proof.
 */
public final class ProofException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }
}
