package dev.banyan.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The linkage configuration (链接方案): the compared fields, the blocking rules, the decision thresholds, the mode and
 * the largest block compared in full. A record's values are given in the order of {@link #fields()}.
 *
 * @param fields       compared fields; at most 16
 * @param blocking     blocking rules, a union; each key must name a field
 * @param thresholds   the auto-link and review bands
 * @param mode         deduplicate, or link across sources only
 * @param maxBlockSize blocks with more records than this are skipped (and counted in {@link BlockingStats}) so that a
 *                     too-loose rule cannot blow up the run; choose rules whose blocks stay small
 */
public record LinkSchema(List<FieldSpec> fields, List<BlockingRule> blocking, Thresholds thresholds, LinkMode mode,
                         int maxBlockSize) {

    /** The most fields a schema can compare: levels are packed four bits a field into a long. */
    public static final int MAX_FIELDS = 16;

    public LinkSchema {
        fields = List.copyOf(fields);
        blocking = List.copyOf(blocking);
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(mode, "mode");
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a schema compares 1 to " + MAX_FIELDS + " fields, not " + fields.size());
        }
        if (blocking.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one blocking rule");
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize must be at least 2");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (FieldSpec f : fields) {
            if (seen.put(f.name(), seen.size()) != null) {
                throw new IllegalArgumentException("field " + f.name() + " is listed twice");
            }
        }
        for (BlockingRule r : blocking) {
            for (BlockingKey k : r.keys()) {
                if (!seen.containsKey(k.field())) {
                    throw new IllegalArgumentException("blocking rule '" + r + "' names unknown field " + k.field());
                }
            }
        }
    }

    /** The position of a field, or -1. */
    public int indexOf(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    /** The field names in order. */
    public List<String> fieldNames() {
        return fields.stream().map(FieldSpec::name).toList();
    }
}
