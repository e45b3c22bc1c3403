package dev.banyan.server.share.internal;

import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.MachineClients;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether the grant a subscription follows lets data flow now: the grant active, started and not expired, and its
 * machine client not revoked — a revoked client (say, a leaked secret) gets nothing pushed either, as it could call
 * nothing through the gateway.
 */
@Component
class SubscribedGrants {

    private final Grants grants;
    private final MachineClients clients;

    SubscribedGrants(Grants grants, MachineClients clients) {
        this.grants = grants;
        this.clients = clients;
    }

    Optional<Grant> live(long grantId, Instant now) {
        return grants.find(grantId).filter(g -> g.liveAt(now))
                .filter(g -> clients.find(g.clientId()).map(MachineClient::active).orElse(false));
    }
}
