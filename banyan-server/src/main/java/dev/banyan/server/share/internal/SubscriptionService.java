package dev.banyan.server.share.internal;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.identity.Role;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.InputProblems;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.IssuedSubscription;
import dev.banyan.server.share.NewSubscription;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.Subscription;
import dev.banyan.server.share.SubscriptionActor;
import dev.banyan.server.share.SubscriptionEvent;
import dev.banyan.server.share.Subscriptions;
import dev.banyan.server.share.WebhookSignature;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The subscriptions of consumers ({@link Subscriptions}): who may make, see and change them, the checks on a new one,
 * and the evidence of every change. Producing and delivering events are {@link ChangeCapture} and
 * {@link DeliveryWorker}.
 */
class SubscriptionService implements Subscriptions {

    /** A consumer department's staff who manage its subscriptions. */
    static final Set<Role> MANAGERS = Set.of(Role.CHIEF_DATA_OFFICER, Role.DATA_LIAISON, Role.DEPARTMENT_DEVELOPER);
    private static final int MAX_URL = 2_000;
    private static final int MAX_DESCRIPTION = 500;

    private final SubscriptionStore store;
    private final EventOutbox outbox;
    private final ChangeCapture capture;
    private final DeliveryWorker worker;
    private final Grants grants;
    private final DataServices services;
    private final StandardZone zone;
    private final WebhookSettings settings;
    private final TransactionTemplate transactions;
    private final EvidenceLog evidence;
    private final Clock clock;

    SubscriptionService(SubscriptionStore store, EventOutbox outbox, ChangeCapture capture, DeliveryWorker worker,
                        Grants grants, DataServices services, StandardZone zone, WebhookSettings settings,
                        TransactionTemplate transactions, EvidenceLog evidence, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.capture = capture;
        this.worker = worker;
        this.grants = grants;
        this.services = services;
        this.zone = zone;
        this.settings = settings;
        this.transactions = transactions;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Override
    public IssuedSubscription subscribe(NewSubscription request, SubscriptionActor actor) {
        Instant now = clock.instant();
        InputProblems problems = new InputProblems();
        Optional<Grant> found = grants.find(request.grantId());
        Grant grant = found.filter(g -> actor.clientId() != null ? actor.clientId().equals(g.clientId())
                : actor.departmentId() != null && actor.departmentId() == g.consumerDepartmentId()
                && MANAGERS.stream().anyMatch(actor::has)).orElse(null);
        DataService service = null;
        if (grant == null) {
            problems.add("grantId", "share.subscription.error.grantNotYours", request.grantId());
        } else if (!grant.liveAt(now)) {
            problems.add("grantId", "share.subscription.error.grantNotLive", request.grantId());
        } else {
            service = services.current(grant.serviceCode()).filter(v -> v.status() == DataService.Status.PUBLISHED)
                    .orElse(null);
            if (service == null || service.resourceCode() == null
                    || (service.kind() != ServiceKind.LOOKUP && service.kind() != ServiceKind.LIST)) {
                problems.add("grantId", "share.subscription.error.serviceKind", grant.serviceCode());
                service = null;
            }
        }
        checkUrl(request.url(), problems);
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            problems.add("description", "share.subscription.error.descriptionTooLong", MAX_DESCRIPTION);
        }
        if (service != null) {
            checkConditions(request.conditions(), grant, service, problems);
        }
        problems.throwIfAny();
        Grant g = grant;
        DataService svc = service;
        String secret = WebhookSignature.newSecret();
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        return transactions.execute(status -> {
            Subscription draft = new Subscription(0, g.id(), svc.code(), svc.resourceCode(), g.clientId(),
                    g.consumerDepartmentId(), svc.ownerDepartmentId(), request.url().strip(), request.conditions(),
                    description, Subscription.Status.ACTIVE, null, zone.latestBatch(svc.resourceCode()),
                    actor.name(), now, now);
            long id = store.insert(draft, secret);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("grant", g.id());
            payload.put("service", svc.code());
            payload.put("resource", svc.resourceCode());
            payload.put("client", g.clientId());
            payload.put("url", draft.url());
            payload.put("conditions", draft.conditions().stream().map(c -> c.field() + " " + c.operator() + " "
                    + String.join(",", c.values())).toList());
            payload.put("fromBatch", draft.watermark());
            evidence.record(Evidence.of("share.subscription.created", actor.name(), "subscription:" + id, payload));
            return new IssuedSubscription(store.find(id).orElseThrow(), secret);
        });
    }

