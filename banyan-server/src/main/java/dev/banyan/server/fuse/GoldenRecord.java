package dev.banyan.server.fuse;

import java.util.Map;

/**
 * The golden record (黄金记录) of an entity: for each attribute the value of the authoritative source (一数一源), then
 * the most recent, then the best quality, each with its provenance and the conflicting values.
 *
 * @param values attribute → value, in the kind's attribute order
 */
public record GoldenRecord(EntityKind kind, String entityId, Map<String, GoldenValue> values) {

    /** The chosen value of an attribute, or null. */
    public String value(String attribute) {
        GoldenValue v = values.get(attribute);
        return v == null ? null : v.value();
    }

    /** The number of attributes with conflicting values. */
    public int conflicts() {
        return (int) values.values().stream().filter(v -> !v.conflicts().isEmpty()).count();
    }
}
