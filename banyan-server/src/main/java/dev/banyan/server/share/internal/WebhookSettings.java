package dev.banyan.server.share.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of subscription deliveries, bound from {@code banyan.share.webhooks.*} (e.g.
 * {@code BANYAN_SHARE_WEBHOOKS_MAX_ATTEMPTS}).
 *
 * @param allowHttp          whether {@code http://} URLs other than loopback are accepted (a closed government network)
 * @param timeout            how long one attempt may take, connecting included; longer counts as a failed attempt
 * @param maxAttempts        attempts before an event is FAILED (and holds back its entity's later events)
 * @param backoff            the wait after the 1st, 2nd, … failed attempt; the last one repeats
 * @param jitter             each wait is stretched or shrunk at random by up to this fraction, so that retries spread
 * @param concurrency        events sent at once by one node
 * @param batchSize          events claimed per round
 * @param pollInterval       how often a node looks for events due
 * @param productionInterval how often a node looks for new STANDARD batches of subscribed resources
 * @param previousSecretTtl  how long a rotated-out secret still signs (beside the new one)
 * @param sweepInterval      how often production also looks for rows corrected out of quarantine (or of late batches)
 * @param sweepLookback      how far before the last sweep a sweep reads again (longer than any governing transaction)
 */
@ConfigurationProperties("banyan.share.webhooks")
record WebhookSettings(@DefaultValue("false") boolean allowHttp, @DefaultValue("10s") Duration timeout,
                       @DefaultValue("8") int maxAttempts,
                       @DefaultValue({"10s", "30s", "2m", "10m", "30m", "2h", "6h"}) List<Duration> backoff,
                       @DefaultValue("0.2") double jitter, @DefaultValue("16") int concurrency,
                       @DefaultValue("200") int batchSize, @DefaultValue("1s") Duration pollInterval,
                       @DefaultValue("10s") Duration productionInterval, @DefaultValue("24h") Duration previousSecretTtl,
                       @DefaultValue("5m") Duration sweepInterval, @DefaultValue("1h") Duration sweepLookback) {

    WebhookSettings {
        backoff = backoff == null || backoff.isEmpty() ? List.of(Duration.ofSeconds(10)) : List.copyOf(backoff);
        maxAttempts = Math.max(1, maxAttempts);
        concurrency = Math.max(1, concurrency);
        batchSize = Math.max(1, batchSize);
        jitter = Math.min(0.9, Math.max(0, jitter));
    }

    /**
     * The wait before the next attempt after {@code failures} failed ones (1 for the first failure).
     *
     * @param random a number in [0, 1) that decides the jitter
     */
    Duration retryDelay(int failures, double random) {
        Duration base = backoff.get(Math.min(Math.max(1, failures), backoff.size()) - 1);
        double factor = 1 + jitter * (2 * random - 1);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
