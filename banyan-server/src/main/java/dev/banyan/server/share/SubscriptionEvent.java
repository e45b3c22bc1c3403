package dev.banyan.server.share;

import java.time.Instant;

/**
 * One event of a subscription (推送事件) in its outbox: the changed row of one entity as the consumer receives it,
 * and how its delivery went.
 *
 * @param seq         the subscription's sequence number, in production order; events of one entity go out in this order
 * @param sourceBatch the STANDARD batch that wrote the row
 * @param attempts    attempts so far (reset when the event is replayed)
 * @param lastStatus  HTTP status of the last attempt; null for a timeout or a refused connection
 * @param payload     the JSON body sent (without the {@code id} added when it is sent)
 */
public record SubscriptionEvent(long id, long subscriptionId, String entityKey, long seq, long sourceBatch, Status status,
                                int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
                                Instant deliveredAt, Instant createdAt, String payload) {

    /**
     * Where an event stands. A FAILED event holds back the later events of its entity until it is replayed or
     * skipped, so that a receiver never sees an entity's changes out of order.
     */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED,
        SKIPPED
    }

    /** The {@code webhook-id} of the event, the same for every attempt: the receiver's idempotency key. */
    public String webhookId() {
        return "evt_" + id;
    }
}
