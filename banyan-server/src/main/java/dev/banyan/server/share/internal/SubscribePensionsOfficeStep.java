package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.identity.ApiScopes;
import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.ingest.StandardRecord;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.IssuedSubscription;
import dev.banyan.server.share.NewApplication;
import dev.banyan.server.share.NewSubscription;
import dev.banyan.server.share.ShareApplication;
import dev.banyan.server.share.ShareApplications;
import dev.banyan.server.share.Subscription;
import dev.banyan.server.share.SubscriptionActor;
import dev.banyan.server.share.Subscriptions;
import dev.banyan.server.share.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Demo step: deaths reach the pensions office (死亡信息推送) — the human resources bureau's pension system applies for
 * the health commission's deaths service, is granted it, and subscribes with a webhook on a loopback receiver that
 * this step starts (a new port each run, so the subscription is made afresh); then one new death certificate is landed
 * as the health commission would send it, and its event is pushed, signed, to the receiver. The subscription's page
 * in the console shows the delivery.
 */
@Component
class SubscribePensionsOfficeStep implements DemoStep, DisposableBean {

    static final String CLIENT_NAME = "养老金停发系统 Pension stops";
    private static final String CONSUMER = "human-resources";
    private static final String OWNER = "health";
    private static final String SERVICE = "deaths";

    private final ShareApplications applications;
    private final Grants grants;
    private final Subscriptions subscriptions;
    private final MachineClients clients;
    private final UserAccounts accounts;
    private final Catalog catalog;
    private final StandardZone zone;
    private final Ingestion ingestion;
    private final BanyanSettings settings;
    private WebhookReceiver receiver;

    SubscribePensionsOfficeStep(ShareApplications applications, Grants grants, Subscriptions subscriptions, MachineClients clients,
                                UserAccounts accounts, Catalog catalog, StandardZone zone, Ingestion ingestion,
                                BanyanSettings settings) {
        this.applications = applications;
        this.grants = grants;
        this.subscriptions = subscriptions;
        this.clients = clients;
        this.accounts = accounts;
        this.catalog = catalog;
        this.zone = zone;
        this.ingestion = ingestion;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 710;
    }

    @Override
    public String title() {
        return "Push deaths to the pensions office's webhook / 向养老金停发系统推送死亡信息";
    }

    @Override
    public void run(DemoProgress progress) throws Exception {
        UserAccount liaison = accounts.findByUsername("liaison." + CONSUMER).orElse(null);
        if (liaison == null || grantsService() == null) {
            progress.report("no deaths service or no human resources liaison: skipped / 跳过");
            return;
        }
        MachineClient client = clients.ofDepartment(liaison.departmentId()).stream()
                .filter(c -> c.active() && c.name().equals(CLIENT_NAME)).findFirst()
                .orElseGet(() -> clients.register(liaison.departmentId(), CLIENT_NAME, Set.of(ApiScopes.DIRECTORY_READ),
                        accounts.findByUsername("admin").orElseThrow()).client());
        if (grants.live(client.clientId(), SERVICE).isEmpty()) {
            ShareApplication a = applications.apply(new NewApplication(SERVICE, client.clientId(), "死亡人员养老金停发",
                    "《社会保险法》第十七条", List.of("死亡医学证明编号", "身份证号", "死亡日期", "根本死亡原因"), 365, 100), liaison);
            if (a.status() == ShareApplication.Status.PENDING) {
                applications.approve(a.id(), accounts.findByUsername("cdo." + OWNER).orElseThrow(), "同意，限于养老金停发");
            }
        }
        long grant = grants.live(client.clientId(), SERVICE).orElseThrow().id();
        SubscriptionActor actor = SubscriptionActor.of(client);
        boolean first = true;
        for (Subscription s : subscriptions.visibleTo(actor)) {
            if (s.grantId() == grant) {
                subscriptions.delete(s.id(), actor);
                first = false;
            }
        }
        receiver = WebhookReceiver.start(100);
        IssuedSubscription issued = subscriptions.subscribe(new NewSubscription(grant, receiver.url("/hooks/deaths"), List.of(),
                "停发养老金 Stop pensions of the deceased"), actor);
        receiver.trust(issued.secret());
        progress.report("subscribed " + client.clientId() + " to deaths at " + receiver.url("/hooks/deaths") + " / 已订阅");
        if (first) {
            landOneDeath();
            int produced = subscriptions.poll();
            progress.report(produced + " death pushed, " + receiver.events().size() + " received and verified by the webhook / 条死亡信息已推送并验签");
        }
    }

    private String grantsService() {
        return catalog.findByCode("101005-11350100035001126G-002").map(r -> r.code()).orElse(null);
    }

    /** A death certificate as the health commission would send it next: one of its rows under a new certificate number. */
    private void landOneDeath() throws Exception {
        String resource = grantsService();
        List<ResourceField> fields = catalog.getByCode(resource).fields();
        AtomicReference<StandardRecord> template = new AtomicReference<>();
        zone.forEach(resource, 0, r -> {
            if (template.get() == null && r.valid() && r.value("身份证号") != null) {
                template.set(r);
            }
        });
        if (template.get() == null) {
            return;
        }
        List<String> header = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ResourceField f : fields) {
            header.add(f.name());
            String v = f.key() ? "DEMO-" + System.currentTimeMillis() : template.get().value(f.name());
            values.add(v == null ? "" : v.replace(",", " "));
        }
        Path inbox = settings.dataDir().resolve("inbox");
        Files.createDirectories(inbox);
        Path file = inbox.resolve("deaths-demo-" + System.currentTimeMillis() + ".csv");
        Files.writeString(file, String.join(",", header) + "\n" + String.join(",", values) + "\n", StandardCharsets.UTF_8);
        IngestResult landed = ingestion.ingest(resource, SourceSpec.of("csv", file.toString()), OWNER, n -> { });
        if (landed.outcome() == IngestResult.Outcome.FAILED) {
            throw new IllegalStateException("the demo's death certificate did not land: " + landed);
        }
    }

    @Override
    public void destroy() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
