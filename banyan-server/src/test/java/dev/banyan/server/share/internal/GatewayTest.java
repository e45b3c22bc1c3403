package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.ledger.CanonicalJson;
import dev.banyan.ledger.LogTree;
import dev.banyan.ledger.Rfc6962;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.identity.ApiScopes;
import dev.banyan.server.identity.RegisteredMachineClient;
import dev.banyan.server.identity.Role;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.NewApplication;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ShareApplication;
import dev.banyan.server.share.ShareApplications;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * The gateway end to end over real HTTP, real tokens and the landed city: an approved application's grant serves
 * its fields in clear and masks the other personal fields; and every refusal the issue names — no token, an expired
 * one, another client's, a field not granted, a row out of scope, the quota used up, a revoked grant, malformed and
 * injection-shaped parameters — is refused, leaks nothing and is on record, sealed into the evidence log.
 */
@BanyanServerTest
class GatewayTest {

    @LocalServerPort
    int port;

    @Autowired
    ShareTestFixture fixture;

    @Autowired
    ShareApplications applications;

    @Autowired
    GrantRegistry grants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceLog evidence;

    @Autowired
    JwtEncoder jwtEncoder;

    @Autowired
    CallLogWriter callLog;

    private String resident;
    private String residentPhone;

    @BeforeEach
    void publish() throws Exception {
        fixture.publish("person-basic", port);
        Map<String, Object> row = jdbc.sql("""
                select "公民身份号码", "联系电话" from std."101001_113501000350010382_001"
                where _valid and "联系电话" is not null and "户籍地址__division" is not null order by _key limit 1""")
                .query().singleRow();
        resident = (String) row.get("公民身份号码");
        residentPhone = (String) row.get("联系电话");
    }

    private RegisteredMachineClient grantedClient(String name, List<String> fields) {
        RegisteredMachineClient client = fixture.client("civil-affairs", name);
        ShareApplication a = applications.apply(new NewApplication("person-basic", client.client().clientId(),
                "最低生活保障资格复核", "《社会救助暂行办法》第十一条", fields, 365, 1000), fixture.officer("civil-affairs", Role.DATA_LIAISON));
        assertThat(a.status()).isEqualTo(ShareApplication.Status.PENDING);
        assertThat(a.dueAt()).isAfter(a.createdAt().plus(Duration.ofDays(9)));
        applications.approve(a.id(), fixture.officer("public-security", Role.CHIEF_DATA_OFFICER), "同意");
        return client;
    }

    @Test
    void aGrantServesItsFieldsInClearAndMasksTheOtherPersonalFields() {
        RegisteredMachineClient client = grantedClient("低保复核", List.of("公民身份号码", "姓名", "户籍地址", "人口状态"));
        String token = fixture.token(client);

        HttpResponse<String> r = fixture.get("/api/v1/services/person-basic?idNumber=" + resident, token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"公民身份号码\":\"" + resident + "\"")
                .doesNotContain(residentPhone)
                .contains("\"联系电话\":\"" + residentPhone.substring(0, 3));
        long logged = jdbc.sql("select count(*) from share.call_log where client_id = ? and outcome = 'SERVED' and row_count = 1")
                .param(client.client().clientId()).query(Long.class).single();
        assertThat(logged).isEqualTo(1);
    }

