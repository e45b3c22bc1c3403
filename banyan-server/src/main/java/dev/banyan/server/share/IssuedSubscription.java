package dev.banyan.server.share;

/**
 * A subscription just made (or whose secret was just rotated) with its signing secret ({@code whsec_…}), which is
 * shown this once: the receiver verifies every event's {@code webhook-signature} with it.
 */
public record IssuedSubscription(Subscription subscription, String secret) {

    @Override
    public String toString() {
        return "IssuedSubscription[" + subscription.id() + "]";   // never the secret in a log line
    }
}
