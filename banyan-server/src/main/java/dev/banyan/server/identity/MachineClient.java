package dev.banyan.server.identity;

import java.time.Instant;
import java.util.Set;

/**
 * An application of a department that calls Banyan's APIs (接入应用), authenticated with OAuth2 client
 * credentials. Its secret is shown once, at registration, and stored only as a hash.
 */
public record MachineClient(long id, String clientId, String name, long departmentId, Set<String> scopes,
                            Status status, String createdBy, Instant createdAt, Instant revokedAt) {

    public enum Status {
        ACTIVE,
        REVOKED
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
