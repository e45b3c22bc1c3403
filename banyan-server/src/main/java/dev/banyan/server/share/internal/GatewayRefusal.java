package dev.banyan.server.share.internal;

/**
 * A call the gateway refuses (拒绝调用), rendered as an RFC 9457 problem detail in the caller's language and logged
 * with its outcome — e.g. {@code NO_GRANT} (403), {@code FIELD_NOT_GRANTED} (403), {@code QUOTA_EXCEEDED} (429),
 * {@code BAD_PARAMETER} (400), {@code NOT_FOUND} (404, also for a row outside the grant's scope, so that nothing
 * leaks about rows the caller may not see).
 */
class GatewayRefusal extends RuntimeException {

    private final int status;
    private final String outcome;
    private final String messageCode;
    private final transient Object[] arguments;
    private final long retryAfterSeconds;

    GatewayRefusal(int status, String outcome, String messageCode, Object... arguments) {
        this(status, outcome, 0, messageCode, arguments);
    }

    GatewayRefusal(int status, String outcome, long retryAfterSeconds, String messageCode, Object... arguments) {
        super(outcome + " " + messageCode, null, false, false);   // refusals are expected: no stack trace
        this.status = status;
        this.outcome = outcome;
        this.messageCode = messageCode;
        this.arguments = arguments;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    String outcome() {
        return outcome;
    }

    String messageCode() {
        return messageCode;
    }

    Object[] arguments() {
        return arguments.clone();
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
