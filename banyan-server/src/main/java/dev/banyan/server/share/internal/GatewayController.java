package dev.banyan.server.share.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's HTTP face: {@code GET /api/v1/services/{code}?param=…} with a machine client's bearer token. The
 * answer is the service's JSON, or an RFC 9457 problem in the caller's language with the outcome code (and
 * {@code Retry-After} for 429).
 */
@RestController
class GatewayController {

    static final String PATH = "/api/v1/services/";

    private final ServiceGateway gateway;
    private final MessageSource messages;

    GatewayController(ServiceGateway gateway, MessageSource messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    @GetMapping(PATH + "{code}")
    ResponseEntity<Object> call(@PathVariable String code, @AuthenticationPrincipal Jwt jwt, HttpServletRequest request,
                                Locale locale) {
        long start = System.nanoTime();
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
            return problem(duplicate, request, locale);
        }
        ServiceGateway.Outcome outcome = gateway.call(caller, code, parameters, start);
        if (outcome.refusal() != null) {
            return problem(outcome.refusal(), request, locale);
        }
        return ResponseEntity.status(outcome.response().status()).contentType(MediaType.APPLICATION_JSON)
                .body(outcome.response().body());
    }

    private ResponseEntity<Object> problem(GatewayRefusal r, HttpServletRequest request, Locale locale) {
        Map<String, Object> body = problemBody(r, request.getRequestURI(), messages, locale);
        var response = ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (r.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
        }
        return response.body(body);
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
}
