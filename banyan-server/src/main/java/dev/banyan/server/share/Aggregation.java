package dev.banyan.server.share;

import java.util.List;

/**
 * What an {@link ServiceKind#AGGREGATE} service computes: rows grouped by some fields, and measures per group.
 *
 * @param groupBy  fields or facts to group by; empty for one total
 * @param measures at least one
 */
public record Aggregation(List<String> groupBy, List<Measure> measures) {

    public Aggregation {
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** One measure: {@code COUNT} (no field), or {@code SUM}, {@code AVG}, {@code MIN}, {@code MAX} of a field. */
    public record Measure(String function, String field, String name) {
    }
}
