package dev.banyan.server.share.internal;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.share.Subscription;
import dev.banyan.server.share.SubscriptionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers due events (推送投递): claims a batch of them (the first undelivered event of each entity only), posts them
 * in parallel on virtual threads, at most {@code concurrency} at once, and records each attempt — 2xx delivered;
 * 410 Gone pauses the subscription (the event stays pending); anything else, a timeout or a refused connection is
 * retried after the backoff, and FAILED after the last attempt. Events of a subscription whose grant ended meanwhile
 * are not sent. Each round that did anything is one evidence entry with its counts, not one per event.
 */
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** What a round did. */
    record Round(int claimed, int delivered, int retrying, int failed, int held) {
    }

    private final EventOutbox outbox;
    private final SubscriptionStore subscriptions;
    private final SubscribedGrants grants;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final EvidenceLog evidence;
    private final Clock clock;
    private final RandomGenerator random;
    private final TransactionTemplate transactions;

    DeliveryWorker(EventOutbox outbox, SubscriptionStore subscriptions, SubscribedGrants grants, WebhookSender sender,
                   WebhookSettings settings, TransactionTemplate transactions, EvidenceLog evidence, Clock clock,
                   RandomGenerator random) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.grants = grants;
        this.sender = sender;
        this.settings = settings;
        this.evidence = evidence;
        this.clock = clock;
        this.random = random;
    }

    /** Rounds until nothing more is due now. @return events delivered */
    int deliverDue() {
        int delivered = 0;
        for (int i = 0; i < 10_000; i++) {
            Round round = round();
            delivered += round.delivered();
            if (round.claimed() == 0 || round.delivered() + round.retrying() + round.failed() == 0) {
                break;
            }
        }
        return delivered;
    }

    /** One round: claim, send, record. */
    Round round() {
        Instant now = clock.instant();
        // the lease outlasts an attempt of every claimed event, even if they queue behind the concurrency limit
        long waves = (settings.batchSize() + settings.concurrency() - 1) / settings.concurrency();
        Instant lease = now.plus(settings.timeout().multipliedBy(waves + 1));
        List<EventOutbox.Claimed> claimed = outbox.claim(now, lease, settings.batchSize());
        if (claimed.isEmpty()) {
            return new Round(0, 0, 0, 0, 0);
        }
        Map<Long, Optional<Subscription>> subscriptionOf = new HashMap<>();
        Map<Long, List<String>> secretsOf = new HashMap<>();
        Map<Long, Boolean> grantLive = new HashMap<>();
        List<EventOutbox.Claimed> sendable = new ArrayList<>();
        int held = 0;
        for (EventOutbox.Claimed c : claimed) {
            Optional<Subscription> s = subscriptionOf.computeIfAbsent(c.subscriptionId(), subscriptions::find);
            boolean live = s.isPresent() && grantLive.computeIfAbsent(s.get().grantId(),
                    id -> grants.live(id, now).isPresent());
            if (!live) {
                // The grant ended after the event was produced: nothing is sent, and production pauses the subscription.
                outbox.release(c.id(), now);
                s.ifPresent(sub -> pauseForGrant(sub, now));
                held++;
                continue;
            }
            secretsOf.computeIfAbsent(c.subscriptionId(), id -> subscriptions.secrets(id).signingAt(now));
            sendable.add(c);
        }
        Map<EventOutbox.Claimed, WebhookSender.Outcome> outcomes = send(sendable, subscriptionOf, secretsOf, now);
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        Map<Long, int[]> perSubscription = new TreeMap<>();
        List<EventOutbox.Attempt> attempts = new ArrayList<>();
        List<Subscription> gone = new ArrayList<>();
        Instant done = clock.instant();
        for (var e : outcomes.entrySet()) {
            EventOutbox.Claimed c = e.getKey();
            WebhookSender.Outcome o = e.getValue();
            int attempt = c.attempts() + 1;
            int[] counts = perSubscription.computeIfAbsent(c.subscriptionId(), id -> new int[3]);
            SubscriptionEvent.Status status;
            Instant next = done;
            if (o.delivered()) {
                status = SubscriptionEvent.Status.DELIVERED;
                delivered++;
                counts[0]++;
            } else if (o.gone()) {
                // The receiver wants no more: the subscription pauses and the event waits for a resume.
                status = SubscriptionEvent.Status.PENDING;
                gone.add(subscriptionOf.get(c.subscriptionId()).orElseThrow());
                retrying++;
                counts[1]++;
            } else if (attempt >= settings.maxAttempts()) {
                status = SubscriptionEvent.Status.FAILED;
                failed++;
                counts[2]++;
            } else {
                status = SubscriptionEvent.Status.PENDING;
                next = done.plus(settings.retryDelay(attempt, random.nextDouble()));
                retrying++;
                counts[1]++;
            }
            attempts.add(new EventOutbox.Attempt(c.id(), attempt, done, o.status(), o.error(), o.millis(), status, next));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("delivered", delivered);
        payload.put("retrying", retrying);
        payload.put("failed", failed);
        List<Map<String, Object>> subs = new ArrayList<>();
        perSubscription.forEach((id, n) -> subs.add(Map.of("subscription", id, "delivered", n[0], "retrying", n[1],
                "failed", n[2])));
        payload.put("subscriptions", subs);
        transactions.executeWithoutResult(tx -> {
            outbox.attempted(attempts);
            gone.forEach(s -> gone(s, done));
            if (!attempts.isEmpty()) {
                evidence.record(Evidence.of("share.subscription.delivered", "system:webhooks", "share:subscriptions", payload));
            }
        });
        return new Round(claimed.size(), delivered, retrying, failed, held);
    }

    private Map<EventOutbox.Claimed, WebhookSender.Outcome> send(List<EventOutbox.Claimed> events,
                                                                 Map<Long, Optional<Subscription>> subscriptionOf,
                                                                 Map<Long, List<String>> secretsOf, Instant now) {
        Map<EventOutbox.Claimed, WebhookSender.Outcome> outcomes = new LinkedHashMap<>();
        Semaphore slots = new Semaphore(settings.concurrency());
        Map<EventOutbox.Claimed, Future<WebhookSender.Outcome>> futures = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (EventOutbox.Claimed c : events) {
                Subscription s = subscriptionOf.get(c.subscriptionId()).orElseThrow();
                byte[] body = body(c);
                String id = "evt_" + c.id();
                futures.put(c, threads.submit(() -> {
                    slots.acquire();
                    try {
                        return sender.send(s.url(), id, now.getEpochSecond(), body, secretsOf.get(c.subscriptionId()));
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (var f : futures.entrySet()) {
                try {
                    outcomes.put(f.getKey(), f.getValue().get());
                } catch (Exception e) {
                    outcomes.put(f.getKey(), new WebhookSender.Outcome(null, e.toString(), 0));
                }
            }
        }
        return outcomes;
    }

    /** The body sent: the stored payload with the event's id first. */
    static byte[] body(EventOutbox.Claimed c) {
        ObjectNode stored = (ObjectNode) SubscriptionStore.JSON.readTree(c.payload());
        ObjectNode body = SubscriptionStore.JSON.createObjectNode();
        body.put("id", "evt_" + c.id());
        body.setAll(stored);
        return SubscriptionStore.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    private void pauseForGrant(Subscription s, Instant now) {
        if (subscriptions.setStatus(s.id(), Subscription.Status.PAUSED, Subscription.PauseReason.GRANT_NOT_LIVE, now)) {
            evidence.record(Evidence.of("share.subscription.paused", "system:webhooks", "subscription:" + s.id(),
                    Map.of("reason", Subscription.PauseReason.GRANT_NOT_LIVE.name(), "grant", s.grantId())));
        }
    }

    private void gone(Subscription s, Instant now) {
        if (subscriptions.setStatus(s.id(), Subscription.Status.PAUSED, Subscription.PauseReason.GONE, now)) {
            log.info("Subscription {} paused: its receiver answered 410 Gone", s.id());
            evidence.record(Evidence.of("share.subscription.paused", "system:webhooks", "subscription:" + s.id(),
                    Map.of("reason", Subscription.PauseReason.GONE.name(), "url", s.url())));
        }
    }
}
