package dev.banyan.server.share;

import dev.banyan.server.identity.MachineClient;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccount;
import java.util.Set;

/**
 * Who acts on subscriptions: a person of a department in the console, or a department's machine client through
 * the API (which may act only on its own grants' subscriptions).
 *
 * @param name         for evidence, e.g. {@code user:liaison.hrss} or {@code client:hrss-1a2b3c4d}
 * @param departmentId the person's or client's department; null for a person without one
 * @param clientId     the machine client, or null for a person
 */
public record SubscriptionActor(String name, Long departmentId, Set<Role> roles, String clientId) {

    public SubscriptionActor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static SubscriptionActor of(UserAccount user) {
        return new SubscriptionActor("user:" + user.username(), user.departmentId(), user.roles(), null);
    }

    public static SubscriptionActor of(MachineClient client) {
        return new SubscriptionActor("client:" + client.clientId(), client.departmentId(), Set.of(), client.clientId());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
