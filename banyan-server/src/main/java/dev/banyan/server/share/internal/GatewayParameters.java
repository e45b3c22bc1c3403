package dev.banyan.server.share.internal;

import java.util.Map;
import java.util.Set;

/**
 * The query parameters the gateway itself reads on every service call, whatever the service: {@code fields} (the
 * output fields wanted, comma-separated — each must be one the service returns), {@code page} and {@code size} for
 * lists, and {@code purpose} (the purpose of this call, logged; defaults to the grant's). A service's own parameters
 * may not use these names.
 */
final class GatewayParameters {

    static final Set<String> RESERVED = Set.of("fields", "page", "size", "purpose");

    private GatewayParameters() {
    }

    static int intParameter(Map<String, String> parameters, String name, int byDefault, int min, int max) {
        String raw = parameters.get(name);
        if (raw == null || raw.isBlank()) {
            return byDefault;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new GatewayRefusal(400, "BAD_PARAMETER", "share.refusal.range", name, min, max);
    }
}
