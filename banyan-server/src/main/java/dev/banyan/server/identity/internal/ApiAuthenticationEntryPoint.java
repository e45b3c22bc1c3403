package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.ApiAccessRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an API request without a valid bearer token: 401 with the OAuth2 {@code WWW-Authenticate} header (RFC
 * 6750) and an RFC 9457 problem in the caller's language, and publishes {@link ApiAccessRefused} so that the refusal
 * is on record.
 */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ApiAuthenticationEntryPoint(ApplicationEventPublisher events, MessageSource messages) {
        this.events = events;
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String reason = reason(request, e);
        events.publishEvent(new ApiAccessRefused(request.getMethod(), request.getRequestURI(), reason));
        bearer.commence(request, response, e);
        Locale locale = request.getLocale() == null ? LocaleContextHolder.getLocale() : request.getLocale();
        String title = messages.getMessage("api.refused." + reason, null, reason, locale);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://banyan.dev/problems/" + reason.toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.put("title", title);
        problem.put("status", 401);
        problem.put("outcome", reason);
        problem.put("instance", request.getRequestURI());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    static String reason(HttpServletRequest request, AuthenticationException e) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return "NO_TOKEN";
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("expired")) {
            return "EXPIRED_TOKEN";
        }
        if (message.contains("revoked")) {
            return "REVOKED_TOKEN";
        }
        return "INVALID_TOKEN";
    }
}
