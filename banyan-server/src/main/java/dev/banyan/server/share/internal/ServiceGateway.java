package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's gateway (共享网关), what happens to every call between the authenticated client and the data: the
 * service's current version, the client's live grant, the parameters (only the service's own, each checked), the
 * fields asked for (only granted ones), the allowance, the service's handler — and then the call record, written
 * durably before the answer goes back, whether the call was served or refused.
 */
final class ServiceGateway {

    private static final Logger log = LoggerFactory.getLogger(ServiceGateway.class);
    private static final int OWNER_TRY_OUTS_A_DAY = 2000;
    private static final int OWNER_TRY_OUTS_A_SECOND = 5;
    private static final java.time.Duration RESOURCE_TTL = java.time.Duration.ofSeconds(60);

    /**
     * The caller as the gateway knows it: the client id and its department, or null for no valid token.
     *
     * @param ownersView the owning department trying its own service in the console ({@link #ownerTryOut}), not a client
     */
    record Caller(String clientId, String department, boolean ownersView) {

        /** The client that holds the call's bearer token. */
        Caller(String clientId, String department) {
            this(clientId, department, false);
        }

        /**
         * A person of the department that owns the service, or the administrator, trying it in the console (控制台试调用):
         * served without a grant, every output field in clear and no row scope — what the owner may see of its own data
         * anyway — within a small shared allowance, and logged like any call, as client {@code console:<username>}.
         * Only the console makes such a caller, after checking who the person is.
         */
        static Caller ownerTryOut(String username, String department) {
            return new Caller("console:" + username, department, true);
        }
    }

    /** The outcome handed back to the HTTP layer: a served response, or a refusal to render as a problem. */
    record Outcome(ServiceResponse response, GatewayRefusal refusal) {
    }

    private final ServiceRegistry registry;
    private final GrantRegistry grants;
    private final Catalog catalog;
    private final CallAllowance allowance;
    private final CallLogWriter callLog;
    private final ParameterHash parameterHash;
    private final Clock clock;
    private final Map<String, CachedResource> resources = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedResource(Resource resource, Instant loadedAt) {
    }

    ServiceGateway(ServiceRegistry registry, GrantRegistry grants, Catalog catalog, CallAllowance allowance,
                   CallLogWriter callLog, ParameterHash parameterHash, Clock clock) {
        this.registry = registry;
        this.grants = grants;
        this.catalog = catalog;
        this.allowance = allowance;
        this.callLog = callLog;
        this.parameterHash = parameterHash;
        this.clock = clock;
    }

    /** Serves one call; never throws for the caller's mistakes — they come back as refusals, logged like the rest. */
    Outcome call(Caller caller, String serviceCode, Map<String, String> parameters, long startNanos) {
        return call(caller, serviceCode, parameters, startNanos, clock.instant());
    }

    /**
     * Replays a call as if made at the given time, outside the grant's rate and daily quota (which count calls made
     * now) — only for the demo's history of calls, so that statistics have months to show.
     */
    Outcome replay(Caller caller, String serviceCode, Map<String, String> parameters, Instant at) {
        return call(caller, serviceCode, parameters, System.nanoTime(), at, false);
    }

    private Outcome call(Caller caller, String serviceCode, Map<String, String> parameters, long startNanos, Instant at) {
        return call(caller, serviceCode, parameters, startNanos, at, true);
    }

    private Outcome call(Caller caller, String serviceCode, Map<String, String> parameters, long startNanos, Instant at,
                         boolean counted) {
        DataService service = null;
        Grant grant = null;
        ServiceResponse response = null;
        GatewayRefusal refusal = null;
        boolean taken = false;
        try {
            service = registry.current(serviceCode).orElseThrow(
                    () -> new GatewayRefusal(404, "UNKNOWN_SERVICE", "share.refusal.unknownService", serviceCode));
            String client = caller.clientId();
            grant = caller.ownersView() ? ownersView(service, client, at) : grants.live(client, serviceCode).orElseThrow(
                    () -> new GatewayRefusal(403, "NO_GRANT", "share.refusal.noGrant", client, serviceCode));
            ServiceDefinition d = service.definition();
            checkParameterNames(d, parameters);
            List<String> fields = fieldsAsked(d, grant, parameters.get("fields"));
            if (counted) {
                allowance.take(grant);
                taken = true;
            }
            Resource resource = d.resource() == null ? null : resource(d.resource());
            response = registry.handler(d.kind()).handle(new GatewayCall(service, grant, parameters, fields,
                    grant.fields(), resource));
        } catch (GatewayRefusal r) {
            refusal = r;
        } catch (Exception e) {
            log.warn("Service {} failed for client {}: {}", serviceCode, caller.clientId(), e.toString());
            refusal = failure(e);
        }
        if (refusal != null && taken) {
            allowance.giveBack(grant);
        }
        int status = refusal != null ? refusal.status() : response.status();
        String outcome = refusal != null ? refusal.outcome() : "SERVED";
        Map<String, String> own = new LinkedHashMap<>(parameters);
        GatewayParameters.RESERVED.forEach(own::remove);
        String purpose = parameters.getOrDefault("purpose", grant == null ? null : grant.purpose());
        int latency = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1000);
        CallRecord record = new CallRecord(at, caller.clientId(), caller.department(), serviceCode,
                service == null ? null : service.version(), grant == null || caller.ownersView() ? null : grant.id(),
                purpose == null ? null : truncate(purpose, 200), own.isEmpty() ? null : parameterHash.of(own),
                response == null ? List.of() : response.fields(), response == null ? 0 : response.rows(), status, outcome, latency);
        try {
            callLog.append(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, unlogged());
        } catch (ExecutionException | TimeoutException e) {
            // An answer that is not on record is not given.
            return new Outcome(null, unlogged());
        }
        return new Outcome(response, refusal);
    }

    /** The catalog resource, cached: its fields decide masking, and they change only with a new catalog version. */
    private Resource resource(String code) {
        Instant now = clock.instant();
        CachedResource c = resources.get(code);
        if (c == null || c.loadedAt().plus(RESOURCE_TTL).isBefore(now)) {
            c = new CachedResource(catalog.findByCode(code).orElse(null), now);
            resources.put(code, c);
        }
        return c.resource();
    }

    /** Logs a call refused before it reached the gateway: no token, or one that is expired, revoked or not Banyan's. */
    void refusedAtTheDoor(String serviceCode, String clientId, int status, String outcome) {
        CallRecord record = new CallRecord(clock.instant(), clientId, null, truncate(serviceCode, 100), null, null, null, null,
                List.of(), 0, status, outcome, 0);
        callLog.append(record);   // not awaited: the caller gets nothing either way
    }

    /**
     * The stand-in grant of an owner's try-out: not stored, one minute long, every output field in clear, no row scope;
     * all owners' try-outs on a node share its allowance (id 0), so that trying stays a matter of a few calls.
     */
    private static Grant ownersView(DataService service, String client, Instant at) {
        return new Grant(0, null, service.code(), client, service.ownerDepartmentId(), "console try-out",
                Set.copyOf(service.definition().output()), List.of(), OWNER_TRY_OUTS_A_DAY, OWNER_TRY_OUTS_A_SECOND, at,
                at.plusSeconds(60), Grant.Status.ACTIVE, null, null, null, client, at);
    }

    private static void checkParameterNames(ServiceDefinition d, Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!GatewayParameters.RESERVED.contains(name) && d.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw new GatewayRefusal(400, "BAD_PARAMETER", "share.refusal.unknownParameter", truncate(name, 40),
                        String.join(", ", d.parameters().stream().map(p -> p.name()).toList()));
            }
        }
    }

    /** The output fields to return: all the service's, or those asked for — each of which must be granted. */
    private static List<String> fieldsAsked(ServiceDefinition d, Grant grant, String asked) {
        if (d.kind() == ServiceKind.AGGREGATE || d.kind() == ServiceKind.VERIFICATION || d.kind() == ServiceKind.PROXY) {
            return d.output();
        }
        if (asked == null || asked.isBlank()) {
            return d.output();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String f : asked.split(",")) {
            String name = f.strip();
            if (!d.output().contains(name)) {
                throw new GatewayRefusal(400, "BAD_PARAMETER", "share.refusal.unknownField", truncate(name, 40));
            }
            if (!grant.fields().contains(name)) {
                throw new GatewayRefusal(403, "FIELD_NOT_GRANTED", "share.refusal.fieldNotGranted", name);
            }
            wanted.add(name);
        }
        return new ArrayList<>(wanted);
    }

    private static GatewayRefusal failure(Exception e) {
        if (e instanceof java.sql.SQLException sql) {
            if ("57014".equals(sql.getSQLState())) {
                return new GatewayRefusal(504, "TIMEOUT", "share.refusal.timeout");
            }
            if (sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return new GatewayRefusal(400, "BAD_PARAMETER", "share.refusal.badValue");
            }
        }
        return new GatewayRefusal(500, "FAILED", "share.refusal.failed");
    }

    private static GatewayRefusal unlogged() {
        return new GatewayRefusal(503, "NOT_LOGGED", 1, "share.refusal.notLogged");
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
