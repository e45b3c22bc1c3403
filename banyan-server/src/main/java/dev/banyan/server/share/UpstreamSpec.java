package dev.banyan.server.share;

import java.util.Map;

/**
 * The upstream interface behind a proxy service (上级接口): a provincial or national HTTP API registered once and
 * re-exposed through Banyan's gateway with the same authentication, grants, quotas and logging.
 *
 * @param url           the upstream URL; the call's parameters are passed as query parameters
 * @param method        {@code GET} (default) or {@code POST} (parameters as a JSON body)
 * @param timeoutMillis how long to wait for the upstream (default 5000)
 * @param headers       fixed headers sent upstream, e.g. the city's credentials there ({@code ${env:…}} placeholders allowed)
 */
public record UpstreamSpec(String url, String method, Integer timeoutMillis, Map<String, String> headers) {

    public UpstreamSpec {
        method = method == null || method.isBlank() ? "GET" : method;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
