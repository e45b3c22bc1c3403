package dev.banyan.server.share.internal;

import java.time.Instant;
import java.util.List;

/**
 * One call through the gateway as the call log keeps it (调用记录): who called which service version under which
 * grant and for what purpose, a keyed hash of the parameters (never the parameters themselves), the fields and number
 * of rows returned, the HTTP status and outcome, and the latency.
 */
record CallRecord(Instant at, String clientId, String department, String serviceCode, Integer serviceVersion, Long grantId,
                  String purpose, String parameterHash, List<String> fields, int rows, int status, String outcome,
                  int latencyMicros) {

    CallRecord {
        // as PostgreSQL keeps it, so that the leaf hash can be recomputed from the stored row
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
