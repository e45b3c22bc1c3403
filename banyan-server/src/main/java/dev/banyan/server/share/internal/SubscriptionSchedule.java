package dev.banyan.server.share.internal;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs subscriptions on a schedule (推送调度): every {@code banyan.share.webhooks.poll-interval} (1 s) it delivers the
 * events due, and every {@code production-interval} (10 s) it first turns new STANDARD batches into events. Every node
 * may run it; every {@code sweep-interval} (5 min) production also sweeps for rows corrected out of quarantine. Production locks each subscription ({@code skip locked}) and delivery claims events with a lease. Off with
 * {@code banyan.share.webhooks.scheduler.enabled=false} (the tests run rounds themselves).
 */
@Component
@ConditionalOnProperty(name = "banyan.share.webhooks.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SubscriptionSchedule {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSchedule.class);

    private final SubscriptionService subscriptions;
    private final WebhookSettings settings;
    private final Clock clock;
    private Instant nextProduction = Instant.MIN;
    private Instant nextSweep = Instant.MIN;

    SubscriptionSchedule(SubscriptionService subscriptions, WebhookSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${banyan.share.webhooks.poll-interval:PT1S}", initialDelayString = "PT20S")
    void run() {
        try {
            Instant now = clock.instant();
            if (!now.isBefore(nextProduction)) {
                nextProduction = now.plus(settings.productionInterval());
                boolean sweep = !now.isBefore(nextSweep);
                if (sweep) {
                    nextSweep = now.plus(settings.sweepInterval());
                }
                int produced = subscriptions.produce(sweep);
                if (produced > 0) {
                    log.info("Subscriptions: {} events produced from new batches", produced);
                }
            }
            subscriptions.deliver();
        } catch (Exception e) {
            log.warn("A subscription round failed; the next one tries again", e);
        }
    }
}
