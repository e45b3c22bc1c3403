package dev.banyan.server.share.internal;

/**
 * The answer of a verification (核验结果): yes or no and, for a no, the reason code of the first reason that holds
 * ({@link VerificationRule#NOT_MET} when none does). Never any fact.
 */
record VerificationResult(boolean yes, String reason) {

    static final VerificationResult YES = new VerificationResult(true, null);

    static VerificationResult no(String reason) {
        return new VerificationResult(false, reason);
    }
}