    private void checkUrl(String url, InputProblems problems) {
        if (url == null || url.isBlank()) {
            problems.add("url", "share.subscription.error.urlRequired");
            return;
        }
        if (url.strip().length() > MAX_URL) {
            problems.add("url", "share.subscription.error.urlInvalid", MAX_URL);
            return;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            problems.add("url", "share.subscription.error.urlInvalid", MAX_URL);
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add("url", "share.subscription.error.urlInvalid", MAX_URL);
        } else if (scheme.equals("http") && !settings.allowHttp() && !loopback(uri.getHost())) {
            problems.add("url", "share.subscription.error.urlNotHttps");
        }
    }

    /** Whether the host is a loopback name or address — looked up only when it is written as an address. */
    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;   // a name: not resolved here (it could resolve anywhere later)
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * A subscription may filter only on fields it sees in clear: a condition on a masked field would tell the
     * consumer something of values it may not see.
     */
    private static void checkConditions(List<RowCondition> conditions, Grant grant, DataService service,
                                        InputProblems problems) {
        Set<String> clear = new HashSet<>(grant.fields());
        clear.retainAll(service.definition().output());
        for (int i = 0; i < conditions.size(); i++) {
            RowCondition c = conditions.get(i);
            String at = "conditions[" + i + "]";
            if (c.field() == null || !clear.contains(c.field())) {
                problems.add(at + ".field", "share.subscription.error.conditionField", c.field() == null ? "" : c.field(),
                        String.join(", ", clear.stream().sorted().toList()));
            } else if (c.values().isEmpty() || c.values().stream().anyMatch(v -> v == null || v.isBlank())) {
                problems.add(at + ".values", "share.subscription.error.conditionValues", c.field());
            } else if (c.values().size() > 1 && c.operator() != dev.banyan.server.share.ConditionOperator.IN
                    && c.operator() != dev.banyan.server.share.ConditionOperator.PREFIX) {
                problems.add(at + ".values", "share.subscription.error.conditionOneValue", c.field(), c.operator().name());
            }
        }
    }

    @Override
    public Optional<Subscription> find(long id) {
        return store.find(id);
    }

    @Override
    public Subscription get(long id, SubscriptionActor actor) {
        return store.find(id).filter(s -> visible(s, actor))
                .orElseThrow(() -> new NotFoundException("share.subscription.error.notFound", id));
    }

    @Override
    public List<Subscription> visibleTo(SubscriptionActor actor) {
        if (actor.clientId() != null) {
            return store.ofClient(actor.clientId());
        }
        if (actor.has(Role.PLATFORM_ADMIN) || actor.has(Role.AUDITOR)) {
            return store.all();
        }
        return actor.departmentId() == null ? List.of() : store.ofDepartment(actor.departmentId());
    }

    private static boolean visible(Subscription s, SubscriptionActor actor) {
        if (actor.clientId() != null) {
            return actor.clientId().equals(s.clientId());
        }
        return actor.has(Role.PLATFORM_ADMIN) || actor.has(Role.AUDITOR) || (actor.departmentId() != null
                && (actor.departmentId() == s.consumerDepartmentId() || actor.departmentId() == s.ownerDepartmentId()));
    }

    @Override
    public boolean manageable(Subscription s, SubscriptionActor actor) {
        if (actor.clientId() != null) {
            return actor.clientId().equals(s.clientId());
        }
        return actor.departmentId() != null && actor.departmentId() == s.consumerDepartmentId()
                && MANAGERS.stream().anyMatch(actor::has);
    }

    private Subscription managed(long id, SubscriptionActor actor) {
        Subscription s = get(id, actor);
        if (!manageable(s, actor)) {
            throw new AccessDeniedException("only the consumer department's staff or its client change a subscription");
        }
        return s;
    }

    @Override
    public Subscription pause(long id, SubscriptionActor actor) {
        return transactions.execute(status -> {
            Subscription s = managed(id, actor);
            if (s.active() && store.setStatus(id, Subscription.Status.PAUSED, Subscription.PauseReason.BY_CONSUMER, clock.instant())) {
                evidence.record(Evidence.of("share.subscription.paused", actor.name(), "subscription:" + id,
                        Map.of("reason", Subscription.PauseReason.BY_CONSUMER.name())));
            }
            return store.find(id).orElseThrow();
        });
    }

