package dev.banyan.server.share;

import java.time.Instant;
import java.util.List;

/**
 * A consumer department's application to use a data service (共享申请): purpose, legal basis, the fields it needs,
 * for how long and how much. An application for an unconditionally shared resource is approved at once; one for a
 * conditionally shared resource waits for the owning department's chief data officer, who must decide within the
 * working-day deadline ({@code dueAt}).
 */
public record ShareApplication(long id, String serviceCode, long consumerDepartmentId, String clientId, String applicant,
                               String purpose, String legalBasis, List<String> fields, int durationDays,
                               int expectedDailyCalls, Status status, String decidedBy, Instant decidedAt,
                               String decisionReason, Instant dueAt, Instant createdAt) {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED,
        WITHDRAWN
    }

    public ShareApplication {
        fields = List.copyOf(fields);
    }
}
