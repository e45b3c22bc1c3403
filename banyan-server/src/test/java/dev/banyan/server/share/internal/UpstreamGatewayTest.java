package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.identity.ApiScopes;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.DepartmentLevel;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.identity.NewDepartment;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.RegisteredMachineClient;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.NewApplication;
import dev.banyan.server.share.ShareApplication;
import dev.banyan.server.share.ShareApplications;
import dev.banyan.server.share.ShareStatistics;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upstream proxies end to end: the demo's proxy definitions published through the registry against the demo's
 * simulated province, a consumer department's application approved by the owner, and calls over real HTTP with a
 * real token through the gateway — served and masked by the grant, failures of the province reported without its
 * details, and every call on record and counted by the sharing statistics.
 */
@BanyanServerTest
class UpstreamGatewayTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static int serial;

    @LocalServerPort
    int port;

    @Autowired
    List<ServiceDefinitionSource> sources;

    @Autowired
    DataServices services;

    @Autowired
    ShareApplications applications;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MachineClients clients;

    @Autowired
    ShareStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    Department owner;
    Department consumer;
    UserAccount admin;

    @BeforeEach
    void departments() throws Exception {
        int n = ++serial;
        String suffix = n + "-" + Math.floorMod(System.nanoTime(), 10_000L);
        owner = department("up-owner-" + suffix, "上级接口测试大数据局" + n, 2 * n);
        consumer = department("up-user-" + suffix, "上级接口测试民政局" + n, 2 * n + 1);
        admin = accounts.findByUsername("upstream-admin").orElseGet(() -> accounts.create(
                new NewUser("upstream-admin", "Administrator", "upstream-admin-2026", null, Set.of(Role.PLATFORM_ADMIN))));
    }

    private Department department(String code, String name, int n) {
        String credit = UnifiedSocialCreditCode.of('1', '1', "350100", String.format("%08d", 77_600_000 + n)).value();
        return directory.register(new NewDepartment(code, name, name + " (en)", credit, DepartmentLevel.CITY, null));
    }

    private UserAccount person(Department d, Role role) {
        String username = "up." + role.name().toLowerCase(java.util.Locale.ROOT) + "." + d.code();
        return accounts.findByUsername(username).orElseGet(() -> accounts.create(
                new NewUser(username, username, "upstream-person-2026", d.id(), Set.of(role))));
    }

    /**
     * Publishes a demo proxy definition as the administrator, owned by this test's bureau, as the demo's step does:
     * expanded by the definition sources first — which starts the simulated province.
     */
    private DataService publish(String file) throws IOException {
        String yaml = new ClassPathResource("share/services/" + file).getContentAsString(StandardCharsets.UTF_8)
                .replace("owner: big-data", "owner: " + owner.code())
                .replaceFirst("code: ([a-z-]+)", "code: $1-" + owner.code());
        for (ServiceDefinitionSource source : sources) {
            yaml = source.expand(yaml);
        }
        return services.publish(services.parse(yaml), admin);
    }

    /** A client of the consumer department with a grant on the service for these fields in clear. */
    private String grantedToken(DataService service, List<String> fields) {
        RegisteredMachineClient client = clients.register(consumer.id(), "核验" + service.code(), Set.of(ApiScopes.DIRECTORY_READ),
                admin);
        ShareApplication a = applications.apply(new NewApplication(service.code(), client.client().clientId(),
                "公租房资格审核", "《公共租赁住房管理办法》第七条", fields, 365, 1000), person(consumer, Role.DATA_LIAISON));
        applications.approve(a.id(), person(owner, Role.CHIEF_DATA_OFFICER), "同意");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (client.client().clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> call(DataService service, String token, String query) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/services/" + service.code()
                + "?" + query)).header("Authorization", "Bearer " + token).header("Accept-Language", "en").GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aProxyIsServedThroughTheGatewayWithTheGrantsMaskingAndCounted() throws Exception {
        DataService marriage = publish("province-marriage-check.yaml");
        assertThat(marriage.resourceCode()).isNull();
        assertThat(marriage.ownerDepartmentId()).isEqualTo(owner.id());
        DataService degrees = publish("national-degree-check.yaml");
        String token = grantedToken(marriage, List.of("married", "registrationAuthority"));
        String degreeToken = grantedToken(degrees, List.of("school", "level", "major", "degree", "graduationDate"));
        String id = UpstreamProxyHandlerTest.someone(true);
        String spouseId = (String) ProvincialUpstream.marriage(id).get("spouseIdNumber");

        HttpResponse<String> served = call(marriage, token, "idNumber=" + id);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(served.body()).contains("\"married\":true")
                .contains("\"spouseIdNumber\":\"" + spouseId.substring(0, 6) + "********" + spouseId.substring(14) + "\"")
                .doesNotContain(spouseId);

        // the province fails: a 502 that names the service and nothing of the province's stack trace
        HttpResponse<String> failed = call(degrees, degreeToken, "idNumber=" + id + "&name=" + encoded(ProvincialUpstream.FAULT_NAME));
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains(degrees.code()).doesNotContain("NullPointer").doesNotContain("oracle");
        // the province is slow: a 504 after the definition's 2 s, not the province's 3 s
        long started = System.nanoTime();
        HttpResponse<String> slow = call(degrees, degreeToken, "idNumber=" + id + "&name=" + encoded(ProvincialUpstream.SLOW_NAME));
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2900);
        // a caller of the marriage check is not a caller of the degree check
        assertThat(call(degrees, token, "idNumber=" + id + "&name=" + encoded("林晨")).statusCode()).isEqualTo(403);

        // every call is on record under the consumer department, and the statistics count them
        LocalDate today = LocalDate.now(CallRollup.ZONE);
        ShareStatistics.CallReport report = statistics.report(today, today, owner.code());
        assertThat(report.totals().calls()).isEqualTo(4);
        assertThat(report.totals().served()).isEqualTo(1);
        assertThat(report.totals().failed()).isEqualTo(2);
        assertThat(report.totals().refused()).isEqualTo(1);
        assertThat(report.consumers()).extracting(ShareStatistics.ConsumerFigures::department).containsExactly(consumer.code());
        assertThat(report.outcomes()).extracting(ShareStatistics.OutcomeFigures::outcome)
                .contains("SERVED", "UPSTREAM_ERROR", "UPSTREAM_TIMEOUT", "NO_GRANT");
        assertThat(statistics.sharing(owner.code(), today, today).orElseThrow().consumersServed()).isEqualTo(1);
    }

    @Test
    void aProxyWhoseUpstreamAddressIsUnknownIsNotPublished() throws Exception {
        String yaml = new ClassPathResource("share/services/province-marriage-check.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replace("owner: big-data", "owner: " + owner.code())
                .replace("${upstream.province}", "${upstream.nation}")
                .replace("code: province-marriage-check", "code: nation-marriage-check-" + owner.code());
        assertThatThrownBy(() -> services.publish(services.parse(yaml), admin)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .anyMatch(p -> p.field().equals("upstream.url") && p.messageCode().equals("share.upstream.check.urlAddress")));
        assertThat(jdbc.sql("select count(*) from share.service where code = ?").param("nation-marriage-check-" + owner.code())
                .query(Long.class).single()).isZero();
    }
}