    @Override
    public Subscription resume(long id, SubscriptionActor actor) {
        return transactions.execute(status -> {
            Subscription s = managed(id, actor);
            if (!s.active() && (s.pauseReason() == Subscription.PauseReason.BY_CONSUMER
                    || s.pauseReason() == Subscription.PauseReason.GONE)) {
                store.setStatus(id, Subscription.Status.ACTIVE, null, clock.instant());
                evidence.record(Evidence.of("share.subscription.resumed", actor.name(), "subscription:" + id,
                        Map.of("reason", "BY_CONSUMER")));
            } else if (!s.active()) {
                throw new dev.banyan.server.platform.InvalidInputException("id", "share.subscription.error.cannotResume",
                        id, s.pauseReason().name());
            }
            return store.find(id).orElseThrow();
        });
    }

    @Override
    public IssuedSubscription rotateSecret(long id, SubscriptionActor actor) {
        return transactions.execute(status -> {
            managed(id, actor);
            Instant now = clock.instant();
            String secret = WebhookSignature.newSecret();
            store.rotate(id, secret, now, now.plus(settings.previousSecretTtl()));
            evidence.record(Evidence.of("share.subscription.secret-rotated", actor.name(), "subscription:" + id,
                    Map.of("previousSignsUntil", now.plus(settings.previousSecretTtl()).toString())));
            return new IssuedSubscription(store.find(id).orElseThrow(), secret);
        });
    }

    @Override
    public void delete(long id, SubscriptionActor actor) {
        transactions.executeWithoutResult(status -> {
            Subscription s = managed(id, actor);
            Map<SubscriptionEvent.Status, Long> counts = outbox.counts(id);
            store.delete(id);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("grant", s.grantId());
            payload.put("service", s.serviceCode());
            payload.put("url", s.url());
            counts.forEach((k, v) -> payload.put(k.name().toLowerCase(Locale.ROOT), v));
            evidence.record(Evidence.of("share.subscription.deleted", actor.name(), "subscription:" + id, payload));
        });
    }

    @Override
    public List<SubscriptionEvent> events(long id, SubscriptionEvent.Status status, int offset, int limit,
                                          SubscriptionActor actor) {
        get(id, actor);
        return outbox.events(id, status, offset, limit);
    }

    @Override
    public Map<SubscriptionEvent.Status, Long> counts(long id, SubscriptionActor actor) {
        get(id, actor);
        return outbox.counts(id);
    }

    @Override
    public int replay(long id, long eventId, SubscriptionActor actor) {
        managed(id, actor);
        outbox.event(id, eventId).orElseThrow(() -> new NotFoundException("share.subscription.error.noEvent", eventId, id));
        return replayed(id, actor, outbox.requeue(id, eventId, null, null, null, clock.instant()), Map.of("event", eventId));
    }

    @Override
    public int replayFailed(long id, SubscriptionActor actor) {
        managed(id, actor);
        return replayed(id, actor, outbox.requeue(id, null, SubscriptionEvent.Status.FAILED, null, null, clock.instant()),
                Map.of("status", "FAILED"));
    }

    @Override
    public int redeliver(long id, Instant from, Instant to, SubscriptionActor actor) {
        managed(id, actor);
        if (from == null || to == null || !from.isBefore(to)) {
            throw new dev.banyan.server.platform.InvalidInputException("from", "share.subscription.error.range");
        }
        return replayed(id, actor, outbox.requeue(id, null, null, from, to, clock.instant()),
                Map.of("from", from.toString(), "to", to.toString()));
    }

    private int replayed(long id, SubscriptionActor actor, int events, Map<String, Object> what) {
        if (events > 0) {
            Map<String, Object> payload = new LinkedHashMap<>(what);
            payload.put("events", events);
            evidence.record(Evidence.of("share.subscription.replayed", actor.name(), "subscription:" + id, payload));
        }
        return events;
    }

    @Override
    public int skip(long id, long eventId, SubscriptionActor actor) {
        managed(id, actor);
        int skipped = outbox.skip(id, eventId, clock.instant());
        if (skipped == 0) {
            throw new dev.banyan.server.platform.InvalidInputException("eventId", "share.subscription.error.notFailed", eventId);
        }
        evidence.record(Evidence.of("share.subscription.skipped", actor.name(), "subscription:" + id,
                Map.of("event", eventId)));
        return skipped;
    }

    @Override
    public int poll() {
        capture.produceAll(true);
        return worker.deliverDue();
    }

    /** Production alone, for the schedule. */
    int produce(boolean sweep) {
        return capture.produceAll(sweep);
    }

    /** Delivery alone, for the schedule. */
    int deliver() {
        return worker.deliverDue();
    }
}
