package dev.banyan.server.fuse.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.GoldenValue;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.ingest.StandardRecord;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.standards.AddressParser;
import dev.banyan.standards.ChineseAddress;
import dev.banyan.standards.ParseResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the two base libraries keyed by a deterministic identifier (房屋库、地址库): one house entity per real-estate
 * unit number (DE0017) from every resource that carries one, with a golden record of the unit's attributes and its
 * right holders (权利人) linked to person and company entities by certificate number; and one address entity per
 * standard address text from every address field (DE0007, DE0018, and address-like fields, standardised here), with
 * the rows — persons, houses, companies — that name it. Ids are {@code H}/{@code A} + 15 hex digits of the SHA-256
 * of the key, so a rebuild gives the same ids. Built after the person and company libraries, whose entities the
 * owners and residents are linked to; a rebuild replaces both libraries in one transaction.
 */
@Service
class PlaceLibraryService {

    private static final Logger log = LoggerFactory.getLogger(PlaceLibraryService.class);
    static final Pattern UNIT_NUMBER = Pattern.compile("[0-9]{12}[A-Z]{2}[0-9]{5}[A-Z][0-9]{8}");
    private static final List<String> ADDRESS_HINTS = List.of("地址", "住址", "住所", "坐落", "addr", "address");
    private static final List<String> ADDRESS_FACTS = List.of("division", "street", "community", "road", "number", "grid");

    private final StandardZone zone;
    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final FusionStore store;
    private final TransactionTemplate transactions;
    private volatile AddressParser parser;

    PlaceLibraryService(StandardZone zone, Catalog catalog, DepartmentDirectory departments, FusionStore store,
                        TransactionTemplate transactions) {
        this.zone = zone;
        this.catalog = catalog;
        this.departments = departments;
        this.store = store;
        this.transactions = transactions;
    }

    /** Counts of one build. */
    record PlaceRun(long houseRecords, long houses, long owners, long linkedOwners, long addressRecords, long addresses,
                    double seconds) {
    }

