package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.QuarantinedRow;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.IssuedSubscription;
import dev.banyan.server.share.NewSubscription;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.Subscription;
import dev.banyan.server.share.SubscriptionActor;
import dev.banyan.server.share.SubscriptionEvent;
import dev.banyan.server.share.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions end to end on the real database and real HTTP: events produced from newly governed batches, shaped
 * for the grant and signed; delivered in order per entity with retries on a clock the test moves; produced once
 * across a crash and a repeated production; held back when the grant is revoked; failed, then replayed.
 */
@BanyanServerTest
class SubscriptionDeliveryTest {

    @TempDir
    Path dir;

    @Autowired
    SubscriptionTestKit kit;
    @Autowired
    Ingestion ingestion;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;

    private MovableClock clock;
    private final WebhookSettings settings = new WebhookSettings(false, Duration.ofSeconds(2), 3,
            List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2)), 0.2, 8, 200,
            Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(24), Duration.ofMinutes(5), Duration.ofHours(1));
    private SubscriptionStore store;
    private EventOutbox outbox;
    private WebhookSender sender;
    private ChangeCapture capture;
    private DeliveryWorker worker;
    private SubscriptionService subscriptions;
    private WebhookReceiver receiver;
    private SubscriptionTestCity city;

    @BeforeEach
    void setUp() throws Exception {
        city = kit.city(dir);
        store = kit.store;
        outbox = kit.outbox;
        clock = new MovableClock(Instant.now());   // after the grant was made, which starts now
        sender = new WebhookSender(settings.timeout());
        capture = kit.capture(outbox, clock);
        worker = kit.worker(sender, settings, clock, new Random(7));
        subscriptions = kit.subscriptions(capture, worker, settings, clock);
        receiver = WebhookReceiver.start(100, clock, Duration.ofMinutes(5));
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        sender.close();
    }

    private IssuedSubscription subscribe(List<RowCondition> conditions) {
        IssuedSubscription issued = subscriptions.subscribe(new NewSubscription(city.grantId, receiver.url("/hooks/deaths"),
                conditions, "停发养老金"), SubscriptionActor.of(city.liaison));
        receiver.trust(issued.secret());
        return issued;
    }

    private List<JsonNode> received() {
        return receiver.events().stream().map(e -> SubscriptionStore.JSON.readTree(e.body())).toList();
    }

    private SubscriptionEvent only(long subscription, String key) {
        List<SubscriptionEvent> events = outbox.events(subscription, null, 0, 100).stream()
                .filter(e -> e.entityKey().equals(key)).toList();
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    @Test
    void eventsOfBatchesAfterTheSubscriptionAreShapedForTheGrantFilteredAndSigned() throws Exception {
        city.land("before", "D-1,350102194001010011,张一,2026-01-02,疾病");
        IssuedSubscription issued = subscribe(List.of(new RowCondition("死亡原因", ConditionOperator.IN, List.of("疾病", "意外"))));
        assertThat(issued.secret()).startsWith("whsec_");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        long batch = city.land("after", "D-1,350102194001010011,张一,2026-01-03,意外",
                "D-2,350102195002020022,李二,2026-01-05,疾病", "D-3,350102196003030033,王三,2026-01-06,其他").id();

        assertThat(subscriptions.poll()).isEqualTo(2);

        List<JsonNode> events = received();
        assertThat(events).extracting(e -> e.get("key").asString()).containsExactlyInAnyOrder("D-1", "D-2");
        JsonNode d2 = events.stream().filter(e -> e.get("key").asString().equals("D-2")).findFirst().orElseThrow();
        assertThat(d2.get("type").asString()).isEqualTo("row.changed");
        assertThat(d2.get("subscription").asLong()).isEqualTo(issued.subscription().id());
        assertThat(d2.get("resource").asString()).isEqualTo(city.resource.code());
        assertThat(d2.get("batch").asLong()).isEqualTo(batch);
        assertThat(d2.get("id").asString()).startsWith("evt_");
        JsonNode data = d2.get("data");
        assertThat(data.get("身份证号").asString()).isEqualTo("350102195002020022");   // granted in clear
        assertThat(data.get("死亡原因").asString()).isEqualTo("疾病");
        assertThat(data.get("姓名").asString()).isNotEqualTo("李二").isNotBlank();      // personal, not granted: masked
        assertThat(receiver.events()).allSatisfy(e -> assertThat(SubscriptionStore.JSON.readTree(e.body()).get("id").asString())
                .isEqualTo(e.id()));
        assertThat(receiver.rejected()).isZero();

        // nothing new: nothing more produced or sent
        assertThat(subscriptions.poll()).isZero();
        assertThat(subscriptions.counts(issued.subscription().id(), SubscriptionActor.of(city.liaison)))
                .containsEntry(SubscriptionEvent.Status.DELIVERED, 2L).containsEntry(SubscriptionEvent.Status.PENDING, 0L);
        assertThat(jdbc.sql("select count(*) from share.delivery_attempt a join share.delivery d on d.id = a.delivery_id"
                + " where d.subscription_id = ? and a.http_status = 204").param(issued.subscription().id())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aSubscriptionIsRefusedWithEveryProblemNamedAndNothingMade() {
        long before = store.all().size();
        assertThatThrownBy(() -> subscriptions.subscribe(new NewSubscription(city.grantId, "http://example.org/hook",
                List.of(new RowCondition("姓名", ConditionOperator.EQ, List.of("张三"))), null), SubscriptionActor.of(city.liaison)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + " " + p.messageCode())
                        .containsExactly("url share.subscription.error.urlNotHttps",
                                "conditions[0].field share.subscription.error.conditionField"));
        // the owner's staff see the grant's service but cannot subscribe with the consumer's grant
        assertThatThrownBy(() -> subscriptions.subscribe(new NewSubscription(city.grantId, "https://pension.example/hook",
                List.of(), null), SubscriptionActor.of(city.ownerStaff)))
                .hasFieldOrPropertyWithValue("messageCode", "share.subscription.error.grantNotYours");
        assertThat(store.all()).hasSize((int) before);
    }

    @Test
    void eventsOfOneEntityGoOutInOrderWhileOthersProceedAndRetriesBackOff() throws Exception {
        long id = subscribe(List.of()).subscription().id();
        java.util.concurrent.atomic.AtomicBoolean failedOnce = new java.util.concurrent.atomic.AtomicBoolean();
        receiver.respondWith(e -> {
            String key = SubscriptionStore.JSON.readTree(e.body()).get("key").asString();
            // the first attempt of K-1's first event fails
            return key.equals("K-1") && failedOnce.compareAndSet(false, true) ? 503 : 204;
        });
        city.land("first", "K-1,350102194001010011,甲,2026-02-01,疾病", "K-2,350102194001010012,乙,2026-02-01,疾病");
        capture.produceAll(false);
        Instant firstRound = clock.instant();
        worker.deliverDue();
        assertThat(received()).extracting(e -> e.get("key").asString()).containsExactly("K-2");
        SubscriptionEvent k1 = only(id, "K-1");
        assertThat(k1.status()).isEqualTo(SubscriptionEvent.Status.PENDING);
        assertThat(k1.attempts()).isEqualTo(1);
        assertThat(k1.lastStatus()).isEqualTo(503);
        assertThat(k1.lastError()).startsWith("HTTP 503");
        // 10 s ± 20 % jitter
        assertThat(Duration.between(firstRound, k1.nextAttemptAt())).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));

        city.land("second", "K-1,350102194001010011,甲,2026-02-01,意外", "K-2,350102194001010012,乙,2026-02-01,意外");
        capture.produceAll(false);
        worker.deliverDue();
        // K-2's second event went out; K-1's second waits behind its first, which is not due yet
        assertThat(received()).extracting(e -> e.get("key").asString() + "/" + e.get("data").get("死亡原因").asString())
                .containsExactly("K-2/疾病", "K-2/意外");

        clock.advance(Duration.ofSeconds(13));
        worker.deliverDue();
        assertThat(received()).extracting(e -> e.get("key").asString() + "/" + e.get("data").get("死亡原因").asString())
                .containsExactly("K-2/疾病", "K-2/意外", "K-1/疾病", "K-1/意外");
        assertThat(subscriptions.counts(id, SubscriptionActor.of(city.liaison))).containsEntry(SubscriptionEvent.Status.DELIVERED, 4L);
        assertThat(jdbc.sql("select count(*) from share.delivery_attempt a join share.delivery d on d.id = a.delivery_id"
                + " where d.subscription_id = ?").param(id).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void productionRepeatedOrCutShortByACrashProducesEveryEventOnce() throws Exception {
        long id = subscribe(List.of()).subscription().id();
        long watermark = store.find(id).orElseThrow().watermark();
        String[] lines = new String[2_500];   // more than one chunk of inserts
        for (int i = 0; i < lines.length; i++) {
            lines[i] = String.format("C-%05d,3501021940010%05d,某,2026-03-01,疾病", i, i);
        }
        city.land("many", lines);

        // a production that dies after inserting its first chunk: nothing of it stays
        EventOutbox dying = new EventOutbox(jdbc, template) {
            @Override
            void insert(long subscriptionId, List<NewEvent> events, Instant now) {
                super.insert(subscriptionId, events, now);
                throw new IllegalStateException("the node died");
            }
        };
        ChangeCapture crashing = kit.capture(dying, clock);
        assertThatThrownBy(() -> crashing.produce(id, -1, true)).hasMessageContaining("the node died");
        assertThat(subscriptions.counts(id, SubscriptionActor.of(city.liaison)).values().stream().mapToLong(Long::longValue).sum())
                .isZero();
        assertThat(store.find(id).orElseThrow().watermark()).isEqualTo(watermark);

        assertThat(capture.produce(id, -1, true)).isEqualTo(2_500);
        // produce again from the old watermark, as a node that lost the advance would: nothing twice
        jdbc.sql("update share.subscription set watermark = ? where id = ?").params(watermark, id).update();
        assertThat(capture.produce(id, -1, true)).isZero();
        assertThat(jdbc.sql("select count(*), count(distinct (source_batch, source_row)), count(distinct seq)"
                + " from share.delivery where subscription_id = ?").param(id)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(2_500L, 2_500L, 2_500L);
    }

    @Test
    void aRevokedGrantPausesTheSubscriptionAndNothingIsSent() throws Exception {
        long id = subscribe(List.of()).subscription().id();
        city.land("one", "R-1,350102194001010011,甲,2026-04-01,疾病");
        capture.produceAll(false);
        city.revokeGrant();
        worker.deliverDue();
        assertThat(receiver.events()).isEmpty();
        Subscription paused = store.find(id).orElseThrow();
        assertThat(paused.status()).isEqualTo(Subscription.Status.PAUSED);
        assertThat(paused.pauseReason()).isEqualTo(Subscription.PauseReason.GRANT_NOT_LIVE);

        city.land("two", "R-2,350102194001010012,乙,2026-04-02,疾病");
        capture.produceAll(false);
        worker.deliverDue();
        assertThat(receiver.events()).isEmpty();
        assertThat(subscriptions.counts(id, SubscriptionActor.of(city.liaison)))
                .containsEntry(SubscriptionEvent.Status.PENDING, 1L).containsEntry(SubscriptionEvent.Status.DELIVERED, 0L);
        // a consumer cannot resume what its grant stopped
        assertThatThrownBy(() -> subscriptions.resume(id, SubscriptionActor.of(city.liaison)))
                .hasFieldOrPropertyWithValue("messageCode", "share.subscription.error.cannotResume");
    }

    @Test
    void aRevokedClientGetsNothingPushedEither() throws Exception {
        long id = subscribe(List.of()).subscription().id();
        city.land("one", "V-1,350102194001010011,甲,2026-04-01,疾病");
        capture.produceAll(false);
        city.revokeClient();
        worker.deliverDue();
        assertThat(receiver.events()).isEmpty();
        assertThat(store.find(id).orElseThrow().pauseReason()).isEqualTo(Subscription.PauseReason.GRANT_NOT_LIVE);
    }

    @Test
    void aFailedEventHoldsBackItsEntityUntilReplayed() throws Exception {
        long id = subscribe(List.of()).subscription().id();
        Set<String> down = ConcurrentHashMap.newKeySet();
        down.add("F-1");
        receiver.respondWith(e -> down.contains(SubscriptionStore.JSON.readTree(e.body()).get("key").asString()) ? 500 : 200);
        city.land("one", "F-1,350102194001010011,甲,2026-05-01,疾病");
        capture.produceAll(false);
        for (int i = 0; i < 3; i++) {
            worker.deliverDue();
            clock.advance(Duration.ofMinutes(3));
        }
        SubscriptionEvent failed = only(id, "F-1");
        assertThat(failed.status()).isEqualTo(SubscriptionEvent.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);

        city.land("two", "F-1,350102194001010011,甲,2026-05-01,意外");
        capture.produceAll(false);
        worker.deliverDue();
        assertThat(receiver.events()).isEmpty();   // the later event waits behind the failed one

        down.clear();
        assertThat(subscriptions.replayFailed(id, SubscriptionActor.of(city.liaison))).isEqualTo(1);
        worker.deliverDue();
        assertThat(received()).extracting(e -> e.get("data").get("死亡原因").asString()).containsExactly("疾病", "意外");
        // every attempt stays on record, the three failed ones and the one after the replay
        assertThat(jdbc.sql("select string_agg(coalesce(http_status, 0)::text, ',' order by id) from share.delivery_attempt"
                + " where delivery_id = ?").param(failed.id()).query(String.class).single()).isEqualTo("500,500,500,200");
        assertThat(subscriptions.counts(id, SubscriptionActor.of(city.liaison)))
                .containsEntry(SubscriptionEvent.Status.DELIVERED, 2L).containsEntry(SubscriptionEvent.Status.FAILED, 0L);

        // re-send one delivered event, and a time range
        long first = outbox.events(id, null, 0, 10).getLast().id();
        assertThat(subscriptions.replay(id, first, SubscriptionActor.of(city.liaison))).isEqualTo(1);
        worker.deliverDue();
        assertThat(receiver.events()).hasSize(3);
        assertThat(subscriptions.redeliver(id, clock.instant().minus(Duration.ofDays(1)), clock.instant().plusSeconds(1),
                SubscriptionActor.of(city.liaison))).isEqualTo(2);
        worker.deliverDue();
        assertThat(receiver.events()).hasSize(5);
    }

    @Test
    void aRowCorrectedOutOfQuarantineIsPushedByTheSweep() throws Exception {
        long id = subscribe(List.of()).subscription().id();
        // no certificate number: the row goes to quarantine, not to the STANDARD zone
        city.land("broken", ",350102194001010011,甲,2026-08-01,疾病", "Q-2,350102194001010012,乙,2026-08-01,疾病");
        assertThat(capture.produceAll(false)).isEqualTo(1);
        var quarantined = ingestion.quarantine(city.resource.code(), QuarantinedRow.Status.OPEN, 0, 10);
        assertThat(quarantined).hasSize(1);
        assertThat(ingestion.correct(quarantined.getFirst().id(), Map.of("证明编号", "Q-1"), "tester").accepted()).isTrue();

        // the corrected row keeps its batch, which the watermark has passed: only the sweep finds it, once
        assertThat(capture.produceAll(false)).isZero();
        assertThat(capture.produceAll(true)).isEqualTo(1);
        assertThat(capture.produceAll(true)).isZero();
        worker.deliverDue();
        assertThat(received()).extracting(e -> e.get("key").asString()).containsExactlyInAnyOrder("Q-1", "Q-2");
    }

    @Test
    void a410FromTheReceiverPausesTheSubscriptionUntilResumed() throws Exception {
        long id = subscribe(List.of()).subscription().id();
        receiver.respondWith(e -> 410);
        city.land("one", "G-1,350102194001010011,甲,2026-06-01,疾病");
        capture.produceAll(false);
        worker.deliverDue();
        assertThat(store.find(id).orElseThrow().pauseReason()).isEqualTo(Subscription.PauseReason.GONE);
        assertThat(only(id, "G-1").status()).isEqualTo(SubscriptionEvent.Status.PENDING);
        receiver.respondWith(e -> 204);
        subscriptions.resume(id, SubscriptionActor.of(city.liaison));
        worker.deliverDue();
        assertThat(only(id, "G-1").status()).isEqualTo(SubscriptionEvent.Status.DELIVERED);
    }
}
