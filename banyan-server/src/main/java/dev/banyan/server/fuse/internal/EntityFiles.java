package dev.banyan.server.fuse.internal;

import dev.banyan.standards.Masking;
import dev.banyan.server.catalog.FieldMask;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.GoldenValue;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.ingest.StandardRecord;
import dev.banyan.server.ingest.StandardZone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Assembles the file of an entity — 一人一档 for a person, 一企一档 for a company: its golden record with the provenance
 * of every value and the conflicts, and everything each department holds about it (every linked STANDARD row with
 * all its fields, batch and time), masked for viewers who may not see personal information in full.
 */
@Service
class EntityFiles {

    /** The file of one entity. */
    record EntityFile(EntityKind kind, String entityId, int records, int sources, Instant updatedAt,
                      List<GoldenRow> golden, List<Section> sections, List<Mention> related) {
    }

    /**
     * Rows of other resources that name the entity in a field about another party (关联记录): the household whose head
     * a person is, the marriage of a spouse, the employees of a company, the income tax it withheld.
     */
    record Mention(String department, String resourceName, String resourceCode, String field, List<Row> rows) {
    }

    /** One golden attribute with its provenance, as shown. */
    record GoldenRow(String attribute, String value, String basis, String department, String resourceName,
                     String resourceCode, long batch, Instant time, List<Conflict> conflicts) {
    }

    /** A conflicting value and who holds it. */
    record Conflict(String value, String department, String resourceName) {
    }

    /** What one department's resource holds about the entity. */
    record Section(String department, String resourceName, String resourceCode, List<Row> rows) {
    }

    /** One linked STANDARD row. */
    record Row(String key, long batch, long row, String method, Instant updatedAt, boolean valid, List<Cell> cells) {
    }

    /** One field of a row. */
    record Cell(String field, String value) {
    }

    /** A search hit, masked. */
    record Hit(String entityId, String name, String identifier, int records, int sources) {
    }

    private final FusionStore store;
    private final StandardZone zone;
    private final Catalog catalog;
    private final DepartmentDirectory departments;

    EntityFiles(FusionStore store, StandardZone zone, Catalog catalog, DepartmentDirectory departments) {
        this.store = store;
        this.zone = zone;
        this.catalog = catalog;
        this.departments = departments;
    }

