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

    /** A row holding a value of the attribute, with what the choice looks at computed once. */
    private record Holder(SourceRow row, String value, String normal, boolean authoritative) {
    }

    private GoldenValue attribute(int a, List<SourceRow> members) {
        List<Holder> holders = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (SourceRow r : members) {
            String v = r.values()[a];
            if (v != null) {
                String n = normal(v);
                holders.add(new Holder(r, v, n, authoritative(r, a)));
                counts.merge(n, 1, Integer::sum);
            }
        }
        if (holders.isEmpty()) {
            return null;
        }
        Comparator<Holder> best = (x, y) -> {
            if (x.authoritative() != y.authoritative()) {
                return x.authoritative() ? -1 : 1;
            }
            int c = Long.compare(y.row().updatedAt(), x.row().updatedAt());
            if (c == 0) {
                c = Long.compare(y.row().batch(), x.row().batch());
            }
            if (c == 0 && x.row().valid() != y.row().valid()) {
                c = x.row().valid() ? -1 : 1;
            }
            if (c == 0) {
                c = Integer.compare(counts.get(y.normal()), counts.get(x.normal()));
            }
            return c != 0 ? c : x.row().id().compareTo(y.row().id());
        };
        if (holders.size() > 1) {
            holders.sort(best);
        }
        Holder chosen = holders.getFirst();
        String basis;
        if (chosen.authoritative()) {
            basis = "AUTHORITY";
        } else {
            Holder other = null;
            for (Holder h : holders) {
                if (!h.normal().equals(chosen.normal())) {
                    other = h;
                    break;
                }
            }
            basis = other != null && other.row().updatedAt() < chosen.row().updatedAt() ? "RECENCY"
                    : other == null && holders.size() > 1 ? "AGREEMENT" : "QUALITY";
        }
        List<GoldenValue.Alternative> conflicts = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(chosen.normal());
        for (Holder h : holders) {
            if (seen.add(h.normal())) {
                conflicts.add(new GoldenValue.Alternative(h.value(), provenance(h.row())));
            }
        }
        return new GoldenValue(attributes.get(a).name(), chosen.value(), provenance(chosen.row()), basis, conflicts);
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
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!Character.isWhitespace(c) && "-·.,，。()（）".indexOf(c) < 0) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