    static String entityId(String prefix, String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().withUpperCase().formatHex(h, 0, 8).substring(0, 15);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String houseId(String unitNumber) {
        return entityId("H", unitNumber);
    }

    static String addressId(String address) {
        return entityId("A", address);
    }

    // ---------------------------------------------------------------- sources

    /** A resource carrying unit numbers: its unit field, and for right-holder resources the certificate and name fields. */
    record HouseSource(Resource resource, String unitField, String certificateField, String nameField) {
        boolean owners() {
            return certificateField != null;
        }
    }

    private static List<Resource> active(List<Resource> all) {
        return all.stream().filter(r -> r.status() != ResourceStatus.RETIRED && r.status() != ResourceStatus.DRAFT)
                .sorted(Comparator.comparing(Resource::code)).toList();
    }

    static List<HouseSource> houseSources(List<Resource> all) {
        List<HouseSource> out = new ArrayList<>();
        for (Resource r : active(all)) {
            String unit = EntitySources.own(r, "DE0017");
            if (unit == null) {
                continue;
            }
            boolean rightHolders = r.fields().stream().anyMatch(f -> f.name().contains("权利人"));
            String certificate = null;
            String name = null;
            if (rightHolders) {
                for (ResourceField f : r.fields()) {
                    if (certificate == null && f.dataElement() != null
                            && List.of("DE0001", "DE0010", "DE0025").contains(f.dataElement())) {
                        certificate = f.name();
                    }
                    if (name == null && ("DE0002".equals(f.dataElement()) || "DE0011".equals(f.dataElement())
                            || f.name().contains("权利人名称") || f.name().contains("姓名"))) {
                        name = f.name();
                    }
                }
            }
            out.add(new HouseSource(r, unit, certificate, name));
        }
        return out;
    }

    /** Whether a field of a house source describes the unit (else it is about the right holder or the application). */
    private static boolean houseField(HouseSource s, ResourceField f) {
        if (f.key() || f.name().equals(s.unitField())) {
            return false;
        }
        if (s.owners() || EntitySources.own(s.resource(), "DE0001") != null) {
            return f.name().contains("不动产权证");
        }
        return true;
    }

    /** An address field of a resource, and whether the STANDARD zone standardised it (facts as {@code field__fact}). */
    record AddressField(String field, boolean standardised) {
    }

    static List<AddressField> addressFields(Resource r) {
        List<AddressField> out = new ArrayList<>();
        for (ResourceField f : r.fields()) {
            if ("DE0007".equals(f.dataElement()) || "DE0018".equals(f.dataElement())) {
                out.add(new AddressField(f.name(), true));
            } else if (f.dataElement() == null && !f.key()) {
                String text = (f.name() + " " + (f.description() == null ? "" : f.description())).toLowerCase(Locale.ROOT);
                if (ADDRESS_HINTS.stream().anyMatch(text::contains)) {
                    out.add(new AddressField(f.name(), false));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- build

    synchronized PlaceRun rebuild() {
        long start = System.nanoTime();
        List<Resource> all = catalog.all();
        List<HouseSource> houseSources = houseSources(all);
        Map<Long, Department> depts = departments.byId();

        // rows per unit number
        Map<String, List<Row>> byUnit = new TreeMap<>();
        Map<String, String> houseOfRecord = new HashMap<>();
        long[] houseRecords = {0};
        for (HouseSource s : houseSources) {
            String dept = department(depts, s.resource());
            zone.forEach(s.resource().code(), 0, r -> {
                String unit = r.value(s.unitField());
                if (unit == null || !UNIT_NUMBER.matcher(unit.strip()).matches()) {
                    return;
                }
                unit = unit.strip();
                byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Row(s, dept, r));
                houseOfRecord.put(SourceRow.recordId(r.resourceCode(), r.key()), houseId(unit));
                houseRecords[0]++;
            });
        }

        // owners' entities
        Map<String, String> personOfRecord = store.entityOfRecords(EntityKind.PERSON);
        Map<String, String> companyOfRecord = store.entityOfRecords(EntityKind.COMPANY);
        Map<String, String> personById = new HashMap<>();
        store.jdbc().sql("select identifier, entity_id from fusion.entity where kind = 'PERSON' and identifier is not null"
                + " order by entity_id desc").query(rs -> {
                    personById.put(rs.getString(1), rs.getString(2));
                });
        Map<String, String> companyByCode = new HashMap<>();
        store.jdbc().sql("""
                select identifier, golden -> 'orgcode' ->> 'value', entity_id from fusion.entity where kind = 'COMPANY'
                order by entity_id desc""").query(rs -> {
                    if (rs.getString(2) != null) {
                        companyByCode.put(rs.getString(2).replace("-", ""), rs.getString(3));
                    }
                    if (rs.getString(1) != null) {
                        companyByCode.put(rs.getString(1), rs.getString(3));
                    }
                });

        List<String[]> houses = new ArrayList<>();
        List<String[]> houseLinks = new ArrayList<>();
        List<String[]> owners = new ArrayList<>();
        long linkedOwners = 0;
        for (Map.Entry<String, List<Row>> h : byUnit.entrySet()) {
            String id = houseId(h.getKey());
            List<Row> rows = h.getValue();
            Map<String, GoldenValue> golden = houseGolden(h.getKey(), rows);
            int ownerCount = 0;
            for (Row row : rows) {
                StandardRecord r = row.record();
                String recordId = SourceRow.recordId(r.resourceCode(), r.key());
                houseLinks.add(new String[]{id, recordId, r.resourceCode(), r.key(), Long.toString(r.batch()),
                        Long.toString(r.row()), row.source().owners() ? "OWNER"
                        : EntitySources.own(row.source().resource(), "DE0001") != null ? "OTHER" : "UNIT"});
                if (row.source().owners()) {
                    String certificate = r.value(row.source().certificateField());
                    if (certificate == null || certificate.isBlank()) {
                        continue;
                    }
                    certificate = certificate.strip();
                    String kindFact = r.value(row.source().certificateField() + "__kind");
                    boolean company = "organisation".equals(kindFact)
                            || kindFact == null && !certificate.matches("[0-9]{17}[0-9X]");
                    String owner;
                    if (company) {
                        String code = certificate.replace("-", "");
                        owner = companyByCode.get(code);
                        if (owner == null && code.length() == 18) {
                            owner = companyByCode.get(code.substring(8, 17));
                        }
                        if (owner == null) {
                            owner = companyOfRecord.get(recordId);
                        }
                    } else {
                        owner = personOfRecord.get(recordId);
                        if (owner == null) {
                            owner = personById.get(certificate);
                        }
                    }
                    ownerCount++;
                    if (owner != null) {
                        linkedOwners++;
                    }
                    owners.add(new String[]{id, recordId, company ? "COMPANY" : "PERSON", owner,
                            row.source().nameField() == null ? null : r.value(row.source().nameField()), certificate});
                }
            }
            String location = value(golden, "location");
            String json = FusionStore.jsonOf(golden);
            int conflicts = (int) golden.values().stream().filter(v -> !v.conflicts().isEmpty()).count();
            houses.add(new String[]{id, h.getKey(), location, value(golden, "area"),
                    location == null ? null : addressId(location), json, Integer.toString(conflicts),
                    Integer.toString(rows.size()),
                    Long.toString(rows.stream().map(x -> x.record().resourceCode()).distinct().count()),
                    Integer.toString(ownerCount)});
        }

        // addresses
        Map<String, String[]> addresses = new TreeMap<>();      // text → facts
        Map<String, int[]> addressCounts = new HashMap<>();     // text → records, persons, houses, companies
        List<String[]> addressLinks = new ArrayList<>();
        Set<String> personSources = new java.util.HashSet<>();
        EntitySources.of(EntityKind.PERSON, all).forEach(s -> personSources.add(s.resource().code()));
        Set<String> companySources = new java.util.HashSet<>();
        EntitySources.of(EntityKind.COMPANY, all).forEach(s -> companySources.add(s.resource().code()));
        Map<String, ParseResult<ChineseAddress>> parsed = new HashMap<>();
        long[] addressRecords = {0};
        for (Resource res : active(all)) {
            List<AddressField> fields = addressFields(res);
            if (fields.isEmpty()) {
                continue;
            }
            boolean houseSource = houseSources.stream().anyMatch(s -> s.resource().code().equals(res.code()) && !s.owners());
            zone.forEach(res.code(), 0, r -> {
                String recordId = SourceRow.recordId(r.resourceCode(), r.key());
                Set<String> seen = new java.util.HashSet<>();
                for (AddressField f : fields) {
                    String raw = r.value(f.field());
                    if (raw == null || raw.isBlank()) {
                        continue;
                    }
                    String text;
                    String[] facts = new String[ADDRESS_FACTS.size()];
                    if (f.standardised()) {
                        if (r.value(f.field() + "__division") == null) {
                            continue;       // flagged: not a standard address
                        }
                        text = raw.strip();
                        for (int i = 0; i < facts.length; i++) {
                            facts[i] = r.value(f.field() + "__" + ADDRESS_FACTS.get(i));
                        }
                    } else {
                        ParseResult<ChineseAddress> p = parsed.computeIfAbsent(raw.strip(), t -> parser().parse(t));
                        if (!p.isValid()) {
                            continue;
                        }
                        ChineseAddress a = p.value();
                        text = a.standardText();
                        facts[0] = a.currentDivisionCode().orElse(a.divisionCode());
                        facts[1] = a.township().orElse(null);
                        facts[2] = a.community().orElse(null);
                        facts[3] = a.road().orElse(null);
                        facts[4] = a.number().orElse(null);
                        facts[5] = a.gridCell().orElse(null);
                    }
                    String[] known = addresses.get(text);
                    if (known == null) {
                        addresses.put(text, facts);
                    } else {
                        for (int i = 0; i < facts.length; i++) {
                            if (known[i] == null || f.standardised() && facts[i] != null) {
                                known[i] = known[i] == null ? facts[i] : known[i];
                            }
                        }
                    }
                    String subject;
                    String subjectEntity;
                    if (houseSource) {
                        subject = "HOUSE";
                        subjectEntity = houseOfRecord.get(recordId);
                    } else if (personSources.contains(res.code())) {
                        subject = "PERSON";
                        subjectEntity = personOfRecord.get(recordId);
                    } else if (companySources.contains(res.code())) {
                        subject = "COMPANY";
                        subjectEntity = companyOfRecord.get(recordId);
                    } else {
                        subject = "OTHER";
                        subjectEntity = null;
                    }
                    if (!seen.add(text + "\u0000" + f.field())) {
                        continue;
                    }
                    addressLinks.add(new String[]{addressId(text), recordId, f.field(), r.resourceCode(), r.key(),
                            Long.toString(r.batch()), Long.toString(r.row()), subject, subjectEntity});
                    int[] c = addressCounts.computeIfAbsent(text, k -> new int[4]);
                    c[0]++;
                    addressRecords[0]++;
                }
            });
        }
        // distinct subjects per address
        Map<String, Set<String>> subjects = new HashMap<>();
        for (String[] l : addressLinks) {
            if (l[8] != null && !"OTHER".equals(l[7])) {
                subjects.computeIfAbsent(l[0], k -> new java.util.HashSet<>()).add(l[7] + ":" + l[8]);
            }
        }
        List<String[]> addressRows = new ArrayList<>();
        for (Map.Entry<String, String[]> a : addresses.entrySet()) {
            String id = addressId(a.getKey());
            int persons = 0;
            int housesThere = 0;
            int companies = 0;
            for (String s : subjects.getOrDefault(id, Set.of())) {
                if (s.startsWith("PERSON:")) {
                    persons++;
                } else if (s.startsWith("HOUSE:")) {
                    housesThere++;
                } else {
                    companies++;
                }
            }
            String[] f = a.getValue();
            addressRows.add(new String[]{id, a.getKey(), f[0], f[1], f[2], f[3], f[4], f[5],
                    Integer.toString(addressCounts.get(a.getKey())[0]), Integer.toString(persons),
                    Integer.toString(housesThere), Integer.toString(companies)});
        }

        transactions.executeWithoutResult(status -> {
            store.jdbc().sql("select pg_advisory_xact_lock(hashtext('banyan.fuse.PLACES'))").query().singleValue();
            for (String t : List.of("house_owner", "house_link", "house", "address_link", "address")) {
                store.jdbc().sql("delete from fusion." + t).update();
            }
            store.copy("fusion.house (entity_id, unit_number, location, area, address_id, golden, conflicts, records,"
                    + " sources, owners)", houses);
            store.copy("fusion.house_link (entity_id, record_id, resource_code, record_key, batch_id, row_number, role)",
                    houseLinks);
            store.copy("fusion.house_owner (entity_id, record_id, owner_kind, owner_entity, name, certificate)", owners);
            store.copy("fusion.address (entity_id, address, division, street, community, road, number, grid, records,"
                    + " persons, houses, companies)", addressRows);
            store.copy("fusion.address_link (entity_id, record_id, field, resource_code, record_key, batch_id,"
                    + " row_number, subject, subject_entity)", addressLinks);
        });
        PlaceRun run = new PlaceRun(houseRecords[0], houses.size(), owners.size(), linkedOwners, addressRecords[0],
                addressRows.size(), (System.nanoTime() - start) / 1e9);
        markBuilt();
        log.info("House and address libraries rebuilt: {}", run);
        return run;
    }

    private AddressParser parser() {
        AddressParser p = parser;
        if (p == null) {
            p = AddressParser.fuzhou();
            parser = p;
        }
        return p;
    }

    /** A STANDARD row of a house source. */
    record Row(HouseSource source, String department, StandardRecord record) {
    }

    /**
     * The golden record of a house: per attribute (location for DE0018, area for DE0019, the unit number, then every
     * other field of the unit by its name, and the location's street, community and grid cell) the value of the most
     * recently written row, then of a valid row, then the most common; the others as conflicts.
     */
    static Map<String, GoldenValue> houseGolden(String unit, List<Row> rows) {
        Map<String, List<Object[]>> holders = new LinkedHashMap<>();   // attribute → [value, row]
        holders.put("unit", new ArrayList<>());
        holders.put("location", new ArrayList<>());
        holders.put("area", new ArrayList<>());
        for (Row row : rows.stream().sorted(Comparator.comparing(x -> x.record().resourceCode() + ":" + x.record().key())).toList()) {
            holders.get("unit").add(new Object[]{unit, row});
            for (ResourceField f : row.source().resource().fields()) {
                if (!houseField(row.source(), f)) {
                    continue;
                }
                String v = row.record().value(f.name());
                if (v == null || v.isBlank()) {
                    continue;
                }
                String attribute = "DE0018".equals(f.dataElement()) ? "location"
                        : "DE0019".equals(f.dataElement()) ? "area" : f.name();
                holders.computeIfAbsent(attribute, k -> new ArrayList<>()).add(new Object[]{v.strip(), row});
                if ("location".equals(attribute)) {
                    for (String fact : List.of("street", "community", "grid")) {
                        String fv = row.record().value(f.name() + "__" + fact);
                        if (fv != null && !fv.isBlank()) {
                            holders.computeIfAbsent(fact, k -> new ArrayList<>()).add(new Object[]{fv, row});
                        }
                    }
                }
            }
        }
        Map<String, GoldenValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object[]>> e : holders.entrySet()) {
            List<Object[]> hs = e.getValue();
            if (hs.isEmpty()) {
                continue;
            }
            Map<String, Integer> counts = new HashMap<>();
            hs.forEach(h -> counts.merge(GoldenRecords.normal((String) h[0]), 1, Integer::sum));
            List<Object[]> sorted = new ArrayList<>(hs);
            sorted.sort((x, y) -> {
                StandardRecord a = ((Row) x[1]).record();
                StandardRecord b = ((Row) y[1]).record();
                int c = b.updatedAt().compareTo(a.updatedAt());
                if (c == 0) {
                    c = Long.compare(b.batch(), a.batch());
                }
                if (c == 0 && a.valid() != b.valid()) {
                    c = a.valid() ? -1 : 1;
                }
                if (c == 0) {
                    c = Integer.compare(counts.get(GoldenRecords.normal((String) y[0])),
                            counts.get(GoldenRecords.normal((String) x[0])));
                }
                return c != 0 ? c : (a.resourceCode() + ":" + a.key()).compareTo(b.resourceCode() + ":" + b.key());
            });
            Object[] chosen = sorted.getFirst();
            String chosenNormal = GoldenRecords.normal((String) chosen[0]);
            List<GoldenValue.Alternative> conflicts = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            seen.add(chosenNormal);
            Object[] other = null;
            for (Object[] h : sorted) {
                if (seen.add(GoldenRecords.normal((String) h[0]))) {
                    conflicts.add(new GoldenValue.Alternative((String) h[0], provenance((Row) h[1])));
                    if (other == null) {
                        other = h;
                    }
                }
            }
            String basis = other != null && ((Row) other[1]).record().updatedAt().isBefore(((Row) chosen[1]).record().updatedAt())
                    ? "RECENCY" : other == null && sorted.size() > 1 ? "AGREEMENT" : "QUALITY";
            out.put(e.getKey(), new GoldenValue(e.getKey(), (String) chosen[0], provenance((Row) chosen[1]), basis,
                    conflicts));
        }
        return out;
    }

    private static GoldenValue.Provenance provenance(Row row) {
        StandardRecord r = row.record();
        return new GoldenValue.Provenance(row.department(), r.resourceCode(), r.key(), r.batch(),
                r.updatedAt() == null ? Instant.EPOCH : r.updatedAt());
    }

    private static String value(Map<String, GoldenValue> golden, String attribute) {
        GoldenValue v = golden.get(attribute);
        return v == null ? null : v.value();
    }

    private static String department(Map<Long, Department> depts, Resource r) {
        Department d = depts.get(r.providerId());
        return d == null ? String.valueOf(r.providerId()) : d.code();
    }

    long count(String sql) {
        return store.jdbc().sql(sql).query(Long.class).single();
    }

    long houseCount() {
        return store.jdbc().sql("select count(*) from fusion.house").query(Long.class).single();
    }

    long addressCount() {
        return store.jdbc().sql("select count(*) from fusion.address").query(Long.class).single();
    }

    /** Whether a resource has batches newer than the last build (or none was built). */
    boolean stale() {
        Map<String, Long> marks = new HashMap<>();
        store.jdbc().sql("select resource_code, last_batch from fusion.watermark where kind = 'PLACES'")
                .query(rs -> {
                    marks.put(rs.getString(1), rs.getLong(2));
                });
        if (marks.isEmpty()) {
            return true;
        }
        for (Resource r : active(catalog.all())) {
            if (zone.exists(r.code()) && zone.latestBatch(r.code()) > marks.getOrDefault(r.code(), 0L)) {
                return true;
            }
        }
        return false;
    }

    /** Records the sources' latest batches after a build. */
    void markBuilt() {
        transactions.executeWithoutResult(status -> {
            store.jdbc().sql("delete from fusion.watermark where kind = 'PLACES'").update();
            for (Resource r : active(catalog.all())) {
                if (zone.exists(r.code())) {
                    store.jdbc().sql("insert into fusion.watermark (kind, resource_code, last_batch) values ('PLACES', ?, ?)")
                            .params(r.code(), zone.latestBatch(r.code())).update();
                }
            }
        });
    }
}
