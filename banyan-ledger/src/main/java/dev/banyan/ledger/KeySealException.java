package dev.banyan.ledger;

/**
 * A sealed key could not be opened: wrong master key, wrong label, tampered bytes, or not a sealed key at all.
 * Unchecked: there is nothing to retry, the operator must fix the configuration.
 */
public class KeySealException extends RuntimeException {

    public KeySealException(String message) {
        super(message);
    }

    public KeySealException(String message, Throwable cause) {
        super(message, cause);
    }
}
