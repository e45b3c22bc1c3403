package dev.banyan.server.fuse.internal;

import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.GoldenRecord;
import dev.banyan.server.fuse.GoldenValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds golden records (黄金记录): for each attribute, among the values the entity's rows hold, the one from the
 * department the catalog names as the authoritative source of the attribute's data element (一数一源) wins; then the
 * most recently written; then the one of a row with no flagged field, held by the most rows. Every other value is
 * listed as a conflict with its provenance. Pure: the sources' departments and authorities are given.
 */
final class GoldenRecords {

    /**
     * What golden records need to know about a source.
     *
     * @param department    the providing department's code
     * @param authoritative per attribute: whether the department is the authoritative source of its data element
     */
    record SourceInfo(String department, boolean[] authoritative) {
    }

    private final EntityKind kind;
    private final List<Attribute> attributes;
    private final List<SourceInfo> sources;

    GoldenRecords(EntityKind kind, List<SourceInfo> sources) {
        this.kind = kind;
        this.attributes = EntitySources.attributes(kind);
        this.sources = sources;
    }

    GoldenRecord of(String entityId, List<SourceRow> members) {
        Map<String, GoldenValue> values = new LinkedHashMap<>();
        for (int a = 0; a < attributes.size(); a++) {
            GoldenValue v = attribute(a, members);
            if (v != null) {
                values.put(attributes.get(a).name(), v);
            }
        }
        return new GoldenRecord(kind, entityId, values);
    }

    private GoldenValue attribute(int a, List<SourceRow> members) {
        List<SourceRow> holders = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (SourceRow r : members) {
            String v = r.values()[a];
            if (v != null) {
                holders.add(r);
                counts.merge(normal(v), 1, Integer::sum);
            }
        }
        if (holders.isEmpty()) {
            return null;
        }
        Comparator<SourceRow> best = Comparator
                .comparing((SourceRow r) -> !authoritative(r, a))
                .thenComparing(r -> -r.updatedAt())
                .thenComparing(r -> -r.batch())
                .thenComparing(r -> !r.valid())
                .thenComparing(r -> -counts.get(normal(r.values()[a])))
                .thenComparing(SourceRow::id);
        holders.sort(best);
        SourceRow chosen = holders.getFirst();
        String value = chosen.values()[a];
        String basis;
        if (authoritative(chosen, a)) {
            basis = "AUTHORITY";
        } else {
            SourceRow other = holders.stream().filter(r -> !normal(r.values()[a]).equals(normal(value))).findFirst()
                    .orElse(null);
            basis = other != null && other.updatedAt() < chosen.updatedAt() ? "RECENCY"
                    : other == null && holders.size() > 1 ? "AGREEMENT" : "QUALITY";
        }
        List<GoldenValue.Alternative> conflicts = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(normal(value));
        for (SourceRow r : holders) {
            if (seen.add(normal(r.values()[a]))) {
                conflicts.add(new GoldenValue.Alternative(r.values()[a], provenance(r)));
            }
        }
        return new GoldenValue(attributes.get(a).name(), value, provenance(chosen), basis, conflicts);
    }

    private boolean authoritative(SourceRow r, int a) {
        return sources.get(r.source()).authoritative()[a];
    }

    GoldenValue.Provenance provenance(SourceRow r) {
        return new GoldenValue.Provenance(sources.get(r.source()).department(), r.resourceCode(), r.key(), r.batch(),
                Instant.ofEpochMilli(r.updatedAt()));
    }

    /** Values that differ only in spacing, case or punctuation are the same value. */
    static String normal(String v) {
        return v.replaceAll("[\\s\\-·.,，。()（）]", "").toLowerCase(Locale.ROOT);
    }
}
