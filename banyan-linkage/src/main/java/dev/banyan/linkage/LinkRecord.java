package dev.banyan.linkage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A source record to link (待链接记录): its unique id, the source it came from (a department's dataset or an input
 * file) and its raw field values as text, in the order of the schema's fields ({@code null} or blank when missing).
 * Values are standardised by the comparators, not here, so that records can be passed as the departments wrote them.
 */
public final class LinkRecord {

    private final String id;
    private final String source;
    private final String[] values;

    /**
     * @param id     unique among the records linked together; cluster ids are the smallest record id in the cluster
     * @param source the source (部门数据集 or file); {@link LinkMode#LINK} compares only pairs from different sources
     * @param values raw values in the schema's field order
     */
    public LinkRecord(String id, String source, List<String> values) {
        this.id = Objects.requireNonNull(id, "id");
        this.source = source == null ? "" : source;
        this.values = values.toArray(new String[0]);
    }

    /** A record whose values are looked up by the schema's field names in {@code byField}. */
    public static LinkRecord of(LinkSchema schema, String id, String source, Map<String, String> byField) {
        return new LinkRecord(id, source, schema.fieldNames().stream().map(byField::get).toList());
    }

    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    /** The raw value at a field position, possibly {@code null}. */
    public String value(int field) {
        return field < values.length ? values[field] : null;
    }

    /** The number of values given. */
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkRecord r && id.equals(r.id) && source.equals(r.source) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id + "@" + source + Arrays.toString(values);
    }
}
