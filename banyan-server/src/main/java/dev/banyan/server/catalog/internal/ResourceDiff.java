package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.FieldDiff;
import dev.banyan.server.catalog.ResourceDraft;
import dev.banyan.server.catalog.ResourceField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field-level difference between two versions of a resource: every metadata element, and every
 * field's attributes keyed by the field's name (so that reordering fields is not a change).
 */
public final class ResourceDiff {

    private ResourceDiff() {
    }

    /** Changes from {@code before} (null for a new resource) to {@code after}. */
    public static List<FieldDiff> between(ResourceDraft before, ResourceDraft after) {
        Map<String, String> old = before == null ? Map.of() : flatten(before);
        Map<String, String> now = flatten(after);
        Set<String> paths = new LinkedHashSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<FieldDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            String a = old.get(path);
            String b = now.get(path);
            if (!Objects.equals(a, b)) {
                diffs.add(new FieldDiff(path, a, b));
            }
        }
        return diffs;
    }

    static Map<String, String> flatten(ResourceDraft d) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "code", d.code());
        put(m, "nameZh", d.nameZh());
        put(m, "nameEn", d.nameEn());
        put(m, "providerId", d.providerId());
        put(m, "summary", d.summary());
        put(m, "domain", d.domain());
        put(m, "format", d.format());
        put(m, "updateCycle", d.updateCycle());
        put(m, "sourceSystem", d.sourceSystem());
        put(m, "releaseDate", d.releaseDate());
        put(m, "shareType", d.shareType());
        put(m, "shareConditions", d.shareConditions());
        put(m, "shareLegalBasis", d.shareLegalBasis());
        put(m, "openType", d.openType());
        put(m, "grade", d.grade());
        for (ResourceField f : d.fields()) {
            String p = "fields[" + f.name() + "].";
            put(m, p + "type", f.type());
            put(m, p + "description", f.description());
            put(m, p + "key", f.key());
            put(m, p + "dataElement", f.dataElement());
            put(m, p + "personalInformation", f.personalInformation());
            put(m, p + "grade", f.grade());
            put(m, p + "authoritative", f.authoritative());
        }
        return m;
    }

    private static void put(Map<String, String> m, String path, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            m.put(path, value.toString());
        }
    }
}
