package dev.banyan.server.fuse;

import java.time.Instant;
import java.util.List;

/**
 * One attribute of a golden record (黄金记录属性值) with its provenance: the department, resource, batch and time of the
 * STANDARD row it was taken from, why that row won — the catalog's authoritative source for the data element (一数一源),
 * else the most recent, else the best quality — and the other values departments hold (conflicts, 冲突值).
 *
 * @param attribute  e.g. {@code name}, {@code id}, {@code phone}
 * @param value      the chosen value
 * @param basis      {@code AUTHORITY}, {@code RECENCY} or {@code QUALITY}
 * @param conflicts  different values held by other rows, with their provenance
 */
public record GoldenValue(String attribute, String value, Provenance provenance, String basis,
                          List<Alternative> conflicts) {

    public GoldenValue {
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    /**
     * Where a value came from (数据来源).
     *
     * @param department   the providing department's code
     * @param resourceCode the catalog resource
     * @param key          the business key of the STANDARD row
     * @param batch        the batch that wrote the row
     * @param time         when the row was written
     */
    public record Provenance(String department, String resourceCode, String key, long batch, Instant time) {
    }

    /** A conflicting value and where it came from. */
    public record Alternative(String value, Provenance provenance) {
    }
}
