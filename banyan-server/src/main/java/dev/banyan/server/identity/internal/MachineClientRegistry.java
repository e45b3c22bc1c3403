package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.ApiScopes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Presents active machine clients to Spring Authorization Server. Clients are registered through
 * {@link dev.banyan.server.identity.MachineClients}, which validates them; a revoked client is unknown here,
 * so it can get no token.
 */
class MachineClientRegistry implements RegisteredClientRepository {

    private final JdbcClient jdbc;
    private final Duration accessTokenTtl;

    MachineClientRegistry(JdbcClient jdbc, Duration accessTokenTtl) {
        this.jdbc = jdbc;
        this.accessTokenTtl = accessTokenTtl;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new IllegalStateException("Machine clients are registered through MachineClients.register, "
                + "which checks the department and scopes; refusing to save " + registeredClient.getClientId());
    }

    @Override
    public RegisteredClient findById(String id) {
        return find("id = ?", Long.parseLong(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return find("client_id = ?", clientId);
    }

    private RegisteredClient find(String condition, Object key) {
        return jdbc.sql("select id, client_id, secret_hash, name, scopes, created_at from identity.machine_client where "
                        + condition + " and status = 'ACTIVE'")
                .param(key)
                .query((rs, n) -> {
                    List<String> scopes = List.of((String[]) rs.getArray("scopes").getArray());
                    return RegisteredClient.withId(Long.toString(rs.getLong("id")))
                        .clientId(rs.getString("client_id"))
                        .clientSecret(rs.getString("secret_hash"))
                        .clientName(rs.getString("name"))
                        .clientIdIssuedAt(rs.getObject("created_at", OffsetDateTime.class).toInstant())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(s -> s.addAll(scopes))
                        .tokenSettings(TokenSettings.builder()
                                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                                .accessTokenTimeToLive(accessTokenTtl)
                                .build())
                        .build();
                })
                .optional()
                .filter(c -> ApiScopes.ALL.containsAll(c.getScopes()))
                .orElse(null);
    }
}
