package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.ParameterType;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.ServiceParameter;
import dev.banyan.server.share.UpstreamSpec;
import dev.banyan.standards.CitizenIdNumber;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PROXY handler against the simulated provincial platform over real HTTP on the loopback interface: answers
 * shaped by the grant, credentials from the environment, parameters passed as the upstream expects them, and every
 * kind of upstream failure reported without its details.
 */
class UpstreamProxyHandlerTest {

    static ProvincialUpstream province;

    final Map<String, String> environment = new HashMap<>();
    UpstreamAddresses addresses;
    UpstreamProxyHandler handler;

    @BeforeAll
    static void startProvince() throws Exception {
        province = ProvincialUpstream.start();
    }

    @AfterAll
    static void stopProvince() {
        province.close();
    }

    @BeforeEach
    void handler() {
        environment.put(ProvincialUpstream.API_KEY_VARIABLE, ProvincialUpstream.API_KEY);
        addresses = new UpstreamAddresses(Map.of("province", province.baseUrl()));
        handler = handler(5);
    }

    private UpstreamProxyHandler handler(int breakerFailures) {
        return new UpstreamProxyHandler(addresses, new UpstreamCredentials(environment::get),
                new UpstreamCircuits(breakerFailures, Duration.ofMinutes(1), Clock.systemUTC()),
                id -> id == 7 ? Optional.of("civil-affairs") : Optional.empty());
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    /** The demo's definitions, read from the YAML files as the registry reads them. */
    static ServiceDefinition definition(String file) throws Exception {
        try (InputStream in = UpstreamProxyHandlerTest.class.getResourceAsStream("/share/services/" + file)) {
            return ServiceDefinitionFormat.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static GatewayCall call(ServiceDefinition d, Map<String, String> parameters, Set<String> clear) {
        DataService service = new DataService(1, d.code(), 1, ServiceKind.PROXY, d.nameZh(), d.nameEn(), null, 1,
                ShareType.CONDITIONAL, d, DataService.Status.PUBLISHED, "test", Instant.now());
        Grant grant = new Grant(11, null, d.code(), "civil-affairs-app", 7, "公租房资格审核", clear, List.of(), 1000, 10,
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), Grant.Status.ACTIVE, null, null, null,
                "test", Instant.now());
        return new GatewayCall(service, grant, parameters, d.output(), clear, null);
    }

    /** A valid identity number of someone born on the date, the n-th registered that day. */
    static String idNumber(String birth, int n) {
        String first17 = "350102" + birth + String.format("%03d", n);
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }

    /** The first identity number (born 1985-03-12) for which the simulated province says married or not, as asked. */
    static String someone(boolean married) {
        for (int n = 1; n < 999; n++) {
            String id = idNumber("19850312", n);
            if ((Boolean) ProvincialUpstream.marriage(id).get("married") == married) {
                return id;
            }
        }
        throw new AssertionError("no such person");
    }

    private ProvincialUpstream.Seen lastSeen() {
        List<ProvincialUpstream.Seen> seen = province.seen();
        return seen.get(seen.size() - 1);
    }

    private static GatewayRefusal refusal(Runnable call) {
        return catchThrowableOfType(GatewayRefusal.class, call::run);
    }

    // ------------------------------------------------------------------------------------------------ serving

    @Test
    void aMarriageCheckComesBackShapedByTheGrantWithPersonalFieldsMasked() throws Exception {
        ServiceDefinition d = definition("province-marriage-check.yaml");
        String id = someone(true);
        Map<String, Object> expected = ProvincialUpstream.marriage(id);

        ServiceResponse r = handler.handle(call(d, Map.of("idNumber", id), Set.of("married", "registrationAuthority")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.rows()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.body();
        assertThat(body.get("married")).isEqualTo(true);
        assertThat(body.get("registrationAuthority")).isEqualTo(expected.get("registrationAuthority"));
        // personal fields the grant does not give in clear: masked the catalog's way
        String spouseName = (String) expected.get("spouseName");
        assertThat(body.get("spouseName")).isEqualTo(spouseName.substring(0, 1) + "*".repeat(spouseName.length() - 1));
        String spouseId = (String) expected.get("spouseIdNumber");
        assertThat(body.get("spouseIdNumber")).isEqualTo(spouseId.substring(0, 6) + "********" + spouseId.substring(14));
        assertThat(body.get("registrationDate")).isEqualTo(((String) expected.get("registrationDate")).substring(0, 4) + "-**-**");
        assertThat(r.fields()).containsExactly("married", "registrationDate", "registrationAuthority", "spouseName",
                "spouseIdNumber");

        // granted in clear, the same fields come as the province gave them
        ServiceResponse clear = handler.handle(call(d, Map.of("idNumber", id), Set.copyOf(d.output())));
        assertThat(clear.body()).isEqualTo(expected);
    }

    @Test
    void theCallCarriesTheKeyFromTheEnvironmentTheRequestIdAndTheConsumerDepartment() throws Exception {
        ServiceDefinition d = definition("province-marriage-check.yaml");
        String id = someone(false);
        handler.handle(call(d, Map.of("idNumber", id), Set.of("married")));

        ProvincialUpstream.Seen seen = lastSeen();
        assertThat(seen.authorised()).as("the X-Api-Key header filled from ${env:…}").isTrue();
        assertThat(seen.path()).isEqualTo("/gateway/civil-affairs/marriage/v1/verify");
        assertThat(seen.parameters()).containsExactly(Map.entry("sfzh", id));
        assertThat(seen.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(seen.department()).isEqualTo("civil-affairs");

        // a key rotated in the environment is used from the next call on, without a new service version
        environment.put(ProvincialUpstream.API_KEY_VARIABLE, "a-revoked-key");
        GatewayRefusal refused = refusal(() -> handler.handle(call(d, Map.of("idNumber", id), Set.of("married"))));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(lastSeen().authorised()).isFalse();

        // a variable that is not set: nothing is sent
        environment.remove(ProvincialUpstream.API_KEY_VARIABLE);
        int before = province.seen().size();
        refused = refusal(() -> handler.handle(call(d, Map.of("idNumber", id), Set.of("married"))));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.outcome()).isEqualTo("UPSTREAM_ERROR");
        assertThat(province.seen()).hasSize(before);
    }

    @Test
    void aPostPassesTheParametersUnderTheUpstreamNamesAsJson() throws Exception {
        ServiceDefinition d = definition("province-social-insurance-certificate.yaml");
        String id = idNumber("19900704", 21);
        Map<String, Object> expected = ProvincialUpstream.insurance(id);
        Set<String> clear = Set.of("insured", "status", "insuranceTypes", "paymentMonths", "firstPaymentMonth");

        ServiceResponse r = handler.handle(call(d, Map.of("idNumber", id, "name", "陈静"), clear));

        assertThat(lastSeen().method()).isEqualTo("POST");
        assertThat(lastSeen().parameters()).containsExactly(Map.entry("aac002", id), Map.entry("aac003", "陈静"));
        Map<String, Object> expectedShown = new LinkedHashMap<>(expected);
        expectedShown.put("employer", expected.get("employer") == null ? null : "******");
        assertThat(r.body()).isEqualTo(expectedShown);
    }

    @Test
    void aListOfRecordsComesBackAsAListAndAnOldIdentityNumberGoesUpInItsNewForm() throws Exception {
        ServiceDefinition d = definition("national-degree-check.yaml");
        String id = null;
        for (int n = 1; id == null; n++) {
            String candidate = idNumber("19800101", n);
            if (ProvincialUpstream.degrees(candidate).size() == 2) {
                id = candidate;
            }
        }
        List<Map<String, Object>> expected = ProvincialUpstream.degrees(id);
        // the same person's 15-digit number of before 1999: no century, no check character
        String old = id.substring(0, 6) + id.substring(8, 17);

        ServiceResponse r = handler.handle(call(d, Map.of("idNumber", old, "name", "林晨"),
                Set.of("school", "level", "major", "degree", "graduationDate")));

        assertThat(lastSeen().parameters()).containsEntry("sfzh", id).containsEntry("xm", "林晨");
        assertThat(r.rows()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) r.body();
        assertThat(records).extracting(m -> m.get("school")).containsExactly(expected.get(0).get("school"),
                expected.get(1).get("school"));
        assertThat(records.get(1).get("certificateNumber")).isEqualTo(
                ((String) expected.get(1).get("certificateNumber")).substring(0, 6) + "******"
                        + ((String) expected.get(1).get("certificateNumber")).substring(12));
    }

    @Test
    void parametersAreCheckedBeforeAnythingGoesUpstream() throws Exception {
        ServiceDefinition d = definition("national-degree-check.yaml");
        int before = province.seen().size();
        GatewayRefusal missing = refusal(() -> handler.handle(call(d, Map.of("idNumber", idNumber("19800101", 1)),
                Set.of("school"))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.outcome()).isEqualTo("BAD_PARAMETER");
        assertThat(missing.arguments()).containsExactly("name");
        GatewayRefusal invalid = refusal(() -> handler.handle(call(d, Map.of("idNumber", "350102198001010012",
                "name", "林晨"), Set.of("school"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.messageCode()).isEqualTo("share.refusal.badParameter");
        assertThat(province.seen()).hasSize(before);
    }

    @Test
    void anUpstreamErrorIs502WithoutItsDetails() throws Exception {
        ServiceDefinition d = definition("national-degree-check.yaml");
        GatewayRefusal failed = refusal(() -> handler.handle(call(d, Map.of("idNumber", idNumber("19800101", 1),
                "name", ProvincialUpstream.FAULT_NAME), Set.of("school"))));
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.outcome()).isEqualTo("UPSTREAM_ERROR");
        assertThat(failed.messageCode()).isEqualTo("share.upstream.error.failed");
        // the caller learns the service's code, nothing of the province's stack trace or database
        assertThat(failed.arguments()).containsExactly("national-degree-check");
        assertThat(failed.getMessage()).doesNotContain("NullPointer").doesNotContain("10.18");

        GatewayRefusal maintenance = refusal(() -> handler.handle(call(d, Map.of("idNumber", idNumber("19800101", 1),
                "name", ProvincialUpstream.MAINTENANCE_NAME), Set.of("school"))));
        assertThat(maintenance.status()).as("a 200 with an HTML page is no answer").isEqualTo(502);
    }

    @Test
    void aSlowUpstreamIs504WithinTheTimeout() throws Exception {
        ServiceDefinition yaml = definition("national-degree-check.yaml");
        ServiceDefinition d = withUpstream(yaml, new UpstreamSpec(yaml.upstream().url(), "GET", 400,
                yaml.upstream().headers(), "/data", Map.of()));
        long started = System.nanoTime();
        GatewayRefusal slow = refusal(() -> handler.handle(call(d, Map.of("idNumber", idNumber("19800101", 1),
                "name", ProvincialUpstream.SLOW_NAME), Set.of("school"))));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.outcome()).isEqualTo("UPSTREAM_TIMEOUT");
        assertThat(millis).as("waited for the 400 ms timeout, not the province's 3 s").isBetween(350L, 1500L);
    }

    @Test
    void afterConsecutiveFailuresCallsFailAtOnceForACoolDown() throws Exception {
        UpstreamProxyHandler breaking = handler(2);
        ServiceDefinition d = definition("national-degree-check.yaml");
        Map<String, String> fault = Map.of("idNumber", idNumber("19800101", 1), "name", ProvincialUpstream.FAULT_NAME);
        assertThat(refusal(() -> breaking.handle(call(d, fault, Set.of("school")))).status()).isEqualTo(502);
        assertThat(refusal(() -> breaking.handle(call(d, fault, Set.of("school")))).status()).isEqualTo(502);
        int before = province.seen().size();
        GatewayRefusal open = refusal(() -> breaking.handle(call(d, Map.of("idNumber", idNumber("19800101", 1),
                "name", "林晨"), Set.of("school"))));
        assertThat(open.status()).isEqualTo(503);
        assertThat(open.outcome()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(open.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(province.seen()).as("the province is not called while the circuit is open").hasSize(before);
        // other services are not affected
        ServiceDefinition marriage = definition("province-marriage-check.yaml");
        assertThat(breaking.handle(call(marriage, Map.of("idNumber", someone(false)), Set.of("married"))).status())
                .isEqualTo(200);
    }

    @Test
    void anAnswerOverTheSizeLimitIsCutOff() throws Exception {
        HttpServer big = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        big.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                out.write("{\"data\": \"".getBytes());
                byte[] chunk = "x".repeat(64 * 1024).getBytes();
                for (int i = 0; i < 40; i++) {
                    out.write(chunk);
                }
                out.write("\"}".getBytes());
            } catch (java.io.IOException ignored) {
                // the client hung up once it had enough
            }
        });
        big.start();
        try {
            ServiceDefinition yaml = definition("province-marriage-check.yaml");
            ServiceDefinition d = withUpstream(yaml, new UpstreamSpec("http://127.0.0.1:" + big.getAddress().getPort()
                    + "/big", "GET", 3000, Map.of(), "/data", Map.of()));
            GatewayRefusal tooBig = refusal(() -> handler.handle(call(d, Map.of("idNumber", someone(false)),
                    Set.of("married"))));
            assertThat(tooBig.status()).isEqualTo(502);
        } finally {
            big.stop(0);
        }
    }

    @Test
    void noDataIsNotFoundButAnUnknownInterfaceIsAnUpstreamError() throws Exception {
        ServiceDefinition yaml = definition("province-marriage-check.yaml");
        // a number the province cannot read: it answers {"code": "10", "data": null} — nothing about that subject
        ServiceDefinition unchecked = new ServiceDefinition(yaml.code(), yaml.nameZh(), yaml.nameEn(), null, ServiceKind.PROXY,
                null, List.of(new ServiceParameter("idNumber", "sfzh", ParameterType.STRING, ConditionOperator.EQ, true, null)),
                yaml.output(), List.of(), null, null, null, yaml.upstream(), null);
        GatewayRefusal none = refusal(() -> handler.handle(call(unchecked, Map.of("idNumber", "not-a-number"), Set.of("married"))));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.outcome()).isEqualTo("NOT_FOUND");
        // the province answers 404 for a path it does not know: a misconfigured proxy, not a missing subject
        ServiceDefinition d = withUpstream(yaml, new UpstreamSpec("${upstream.province}/gateway/civil-affairs/nothing",
                "GET", 1000, yaml.upstream().headers(), "/data", Map.of()));
        GatewayRefusal refused = refusal(() -> handler.handle(call(d, Map.of("idNumber", someone(false)), Set.of("married"))));
        assertThat(refused.status()).isEqualTo(502);
    }

    // ------------------------------------------------------------------------------------------------ definitions

    private static ServiceDefinition withUpstream(ServiceDefinition d, UpstreamSpec upstream) {
        return new ServiceDefinition(d.code(), d.nameZh(), d.nameEn(), d.description(), d.kind(), d.resource(),
                d.parameters(), d.output(), d.conditions(), d.aggregation(), d.maxPageSize(), d.verification(), upstream, d.owner());
    }

    private List<InputProblem> problems(ServiceDefinition d) {
        List<InputProblem> problems = new ArrayList<>();
        handler.check(d, problems);
        return problems;
    }

    @Test
    void theDemoDefinitionsPass() throws Exception {
        for (String file : List.of("province-marriage-check.yaml", "national-degree-check.yaml",
                "province-social-insurance-certificate.yaml")) {
            assertThat(problems(definition(file))).as(file).isEmpty();
        }
    }

    @Test
    void aBadDefinitionIsRefusedWithEveryProblemNamed() throws Exception {
        ServiceDefinition yaml = definition("province-marriage-check.yaml");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer 0f3c9a-secret");
        headers.put("X-App-Id", "${env:lower-case}");
        headers.put("Host", "gateway.example.gov.cn");
        ServiceDefinition bad = new ServiceDefinition("bad", "坏", "Bad", null, ServiceKind.PROXY, null, List.of(),
                List.of("married", "married"), List.of(), null, null, null,
                new UpstreamSpec("ftp://gateway.example.gov.cn/verify", "PUT", 70_000, headers, "data",
                        Map.of("spouseName", UpstreamSpec.Mask.NAME)), null);
        assertThat(problems(bad)).extracting(InputProblem::field, InputProblem::messageCode).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("upstream.url", "share.upstream.check.url"),
                org.assertj.core.groups.Tuple.tuple("upstream.method", "share.upstream.check.method"),
                org.assertj.core.groups.Tuple.tuple("upstream.timeoutMillis", "share.upstream.check.timeout"),
                org.assertj.core.groups.Tuple.tuple("upstream.headers.Authorization", "share.upstream.check.headerInClear"),
                org.assertj.core.groups.Tuple.tuple("upstream.headers.X-App-Id", "share.upstream.check.placeholder"),
                org.assertj.core.groups.Tuple.tuple("upstream.headers.Host", "share.upstream.check.headerReserved"),
                org.assertj.core.groups.Tuple.tuple("upstream.dataPointer", "share.upstream.check.dataPointer"),
                org.assertj.core.groups.Tuple.tuple("upstream.personal.spouseName", "share.upstream.check.personalNotOutput"),
                org.assertj.core.groups.Tuple.tuple("parameters", "share.upstream.check.noParameters"),
                org.assertj.core.groups.Tuple.tuple("output[1]", "share.upstream.check.outputTwice"));

        assertThat(problems(withUpstream(yaml, null))).extracting(InputProblem::field).containsExactly("upstream");
        assertThat(problems(withUpstream(yaml, new UpstreamSpec("${upstream.nation}/degrees", "GET", 50, Map.of()))))
                .extracting(InputProblem::messageCode)
                .containsExactlyInAnyOrder("share.upstream.check.urlAddress", "share.upstream.check.timeout");
        assertThat(problems(withUpstream(yaml, new UpstreamSpec("https://user:pw@gateway.example.gov.cn/v", "GET",
                1000, Map.of())))).extracting(InputProblem::messageCode).containsExactly("share.upstream.check.urlCredentials");
        ServiceDefinition twice = new ServiceDefinition("p", "p", "p", null, ServiceKind.PROXY, null,
                List.of(new ServiceParameter("idNumber", "sfzh", ParameterType.CITIZEN_ID, ConditionOperator.EQ, true, null),
                        new ServiceParameter("idNumber", "sfz hm", ParameterType.STRING, ConditionOperator.EQ, false, null)),
                List.of(), List.of(), null, null, null, yaml.upstream(), null);
        assertThat(problems(twice)).extracting(InputProblem::field, InputProblem::messageCode).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("parameters[1].name", "share.upstream.check.parameterTwice"),
                org.assertj.core.groups.Tuple.tuple("parameters[1].field", "share.upstream.check.upstreamName"),
                org.assertj.core.groups.Tuple.tuple("output", "share.upstream.check.noOutput"),
                org.assertj.core.groups.Tuple.tuple("upstream.personal.registrationDate", "share.upstream.check.personalNotOutput"),
                org.assertj.core.groups.Tuple.tuple("upstream.personal.spouseName", "share.upstream.check.personalNotOutput"),
                org.assertj.core.groups.Tuple.tuple("upstream.personal.spouseIdNumber", "share.upstream.check.personalNotOutput"));
    }

    @Test
    void headersAreShownWithoutSecrets() {
        UpstreamSpec spec = new UpstreamSpec("https://x.example/v", "GET", 1000,
                Map.of("X-Api-Key", "${env:KEY}", "Authorization", "Bearer abc", "X-Channel", "rongcheng"));
        assertThat(spec.headersForDisplay()).containsEntry("X-Api-Key", "${env:KEY}")
                .containsEntry("Authorization", "******").containsEntry("X-Channel", "rongcheng");
        assertThatThrownBy(() -> addresses.register("bad", "gateway.example.gov.cn")).isInstanceOf(IllegalArgumentException.class);
    }
}
