package dev.banyan.server.share;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscriptions to changes (数据推送): made by a consumer for one of its live grants, with a webhook URL and a signing
 * secret shown once; the events of each are kept in an outbox, delivered at least once and in order per entity,
 * retried with backoff, and can be replayed. The consumer department's staff (and its machine client for its own
 * grants) manage them; the owning department, the platform administrator and auditors see them.
 */
public interface Subscriptions {

    /**
     * Subscribes to the changes of the resource behind a grant, from now on.
     *
     * @throws dev.banyan.server.platform.InvalidInputException naming every problem (grant not the actor's or not live,
     *                                                          bad URL, unknown condition field); nothing is made then
     */
    IssuedSubscription subscribe(NewSubscription subscription, SubscriptionActor actor);

    Optional<Subscription> find(long id);

    /** A subscription the actor may see. @throws dev.banyan.server.platform.NotFoundException otherwise */
    Subscription get(long id, SubscriptionActor actor);

    /** The subscriptions the actor may see, newest first: its department's and those on its department's services. */
    List<Subscription> visibleTo(SubscriptionActor actor);

    /** Whether the actor may change the subscription (pause, resume, rotate, delete, replay). */
    boolean manageable(Subscription subscription, SubscriptionActor actor);

    Subscription pause(long id, SubscriptionActor actor);

    /** Resumes a subscription paused by its consumer or by a 410 from its receiver. */
    Subscription resume(long id, SubscriptionActor actor);

    /** A new signing secret, shown once; the previous one still signs for a day so receivers can switch without loss. */
    IssuedSubscription rotateSecret(long id, SubscriptionActor actor);

    /** Deletes a subscription and its outbox; nothing more is sent. */
    void delete(long id, SubscriptionActor actor);

    /** Events of a subscription, newest first; only those with the status if given. */
    List<SubscriptionEvent> events(long id, SubscriptionEvent.Status status, int offset, int limit, SubscriptionActor actor);

    /** How many events of the subscription are in each status. */
    Map<SubscriptionEvent.Status, Long> counts(long id, SubscriptionActor actor);

    /** Sends one event again (whatever its status), as soon as the earlier events of its entity are through. */
    int replay(long id, long eventId, SubscriptionActor actor);

    /** Sends every failed event again. @return how many */
    int replayFailed(long id, SubscriptionActor actor);

    /** Sends again the events produced in {@code [from, to)}. @return how many */
    int redeliver(long id, Instant from, Instant to, SubscriptionActor actor);

    /** Gives up a failed event, so that the later events of its entity go out. */
    int skip(long id, long eventId, SubscriptionActor actor);

    /**
     * Produces the events of new batches and delivers those due, now rather than at the next scheduled round — e.g.
     * right after the demo lands a batch. @return the events delivered
     */
    int poll();
}
