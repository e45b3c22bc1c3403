package dev.banyan.server.share;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A grant (授权): one consumer client may call one service, for a purpose, seeing these fields in clear (personal
 * fields not among them are masked), only rows within its scope, at most so many calls a day and a second, until it
 * expires or is revoked.
 */
public record Grant(long id, Long applicationId, String serviceCode, String clientId, long consumerDepartmentId,
                    String purpose, Set<String> fields, List<RowCondition> rowScope, int dailyQuota, int ratePerSecond,
                    Instant startsAt, Instant expiresAt, Status status, String revokedBy, Instant revokedAt,
                    String revokeReason, String createdBy, Instant createdAt) {

    public enum Status {
        ACTIVE,
        REVOKED
    }

    public Grant {
        fields = Set.copyOf(fields);
        rowScope = List.copyOf(rowScope);
    }

    /** Whether it lets its client call now. */
    public boolean liveAt(Instant now) {
        return status == Status.ACTIVE && !now.isBefore(startsAt) && now.isBefore(expiresAt);
    }
}
