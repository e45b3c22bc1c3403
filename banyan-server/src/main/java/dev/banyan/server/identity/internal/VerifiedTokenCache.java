package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.MachineClientRevoked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers access tokens already verified — signature, audience, expiry, not revoked — for a few seconds, so that a
 * client calling many times a second costs one RSA verification and one revocation lookup per token per
 * {@link #TTL}, not per call. A revocation on this node empties it at once; on other nodes a revoked token is refused
 * within {@link #TTL}. An expired token is never served from it.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX_TOKENS = 50_000;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified v = verified.get(token);
        if (v != null && now.isBefore(v.until())) {
            return v.jwt();
        }
        Jwt jwt = decoder.decode(token);
        Instant until = now.plus(TTL);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }

    @EventListener
    void on(MachineClientRevoked revoked) {
        forgetAll();
    }

    /** Forgets every verified token, so that the next call of each is checked again (revocations are rare). */
    void forgetAll() {
        verified.clear();
    }
}
