package dev.banyan.server.share.internal;

import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.ServiceParameter;
import dev.banyan.server.share.UpstreamSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@link ServiceKind#PROXY} services (上级接口代理): passes an authorised call on to the registered provincial
 * or national interface — the call's declared parameters in the query string ({@code GET}) or as a JSON body
 * ({@code POST}), the city's credentials from the environment, a request id and the consumer department's code — and
 * returns the upstream's records shaped by the caller's grant. An upstream that answers with an error, with what is
 * not JSON, with more than {@value #MAX_BODY_BYTES} bytes, or not in time is reported to the caller as 502
 * {@code UPSTREAM_ERROR} or 504 {@code UPSTREAM_TIMEOUT} naming only the service — what the upstream said goes to the
 * server's log, never to the consumer. After {@code threshold} consecutive failures a service's calls fail at once
 * with 503 {@code UPSTREAM_UNAVAILABLE} for a cool-down.
 */
final class UpstreamProxyHandler implements ServiceHandler {

    private static final Logger log = LoggerFactory.getLogger(UpstreamProxyHandler.class);

    /** The largest upstream answer passed on; a proxied interface answers about one subject. */
    static final int MAX_BODY_BYTES = 1 << 20;
    static final int MIN_TIMEOUT_MILLIS = 100;
    static final int MAX_TIMEOUT_MILLIS = 60_000;
    static final String REQUEST_ID_HEADER = "X-Banyan-Request-Id";
    static final String DEPARTMENT_HEADER = "X-Banyan-Consumer-Department";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("GET", "POST");
    /** Headers the HTTP client sets itself, or Banyan sets per call, which a definition may not fix. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "content-type", REQUEST_ID_HEADER.toLowerCase(Locale.ROOT),
            DEPARTMENT_HEADER.toLowerCase(Locale.ROOT));
    private static final String PARAMETER_NAME = "[A-Za-z][A-Za-z0-9_]{0,63}";
    private static final String UPSTREAM_PARAMETER_NAME = "[A-Za-z0-9_.\\-\\[\\]]{1,64}";

    private final HttpClient client;
    private final UpstreamAddresses addresses;
    private final UpstreamCredentials credentials;
    private final UpstreamCircuits circuits;
    private final LongFunction<Optional<String>> departmentCodes;
    private final Map<Long, String> departmentCodeCache = new ConcurrentHashMap<>();

    /**
     * @param departmentCodes the code of a department by id (codes never change, so they are cached)
     */
    UpstreamProxyHandler(UpstreamAddresses addresses, UpstreamCredentials credentials, UpstreamCircuits circuits,
                         LongFunction<Optional<String>> departmentCodes) {
        this.addresses = addresses;
        this.credentials = credentials;
        this.circuits = circuits;
        this.departmentCodes = departmentCodes;
        // One client for every upstream: it pools connections per host; HTTP/1.1 because provincial gateways
        // commonly mishandle h2c upgrades; redirects are not followed, so an upstream cannot send the call elsewhere.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.PROXY;
    }

    // ---------------------------------------------------------------------------------------------- the definition

    @Override
    public void check(ServiceDefinition d, List<InputProblem> problems) {
        UpstreamSpec u = d.upstream();
        if (u == null) {
            problems.add(problem("upstream", "share.upstream.check.missing"));
        } else {
            checkUrl(u.url(), problems);
            if (!METHODS.contains(u.method())) {
                problems.add(problem("upstream.method", "share.upstream.check.method", u.method()));
            }
            if (u.timeoutMillis() != null
                    && (u.timeoutMillis() < MIN_TIMEOUT_MILLIS || u.timeoutMillis() > MAX_TIMEOUT_MILLIS)) {
                problems.add(problem("upstream.timeoutMillis", "share.upstream.check.timeout", u.timeoutMillis(),
                        MIN_TIMEOUT_MILLIS, MAX_TIMEOUT_MILLIS));
            }
            u.headers().forEach((name, value) -> checkHeader(name, value, problems));
            if (!u.dataPointer().isEmpty()) {
                try {
                    JsonPointer.compile(u.dataPointer());
                } catch (IllegalArgumentException e) {
                    problems.add(problem("upstream.dataPointer", "share.upstream.check.dataPointer", u.dataPointer()));
                }
            }
            u.personal().forEach((field, mask) -> {
                if (!d.output().contains(field)) {
                    problems.add(problem("upstream.personal." + field, "share.upstream.check.personalNotOutput", field));
                } else if (mask == null) {
                    problems.add(problem("upstream.personal." + field, "share.upstream.check.mask", field));
                }
            });
        }
        checkParameters(d.parameters(), problems);
        if (d.output().isEmpty()) {
            problems.add(problem("output", "share.upstream.check.noOutput"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.output().size(); i++) {
            String field = d.output().get(i);
            if (field == null || field.isBlank()) {
                problems.add(problem("output[" + i + "]", "share.upstream.check.outputBlank"));
            } else if (!seen.add(field)) {
                problems.add(problem("output[" + i + "]", "share.upstream.check.outputTwice", field));
            }
        }
    }

    private void checkUrl(String url, List<InputProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(problem("upstream.url", "share.upstream.check.urlMissing"));
            return;
        }
        Optional<String> name = UpstreamAddresses.referencedName(url);
        Optional<String> resolved = addresses.resolve(url);
        if (resolved.isEmpty()) {
            problems.add(problem("upstream.url", "share.upstream.check.urlAddress", name.orElseThrow(),
                    addresses.names().isEmpty() ? "—" : String.join(", ", addresses.names())));
            return;
        }
        URI uri;
        try {
            uri = new URI(resolved.get());
        } catch (java.net.URISyntaxException e) {
            problems.add(problem("upstream.url", "share.upstream.check.url", url));
            return;
        }
        if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null || uri.getFragment() != null) {
            problems.add(problem("upstream.url", "share.upstream.check.url", url));
        } else if (uri.getUserInfo() != null) {
            // a user and password in the URL would be stored with the definition and shown on its page
            problems.add(problem("upstream.url", "share.upstream.check.urlCredentials"));
        }
    }

    private static void checkHeader(String name, String value, List<InputProblem> problems) {
        String field = "upstream.headers." + name;
        if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            problems.add(problem(field, "share.upstream.check.headerName", name));
            return;
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                || name.toLowerCase(Locale.ROOT).startsWith("x-banyan-")) {
            problems.add(problem(field, "share.upstream.check.headerReserved", name));
            return;
        }
        if (value == null || value.isBlank()) {
            problems.add(problem(field, "share.upstream.check.headerEmpty", name));
            return;
        }
        String rest = UpstreamCredentials.PLACEHOLDER.matcher(value).replaceAll("");
        if (rest.contains("${")) {
            problems.add(problem(field, "share.upstream.check.placeholder", name));
        } else if (UpstreamSpec.looksLikeCredential(name) && !UpstreamSpec.onlyPlaceholders(value)) {
            // the definition is stored, versioned and shown: a key written into it is a key leaked
            problems.add(problem(field, "share.upstream.check.headerInClear", name));
        } else if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            problems.add(problem(field, "share.upstream.check.headerValue", name));
        }
    }

    private static void checkParameters(List<ServiceParameter> parameters, List<InputProblem> problems) {
        if (parameters.isEmpty()) {
            problems.add(problem("parameters", "share.upstream.check.noParameters"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            ServiceParameter p = parameters.get(i);
            String at = "parameters[" + i + "]";
            if (p.name() == null || !p.name().matches(PARAMETER_NAME)) {
                problems.add(problem(at + ".name", "share.upstream.check.parameterName", p.name()));
            } else if (!names.add(p.name())) {
                problems.add(problem(at + ".name", "share.upstream.check.parameterTwice", p.name()));
            }
            if (p.field() != null && !p.field().isBlank() && !p.field().matches(UPSTREAM_PARAMETER_NAME)) {
                problems.add(problem(at + ".field", "share.upstream.check.upstreamName", p.field()));
            }
        }
    }

    private static InputProblem problem(String field, String code, Object... arguments) {
        return new InputProblem(field, code, arguments);
    }

    // ---------------------------------------------------------------------------------------------- serving

    @Override
    public ServiceResponse handle(GatewayCall call) {
        DataService service = call.service();
        UpstreamSpec spec = service.definition().upstream();
        Map<String, Object> parameters = upstreamParameters(service.definition(), call);
        long openFor = circuits.openFor(service.code());
        if (openFor > 0) {
            throw new GatewayRefusal(503, "UPSTREAM_UNAVAILABLE", openFor, "share.upstream.error.unavailable",
                    service.code(), openFor);
        }
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        try {
            byte[] body = exchange(service.code(), spec, parameters, requestId, call.grant().consumerDepartmentId());
            UpstreamAnswer.Shaped shaped = new UpstreamAnswer(call.fields(), call.clearFields(), spec.personal())
                    .shape(body, spec.dataPointer());
            circuits.succeeded(service.code());
            if (shaped == null) {
                throw new GatewayRefusal(404, "NOT_FOUND", "share.upstream.error.noData", service.code());
            }
            return ServiceResponse.ok(shaped.body(), shaped.rows(), shaped.fields());
        } catch (UpstreamAnswer.Malformed e) {
            throw failure(service.code(), requestId, started, "answered with " + e.getMessage(), false);
        } catch (Failure e) {
            throw failure(service.code(), requestId, started, e.getMessage(), e.timedOut);
        }
    }

    private GatewayRefusal failure(String serviceCode, String requestId, long started, String what, boolean timedOut) {
        boolean opened = circuits.failed(serviceCode);
        // the log keeps what went wrong for the operators; the consumer learns only that the upstream failed
        log.warn("Upstream of service {} failed after {} ms (request {}): {}{}", serviceCode,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), requestId, what,
                opened ? "; its calls fail at once for a cool-down" : "");
        return timedOut
                ? new GatewayRefusal(504, "UPSTREAM_TIMEOUT", "share.upstream.error.timeout", serviceCode)
                : new GatewayRefusal(502, "UPSTREAM_ERROR", "share.upstream.error.failed", serviceCode);
    }

    /** Something went wrong on the way to or from the upstream; the message is for the server's log only. */
    private static final class Failure extends Exception {

        final boolean timedOut;

        Failure(String message, boolean timedOut) {
            super(message, null, false, false);
            this.timedOut = timedOut;
        }
    }

    /** Calls the upstream and returns the body of a 2xx answer. */
    private byte[] exchange(String serviceCode, UpstreamSpec spec, Map<String, Object> parameters, String requestId,
                            long consumerDepartmentId) throws Failure {
        HttpRequest request = request(spec, parameters, requestId, consumerDepartmentId);
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, CappedBody.handler(MAX_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            // the request's own timeout covers the wait for the headers; this one the whole answer
            response = pending.get(spec.timeout(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new Failure("no answer within " + spec.timeout() + " ms", true);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new Failure("no answer within " + spec.timeout() + " ms", true);
            }
            if (cause instanceof CappedBody.TooLarge) {
                throw new Failure("answered with more than " + MAX_BODY_BYTES + " bytes", false);
            }
            throw new Failure("could not be reached: " + cause, false);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failure("answered with status " + response.statusCode() + " (" + response.body().length + " bytes)",
                    false);
        }
        log.debug("Upstream of service {} answered {} (request {})", serviceCode, response.statusCode(), requestId);
        return response.body();
    }

    private HttpRequest request(UpstreamSpec spec, Map<String, Object> parameters, String requestId,
                                long consumerDepartmentId) throws Failure {
        String url = addresses.resolve(spec.url())
                .orElseThrow(() -> new Failure("the upstream address of " + spec.url() + " is not configured", false));
        HttpRequest.Builder builder;
        try {
            if ("POST".equals(spec.method())) {
                builder = HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(parameters)))
                        .header("Content-Type", "application/json; charset=utf-8");
            } else {
                builder = HttpRequest.newBuilder(URI.create(withQuery(url, parameters))).GET();
            }
        } catch (IllegalArgumentException e) {
            throw new Failure("its URL is not valid", false);
        }
        builder.timeout(Duration.ofMillis(spec.timeout()))
                .header("Accept", "application/json")
                .header(REQUEST_ID_HEADER, requestId);
        departmentCode(consumerDepartmentId).ifPresent(code -> builder.header(DEPARTMENT_HEADER, code));
        for (Map.Entry<String, String> h : spec.headers().entrySet()) {
            try {
                builder.header(h.getKey(), credentials.fill(h.getValue()));
            } catch (UpstreamCredentials.Missing e) {
                throw new Failure("header " + h.getKey() + ": " + e.getMessage(), false);
            } catch (IllegalArgumentException e) {
                throw new Failure("header " + h.getKey() + " is not valid", false);
            }
        }
        return builder.build();
    }

    private Optional<String> departmentCode(long id) {
        String code = departmentCodeCache.get(id);
        if (code == null) {
            Optional<String> found = departmentCodes.apply(id);
            found.ifPresent(c -> departmentCodeCache.put(id, c));
            return found;
        }
        return Optional.of(code);
    }

    private static String withQuery(String url, Map<String, Object> parameters) {
        if (parameters.isEmpty()) {
            return url;
        }
        StringBuilder query = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
        boolean first = true;
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            if (!first) {
                query.append('&');
            }
            first = false;
            query.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(p.getValue()), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /**
     * The declared parameters the caller gave, checked and standardised by type as for any service
     * ({@link ParameterValue}), under their upstream names; an identity number given in its old 15-digit form goes
     * upstream in the 18-digit form, a date in ISO form.
     */
    static Map<String, Object> upstreamParameters(ServiceDefinition d, GatewayCall call) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ServiceParameter p : d.parameters()) {
            String raw = call.parameter(p.name());
            if (raw == null || raw.isBlank()) {
                if (p.required()) {
                    throw new GatewayRefusal(400, "BAD_PARAMETER", "share.refusal.missingParameter", p.name());
                }
                continue;
            }
            Object value = ParameterValue.of(p, raw);
            String name = p.field() == null || p.field().isBlank() ? p.name() : p.field();
            out.put(name, value instanceof java.time.LocalDate date ? date.toString() : value);
        }
        return out;
    }
}
