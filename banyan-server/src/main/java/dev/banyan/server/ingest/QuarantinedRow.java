package dev.banyan.server.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row held in quarantine (隔离区记录): the values as they landed, what is wrong with them, and what became of it.
 * It is corrected in the console (its corrected values then pass the same rules into the STANDARD zone), or dismissed
 * with a note; either way it stays on record.
 *
 * @param values          field name → value as landed
 * @param correctedValues the values that were accepted on correction, or null
 */
public record QuarantinedRow(long id, String resourceCode, long batchId, long rowNumber, Map<String, String> values,
                             List<QuarantineProblem> problems, Status status, Map<String, String> correctedValues,
                             String resolvedBy, Instant resolvedAt, String note) {

    /** Open (待处理), corrected and replayed into STANDARD (已更正), or dismissed (已驳回, e.g. a test record). */
    public enum Status {
        OPEN, CORRECTED, DISMISSED
    }

    public QuarantinedRow {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
