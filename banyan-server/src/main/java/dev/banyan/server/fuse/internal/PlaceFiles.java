package dev.banyan.server.fuse.internal;

import dev.banyan.standards.Masking;
import dev.banyan.server.catalog.FieldMask;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.fuse.GoldenValue;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.ingest.StandardRecord;
import dev.banyan.server.ingest.StandardZone;
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
 * The house file (房屋档案) and the address file (地址档案): a unit's golden record with provenance, its owners linked to
 * their person and company files and every contributing row; an address with its division, street, community and grid
 * cell and everyone and everything registered there. Personal information is masked as in the person file.
 */
@Service
class PlaceFiles {

    /** The file of a house. */
    record HouseFile(String entityId, String unitNumber, String location, String area, String addressId, int records,
                     int sources, List<EntityFiles.GoldenRow> golden, List<Owner> owners,
                     List<EntityFiles.Section> sections) {
    }

    /** A right holder (权利人) of a house. */
    record Owner(String kind, String entityId, String name, String certificate, String recordId) {
    }

    /** The file of an address. */
    record AddressFile(String entityId, String address, String division, String street, String community, String road,
                       String number, String grid, int records, List<Registered> registered,
                       List<EntityFiles.Section> sections) {
    }

    /** A person, house or company whose row names the address. */
    record Registered(String subject, String entityId, String name, String identifier, String resourceName,
                      String field) {
    }

    /** A house or address search hit. */
    record PlaceHit(String entityId, String key, String detail, int records) {
    }

    private final FusionStore store;
    private final StandardZone zone;
    private final Catalog catalog;
    private final DepartmentDirectory departments;

    PlaceFiles(FusionStore store, StandardZone zone, Catalog catalog, DepartmentDirectory departments) {
        this.store = store;
        this.zone = zone;
        this.catalog = catalog;
        this.departments = departments;
    }

