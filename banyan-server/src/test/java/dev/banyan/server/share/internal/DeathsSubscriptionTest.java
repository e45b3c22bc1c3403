package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.identity.RegisteredMachineClient;
import dev.banyan.server.identity.Role;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.ingest.StandardRecord;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.IssuedSubscription;
import dev.banyan.server.share.NewApplication;
import dev.banyan.server.share.NewSubscription;
import dev.banyan.server.share.ShareApplication;
import dev.banyan.server.share.ShareApplications;
import dev.banyan.server.share.SubscriptionActor;
import dev.banyan.server.share.Subscriptions;
import dev.banyan.server.share.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The demo's scene on the landed city: the pensions office (人社局) applies for the health commission's deaths
 * service ({@code share/services/deaths.yaml}), the owner approves, the office subscribes with a loopback receiver,
 * and a new batch of death certificates reaches it — the person's identity number in clear, the name masked.
 */
@BanyanServerTest
class DeathsSubscriptionTest {

    @TempDir
    Path dir;
    @LocalServerPort
    int port;
    @Autowired
    ShareTestFixture fixture;
    @Autowired
    ShareApplications applications;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    Catalog catalog;
    @Autowired
    StandardZone zone;
    @Autowired
    Ingestion ingestion;
    @Autowired
    Grants grants;

    @Test
    void aNewDeathReachesThePensionsOfficesWebhook() throws Exception {
        DataService deaths = fixture.publish("deaths", port);
        RegisteredMachineClient client = fixture.client("human-resources", "养老金停发系统");
        ShareApplication a = applications.apply(new NewApplication("deaths", client.client().clientId(), "死亡人员养老金停发",
                "《社会保险法》第十七条", List.of("死亡医学证明编号", "身份证号", "死亡日期", "根本死亡原因"), 365, 100),
                fixture.officer("human-resources", Role.DATA_LIAISON));
        if (a.status() == ShareApplication.Status.PENDING) {
            applications.approve(a.id(), fixture.officer("health", Role.CHIEF_DATA_OFFICER), "同意，限于养老金停发");
        }
        long grant = grants.live(client.client().clientId(), "deaths").orElseThrow().id();

        try (WebhookReceiver receiver = WebhookReceiver.start(10)) {
            IssuedSubscription issued = subscriptions.subscribe(new NewSubscription(grant, receiver.url("/hooks/deaths"),
                    List.of(), "停发养老金"), SubscriptionActor.of(client.client()));
            receiver.trust(issued.secret());
            assertThat(subscriptions.poll()).isZero();

            // a new certificate: an existing one with a new number (the resource's key)
            List<ResourceField> fields = catalog.findByCode(deaths.resourceCode()).orElseThrow().fields();
            AtomicReference<StandardRecord> template = new AtomicReference<>();
            zone.forEach(deaths.resourceCode(), 0, r -> {
                if (template.get() == null && r.valid() && r.value("身份证号") != null && r.value("姓名") != null) {
                    template.set(r);
                }
            });
            StandardRecord t = template.get();
            List<String> header = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (ResourceField f : fields) {
                header.add(f.name());
                String v = f.key() ? "TEST-" + System.nanoTime() : t.value(f.name());
                values.add(v == null ? "" : v.replace(",", " "));
            }
            Path file = dir.resolve("deaths.csv");
            Files.writeString(file, String.join(",", header) + "\n" + String.join(",", values) + "\n", StandardCharsets.UTF_8);
            IngestResult landed = ingestion.ingest(deaths.resourceCode(), SourceSpec.of("csv", file.toString()), "health", n -> { });
            assertThat(landed.outcome()).isEqualTo(IngestResult.Outcome.LANDED);

            assertThat(subscriptions.poll()).isEqualTo(1);
            assertThat(receiver.events()).hasSize(1);
            JsonNode event = SubscriptionStore.JSON.readTree(receiver.events().getFirst().body());
            assertThat(event.get("service").asString()).isEqualTo("deaths");
            assertThat(event.get("data").get("身份证号").asString()).isEqualTo(t.value("身份证号"));
            assertThat(event.get("data").get("姓名").asString()).isNotEqualTo(t.value("姓名"));
            assertThat(event.get("data").has("户籍地址")).isTrue();   // personal, not granted: masked, not left out
            assertThat(event.get("data").get("户籍地址").asString()).isNotEqualTo(t.value("户籍地址"));
        }
    }
}
