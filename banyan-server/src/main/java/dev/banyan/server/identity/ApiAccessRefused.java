package dev.banyan.server.identity;

/**
 * An API request refused before it reached any module (拒绝访问): no bearer token, or one that is expired, revoked
 * or not issued by this Banyan. Published as an application event so that a module can keep its own record of such
 * refusals — the exchange logs them as calls.
 *
 * @param method the HTTP method
 * @param path   the request path, e.g. {@code /api/v1/services/person-basic}
 * @param reason {@code NO_TOKEN}, {@code EXPIRED_TOKEN}, {@code REVOKED_TOKEN} or {@code INVALID_TOKEN}
 */
public record ApiAccessRefused(String method, String path, String reason) {
}
