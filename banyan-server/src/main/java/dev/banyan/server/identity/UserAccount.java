package dev.banyan.server.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A person's console account (用户). The password is never part of this type.
 *
 * @param lockedUntil set after repeated failed logins; the account can log in again after this instant
 */
public record UserAccount(long id, String username, String displayName, Long departmentId, Set<Role> roles,
                          boolean enabled, int failedLogins, Instant lockedUntil, Instant lastLoginAt) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
