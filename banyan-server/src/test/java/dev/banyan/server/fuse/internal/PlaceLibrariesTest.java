package dev.banyan.server.fuse.internal;

import dev.banyan.standards.Masking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.ingest.IngestJobs;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.DatabaseInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The house (房屋库) and address (地址库) libraries on the fuse tests' small city: one house per distinct unit number
 * with its right holders linked to the right person and company entities, addresses grouping the rows that name the
 * same standard address, stable ids across rebuilds, and the house and address files in both languages with masking.
 */
@BanyanServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaceLibrariesTest {

    @Autowired
    List<DemoStep> steps;

    @Autowired
    Ingestion ingestion;

    @Autowired
    IngestJobs jobs;

    @Autowired
    CityDatasetResources resources;

    @Autowired
    DatabaseInfo database;

    @Autowired
    BaseLibraryService libraries;

    @Autowired
    PlaceLibraryService places;

    @Autowired
    StandardZone zone;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private static boolean built;

    @BeforeEach
    void build() throws Exception {
        FuseTestCity.land(steps, ingestion, jobs, resources, database);
        if (!built) {
            libraries.rebuild(EntityKind.PERSON, n -> { });
            libraries.rebuild(EntityKind.COMPANY, n -> { });
            PlaceLibraryService.PlaceRun run = places.rebuild();
            System.out.println("fuse places: " + run);
            built = true;
        }
    }

    private String code(String department, String dataset) {
        return resources.find(department, dataset).map(Resource::code).orElseThrow();
    }

    @Test
    @Order(1)
    void oneHousePerDistinctUnitNumberFromEverySourceCarryingIt() {
        String units = code("real-estate", "real_estate_units");
        String holders = code("real-estate", "right_holders");
        List<PlaceLibraryService.HouseSource> sources = PlaceLibraryService.houseSources(catalog.all());
        assertThat(sources).extracting(s -> s.resource().code()).contains(units, holders);
        assertThat(sources).filteredOn(s -> s.resource().code().equals(holders)).singleElement()
                .satisfies(s -> assertThat(s.certificateField()).isEqualTo("证件号码"));

        // the distinct unit numbers and rows of the STANDARD zone, read independently
        Set<String> distinct = new TreeSet<>();
        Map<String, String> unitOfRecord = new HashMap<>();
        for (PlaceLibraryService.HouseSource s : sources) {
            zone.forEach(s.resource().code(), 0, r -> {
                String unit = r.value(s.unitField());
                if (unit != null && PlaceLibraryService.UNIT_NUMBER.matcher(unit).matches()) {
                    distinct.add(unit);
                    unitOfRecord.put(r.resourceCode() + ":" + r.key(), unit);
                }
            });
        }
        assertThat(distinct).hasSizeGreaterThan(100);
        List<String> stored = jdbc.sql("select unit_number from fusion.house order by unit_number").query(String.class).list();
        assertThat(stored).containsExactlyElementsOf(distinct);
        Map<String, String> linked = new HashMap<>();
        jdbc.sql("select l.record_id, h.unit_number from fusion.house_link l join fusion.house h using (entity_id)")
                .query(rs -> {
                    linked.put(rs.getString(1), rs.getString(2));
                });
        assertThat(linked).isEqualTo(unitOfRecord);
        // the units' rows give location and area; several sources meet in one house
        assertThat(jdbc.sql("select count(*) from fusion.house where location is not null and area is not null")
                .query(Long.class).single()).isGreaterThan(distinct.size() * 9L / 10);
        assertThat(jdbc.sql("select count(*) from fusion.house where sources > 1").query(Long.class).single())
                .isGreaterThan(distinct.size() / 2L);
        String id = jdbc.sql("select entity_id from fusion.house order by unit_number limit 1").query(String.class).single();
        assertThat(id).isEqualTo(PlaceLibraryService.houseId(distinct.iterator().next())).startsWith("H").hasSize(16);
    }

    @Test
    @Order(2)
    void ownersAreLinkedToTheRightPersonsAndCompanies() {
        String holders = code("real-estate", "right_holders");
        // expected owners from the right holders' STANDARD rows: certificate number and kind
        Map<String, String[]> expected = new HashMap<>();
        zone.forEach(holders, 0, r -> {
            String unit = r.value("不动产单元号");
            String certificate = r.value("证件号码");
            if (unit != null && PlaceLibraryService.UNIT_NUMBER.matcher(unit).matches() && certificate != null) {
                expected.put(r.resourceCode() + ":" + r.key(), new String[]{PlaceLibraryService.houseId(unit),
                        "organisation".equals(r.value("证件号码__kind")) ? "COMPANY" : "PERSON", certificate});
            }
        });
        assertThat(expected.values().stream().filter(e -> e[1].equals("COMPANY")).count()).isGreaterThan(0);
        assertThat(expected.values().stream().filter(e -> e[1].equals("PERSON")).count()).isGreaterThan(100);
        record Owner(String house, String kind, String entity, String certificate, String entityIdentifier,
                     String entityOrgcode) {
        }
        Map<String, Owner> owners = new HashMap<>();
        jdbc.sql("""
                select o.record_id, o.entity_id, o.owner_kind, o.owner_entity, o.certificate, e.identifier,
                  e.golden -> 'orgcode' ->> 'value'
                from fusion.house_owner o left join fusion.entity e on e.kind = o.owner_kind and e.entity_id = o.owner_entity""")
                .query(rs -> {
                    owners.put(rs.getString(1), new Owner(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                });
        assertThat(owners.keySet()).isEqualTo(expected.keySet());
        int persons = 0;
        int personsRight = 0;
        int companies = 0;
        int companiesRight = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String[]> e : expected.entrySet()) {
            Owner o = owners.get(e.getKey());
            assertThat(o.house()).isEqualTo(e.getValue()[0]);
            assertThat(o.kind()).isEqualTo(e.getValue()[1]);
            String certificate = e.getValue()[2];
            if (o.kind().equals("PERSON")) {
                persons++;
                // the owner is the person whose golden identity number is the certificate number
                if (certificate.equals(o.entityIdentifier())) {
                    personsRight++;
                } else {
                    wrong.add(e.getKey() + " " + certificate + " → " + o.entity() + " " + o.entityIdentifier());
                }
            } else {
                companies++;
                String code = certificate.replace("-", "");
                if (o.entity() != null && (code.equals(o.entityIdentifier()) || code.equals(o.entityOrgcode())
                        || code.length() == 18 && code.substring(8, 17).equals(o.entityOrgcode()))) {
                    companiesRight++;
                } else {
                    wrong.add(e.getKey() + " " + certificate + " → " + o.entity() + " " + o.entityIdentifier());
                }
            }
        }
        System.out.printf("fuse owners: persons %d/%d, companies %d/%d linked to the entity of their number%n",
                personsRight, persons, companiesRight, companies);
        assertThat(personsRight).as(wrong.toString()).isGreaterThanOrEqualTo((int) (persons * 0.99));
        assertThat(companiesRight).as(wrong.toString()).isGreaterThanOrEqualTo((int) (companies * 0.95));
        // a person owner's entity has the right-holder row among its links when the row is in the person library
        Map<String, String> personLinks = new HashMap<>();
        jdbc.sql("select record_id, entity_id from fusion.entity_link where kind = 'PERSON' and resource_code = ?")
                .param(holders).query(rs -> {
                    personLinks.put(rs.getString(1), rs.getString(2));
                });
        owners.forEach((record, o) -> {
            if (o.kind().equals("PERSON") && personLinks.containsKey(record)) {
                assertThat(o.entity()).as(record).isEqualTo(personLinks.get(record));
            }
        });
    }

    @Test
    @Order(3)
    void addressesGroupTheRecordsNamingTheSameStandardAddress() {
        String units = code("real-estate", "real_estate_units");
        String households = code("public-security", "household_registration");
        // every standardised location and household address is linked to the address entity of its text
        for (String[] f : List.of(new String[]{units, "坐落"}, new String[]{households, "户籍地址"})) {
            Map<String, String> expected = new HashMap<>();
            zone.forEach(f[0], 0, r -> {
                if (r.value(f[1]) != null && r.value(f[1] + "__division") != null) {
                    expected.put(r.resourceCode() + ":" + r.key(), PlaceLibraryService.addressId(r.value(f[1])));
                }
            });
            assertThat(expected).as(f[0]).hasSizeGreaterThan(100);
            Map<String, String> linked = new HashMap<>();
            jdbc.sql("select record_id, entity_id from fusion.address_link where resource_code = ? and field = ?")
                    .params(f[0], f[1]).query(rs -> {
                        linked.put(rs.getString(1), rs.getString(2));
                    });
            assertThat(linked).as(f[0]).isEqualTo(expected);
        }
        // one entity per text, with the count of its links and the facts of the standard address
        assertThat(jdbc.sql("select count(*) from fusion.address a where records <> (select count(*)"
                + " from fusion.address_link l where l.entity_id = a.entity_id)").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from fusion.address").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(distinct address) from fusion.address").query(Long.class).single());
        assertThat(jdbc.sql("select count(*) from fusion.address where street is not null and division is not null")
                .query(Long.class).single()).isGreaterThan(100);
        // persons living there and houses located there meet in the same addresses
        assertThat(jdbc.sql("select count(*) from fusion.address where persons > 0 and houses > 0").query(Long.class)
                .single()).isGreaterThan(10);
        assertThat(jdbc.sql("select count(*) from fusion.address where companies > 0").query(Long.class).single())
                .isGreaterThan(0);
        // a house's location is an address entity
        assertThat(jdbc.sql("select count(*) from fusion.house h where address_id is not null and not exists"
                + " (select 1 from fusion.address a where a.entity_id = h.address_id)").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from fusion.address where persons + houses + companies > records")
                .query(Long.class).single()).isZero();
    }

    @Test
    @Order(4)
    void aRebuildGivesTheSameIds() {
        String sql = """
                select string_agg(entity_id || '/' || unit_number || '/' || owners, ',' order by entity_id) from fusion.house""";
        String owners = "select string_agg(entity_id || '/' || record_id || '/' || coalesce(owner_entity, '-'), ','"
                + " order by entity_id, record_id) from fusion.house_owner";
        String addresses = "select string_agg(entity_id || '/' || records || '/' || persons || '/' || houses, ','"
                + " order by entity_id) from fusion.address";
        String h1 = jdbc.sql(sql).query(String.class).single();
        String o1 = jdbc.sql(owners).query(String.class).single();
        String a1 = jdbc.sql(addresses).query(String.class).single();
        libraries.rebuild(EntityKind.PERSON, n -> { });
        places.rebuild();
        assertThat(jdbc.sql(sql).query(String.class).single()).isEqualTo(h1);
        assertThat(jdbc.sql(owners).query(String.class).single()).isEqualTo(o1);
        assertThat(jdbc.sql(addresses).query(String.class).single()).isEqualTo(a1);
        assertThat(places.stale()).isFalse();
    }

    @Test
    @Order(5)
    void houseAndAddressFilesRenderInBothLanguagesMaskedByRole() throws Exception {
        var admin = user("fuse-admin").roles("PLATFORM_ADMIN");
        var liaison = user("fuse-liaison").roles("DATA_LIAISON");
        String[] house = jdbc.sql("""
                select h.entity_id, h.unit_number, o.owner_entity, o.certificate, h.address_id from fusion.house h
                join fusion.house_owner o using (entity_id)
                where o.owner_kind = 'PERSON' and o.owner_entity is not null and h.address_id is not null
                order by h.entity_id limit 1""")
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)}).single();
        String masked = Masking.mask(house[3], Masking.Kind.IDENTIFIER);
        mvc.perform(get("/console/fusion/houses/{id}", house[0]).with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("房屋档案")))
                .andExpect(content().string(containsString(house[1])))
                .andExpect(content().string(containsString("/console/fusion/persons/" + house[2])))
                .andExpect(content().string(containsString("/console/fusion/addresses/" + house[4])))
                .andExpect(content().string(containsString(house[3])));
        mvc.perform(get("/console/fusion/houses/{id}", house[0]).with(liaison).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("House file")))
                .andExpect(content().string(containsString("Right holders")))
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(not(containsString(house[3]))));
        // the owner's person file lists the house
        mvc.perform(get("/console/fusion/persons/{id}", house[2]).with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("名下不动产")))
                .andExpect(content().string(containsString("/console/fusion/houses/" + house[0])));
        String[] address = jdbc.sql("""
                select a.entity_id, a.address, e.identifier from fusion.address a
                join fusion.address_link l using (entity_id)
                join fusion.entity e on e.kind = 'PERSON' and e.entity_id = l.subject_entity
                where l.subject = 'PERSON' and e.identifier is not null and a.houses > 0 order by a.entity_id limit 1""")
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        mvc.perform(get("/console/fusion/addresses/{id}", address[0]).with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("地址档案")))
                .andExpect(content().string(containsString(address[1])))
                .andExpect(content().string(containsString(address[2])))
                .andExpect(content().string(containsString("/console/fusion/houses/")));
        mvc.perform(get("/console/fusion/addresses/{id}", address[0]).with(liaison).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Address file")))
                .andExpect(content().string(containsString(Masking.mask(address[2], Masking.Kind.IDENTIFIER))))
                .andExpect(content().string(not(containsString(address[2]))));
        // search by unit number and by address text; the statistics page counts all four libraries
        mvc.perform(get("/console/fusion").param("kind", "house").param("q", house[1]).with(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/console/fusion/houses/" + house[0])));
        mvc.perform(get("/console/fusion").param("kind", "address").param("q", address[1]).with(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/console/fusion/addresses/" + address[0])));
        mvc.perform(get("/console/fusion").with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("房屋库")))
                .andExpect(content().string(containsString("地址库")))
                .andExpect(content().string(containsString("人口库")));
        mvc.perform(get("/console/fusion").with(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("House library")))
                .andExpect(content().string(containsString("Address library")));
        mvc.perform(get("/console/fusion/houses/{id}", "HNOSUCH").with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/console/fusion/houses/{id}", house[0]).with(user("fuse-agent").roles("HOTLINE_AGENT")))
                .andExpect(status().isForbidden());
    }
}
