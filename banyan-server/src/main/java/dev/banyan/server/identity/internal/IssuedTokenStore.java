package dev.banyan.server.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Remembers the access tokens issued to machine clients — by SHA-256, never in clear — so that the
 * revocation endpoint (RFC 7009) and a client's revocation can refuse tokens that are still unexpired.
 * Only the client-credentials grant is offered, so an authorization is exactly one access token.
 */
class IssuedTokenStore implements OAuth2AuthorizationService {

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;
    private final Clock clock;
    private final java.util.List<Runnable> revocationListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    IssuedTokenStore(JdbcClient jdbc, RegisteredClientRepository clients, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AccessToken> token = authorization.getAccessToken();
        if (token == null) {
            return;
        }
        OAuth2AccessToken access = token.getToken();
        OffsetDateTime revokedAt = token.isInvalidated() ? OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC) : null;
        jdbc.sql("""
                insert into identity.issued_token (token_sha256, authorization_id, client_id, issued_at, expires_at, revoked_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (token_sha256) do update set revoked_at = coalesce(issued_token.revoked_at, excluded.revoked_at)""")
                .params(sha256(access.getTokenValue()), authorization.getId(), authorization.getPrincipalName(),
                        utc(access.getIssuedAt()), utc(access.getExpiresAt()), revokedAt)
                .update();
        if (revokedAt != null) {
            revocationListeners.forEach(Runnable::run);
        }
        // Expired tokens are refused by their signature's expiry anyway; keep the table small.
        jdbc.sql("delete from identity.issued_token where expires_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant().minusSeconds(86_400), ZoneOffset.UTC))
                .update();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.sql("delete from identity.issued_token where authorization_id = ?").param(authorization.getId()).update();
        revocationListeners.forEach(Runnable::run);
    }

    /** Runs the listener whenever a token is revoked or removed, e.g. to forget tokens verified earlier. */
    void onRevocation(Runnable listener) {
        revocationListeners.add(listener);
    }

    /** Tokens are kept only as hashes, so an authorization can be found by its token but not rebuilt from its id. */
    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (tokenType != null && !OAuth2TokenType.ACCESS_TOKEN.equals(tokenType)) {
            return null;
        }
        return jdbc.sql("select authorization_id, client_id, issued_at, expires_at, revoked_at from identity.issued_token where token_sha256 = ?")
                .param(sha256(token))
                .query((rs, n) -> {
                    RegisteredClient client = clients.findByClientId(rs.getString("client_id"));
                    if (client == null) {
                        return null;
                    }
                    boolean revoked = rs.getObject("revoked_at") != null;
                    OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token,
                            rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant(), client.getScopes());
                    return OAuth2Authorization.withRegisteredClient(client)
                            .id(rs.getString("authorization_id"))
                            .principalName(rs.getString("client_id"))
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                            .authorizedScopes(client.getScopes())
                            .token(access, metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, revoked))
                            .build();
                })
                .optional()
                .orElse(null);
    }

    /** Whether a token was issued here and is neither revoked nor issued to a revoked client. */
    boolean isLive(String token) {
        return jdbc.sql("select revoked_at is null from identity.issued_token where token_sha256 = ?")
                .param(sha256(token)).query(Boolean.class).optional().orElse(false);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
