package dev.banyan.server.share.internal;

import dev.banyan.server.identity.ApiScopes;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's HTTP face: {@code GET /api/v1/services/{code}?param=…} with a machine client's bearer token. The
 * answer is the service's JSON, or an RFC 9457 problem in the caller's language with the outcome code (and
 * {@code Retry-After} for 429).
 *
 * <p>A servlet filter ahead of Spring Security's and MVC's chains, because every call of every department's system
 * comes this way and the general chains cost more than the gateway's own work (docs/performance.md). It does their
 * part itself, no more loosely: the bearer token is checked by the same decoder as every other API call (signature,
 * audience {@value ApiScopes#AUDIENCE}, expiry, not revoked), a refusal carries the same {@code WWW-Authenticate}
 * header (RFC 6750) and is put on record; the answer carries the usual security headers. Anything else under the
 * path (e.g. verification batches) goes on to the general chains.
 */
final class GatewayEndpoint implements Filter {

    static final String PATH = "/api/v1/services/";
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    private final ServiceGateway gateway;
    private final JwtDecoder tokens;
    private final MessageSource messages;

    GatewayEndpoint(ServiceGateway gateway, JwtDecoder tokens, MessageSource messages) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.messages = messages;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        String code = path.startsWith(PATH) ? path.substring(PATH.length()) : "";
        if (!"GET".equals(request.getMethod()) || code.isEmpty() || code.indexOf('/') >= 0 || !request.getContextPath().isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        Locale locale = request.getLocale() == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
        Jwt jwt = authenticate(request, response, code, locale);
        if (jwt == null) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        GatewayRefusal duplicate = null;
        for (var e : request.getParameterMap().entrySet()) {
            if (e.getValue().length != 1) {
                duplicate = new GatewayRefusal(400, "BAD_PARAMETER", "share.refusal.repeatedParameter", e.getKey());
            }
            parameters.put(e.getKey(), e.getValue()[0]);
        }
        ServiceGateway.Caller caller = new ServiceGateway.Caller(jwt.getSubject(), jwt.getClaimAsString("department"));
        if (duplicate != null) {
            gateway.refusedAtTheDoor(code, caller.clientId(), 400, duplicate.outcome());
            problem(response, duplicate, path, locale);
            return;
        }
        ServiceGateway.Outcome outcome = gateway.call(caller, code, parameters, start);
        if (outcome.refusal() != null) {
            problem(response, outcome.refusal(), path, locale);
            return;
        }
        // Written whole with its length: one write on the socket, no chunked encoding for a small answer.
        write(response, outcome.response().status(), "application/json", JSON.writeValueAsBytes(outcome.response().body()));
    }

    /** The caller's verified token, or null when the answer (401) has been written and the refusal put on record. */
    private Jwt authenticate(HttpServletRequest request, HttpServletResponse response, String code, Locale locale)
            throws IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String reason;
        String description = null;
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            reason = "NO_TOKEN";
        } else {
            try {
                return tokens.decode(header.substring(7).strip());
            } catch (JwtException e) {
                description = String.valueOf(e.getMessage());
                String message = description.toLowerCase(Locale.ROOT);
                reason = message.contains("expired") ? "EXPIRED_TOKEN" : message.contains("revoked") ? "REVOKED_TOKEN" : "INVALID_TOKEN";
            }
        }
        gateway.refusedAtTheDoor(code, null, 401, reason);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, description == null ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + description.replace('"', '\'') + "\"");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://banyan.dev/problems/" + reason.toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", messages.getMessage("api.refused." + reason, null, reason, locale));
        body.put("status", 401);
        body.put("outcome", reason);
        body.put("instance", request.getRequestURI());
        write(response, 401, "application/problem+json", JSON.writeValueAsBytes(body));
        return null;
    }

    private void problem(HttpServletResponse response, GatewayRefusal r, String path, Locale locale) throws IOException {
        if (r.retryAfterSeconds() > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
        }
        write(response, r.status(), "application/problem+json", JSON.writeValueAsBytes(problemBody(r, path, messages, locale)));
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        // What Spring Security's headers writer adds to every API answer.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("X-Frame-Options", "DENY");
        response.getOutputStream().write(body);
    }

    /** A refusal as an RFC 9457 problem in the reader's language — also what the console's try-out page shows. */
    static Map<String, Object> problemBody(GatewayRefusal r, String instance, MessageSource messages, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://banyan.dev/problems/" + r.outcome().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", messages.getMessage("share.outcome." + r.outcome(), null, r.outcome(), locale));
        body.put("status", r.status());
        body.put("detail", messages.getMessage(r.messageCode(), r.arguments(), r.messageCode(), locale));
        body.put("instance", instance);
        body.put("outcome", r.outcome());
        return body;
    }

    static List<String> paths() {
        return List.of(PATH + "*");
    }
}
