package dev.banyan.server.share.internal;

import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import java.util.List;

/**
 * Serves one {@link ServiceKind} of data service behind the gateway — the extension point of the exchange, as a
 * connector is of ingest: a new kind of service is one bean. The gateway has authenticated the caller, found its
 * grant, applied the quota and the rate limit before it calls {@link #handle}; it logs the call afterwards.
 */
interface ServiceHandler {

    ServiceKind kind();

    /**
     * Checks a definition of this kind against the catalog and the data before it is published, adding every problem
     * found (field paths like {@code verification.facts[1].field}).
     */
    void check(ServiceDefinition definition, List<InputProblem> problems);

    /** Prepares what serving needs once the definition is published, e.g. indexes on the looked-up columns. */
    default void prepare(ServiceDefinition definition) {
    }

    /**
     * Serves one authorised call.
     *
     * @throws GatewayRefusal for bad parameters (400) or a subject not found within the grant's scope (404)
     */
    ServiceResponse handle(GatewayCall call) throws Exception;
}