    @Test
    void refusalsLeakNothingAndAreOnRecord() {
        RegisteredMachineClient client = grantedClient("低保审核", List.of("公民身份号码", "姓名"));
        String token = fixture.token(client);
        String clientId = client.client().clientId();
        String ok = "/api/v1/services/person-basic?idNumber=" + resident;
        List<HttpResponse<String>> refused = new ArrayList<>();

        refused.add(expect(fixture.get(ok, null), 401, "NO_TOKEN"));
        refused.add(expect(fixture.get(ok, expiredToken(clientId)), 401, "EXPIRED_TOKEN"));
        refused.add(expect(fixture.get(ok, "not.a.token"), 401, "INVALID_TOKEN"));
        String otherToken = fixture.token(fixture.client("housing", "公租房系统"));
        refused.add(expect(fixture.get(ok, otherToken), 403, "NO_GRANT"));
        refused.add(expect(fixture.get(ok + "&fields=" + enc("联系电话"), token), 403, "FIELD_NOT_GRANTED"));
        refused.add(expect(fixture.get("/api/v1/services/person-basic?idNumber=abc", token), 400, "BAD_PARAMETER"));
        refused.add(expect(fixture.get("/api/v1/services/person-basic?idNumber=" + enc("1' or '1'='1"), token), 400, "BAD_PARAMETER"));
        refused.add(expect(fixture.get(ok + "&" + enc("x;drop table share.call_log") + "=1", token), 400, "BAD_PARAMETER"));
        refused.add(expect(fixture.get("/api/v1/services/" + enc("person-basic' --") + "?idNumber=" + resident, token), 404, "UNKNOWN_SERVICE"));
        for (HttpResponse<String> r : refused) {
            assertThat(r.body()).doesNotContain(resident).doesNotContain(residentPhone);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        await(() -> jdbc.sql("select count(*) from share.call_log where outcome in ('NO_TOKEN', 'EXPIRED_TOKEN', 'INVALID_TOKEN') and service_code = 'person-basic'")
                .query(Long.class).single() >= 3);
        List<String> outcomes = jdbc.sql("select outcome from share.call_log where client_id = ? order by id").param(clientId)
                .query(String.class).list();
        assertThat(outcomes).contains("FIELD_NOT_GRANTED", "BAD_PARAMETER");
        assertThat(jdbc.sql("select count(*) from share.call_log where status = 403 and outcome = 'NO_GRANT'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void aRowOutsideTheGrantsScopeIsNotFoundAndARevokedGrantServesNoMore() {
        RegisteredMachineClient client = fixture.client("civil-affairs", "区级核对");
        String division = jdbc.sql("select \"户籍地址__division\" from std.\"101001_113501000350010382_001\" where \"公民身份号码\" = ?")
                .param(resident).query(String.class).single();
        Grant grant = grants.create(null, new GrantRegistry.Terms("person-basic", client.client().clientId(),
                fixture.department("civil-affairs").id(), "区级核对", Set.of("姓名"),
                List.of(new RowCondition("户籍地址__division", ConditionOperator.PREFIX, List.of("9" + division.substring(1)))),
                100, 10, Duration.ofDays(30)), "admin");
        String token = fixture.token(client);

        HttpResponse<String> r = expect(fixture.get("/api/v1/services/person-basic?idNumber=" + resident, token), 404, "NOT_FOUND_IN_SCOPE");
        assertThat(r.body()).doesNotContain(resident);

        grants.revoke(grant.id(), fixture.admin(), "核对结束");
        expect(fixture.get("/api/v1/services/person-basic?idNumber=" + resident, token), 403, "NO_GRANT");
        assertThatThrownBy(() -> grants.renew(grant.id(), fixture.admin(), 30)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theDailyQuotaAndTheRateAreEnforcedWithRetryAfter() {
        RegisteredMachineClient client = fixture.client("civil-affairs", "配额测试");
        grants.create(null, new GrantRegistry.Terms("person-basic", client.client().clientId(),
                fixture.department("civil-affairs").id(), "配额测试", Set.of(), List.of(), 2, 100, Duration.ofDays(1)), "admin");
        String token = fixture.token(client);
        String ok = "/api/v1/services/person-basic?idNumber=" + resident;
        assertThat(fixture.get(ok, token).statusCode()).isEqualTo(200);
        assertThat(fixture.get(ok, token).statusCode()).isEqualTo(200);
        HttpResponse<String> third = expect(fixture.get(ok, token), 429, "QUOTA_EXCEEDED");
        assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 86_401L);
        // refused calls do not count: still used up, still two served
        expect(fixture.get(ok, token), 429, "QUOTA_EXCEEDED");
        assertThat(jdbc.sql("select count(*) from share.call_log where client_id = ? and outcome = 'SERVED'")
                .param(client.client().clientId()).query(Long.class).single()).isEqualTo(2);

        RegisteredMachineClient fast = fixture.client("civil-affairs", "限流测试");
        grants.create(null, new GrantRegistry.Terms("person-basic", fast.client().clientId(),
                fixture.department("civil-affairs").id(), "限流测试", Set.of(), List.of(), 1000, 1, Duration.ofDays(1)), "admin");
        String fastToken = fixture.token(fast);
        assertThat(fixture.get(ok, fastToken).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = expect(fixture.get(ok, fastToken), 429, "RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void everyCallIsSealedIntoTheEvidenceLogByTheMerkleRootOfItsRecords() throws Exception {
        RegisteredMachineClient client = grantedClient("存证测试", List.of("姓名"));
        String token = fixture.token(client);
        for (int i = 0; i < 5; i++) {
            fixture.get("/api/v1/services/person-basic?idNumber=" + resident, token);
        }
        await(() -> jdbc.sql("select count(*) from share.call_log where client_id = ? and seal_id is null")
                .param(client.client().clientId()).query(Long.class).single() == 0);
        long seal = jdbc.sql("select seal_id from share.call_log where client_id = ? order by id desc limit 1")
                .param(client.client().clientId()).query(Long.class).single();
        List<Map<String, Object>> calls = jdbc.sql("""
                select id, at, client_id, department, service_code, service_version, grant_id, purpose, param_hash, fields,
                       row_count, status, outcome, leaf_hash from share.call_log where seal_id = ? order by id""")
                .param(seal).query().listOfRows();
        LogTree tree = new LogTree();
        for (Map<String, Object> c : calls) {
            CallRecord record = new CallRecord(((java.sql.Timestamp) c.get("at")).toInstant(), (String) c.get("client_id"),
                    (String) c.get("department"), (String) c.get("service_code"), (Integer) c.get("service_version"),
                    (Long) c.get("grant_id"), (String) c.get("purpose"), (String) c.get("param_hash"),
                    List.of((String[]) ((java.sql.Array) c.get("fields")).getArray()), (Integer) c.get("row_count"),
                    (Integer) c.get("status"), (String) c.get("outcome"), 0);
            byte[] leaf = Rfc6962.leafHash(CanonicalJson.utf8(CallLogWriter.canonical((Long) c.get("id"), record)));
            assertThat(leaf).isEqualTo((byte[]) c.get("leaf_hash"));
            tree.append(leaf);
        }
        byte[] root = jdbc.sql("select root from share.call_seal where id = ?").param(seal).query(byte[].class).single();
        assertThat(tree.root()).isEqualTo(root);
        evidence.awaitRecorded(Duration.ofSeconds(10));
        var entries = evidence.search(new EntryQuery("share.calls.sealed", null, "call-seal:" + seal, null, null, null, 10));
        assertThat(entries).hasSize(1);
        assertThat(evidence.payload(entries.getFirst().index()).orElseThrow()).contains(java.util.HexFormat.of().formatHex(root));
    }

    private String expiredToken(String clientId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(clientId).audience(List.of(ApiScopes.AUDIENCE))
                .issuedAt(past).notBefore(past).expiresAt(past.plus(Duration.ofMinutes(30)))
                .claim("scope", List.of(ApiScopes.DIRECTORY_READ)).build();
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String outcome) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("\"outcome\":\"" + outcome + "\"");
        return r;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not logged within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
