package dev.banyan.server.share.internal;

import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.share.DataServices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the subscription tests build on: a new {@link SubscriptionTestCity} per test, and the parts of subscriptions
 * wired on a clock, a sender and settings of the test's own (the application's run on the real clock).
 */
@Component
class SubscriptionTestKit {

    final SubscriptionStore store;
    final EventOutbox outbox;
    private final DepartmentDirectory directory;
    private final Catalog catalog;
    private final UserAccounts accounts;
    private final MachineClients clients;
    private final Ingestion ingestion;
    private final DataServices services;
    private final GrantRegistry grants;
    private final StandardZone zone;
    private final TransactionTemplate transactions;
    private final EvidenceLog evidence;
    private final SubscribedGrants subscribed;

    SubscriptionTestKit(SubscriptionStore store, EventOutbox outbox, DepartmentDirectory directory, Catalog catalog,
                        UserAccounts accounts, MachineClients clients, Ingestion ingestion, DataServices services,
                        GrantRegistry grants, StandardZone zone, TransactionTemplate transactions, EvidenceLog evidence,
                        SubscribedGrants subscribed) {
        this.subscribed = subscribed;
        this.store = store;
        this.outbox = outbox;
        this.directory = directory;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clients = clients;
        this.ingestion = ingestion;
        this.services = services;
        this.grants = grants;
        this.zone = zone;
        this.transactions = transactions;
        this.evidence = evidence;
    }

    /** A new world: an owner with a death-certificate service, a consumer with a live grant of it. */
    SubscriptionTestCity city(Path dir) throws Exception {
        return new SubscriptionTestCity(directory, catalog, accounts, clients, ingestion, services, grants, dir, List.of());
    }

    ChangeCapture capture(EventOutbox events, Clock clock) {
        return new ChangeCapture(store, events, zone, catalog, subscribed, services, transactions, evidence, clock,
                java.time.Duration.ofHours(1));
    }

    DeliveryWorker worker(WebhookSender sender, WebhookSettings settings, Clock clock, RandomGenerator random) {
        return new DeliveryWorker(outbox, store, subscribed, sender, settings, transactions, evidence, clock, random);
    }

    SubscriptionService subscriptions(ChangeCapture capture, DeliveryWorker worker, WebhookSettings settings, Clock clock) {
        return new SubscriptionService(store, outbox, capture, worker, grants, services, zone, settings, transactions,
                evidence, clock);
    }
}
