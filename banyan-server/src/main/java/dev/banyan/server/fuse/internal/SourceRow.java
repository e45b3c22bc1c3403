package dev.banyan.server.fuse.internal;

import dev.banyan.linkage.LinkRecord;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.ingest.StandardRecord;
import java.util.Arrays;
import java.util.List;

/**
 * A STANDARD row as a base library sees it (来源记录): its record id ({@code resource code:business key}), lineage, and
 * the value of each attribute of the kind, read from the fields {@link EntitySources} chose.
 *
 * @param source index of its {@link EntitySources.Source}
 * @param values attribute values in the kind's attribute order (null: none)
 */
record SourceRow(String id, int source, String resourceCode, String key, long batch, long row, boolean valid,
                 long updatedAt, String[] values) {

    static String recordId(String resourceCode, String key) {
        return resourceCode + ":" + key;
    }

    static SourceRow of(EntityKind kind, int sourceIndex, EntitySources.Source source, StandardRecord r) {
        String[] values = new String[source.fields().length];
        for (int i = 0; i < values.length; i++) {
            String v = r.value(source.field(i));
            values[i] = v == null || v.isBlank() ? null : v.strip();
        }
        if (kind == EntityKind.COMPANY) {
            // uscc, orgcode: an old 15-character taxpayer number is a division code and an organisation code
            String uscc = values[1];
            String org = values[2] == null ? null : values[2].replace("-", "");
            if (uscc != null && uscc.length() == 15) {
                org = uscc.substring(6);
                uscc = null;
            } else if (uscc != null && uscc.length() != 18) {
                uscc = null;
            }
            if (org == null && uscc != null) {
                org = uscc.substring(8, 17);
            }
            values[1] = uscc;
            values[2] = org;
        }
        return new SourceRow(recordId(r.resourceCode(), r.key()), sourceIndex, r.resourceCode(), r.key(), r.batch(),
                r.row(), r.valid(), r.updatedAt().toEpochMilli(), values);
    }

    /** The record for the linkage: its id, its resource as source, the linked attributes' values. */
    LinkRecord link(int linkedAttributes) {
        return new LinkRecord(id, resourceCode, Arrays.asList(values).subList(0, linkedAttributes));
    }

    static LinkRecord link(SourceRow r, List<Attribute> attributes) {
        return r.link((int) attributes.stream().filter(Attribute::linked).count());
    }
}
