package dev.banyan.server.share.internal;

import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grants;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The parts of subscriptions, wired here so that a test can build them on a clock of its own. */
@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(WebhookSettings settings) {
        return new WebhookSender(settings.timeout());
    }

    @Bean
    ChangeCapture changeCapture(SubscriptionStore store, EventOutbox outbox, StandardZone zone, Catalog catalog,
                                SubscribedGrants grants, DataServices services, TransactionTemplate transactions,
                                EvidenceLog evidence, Clock clock, WebhookSettings settings) {
        return new ChangeCapture(store, outbox, zone, catalog, grants, services, transactions, evidence, clock,
                settings.sweepLookback());
    }

    @Bean
    DeliveryWorker deliveryWorker(EventOutbox outbox, SubscriptionStore store, SubscribedGrants grants,
                                  WebhookSender sender, WebhookSettings settings, TransactionTemplate transactions, EvidenceLog evidence,
                                  Clock clock) {
        return new DeliveryWorker(outbox, store, grants, sender, settings, transactions, evidence, clock, new SecureRandom());
    }

    @Bean
    SubscriptionService subscriptions(SubscriptionStore store, EventOutbox outbox, ChangeCapture capture,
                                      DeliveryWorker worker, Grants grants, DataServices services, StandardZone zone,
                                      WebhookSettings settings, TransactionTemplate transactions, EvidenceLog evidence,
                                      Clock clock) {
        return new SubscriptionService(store, outbox, capture, worker, grants, services, zone, settings, transactions,
                evidence, clock);
    }
}
