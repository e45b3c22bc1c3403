package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.share.IssuedSubscription;
import dev.banyan.server.share.NewSubscription;
import dev.banyan.server.share.SubscriptionActor;
import dev.banyan.server.share.SubscriptionEvent;
import dev.banyan.server.share.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Delivery throughput (推送吞吐), not a timed test: run it on purpose with
 * {@code ./mvnw -o -pl banyan-server -am verify -Dtest=SubscriptionThroughputBenchmark -Dbanyan.bench=webhooks
 * -Dsurefire.failIfNoSpecifiedTests=false} (optionally {@code -Dbanyan.bench.events=20000}). One batch of N rows
 * (N entities) is governed, turned into N events, and delivered to a loopback {@link WebhookReceiver} that checks every
 * signature. Baseline, in the same run: the same N signed POSTs from the same sender at the same concurrency with no
 * outbox (no claim, no attempt recorded) — what the network and the receiver alone allow.
 */
@BanyanServerTest
@EnabledIfSystemProperty(named = "banyan.bench", matches = "webhooks")
class SubscriptionThroughputBenchmark {

    @TempDir
    Path dir;
    @Autowired
    SubscriptionTestKit kit;

    @Test
    void deliveryThroughputToALoopbackReceiver() throws Exception {
        int n = Integer.getInteger("banyan.bench.events", 10_000);
        WebhookSettings settings = new WebhookSettings(false, Duration.ofSeconds(10), 8, List.of(Duration.ofSeconds(10)),
                0.2, 16, 200, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(24), Duration.ofMinutes(5),
                Duration.ofHours(1));
        Clock clock = Clock.systemUTC();
        SubscriptionTestCity city = kit.city(dir);
        try (WebhookSender sender = new WebhookSender(settings.timeout());
             WebhookReceiver receiver = WebhookReceiver.start(n, clock, Duration.ofMinutes(5))) {
            ChangeCapture capture = kit.capture(kit.outbox, clock);
            DeliveryWorker worker = kit.worker(sender, settings, clock, new SecureRandom());
            SubscriptionService subscriptions = kit.subscriptions(capture, worker, settings, clock);
            IssuedSubscription issued = subscriptions.subscribe(new NewSubscription(city.grantId, receiver.url("/bench"),
                    List.of(), null), SubscriptionActor.of(city.liaison));
            receiver.trust(issued.secret());
            String[] lines = new String[n];
            for (int i = 0; i < n; i++) {
                lines[i] = String.format(Locale.ROOT, "B-%07d,35010219400101%04d,某某,2026-07-01,疾病", i, i % 10_000);
            }
            city.land("bench", lines);

            long t0 = System.nanoTime();
            int produced = capture.produceAll(false);
            long t1 = System.nanoTime();
            int delivered = worker.deliverDue();
            long t2 = System.nanoTime();
            assertThat(produced).isEqualTo(n);
            assertThat(delivered).isEqualTo(n);
            assertThat(receiver.accepted()).isEqualTo(n);
            assertThat(receiver.rejected()).isZero();
            assertThat(subscriptions.counts(issued.subscription().id(), SubscriptionActor.of(city.liaison)))
                    .containsEntry(SubscriptionEvent.Status.DELIVERED, (long) n);

            // baseline: the same bodies, signed and POSTed at the same concurrency, with no outbox
            List<byte[]> bodies = new ArrayList<>();
            for (SubscriptionEvent e : kit.outbox.events(issued.subscription().id(), null, 0, Integer.MAX_VALUE)) {
                bodies.add(e.payload().getBytes(StandardCharsets.UTF_8));
            }
            List<String> secrets = List.of(issued.secret());
            Semaphore slots = new Semaphore(settings.concurrency());
            long b0 = System.nanoTime();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<WebhookSender.Outcome>> sent = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    byte[] body = bodies.get(i % bodies.size());
                    String id = "evt_bench_" + i;
                    sent.add(threads.submit(() -> {
                        slots.acquire();
                        try {
                            return sender.send(receiver.url("/bench"), id, clock.instant().getEpochSecond(), body, secrets);
                        } finally {
                            slots.release();
                        }
                    }));
                }
                for (Future<WebhookSender.Outcome> f : sent) {
                    assertThat(f.get().delivered()).isTrue();
                }
            }
            long b1 = System.nanoTime();
            double production = n / ((t1 - t0) / 1e9);
            double delivery = n / ((t2 - t1) / 1e9);
            double baseline = n / ((b1 - b0) / 1e9);
            System.out.printf(Locale.ROOT, "%nSubscriptions benchmark, %,d events, %d cores, concurrency %d, claim batch %d%n",
                    n, Runtime.getRuntime().availableProcessors(), settings.concurrency(), settings.batchSize());
            System.out.printf(Locale.ROOT, "  production (STANDARD rows -> outbox): %,.0f events/s (%.2f s)%n", production, (t1 - t0) / 1e9);
            System.out.printf(Locale.ROOT, "  delivery through the outbox:         %,.0f events/s (%.2f s)%n", delivery, (t2 - t1) / 1e9);
            System.out.printf(Locale.ROOT, "  baseline, bare signed POSTs:          %,.0f events/s (%.2f s)%n", baseline, (b1 - b0) / 1e9);
            System.out.printf(Locale.ROOT, "  ratio delivery / baseline:            %.2f%n%n", delivery / baseline);
        }
    }
}
