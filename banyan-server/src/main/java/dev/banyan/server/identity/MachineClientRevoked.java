package dev.banyan.server.identity;

/** A machine client was revoked: the tokens it holds must be refused from now on, also by caches of verified tokens. */
public record MachineClientRevoked(String clientId) {
}