    Optional<EntityFile> file(EntityKind kind, String entityId, boolean unmasked, Locale locale) {
        var entity = store.jdbc().sql("select golden::text, records, sources, updated_at from fusion.entity"
                        + " where kind = ? and entity_id = ?").params(kind.name(), entityId)
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant()})
                .optional();
        if (entity.isEmpty()) {
            return Optional.empty();
        }
        Object[] e = entity.get();
        Map<Long, Department> depts = departments.byId();
        Map<String, Resource> resources = new TreeMap<>();
        List<Attribute> attributes = EntitySources.attributes(kind);
        List<GoldenRow> golden = new ArrayList<>();
        for (Map.Entry<String, GoldenValue> g : FusionStore.golden((String) e[0]).entrySet()) {
            Masking.Kind mask = unmasked ? Masking.Kind.NONE : attributes.stream()
                    .filter(a -> a.name().equals(g.getKey())).map(Attribute::mask).findFirst().orElse(Masking.Kind.NONE);
            GoldenValue v = g.getValue();
            Resource r = resource(resources, v.provenance().resourceCode());
            List<Conflict> conflicts = v.conflicts().stream().map(c -> {
                Resource cr = resource(resources, c.provenance().resourceCode());
                return new Conflict(Masking.mask(c.value(), mask), department(depts, cr, c.provenance().department(), locale),
                        cr == null ? c.provenance().resourceCode() : cr.name(locale));
            }).toList();
            golden.add(new GoldenRow(g.getKey(), Masking.mask(v.value(), mask), v.basis(),
                    department(depts, r, v.provenance().department(), locale),
                    r == null ? v.provenance().resourceCode() : r.name(locale), v.provenance().resourceCode(),
                    v.provenance().batch(), v.provenance().time(), conflicts));
        }
        Map<String, List<FusionStore.Link>> byResource = new TreeMap<>();
        for (FusionStore.Link l : store.links(kind, entityId)) {
            byResource.computeIfAbsent(l.resourceCode(), k -> new ArrayList<>()).add(l);
        }
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, List<FusionStore.Link>> s : byResource.entrySet()) {
            Resource r = resource(resources, s.getKey());
            Map<String, FusionStore.Link> byKey = new LinkedHashMap<>();
            s.getValue().forEach(l -> byKey.put(l.key(), l));
            List<Row> rows = new ArrayList<>();
            for (StandardRecord rec : zone.find(s.getKey(), byKey.keySet())) {
                List<Cell> cells = new ArrayList<>();
                if (r != null) {
                    for (ResourceField f : r.fields()) {
                        String v = rec.value(f.name());
                        cells.add(new Cell(f.name(), unmasked ? v : FieldMask.apply(f, v)));
                    }
                } else {
                    rec.values().forEach((k, v) -> cells.add(new Cell(k, unmasked ? v : "***")));
                }
                FusionStore.Link l = byKey.get(rec.key());
                rows.add(new Row(rec.key(), rec.batch(), rec.row(), l.method(), rec.updatedAt(), rec.valid(), cells));
            }
            sections.add(new Section(department(depts, r, null, locale), r == null ? s.getKey() : r.name(locale),
                    s.getKey(), rows));
        }
        sections.sort(Comparator.comparing(Section::department).thenComparing(Section::resourceName));
        GoldenValue identifier = FusionStore.golden((String) e[0]).get(kind == EntityKind.PERSON ? "id" : "uscc");
        List<Mention> related = identifier == null ? List.of() : related(kind, identifier.value(), unmasked, depts, locale);
        return Optional.of(new EntityFile(kind, entityId, (Integer) e[1], (Integer) e[2], (Instant) e[3], golden, sections,
                related));
    }

    /** Rows naming the identifier in fields other than the library's own identifier fields. */
    private List<Mention> related(EntityKind kind, String identifier, boolean unmasked, Map<Long, Department> depts,
                                  Locale locale) {
        List<Resource> all = catalog.all();
        java.util.Set<String> own = new java.util.HashSet<>();
        for (EntitySources.Source s : EntitySources.of(kind, all)) {
            own.add(s.resource().code() + "/" + s.field(1));
        }
        List<String> elements = kind == EntityKind.PERSON ? List.of("DE0001") : List.of("DE0010", "DE0025");
        List<Mention> out = new ArrayList<>();
        for (Resource r : all) {
            if (r.status() == dev.banyan.server.catalog.ResourceStatus.RETIRED) {
                continue;
            }
            for (ResourceField f : r.fields()) {
                if (f.dataElement() == null || !elements.contains(f.dataElement()) || own.contains(r.code() + "/" + f.name())) {
                    continue;
                }
                List<Row> rows = new ArrayList<>();
                for (StandardRecord rec : zone.findByField(r.code(), f.name(), List.of(identifier), 50)) {
                    List<Cell> cells = new ArrayList<>();
                    for (ResourceField c : r.fields()) {
                        String v = rec.value(c.name());
                        cells.add(new Cell(c.name(), unmasked ? v : FieldMask.apply(c, v)));
                    }
                    rows.add(new Row(rec.key(), rec.batch(), rec.row(), "MENTION", rec.updatedAt(), rec.valid(), cells));
                }
                if (!rows.isEmpty()) {
                    out.add(new Mention(department(depts, r, null, locale), r.name(locale), r.code(), f.name(), rows));
                }
            }
        }
        return out;
    }

    List<Hit> search(EntityKind kind, String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        String upper = q.toUpperCase(Locale.ROOT);
        return store.jdbc().sql("""
                select entity_id, display_name, identifier, records, sources from fusion.entity
                where kind = ? and (display_name like ? or identifier = ? or entity_id = ? or identifier like ?)
                order by display_name, entity_id limit ?""")
                .params(kind.name(), q.replace("%", "") + "%", upper, upper,
                        upper.length() >= 6 ? upper.replace("%", "") + "%" : "-", limit)
                .query((rs, i) -> new Hit(rs.getString(1),
                        kind == EntityKind.PERSON ? Masking.mask(rs.getString(2), Masking.Kind.NAME) : rs.getString(2),
                        kind == EntityKind.PERSON ? Masking.mask(rs.getString(3), Masking.Kind.IDENTIFIER) : rs.getString(3),
                        rs.getInt(4), rs.getInt(5))).list();
    }

    /** The values of the linked attributes of one record, for the review queue's side-by-side view. */
    Optional<Map<String, String>> recordValues(EntityKind kind, String recordId, boolean unmasked) {
        int colon = recordId.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String code = recordId.substring(0, colon);
        String key = recordId.substring(colon + 1);
        List<EntitySources.Source> sources = EntitySources.of(kind, catalog.findByCode(code).stream().toList());
        List<StandardRecord> found = zone.find(code, List.of(key));
        if (sources.isEmpty() || found.isEmpty()) {
            return Optional.empty();
        }
        SourceRow row = SourceRow.of(kind, 0, sources.getFirst(), found.getFirst());
        Map<String, String> out = new LinkedHashMap<>();
        List<Attribute> attributes = EntitySources.attributes(kind);
        for (int a = 0; a < attributes.size(); a++) {
            if (attributes.get(a).linked()) {
                out.put(attributes.get(a).name(), unmasked ? row.values()[a] : Masking.mask(row.values()[a], attributes.get(a).mask()));
            }
        }
        return Optional.of(out);
    }

    /** The resource and department a record id names, for display. */
    String origin(String recordId, Locale locale) {
        int colon = recordId.indexOf(':');
        String code = colon < 0 ? recordId : recordId.substring(0, colon);
        Resource r = catalog.findByCode(code).orElse(null);
        return r == null ? code : department(departments.byId(), r, null, locale) + " · " + r.name(locale);
    }

    private Resource resource(Map<String, Resource> cache, String code) {
        return cache.computeIfAbsent(code, c -> catalog.findByCode(c).orElse(null));
    }

    private static String department(Map<Long, Department> depts, Resource r, String fallback, Locale locale) {
        Department d = r == null ? null : depts.get(r.providerId());
        return d == null ? (fallback == null ? "—" : fallback) : d.name(locale);
    }

    /** A residence or home address, whatever the catalog says of it: masked in a person's file. */
}
