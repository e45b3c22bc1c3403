package dev.banyan.server.share.internal;

import java.time.Instant;

/**
 * A batch verification (批量核验): the subjects one consumer sent for one verification service version, and how far
 * their verification has got — counts of yes, no and invalid subjects, the result file's SHA-256 when done.
 *
 * @param clientId     the machine client whose grant it used; null when a person uploaded it in the console
 * @param submittedBy  {@code client:<id>} or {@code user:<name>}
 * @param processed    subjects answered so far (for progress)
 */
record VerificationBatch(long id, String serviceCode, long serviceId, int serviceVersion, String clientId, Long grantId,
                         long departmentId, String submittedBy, Status status, String inputName, long subjects,
                         long processed, long yes, long no, long invalid, String sha256, String error, int attempts,
                         Instant createdAt, Instant startedAt, Instant finishedAt, String inputPath, String resultPath) {

    enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }
}
