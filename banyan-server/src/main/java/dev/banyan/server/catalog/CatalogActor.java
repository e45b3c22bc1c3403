package dev.banyan.server.catalog;

import dev.banyan.server.identity.Role;
import java.util.Set;

/**
 * Who acts on the catalog (操作人): a console user, or a machine client acting as its department's liaison. The
 * services check every role and department rule against it.
 *
 * @param name         a username, or {@code client:<id>} for a machine client; recorded in the history
 * @param departmentId the actor's department, or null for platform-wide accounts
 */
public record CatalogActor(String name, Long departmentId, Set<Role> roles) {

    public CatalogActor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.PLATFORM_ADMIN);
    }

    public boolean belongsTo(long department) {
        return departmentId != null && departmentId == department;
    }
}
