package dev.banyan.ledger;

/**
 * A signed note failed verification: a signature by a known key did not verify, or no known key signed it.
 * Unchecked because callers usually turn it straight into a rejection (HTTP 403, an audit alarm).
 */
public class NoteVerificationException extends RuntimeException {

    public NoteVerificationException(String message) {
        super(message);
    }
}
