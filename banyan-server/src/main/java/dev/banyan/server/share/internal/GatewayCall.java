package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Resource;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.Grant;
import java.util.Map;
import java.util.Set;

/**
 * One call as the gateway hands it to a {@link ServiceHandler}: the service version, the caller's grant, the
 * parameters as given (names → text), which output fields the caller may see in clear, and the catalog resource
 * served (null for a proxy) for masking.
 *
 * @param clearFields output fields returned in clear; other personal fields of the output are masked, other fields left out
 * @param fields      the output fields to return (the service's output, or the subset the caller asked for)
 */
record GatewayCall(DataService service, Grant grant, Map<String, String> parameters, java.util.List<String> fields,
                   Set<String> clearFields, Resource resource) {

    String parameter(String name) {
        return parameters.get(name);
    }
}
