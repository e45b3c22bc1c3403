package dev.banyan.server.share.internal;

import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.IssuedSubscription;
import dev.banyan.server.share.NewSubscription;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.Subscription;
import dev.banyan.server.share.SubscriptionActor;
import dev.banyan.server.share.SubscriptionEvent;
import dev.banyan.server.share.Subscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscriptions through the machine API: a consumer's client subscribes to the changes behind one of its grants
 * (named by the service, or by the grant's id), lists and deletes its subscriptions, reads their events and replays.
 * A client sees only its own subscriptions.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Changes of a granted resource pushed to a webhook (数据推送)")
@SecurityRequirement(name = "oauth2")
class SubscriptionApi {

    private final Subscriptions subscriptions;
    private final Grants grants;
    private final MachineClients clients;

    SubscriptionApi(Subscriptions subscriptions, Grants grants, MachineClients clients) {
        this.subscriptions = subscriptions;
        this.grants = grants;
        this.clients = clients;
    }

    /**
     * A subscription asked for: the service whose live grant it follows (or the grant's id), the webhook URL, and
     * optional conditions on fields granted in clear.
     */
    record SubscriptionRequest(String service, Long grantId, String url, List<RowCondition> conditions, String description) {
    }

    /** A subscription just made, with its signing secret, shown this once. */
    record Created(Subscription subscription, String secret) {
    }

    /** What to send again: every event with this status (FAILED), or those made in {@code [from, to)}. */
    record ReplayRequest(String status, Instant from, Instant to) {
    }

    @PostMapping
    @Operation(summary = "Subscribe to the changes of the resource behind one of the client's live grants",
            description = "201 with the subscription and its signing secret (whsec_…), which is shown only now. Events are "
                    + "POSTed as JSON with the Standard Webhooks headers webhook-id, webhook-timestamp and webhook-signature.")
    ResponseEntity<Created> subscribe(@RequestBody SubscriptionRequest request, Principal principal) {
        SubscriptionActor actor = actor(principal);
        long grantId;
        if (request.grantId() != null) {
            grantId = request.grantId();
        } else if (request.service() != null && !request.service().isBlank()) {
            grantId = grants.live(actor.clientId(), request.service().strip()).map(Grant::id)
                    .orElseThrow(() -> new InvalidInputException("service", "share.subscription.error.noLiveGrant",
                            request.service().strip()));
        } else {
            throw new InvalidInputException("service", "share.subscription.error.serviceRequired");
        }
        IssuedSubscription issued = subscriptions.subscribe(new NewSubscription(grantId, request.url(),
                request.conditions(), request.description()), actor);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + issued.subscription().id()))
                .body(new Created(issued.subscription(), issued.secret()));
    }

    @GetMapping
    @Operation(summary = "The client's subscriptions, newest first")
    List<Subscription> list(Principal principal) {
        return subscriptions.visibleTo(actor(principal));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription with its events' counts by status")
    Map<String, Object> get(@PathVariable long id, Principal principal) {
        SubscriptionActor actor = actor(principal);
        return Map.of("subscription", subscriptions.get(id, actor), "events", subscriptions.counts(id, actor));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a subscription and its undelivered events")
    ResponseEntity<Void> delete(@PathVariable long id, Principal principal) {
        subscriptions.delete(id, actor(principal));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/pause")
    Subscription pause(@PathVariable long id, Principal principal) {
        return subscriptions.pause(id, actor(principal));
    }

    @PostMapping("/{id}/resume")
    Subscription resume(@PathVariable long id, Principal principal) {
        return subscriptions.resume(id, actor(principal));
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Rotate the signing secret", description = "The new secret is shown only now; the previous one "
            + "still signs (a second signature in webhook-signature) for a day.")
    Created rotate(@PathVariable long id, Principal principal) {
        IssuedSubscription issued = subscriptions.rotateSecret(id, actor(principal));
        return new Created(issued.subscription(), issued.secret());
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "The subscription's events, newest first: PENDING, DELIVERED, FAILED or SKIPPED")
    List<SubscriptionEvent> events(@PathVariable long id, @RequestParam(required = false) String status,
                                   @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit,
                                   Principal principal) {
        return subscriptions.events(id, status(status), offset, limit, actor(principal));
    }

    @PostMapping("/{id}/events/{eventId}/replay")
    @Operation(summary = "Send one event again")
    Map<String, Integer> replay(@PathVariable long id, @PathVariable long eventId, Principal principal) {
        return Map.of("events", subscriptions.replay(id, eventId, actor(principal)));
    }

    @PostMapping("/{id}/events/{eventId}/skip")
    @Operation(summary = "Give up a failed event, so that the later events of its entity go out")
    Map<String, Integer> skip(@PathVariable long id, @PathVariable long eventId, Principal principal) {
        return Map.of("events", subscriptions.skip(id, eventId, actor(principal)));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Send again every failed event ({\"status\":\"FAILED\"}) or those made in a time range ({\"from\":…,\"to\":…})")
    Map<String, Integer> replay(@PathVariable long id, @RequestBody ReplayRequest request, Principal principal) {
        SubscriptionActor actor = actor(principal);
        if (request.from() != null || request.to() != null) {
            return Map.of("events", subscriptions.redeliver(id, request.from(), request.to(), actor));
        }
        if (status(request.status()) != SubscriptionEvent.Status.FAILED) {
            throw new InvalidInputException("status", "share.subscription.error.replayWhat");
        }
        return Map.of("events", subscriptions.replayFailed(id, actor));
    }

    private static SubscriptionEvent.Status status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SubscriptionEvent.Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "share.subscription.error.status", text);
        }
    }

    private SubscriptionActor actor(Principal principal) {
        MachineClient client = principal == null ? null : clients.find(principal.getName()).filter(MachineClient::active)
                .orElse(null);
        if (client == null) {
            throw new AccessDeniedException("subscriptions are for departments' machine clients");
        }
        return SubscriptionActor.of(client);
    }
}