    Optional<HouseFile> house(String entityId, boolean unmasked, Locale locale) {
        var found = store.jdbc().sql("""
                select unit_number, location, area, address_id, golden::text, records, sources
                from fusion.house where entity_id = ?""").param(entityId)
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7)}).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] h = found.get();
        Map<Long, Department> depts = departments.byId();
        Map<String, Resource> resources = new TreeMap<>();
        List<EntityFiles.GoldenRow> golden = new ArrayList<>();
        for (Map.Entry<String, GoldenValue> g : FusionStore.golden((String) h[4]).entrySet()) {
            GoldenValue v = g.getValue();
            Resource r = resource(resources, v.provenance().resourceCode());
            List<EntityFiles.Conflict> conflicts = v.conflicts().stream().map(c -> {
                Resource cr = resource(resources, c.provenance().resourceCode());
                return new EntityFiles.Conflict(c.value(), department(depts, cr, locale),
                        cr == null ? c.provenance().resourceCode() : cr.name(locale));
            }).toList();
            golden.add(new EntityFiles.GoldenRow(g.getKey(), v.value(), v.basis(), department(depts, r, locale),
                    r == null ? v.provenance().resourceCode() : r.name(locale), v.provenance().resourceCode(),
                    v.provenance().batch(), v.provenance().time(), conflicts));
        }
        List<Owner> owners = store.jdbc().sql("""
                select owner_kind, owner_entity, name, certificate, record_id from fusion.house_owner
                where entity_id = ? order by record_id""").param(entityId)
                .query((rs, i) -> {
                    boolean person = "PERSON".equals(rs.getString(1));
                    boolean mask = person && !unmasked;
                    return new Owner(rs.getString(1), rs.getString(2),
                            mask ? Masking.mask(rs.getString(3), Masking.Kind.NAME) : rs.getString(3),
                            mask ? Masking.mask(rs.getString(4), Masking.Kind.IDENTIFIER) : rs.getString(4),
                            rs.getString(5));
                }).list();
        List<String[]> links = store.jdbc().sql("""
                select resource_code, record_key, role from fusion.house_link where entity_id = ?
                order by resource_code, record_key""").param(entityId)
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        return Optional.of(new HouseFile(entityId, (String) h[0], (String) h[1], (String) h[2], (String) h[3],
                (Integer) h[5], (Integer) h[6], golden, owners, sections(links, unmasked, depts, resources, locale)));
    }

    Optional<AddressFile> address(String entityId, boolean unmasked, Locale locale) {
        var found = store.jdbc().sql("""
                select address, division, street, community, road, number, grid, records from fusion.address
                where entity_id = ?""").param(entityId)
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)}).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] a = found.get();
        Map<Long, Department> depts = departments.byId();
        Map<String, Resource> resources = new TreeMap<>();
        List<Registered> registered = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        List<String[]> links = new ArrayList<>();
        store.jdbc().sql("""
                select l.subject, l.subject_entity, coalesce(e.display_name, h.location), coalesce(e.identifier, h.unit_number),
                  l.resource_code, l.field, l.record_key
                from fusion.address_link l
                left join fusion.entity e on e.kind = l.subject and e.entity_id = l.subject_entity
                left join fusion.house h on l.subject = 'HOUSE' and h.entity_id = l.subject_entity
                where l.entity_id = ? order by l.subject, l.subject_entity, l.resource_code, l.record_key""")
                .param(entityId).query(rs -> {
                    String subject = rs.getString(1);
                    String entity = rs.getString(2);
                    links.add(new String[]{rs.getString(5), rs.getString(7), rs.getString(6)});
                    if (entity == null || "OTHER".equals(subject) || seen.put(subject + ":" + entity, true) != null) {
                        return;
                    }
                    boolean mask = "PERSON".equals(subject) && !unmasked;
                    Resource r = resource(resources, rs.getString(5));
                    registered.add(new Registered(subject, entity,
                            mask ? Masking.mask(rs.getString(3), Masking.Kind.NAME) : rs.getString(3),
                            mask ? Masking.mask(rs.getString(4), Masking.Kind.IDENTIFIER) : rs.getString(4),
                            r == null ? rs.getString(5) : r.name(locale), rs.getString(6)));
                });
        return Optional.of(new AddressFile(entityId, (String) a[0], (String) a[1], (String) a[2], (String) a[3],
                (String) a[4], (String) a[5], (String) a[6], (Integer) a[7], registered,
                sections(links, unmasked, depts, resources, locale)));
    }

    /** The linked rows, by resource, with every field (masked by its data element for viewers who may not see it). */
    private List<EntityFiles.Section> sections(List<String[]> links, boolean unmasked, Map<Long, Department> depts,
                                               Map<String, Resource> resources, Locale locale) {
        Map<String, Map<String, String>> byResource = new TreeMap<>();
        links.forEach(l -> byResource.computeIfAbsent(l[0], k -> new LinkedHashMap<>()).put(l[1], l[2]));
        List<EntityFiles.Section> sections = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> s : byResource.entrySet()) {
            Resource r = resource(resources, s.getKey());
            List<EntityFiles.Row> rows = new ArrayList<>();
            List<String> keys = new ArrayList<>(s.getValue().keySet());
            for (StandardRecord rec : zone.find(s.getKey(), keys.subList(0, Math.min(keys.size(), 200)))) {
                List<EntityFiles.Cell> cells = new ArrayList<>();
                if (r != null) {
                    for (ResourceField f : r.fields()) {
                        String v = rec.value(f.name());
                        cells.add(new EntityFiles.Cell(f.name(), unmasked ? v : FieldMask.apply(f, v)));
                    }
                }
                rows.add(new EntityFiles.Row(rec.key(), rec.batch(), rec.row(), "FULL", rec.updatedAt(), rec.valid(),
                        cells));
            }
            sections.add(new EntityFiles.Section(department(depts, r, locale), r == null ? s.getKey() : r.name(locale),
                    s.getKey(), rows));
        }
        sections.sort(Comparator.comparing(EntityFiles.Section::department).thenComparing(EntityFiles.Section::resourceName));
        return sections;
    }

    /** The houses a person or company holds rights to (masked locations for a person unless unmasked). */
    List<PlaceHit> housesOf(String kind, String entityId, boolean unmasked) {
        boolean mask = "PERSON".equals(kind) && !unmasked;
        return store.jdbc().sql("""
                select distinct h.entity_id, h.unit_number, h.location, h.records from fusion.house_owner o
                join fusion.house h using (entity_id) where o.owner_kind = ? and o.owner_entity = ?
                order by h.unit_number limit 200""").params(kind, entityId)
                .query((rs, i) -> new PlaceHit(rs.getString(1), rs.getString(2),
                        mask ? Masking.mask(rs.getString(3), Masking.Kind.ADDRESS) : rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** The addresses the rows of a person or company name (masked for a person unless unmasked). */
    List<PlaceHit> addressesOf(String kind, String entityId, boolean unmasked) {
        boolean mask = "PERSON".equals(kind) && !unmasked;
        return store.jdbc().sql("""
                select a.entity_id, a.address, string_agg(distinct l.field, ', '), a.records from fusion.address_link l
                join fusion.address a using (entity_id) where l.subject = ? and l.subject_entity = ?
                group by a.entity_id, a.address, a.records order by a.address limit 200""").params(kind, entityId)
                .query((rs, i) -> new PlaceHit(rs.getString(1),
                        mask ? Masking.mask(rs.getString(2), Masking.Kind.ADDRESS) : rs.getString(2), rs.getString(3),
                        rs.getInt(4)))
                .list();
    }

    List<PlaceHit> searchHouses(String query, int limit) {
        String q = query == null ? "" : query.strip().replace("%", "");
        if (q.isEmpty()) {
            return List.of();
        }
        return store.jdbc().sql("""
                select entity_id, unit_number, location, records from fusion.house
                where unit_number like ? or entity_id = ? or location like ? or location like ?
                order by unit_number limit ?""")
                .params(q.toUpperCase(Locale.ROOT) + "%", q.toUpperCase(Locale.ROOT), q + "%", "%" + q + "%", limit)
                .query((rs, i) -> new PlaceHit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    List<PlaceHit> searchAddresses(String query, int limit) {
        String q = query == null ? "" : query.strip().replace("%", "");
        if (q.isEmpty()) {
            return List.of();
        }
        return store.jdbc().sql("""
                select entity_id, address, coalesce(street, '') || ' ' || coalesce(community, '') || ' ' || coalesce(grid, ''),
                  records from fusion.address
                where address like ? or entity_id = ? order by address limit ?""")
                .params("%" + q + "%", q.toUpperCase(Locale.ROOT), limit)
                .query((rs, i) -> new PlaceHit(rs.getString(1), rs.getString(2), rs.getString(3).strip(), rs.getInt(4)))
                .list();
    }

    private Resource resource(Map<String, Resource> cache, String code) {
        return cache.computeIfAbsent(code, c -> catalog.findByCode(c).orElse(null));
    }

    private static String department(Map<Long, Department> depts, Resource r, Locale locale) {
        Department d = r == null ? null : depts.get(r.providerId());
        return d == null ? "—" : d.name(locale);
    }
}
