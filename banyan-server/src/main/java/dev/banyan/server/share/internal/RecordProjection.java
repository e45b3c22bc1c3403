package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.FieldMask;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shapes one row for a consumer (字段投影与脱敏): the requested output fields in order; a field granted in clear as
 * it is; a personal field not granted masked ({@link FieldMask#strict}); any other field not granted left out. A
 * fact ({@code field__fact}) is personal when its field is. Used by the gateway and by subscription deliveries, so
 * that a consumer sees the same thing whichever way the data reaches it.
 */
final class RecordProjection {

    private final List<String> fields;
    private final Set<String> clearFields;
    private final Map<String, ResourceField> catalogFields = new HashMap<>();

    /**
     * @param resource    the catalog resource the rows come from (its fields decide what is personal)
     * @param fields      the output fields, in order
     * @param clearFields the fields the consumer was granted in clear
     */
    RecordProjection(Resource resource, List<String> fields, Set<String> clearFields) {
        this.fields = List.copyOf(fields);
        this.clearFields = Set.copyOf(clearFields);
        if (resource != null) {
            for (ResourceField f : resource.fields()) {
                catalogFields.put(f.name(), f);
            }
        }
    }

    /**
     * The row as the consumer sees it; {@code value} gives a field's (or fact's) value — text, number, boolean or
     * date — null when empty.
     */
    Map<String, Object> project(java.util.function.Function<String, ?> value) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : fields) {
            Object v = value.apply(name);
            if (clearFields.contains(name)) {
                out.put(name, v instanceof java.time.temporal.TemporalAccessor || v instanceof java.sql.Date ? v.toString() : v);
                continue;
            }
            ResourceField f = catalogFields.get(baseField(name));
            if (f != null && f.personalInformation().isPersonal()) {
                out.put(name, v == null ? null : masked(f, name, v.toString()));
            }
        }
        return out;
    }

    /** A field by its own rule; a derived fact of a personal field (birth date, sex, division …) hidden but for a birth year. */
    private static String masked(ResourceField f, String name, String v) {
        if (name.equals(f.name())) {
            return FieldMask.strict(f, v);
        }
        return name.endsWith("__birth_date") ? dev.banyan.standards.Masking.mask(v, dev.banyan.standards.Masking.Kind.DATE) : "******";
    }

    /** The fields a row carries after projection, in order: those granted, and personal ones (masked). */
    List<String> visibleFields() {
        return fields.stream().filter(n -> clearFields.contains(n) || personal(n)).toList();
    }

    private boolean personal(String name) {
        ResourceField f = catalogFields.get(baseField(name));
        return f != null && f.personalInformation().isPersonal();
    }

    static String baseField(String fieldOrFact) {
        int i = fieldOrFact.indexOf("__");
        return i < 0 ? fieldOrFact : fieldOrFact.substring(0, i);
    }
}
