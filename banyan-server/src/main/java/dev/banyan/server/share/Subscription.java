package dev.banyan.server.share;

import java.time.Instant;
import java.util.List;

/**
 * A subscription (数据推送订阅): a consumer's webhook that receives the changes of the resource behind one of its
 * grants — each row written by a batch governed after the subscription was made, shaped as the gateway shapes it for
 * that grant (fields granted in clear, other personal fields masked), within the grant's row scope and the
 * subscription's own conditions. Delivered at least once, in order per entity, signed (Standard Webhooks).
 *
 * @param grantId     the consumer's grant whose service is followed; a revoked or expired grant pauses the subscription
 * @param conditions  only rows meeting every one are pushed, on top of the service's conditions and the grant's row scope
 * @param watermark   the highest STANDARD batch already turned into events
 * @param pauseReason why a paused subscription is paused; null when active
 */
public record Subscription(long id, long grantId, String serviceCode, String resourceCode, String clientId,
                           long consumerDepartmentId, long ownerDepartmentId, String url, List<RowCondition> conditions,
                           String description, Status status, PauseReason pauseReason, long watermark, String createdBy,
                           Instant createdAt, Instant updatedAt) {

    public enum Status {
        ACTIVE,
        PAUSED
    }

    /** Why a subscription stopped producing and sending events. */
    public enum PauseReason {
        /** paused by the consumer; resumed by the consumer. */
        BY_CONSUMER,
        /** the receiver answered 410 Gone: it wants no more events; resumed by the consumer. */
        GONE,
        /** the grant was revoked or has expired, or its client was revoked; resumes by itself when the grant is renewed. */
        GRANT_NOT_LIVE,
        /** the service was retired; resumes by itself if it is published again. */
        SERVICE_RETIRED
    }

    public Subscription {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
