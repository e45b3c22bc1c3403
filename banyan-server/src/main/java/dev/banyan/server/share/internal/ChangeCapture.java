package dev.banyan.server.share.internal;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.ingest.StandardRecord;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns new STANDARD rows into subscription events (变更捕获): for one subscription, the rows of its resource written
 * by batches after its watermark that pass the service's conditions, the grant's row scope and the subscription's
 * conditions, each shaped for the grant ({@link RecordProjection}) into an event of the outbox. The events and the
 * advanced watermark commit together, and an event is unique per source row, so producing again after a crash adds
 * nothing twice. A subscription whose grant is no longer live, or whose service was retired, is paused instead and
 * nothing of its rows is read; it resumes by itself when the grant is renewed or the service published again.
 *
 * <p>The STANDARD zone keeps the current version of each entity, so an entity changed by two batches between two
 * productions yields one event with its latest state.
 *
 * <p>Batch ids alone miss two kinds of change: a row corrected out of quarantine is written with the (old) batch it
 * was landed with, and a batch that commits after a newer one of the same resource has the lower id. A <em>sweep</em>
 * therefore also reads, every few minutes, the keys of rows at or below the watermark written since the last sweep
 * (less a lookback that covers long governing transactions) — read-only SQL on the table's layout (ADR 0010) — and
 * produces those not produced yet; the uniqueness of an event per source row keeps the overlap from producing twice.
 */
class ChangeCapture {

    static final String EVENT_TYPE = "row.changed";
    private static final int CHUNK = 1_000;

    private final SubscriptionStore subscriptions;
    private final EventOutbox outbox;
    private final StandardZone zone;
    private final Catalog catalog;
    private final SubscribedGrants grants;
    private final DataServices services;
    private final TransactionTemplate transactions;
    private final EvidenceLog evidence;
    private final Clock clock;
    private final Duration lookback;

    /** @param lookback how far before the last sweep a sweep reads again, to catch rows of long governing transactions */
    ChangeCapture(SubscriptionStore subscriptions, EventOutbox outbox, StandardZone zone, Catalog catalog,
                  SubscribedGrants grants, DataServices services, TransactionTemplate transactions, EvidenceLog evidence, Clock clock,
                  Duration lookback) {
        this.lookback = lookback;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.zone = zone;
        this.catalog = catalog;
        this.grants = grants;
        this.services = services;
        this.transactions = transactions;
        this.evidence = evidence;
        this.clock = clock;
    }

    /**
     * Produces the events of every subscription that may have some.
     *
     * @param sweep whether to sweep for corrected and late rows too
     * @return events produced
     */
    int produceAll(boolean sweep) {
        Map<String, Long> latest = new LinkedHashMap<>();
        int produced = 0;
        for (Subscription s : subscriptions.producing()) {
            long newest = latest.computeIfAbsent(s.resourceCode(), zone::latestBatch);
            produced += produce(s.id(), newest, sweep);
        }
        return produced;
    }

    /**
     * Produces the events of one subscription, in one transaction.
     *
     * @param newest the resource's newest batch, if known (no batch is read when the watermark has reached it); -1 to read
     * @param sweep  whether to sweep for corrected and late rows too
     * @return events produced; 0 too when another node is producing them
     */
    int produce(long subscriptionId, long newest, boolean sweep) {
        Integer n = transactions.execute(status -> {
            Optional<Subscription> locked = subscriptions.lock(subscriptionId);
            if (locked.isEmpty()) {
                return 0;
            }
            Subscription s = locked.get();
            Instant now = clock.instant();
            Optional<Grant> grant = grants.live(s.grantId(), now);
            Optional<DataService> service = services.current(s.serviceCode())
                    .filter(v -> v.status() == DataService.Status.PUBLISHED);
            Subscription.PauseReason blocked = grant.isEmpty() ? Subscription.PauseReason.GRANT_NOT_LIVE
                    : service.isEmpty() ? Subscription.PauseReason.SERVICE_RETIRED : null;
            if (blocked != null) {
                if (s.active() || s.pauseReason() != blocked) {
                    pauseOrResume(s, Subscription.Status.PAUSED, blocked, now);
                }
                return 0;
            }
            if (!s.active()) {
                if (s.pauseReason() != Subscription.PauseReason.GRANT_NOT_LIVE
                        && s.pauseReason() != Subscription.PauseReason.SERVICE_RETIRED) {
                    return 0;
                }
                pauseOrResume(s, Subscription.Status.ACTIVE, null, now);
            }
            boolean batches = newest < 0 || newest > s.watermark();
            return batches || sweep ? capture(s, grant.get(), service.get(), now, batches, sweep) : 0;
        });
        return n == null ? 0 : n;
    }

    private void pauseOrResume(Subscription s, Subscription.Status status, Subscription.PauseReason reason, Instant now) {
        if (subscriptions.setStatus(s.id(), status, reason, now)) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("grant", s.grantId());
            payload.put("service", s.serviceCode());
            payload.put("reason", reason == null ? "GRANT_AND_SERVICE_LIVE" : reason.name());
            evidence.record(Evidence.of(status == Subscription.Status.ACTIVE ? "share.subscription.resumed"
                    : "share.subscription.paused", "system:subscriptions", "subscription:" + s.id(), payload));
        }
    }

    private int capture(Subscription s, Grant grant, DataService service, Instant now, boolean batches, boolean sweep) {
        ServiceDefinition definition = service.definition();
        Resource resource = catalog.findByCode(s.resourceCode()).orElse(null);
        List<String> output = definition.output();
        Set<String> clear = new HashSet<>(grant.fields());
        clear.retainAll(output);
        RecordProjection projection = new RecordProjection(resource, output, clear);
        List<RowCondition> conditions = new ArrayList<>(definition.conditions());
        conditions.addAll(grant.rowScope());
        conditions.addAll(s.conditions());
        RowFilter filter = new RowFilter(conditions);
        long first = subscriptions.lastSeq(s.id());
        long[] seq = {first};
        long[] watermark = {s.watermark()};
        List<EventOutbox.NewEvent> chunk = new ArrayList<>();
        Consumer<StandardRecord> sink = row -> {
            if (!filter.matches(row::value)) {
                return;
            }
            seq[0]++;
            chunk.add(new EventOutbox.NewEvent(row.key(), seq[0], row.batch(), row.row(),
                    payload(s, row, seq[0], projection.project(row::value))));
            if (chunk.size() >= CHUNK) {
                outbox.insert(s.id(), chunk, now);
                chunk.clear();
            }
        };
        if (batches) {
            zone.forEach(s.resourceCode(), s.watermark(), row -> {
                watermark[0] = Math.max(watermark[0], row.batch());
                sink.accept(row);
            });
        }
        if (sweep) {
            zone.find(s.resourceCode(), subscriptions.sweep(s.id(), zone.layout(s.resourceCode()).orElse(null),
                    s.watermark(), lookback)).forEach(sink);
        }
        outbox.insert(s.id(), chunk, now);
        subscriptions.advance(s.id(), watermark[0], seq[0]);
        return outbox.countAfter(s.id(), first);
    }

    /** The event as the receiver gets it, but for its {@code id}, added when it is sent. */
    private static String payload(Subscription s, StandardRecord row, long seq, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", EVENT_TYPE);
        body.put("timestamp", row.updatedAt().toString());
        body.put("subscription", s.id());
        body.put("service", s.serviceCode());
        body.put("resource", s.resourceCode());
        body.put("key", row.key());
        body.put("seq", seq);
        body.put("batch", row.batch());
        body.put("data", data);
        return SubscriptionStore.JSON.writeValueAsString(body);
    }
}
