package dev.banyan.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.banyan.server.BanyanServerTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The OAuth2 client-credentials flow over real HTTP: a department's application gets a signed token and
 * calls the API; missing, expired, wrong-audience, forged and revoked tokens are refused.
 */
@BanyanServerTest
class ClientCredentialsTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    DepartmentDirectory departments;

    @Autowired
    MachineClients clients;

    @Autowired
    JwtEncoder serverSigner;

    private final HttpClient http = HttpClient.newHttpClient();
    private RegisteredMachineClient client;

    @BeforeEach
    void registerAClient() {
        Department department = departments.findByCode("oauth-test").orElseGet(() -> departments.register(new NewDepartment(
                "oauth-test", "榕城市接口测试局", "API Test Bureau", DepartmentDirectoryTest.creditCode(100), DepartmentLevel.CITY, null)));
        client = clients.register(department.id(), "核验系统", Set.of(ApiScopes.DIRECTORY_READ), officer(department, Role.CHIEF_DATA_OFFICER));
    }

    @Test
    void issuesASignedTokenForBanyansApiThatTheApiAccepts() throws Exception {
        HttpResponse<String> tokenResponse = requestToken(client.client().clientId(), client.secret());
        assertThat(tokenResponse.statusCode()).isEqualTo(200);
        assertThat(tokenResponse.body()).contains("\"token_type\":\"Bearer\"");
        String token = accessToken(tokenResponse);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"aud\":\"banyan-api\"").contains("\"department\":\"oauth-test\"")
                .contains("\"sub\":\"" + client.client().clientId() + "\"");

        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(client.client().clientId()).contains("directory.read");
        assertThat(get("/api/v1/directory/departments/oauth-test", token).body()).contains("榕城市接口测试局");
    }

    @Autowired
    UserAccounts accounts;

    private UserAccount officer(Department department, Role role) {
        String username = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "." + department.code();
        return accounts.findByUsername(username).orElseGet(() -> accounts.create(
                new NewUser(username, "Officer", "officer-password-2026", department.id(), Set.of(role))));
    }

    @Test
    void anApplicationGetsNoMorePowerThanThePersonWhoRegistersIt() {
        Department department = departments.findByCode("oauth-test").orElseThrow();
        int before = clients.ofDepartment(department.id()).size();
        UserAccount cdo = officer(department, Role.CHIEF_DATA_OFFICER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.register(department.id(), "越权应用",
                        Set.of(ApiScopes.CATALOG_READ, ApiScopes.CATALOG_REVIEW), cdo))
                .isInstanceOfSatisfying(dev.banyan.server.platform.InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("scopes");
                    assertThat(e.messageCode()).isEqualTo("error.client.scope.notGrantable");
                    assertThat(e.arguments()[0]).isEqualTo(ApiScopes.CATALOG_REVIEW);
                });
        UserAccount liaison = officer(department, Role.DATA_LIAISON);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.register(department.id(), "越权应用",
                        Set.of(ApiScopes.CATALOG_SUBMIT), liaison))
                .hasFieldOrPropertyWithValue("messageCode", "error.client.scope.notGrantable");
        Department other = departments.findByCode("oauth-other").orElseGet(() -> departments.register(new NewDepartment(
                "oauth-other", "榕城市其他局", "Other Bureau", DepartmentDirectoryTest.creditCode(101), DepartmentLevel.CITY, null)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.register(other.id(), "别人的应用",
                        Set.of(ApiScopes.CATALOG_READ), cdo))
                .hasFieldOrPropertyWithValue("messageCode", "error.client.otherDepartment");
        assertThat(clients.ofDepartment(department.id())).hasSize(before);
        assertThat(clients.register(department.id(), "目录提交", Set.of(ApiScopes.CATALOG_SUBMIT), cdo).client().scopes())
                .containsExactly(ApiScopes.CATALOG_SUBMIT);
        assertThat(ApiScopes.grantableBy(Set.of(Role.PLATFORM_ADMIN))).containsAll(ApiScopes.ALL);
        assertThat(ApiScopes.grantableBy(Set.of(Role.AUDITOR))).isEmpty();
    }

    @Test
    void refusesAWrongSecret() throws Exception {
        HttpResponse<String> response = requestToken(client.client().clientId(), client.secret() + "x");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void refusesAMissingToken() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        Instant past = Instant.now().minusSeconds(7200);
        String token = mint(serverSigner, List.of(ApiScopes.AUDIENCE), past, past.plusSeconds(600));
        assertRefused(get("/api/v1/me", token), "expired");
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        String token = mint(serverSigner, List.of("some-other-api"), Instant.now(), Instant.now().plusSeconds(600));
        assertRefused(get("/api/v1/me", token), "aud");
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
        JwtEncoder forger = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(foreign)));
        String token = mint(forger, List.of(ApiScopes.AUDIENCE), Instant.now(), Instant.now().plusSeconds(600));
        assertRefused(get("/api/v1/me", token), "signature");
    }

    @Test
    void refusesATokenRevokedByItsClient() throws Exception {
        String token = accessToken(requestToken(client.client().clientId(), client.secret()));
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);

        HttpResponse<String> revoke = http.send(HttpRequest.newBuilder(uri("/oauth2/revoke"))
                .header("Authorization", basic(client.client().clientId(), client.secret()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoke.statusCode()).isEqualTo(200);
        assertRefused(get("/api/v1/me", token), "revoked");
    }

    @Test
    void aRevokedClientLosesItsTokensAndGetsNoNewOnes() throws Exception {
        String token = accessToken(requestToken(client.client().clientId(), client.secret()));
        clients.revoke(client.client().clientId(), "admin");
        assertRefused(get("/api/v1/me", token), "revoked");
        assertThat(requestToken(client.client().clientId(), client.secret()).statusCode()).isEqualTo(401);
        assertThat(clients.find(client.client().clientId()).orElseThrow().status()).isEqualTo(MachineClient.Status.REVOKED);
    }

    @Test
    void storesOnlyAHashOfTheSecret() {
        assertThat(client.secret()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(client.toString()).doesNotContain(client.secret());
    }

    private void assertRefused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("invalid_token").containsIgnoringCase(reason);
    }

    private String mint(JwtEncoder encoder, List<String> audience, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(client.client().clientId())
                .audience(audience)
                .issuedAt(issuedAt)
                .notBefore(issuedAt)
                .expiresAt(expiresAt)
                .claim("scope", List.of(ApiScopes.DIRECTORY_READ))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }

    private HttpResponse<String> requestToken(String clientId, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(HttpResponse<String> response) {
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        assertThat(m.find()).as("token response %s", response.body()).isTrue();
        return m.group(1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
