package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.identity.ApiScopes;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.DepartmentLevel;
import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.NewDepartment;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestFixtures;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small world for one subscription test: a health commission owning a death-certificate resource (a list service
 * over it), a pensions office with a liaison and a machine client, and a grant of the service to that client —
 * everything new per call, so tests sharing the database never see each other's rows.
 */
final class SubscriptionTestCity {

    static final String HEADER = "证明编号,身份证号,姓名,死亡日期,死亡原因\n";
    static final List<String> OUTPUT = List.of("证明编号", "身份证号", "姓名", "死亡日期", "死亡原因");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    final Resource resource;
    final Department owner;
    final Department consumer;
    final UserAccount liaison;
    final UserAccount ownerStaff;
    final MachineClient client;
    final String serviceCode;
    final long grantId;
    private final Ingestion ingestion;
    private final Grants grants;
    private final MachineClients clients;
    private final Path dir;
    private final UserAccount admin;

    /** @param rowScope the grant's row scope */
    SubscriptionTestCity(DepartmentDirectory directory, Catalog catalog, UserAccounts accounts, MachineClients clients,
                         Ingestion ingestion, DataServices services, GrantRegistry registry, Path dir,
                         List<RowCondition> rowScope) throws Exception {
        this.ingestion = ingestion;
        this.grants = registry;
        this.clients = clients;
        this.dir = dir;
        int n = SERIAL.incrementAndGet();
        resource = IngestFixtures.resource(directory, catalog, List.of(
                new ResourceField("证明编号", "string", "死亡医学证明编号", true, null, PersonalInformation.NONE, DataGrade.GENERAL, false),
                new ResourceField("身份证号", "string", "死者身份证号", false, null, PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT, false),
                new ResourceField("姓名", "string", "死者姓名", false, null, PersonalInformation.PERSONAL, DataGrade.GENERAL, false),
                new ResourceField("死亡日期", "string", "死亡日期", false, null, PersonalInformation.NONE, DataGrade.GENERAL, false),
                new ResourceField("死亡原因", "string", "死亡原因", false, null, PersonalInformation.NONE, DataGrade.GENERAL, false)));
        owner = directory.get(resource.providerId());
        String credit = UnifiedSocialCreditCode.of('1', '1', "350100", String.format(Locale.ROOT, "%08d", 96_000_000 + n)).value();
        consumer = directory.register(new NewDepartment("pension-" + n, "养老保险测试中心" + n, "Pension test office " + n,
                credit, DepartmentLevel.CITY, null));
        liaison = accounts.create(new NewUser("liaison.pension-" + n, "联络员", "liaison-password-2026", consumer.id(),
                Set.of(Role.DATA_LIAISON)));
        ownerStaff = accounts.create(new NewUser("cdo.health-" + n, "首席数据官", "officer-password-2026", owner.id(),
                Set.of(Role.CHIEF_DATA_OFFICER)));
        UserAccount registrar = new UserAccount(0, "admin", "admin", null, Set.of(Role.PLATFORM_ADMIN), true, 0, null, null);
        client = clients.register(consumer.id(), "养老金停发系统", Set.of(ApiScopes.DIRECTORY_READ), registrar).client();
        serviceCode = "deaths-" + n;
        // the service needs a STANDARD table to be published over: a first batch, before any subscription
        land("seed", "S-0,350102193001010011,赵零,2025-12-31,疾病");
        admin = accounts.findByUsername("admin").orElseGet(() -> accounts.create(
                new NewUser("admin", "Administrator", "admin-password-2026", null, Set.of(Role.PLATFORM_ADMIN))));
        services.publish(new ServiceDefinition(serviceCode, "死亡信息" + n, "Deaths " + n, "死亡医学证明", ServiceKind.LIST,
                resource.code(), List.of(), OUTPUT, List.of(), null, 100, null, null, null), admin);
        // 姓名 is not granted: personal, so it arrives masked
        grantId = registry.create(null, new GrantRegistry.Terms(serviceCode, client.clientId(), consumer.id(), "养老金停发",
                Set.of("证明编号", "身份证号", "死亡日期", "死亡原因"), rowScope, 10_000, 50, Duration.ofDays(30)), "test").id();
    }

    /** Lands and governs a batch of rows (CSV lines after the header). */
    IngestBatch land(String name, String... lines) throws Exception {
        Path file = dir.resolve(name + "-" + System.nanoTime() + ".csv");
        Files.writeString(file, HEADER + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        IngestResult result = ingestion.ingest(resource.code(), SourceSpec.of("csv", file.toString()), "tester", x -> { });
        assertThat(result.outcome()).as(String.valueOf(result.reason())).isEqualTo(IngestResult.Outcome.LANDED);
        return result.batch();
    }

    void revokeClient() {
        clients.revoke(client.clientId(), "admin");
    }

    void revokeGrant() {
        grants.revoke(grantId, admin, "死亡信息核对结束");
    }
}
