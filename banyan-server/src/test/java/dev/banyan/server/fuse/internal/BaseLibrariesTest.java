package dev.banyan.server.fuse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.banyan.linkage.PairwiseEvaluation;
import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.CityDatasetResources;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.GoldenValue;
import dev.banyan.server.fuse.LinkRun;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.ingest.internal.CityLanding;
import dev.banyan.server.platform.DatabaseInfo;
import dev.banyan.synthcity.CityGenerator;
import dev.banyan.synthcity.GenerationOptions;
import dev.banyan.synthcity.Profile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The base libraries on a small generated city landed as the demo lands it: accuracy against the generator's ground
 * truth, determinism and stable ids, golden records preferring the authoritative source, incremental batches linking
 * into existing entities, review decisions surviving reruns, and the console pages in both languages with masking.
 */
@BanyanServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BaseLibrariesTest {

    private static Path city;

    @Autowired
    List<DemoStep> steps;

    @Autowired
    Ingestion ingestion;

    @Autowired
    dev.banyan.server.ingest.IngestJobs jobs;

    @Autowired
    CityDatasetResources resources;

    @Autowired
    DatabaseInfo database;

    @Autowired
    BaseLibraryService libraries;

    @Autowired
    ReviewQueue queue;

    @Autowired
    PlaceLibraryService places;

    @Autowired
    FusionStore store;

    @Autowired
    EvidenceLog evidence;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    javax.sql.DataSource dataSource;

    @BeforeEach
    void landTheCity() throws Exception {
        city = FuseTestCity.land(steps, ingestion, jobs, resources, database);
    }

    private String code(String department, String dataset) {
        return resources.find(department, dataset).map(Resource::code).orElseThrow();
    }

    /** Pairwise accuracy of the stored links against the city's truth, on the records the truth knows. */
    private PairwiseEvaluation accuracy(EntityKind kind) {
        Map<String, String> truth = GroundTruth.read(city, kind, resources).orElseThrow();
        Map<String, String> linked = new HashMap<>(store.entityOfRecords(kind));
        linked.keySet().retainAll(truth.keySet());
        assertThat(linked).isNotEmpty();
        return PairwiseEvaluation.of(linked, truth);
    }

    @Test
    @Order(1)
    void personsAndCompaniesLinkWithPairwiseF1OfAtLeast099() {
        LinkRun persons = libraries.rebuild(EntityKind.PERSON, n -> { });
        LinkRun companies = libraries.rebuild(EntityKind.COMPANY, n -> { });
        PairwiseEvaluation p = accuracy(EntityKind.PERSON);
        PairwiseEvaluation c = accuracy(EntityKind.COMPANY);
        System.out.printf("fuse persons: %,d records → %,d entities in %.1f s, %s%nfuse companies: %,d → %,d in %.1f s, %s%n",
                persons.records(), persons.entities(), persons.seconds(), p, companies.records(), companies.entities(),
                companies.seconds(), c);
        assertThat(libraries.sources(EntityKind.PERSON)).extracting(s -> s.resource().code())
                .contains(code("public-security", "household_registration"), code("health", "birth_certificates"),
                        code("medical-insurance", "insured_persons"), code("transport", "drivers"))
                .doesNotContain(code("public-security", "households"), code("market-regulation", "enterprises"));
        assertThat(libraries.sources(EntityKind.COMPANY)).extracting(s -> s.resource().code())
                .contains(code("market-regulation", "enterprises"), code("tax", "enterprise_tax_payments"))
                .doesNotContain(code("human-resources", "employment_registrations"));
        assertThat(persons.records()).isGreaterThan(5_000);
        assertThat(p.f1()).as(p.toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(p.precision()).as(p.toString()).isGreaterThanOrEqualTo(0.995);
        assertThat(c.f1()).as(c.toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(persons.entities()).isLessThan(persons.records() / 2);
    }

    @Test
    @Order(2)
    void aRebuildIsDeterministicAndKeepsEntityIds() {
        store.jdbc().sql("delete from fusion.entity_link where kind = 'PERSON'").update();
        store.jdbc().sql("delete from fusion.entity where kind = 'PERSON'").update();
        libraries.rebuild(EntityKind.PERSON, n -> { });
        Map<String, String> first = store.entityOfRecords(EntityKind.PERSON);
        libraries.forget(EntityKind.PERSON);
        LinkRun again = libraries.rebuild(EntityKind.PERSON, n -> { });
        assertThat(store.entityOfRecords(EntityKind.PERSON)).isEqualTo(first);
        assertThat(again.entities()).isEqualTo(first.values().stream().distinct().count());
        // from nothing again: the same ids, derived from each entity's smallest record id
        store.jdbc().sql("delete from fusion.entity_link where kind = 'PERSON'").update();
        libraries.rebuild(EntityKind.PERSON, n -> { });
        assertThat(store.entityOfRecords(EntityKind.PERSON)).isEqualTo(first);
        assertThat(first.values()).allMatch(id -> id.matches("P[0-9A-F]{15}"));
    }

    @Test
    @Order(3)
    void theGoldenRecordTakesEachValueFromTheAuthoritativeSourceWithProvenance() throws Exception {
        String household = code("public-security", "household_registration");
        String employment = code("human-resources", "employment_registrations");
        libraries.rebuild(EntityKind.PERSON, n -> { });
        // a resident as the police registered them, and a newer employment record of the same person with a variant name
        NamedCsvRecord resident = firstRow(city.resolve("public-security/household_registration.csv"));
        String name = resident.getField("姓名").strip();
        String variant = name.substring(0, name.length() - 1) + (name.endsWith("明") ? "鸣" : "明");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("record_id", "FUSE-GOLD-1");
        values.put("姓名", variant);
        values.put("公民身份号码", resident.getField("公民身份号码"));
        values.put("联系电话", "13912345678");
        land(employment, "human-resources/employment_registrations.csv", List.of(values));
        LinkRun run = libraries.linkNewBatches(EntityKind.PERSON);
        assertThat(run.mode()).isEqualTo("INCREMENTAL");

        String entity = libraries.entityOf(EntityKind.PERSON, household, resident.getField("record_id")).orElseThrow();
        assertThat(libraries.entityOf(EntityKind.PERSON, employment, "FUSE-GOLD-1")).contains(entity);
        Map<String, GoldenValue> golden = FusionStore.golden(store.jdbc()
                .sql("select golden::text from fusion.entity where kind = 'PERSON' and entity_id = ?").param(entity)
                .query(String.class).single());
        GoldenValue chosen = golden.get("name");
        assertThat(chosen.value()).isEqualTo(name);
        assertThat(chosen.basis()).isEqualTo("AUTHORITY");
        assertThat(chosen.provenance().department()).isEqualTo("public-security");
        assertThat(chosen.provenance().resourceCode()).isEqualTo(household);
        assertThat(chosen.provenance().key()).isEqualTo(resident.getField("record_id"));
        assertThat(chosen.provenance().batch()).isPositive();
        assertThat(chosen.provenance().time()).isNotNull();
        assertThat(chosen.conflicts()).anySatisfy(c -> {
            assertThat(c.value()).isEqualTo(variant);
            assertThat(c.provenance().department()).isEqualTo("human-resources");
            assertThat(c.provenance().key()).isEqualTo("FUSE-GOLD-1");
        });
        // no authority for telephone numbers: the most recent wins
        assertThat(golden.get("phone").basis()).isNotEqualTo("AUTHORITY");
        assertThat(golden.get("id").basis()).isEqualTo("AUTHORITY");
        // the standardised address's street (and community and grid cell where the standardiser knows them)
        assertThat(golden.get("street")).isNotNull();
        assertThat(resident.getField("户籍地址")).contains(golden.get("street").value());
    }

    @Test
    @Order(4)
    void aNewBatchLinksIncrementallyIntoExistingEntitiesAndARebuildAgrees() throws Exception {
        String household = code("public-security", "household_registration");
        String pensioners = code("human-resources", "pensioners");
        libraries.rebuild(EntityKind.PERSON, n -> { });
        long before = libraries.entityCount(EntityKind.PERSON);
        List<NamedCsvRecord> residents = rows(city.resolve("public-security/household_registration.csv"), 3);
        NamedCsvRecord known = residents.get(2);
        List<Map<String, String>> batch = new ArrayList<>();
        Map<String, String> existing = new LinkedHashMap<>();
        existing.put("record_id", "FUSE-INC-1");
        existing.put("姓名", known.getField("姓名"));
        existing.put("身份证号码", known.getField("公民身份号码"));
        existing.put("出生日期", known.getField("出生日期"));
        batch.add(existing);
        Map<String, String> stranger = new LinkedHashMap<>();
        stranger.put("record_id", "FUSE-INC-2");
        stranger.put("姓名", "欧阳测试");
        stranger.put("身份证号码", withCheckDigit("35010219230417993"));
        stranger.put("出生日期", "1923-04-17");
        batch.add(stranger);
        land(pensioners, "human-resources/pensioners.csv", batch);

        LinkRun run = libraries.linkNewBatches(EntityKind.PERSON);
        assertThat(run.mode()).isEqualTo("INCREMENTAL");
        assertThat(run.newRecords()).isEqualTo(2);
        String entity = libraries.entityOf(EntityKind.PERSON, household, known.getField("record_id")).orElseThrow();
        assertThat(libraries.entityOf(EntityKind.PERSON, pensioners, "FUSE-INC-1")).contains(entity);
        String newcomer = libraries.entityOf(EntityKind.PERSON, pensioners, "FUSE-INC-2").orElseThrow();
        assertThat(newcomer).isNotEqualTo(entity);
        assertThat(libraries.entityCount(EntityKind.PERSON)).isEqualTo(before + 1);
        assertThat(store.jdbc().sql("select method from fusion.entity_link where kind = 'PERSON' and record_id = ?")
                .param(pensioners + ":FUSE-INC-1").query(String.class).single()).isEqualTo("INCREMENTAL");
        assertThat(libraries.stale(EntityKind.PERSON)).isFalse();
        // nothing new: an incremental run changes nothing
        assertThat(libraries.linkNewBatches(EntityKind.PERSON).newRecords()).isZero();

        Map<String, String> incremental = store.entityOfRecords(EntityKind.PERSON);
        libraries.forget(EntityKind.PERSON);
        libraries.rebuild(EntityKind.PERSON, n -> { });
        assertThat(store.entityOfRecords(EntityKind.PERSON)).isEqualTo(incremental);
    }

    @Test
    @Order(5)
    void reviewDecisionsPersistAndSurviveEveryRerun() throws Exception {
        String births = code("health", "birth_certificates");
        libraries.rebuild(EntityKind.PERSON, n -> { });
        Map<String, String> entityOf = store.entityOfRecords(EntityKind.PERSON);
        // a newborn's record (no identity number yet) and a record of another entity, put in the queue
        String baby = entityOf.keySet().stream().filter(r -> r.startsWith(births + ":")).sorted().findFirst().orElseThrow();
        String other = entityOf.keySet().stream().filter(r -> !entityOf.get(r).equals(entityOf.get(baby)))
                .filter(r -> r.startsWith(births + ":")).sorted().findFirst().orElseThrow();
        String first = baby.compareTo(other) < 0 ? baby : other;
        String second = first.equals(baby) ? other : baby;
        String rejectA = entityOf.keySet().stream().filter(r -> r.startsWith(births + ":"))
                .filter(r -> !entityOf.get(r).equals(entityOf.get(baby)) && !entityOf.get(r).equals(entityOf.get(other)))
                .sorted().skip(3).findFirst().orElseThrow();
        for (String[] pair : List.of(new String[]{first, second}, new String[]{baby.compareTo(rejectA) < 0 ? baby : rejectA,
                baby.compareTo(rejectA) < 0 ? rejectA : baby})) {
            store.jdbc().sql("insert into fusion.review_pair (kind, first_id, second_id, probability, explanation)"
                    + " values ('PERSON', ?, ?, 0.7, 'test') on conflict do nothing").params(pair[0], pair[1]).update();
        }
        assertThat(queue.open(EntityKind.PERSON, 0, 10_000)).anyMatch(p -> p.firstId().equals(first) && p.secondId().equals(second));

        queue.decide(EntityKind.PERSON, first, second, true, "cdo.test", "同一新生儿");
        assertThat(store.entityOf(EntityKind.PERSON, first)).isEqualTo(store.entityOf(EntityKind.PERSON, second));
        String r1 = baby.compareTo(rejectA) < 0 ? baby : rejectA;
        String r2 = r1.equals(baby) ? rejectA : baby;
        queue.decide(EntityKind.PERSON, r1, r2, false, "cdo.test", null);
        assertThat(evidence.awaitRecorded(java.time.Duration.ofSeconds(30))).isTrue();
        assertThat(evidence.search(new EntryQuery("fuse.review.accepted", null, null, null, null, null, 500)))
                .anyMatch(e -> e.subject().contains(first));

        for (int rerun = 0; rerun < 2; rerun++) {
            libraries.forget(EntityKind.PERSON);
            libraries.rebuild(EntityKind.PERSON, n -> { });
            assertThat(store.entityOf(EntityKind.PERSON, first)).isEqualTo(store.entityOf(EntityKind.PERSON, second));
            assertThat(store.entityOf(EntityKind.PERSON, r1)).isNotEqualTo(store.entityOf(EntityKind.PERSON, r2));
            assertThat(queue.find(EntityKind.PERSON, first, second).orElseThrow().status()).isEqualTo("ACCEPTED");
            assertThat(queue.find(EntityKind.PERSON, r1, r2).orElseThrow().status()).isEqualTo("REJECTED");
        }
    }

    @Test
    @Order(6)
    void theConsoleShowsFilesMaskedByRoleInBothLanguages() throws Exception {
        String household = code("public-security", "household_registration");
        libraries.useCityDir(city);
        LinkRun measured = libraries.rebuild(EntityKind.PERSON, n -> { });
        assertThat(measured.f1()).isGreaterThanOrEqualTo(0.99);
        assertThat(libraries.runs(EntityKind.PERSON, 1).getFirst().f1()).isEqualTo(measured.f1());
        libraries.rebuild(EntityKind.COMPANY, n -> { });
        NamedCsvRecord resident = firstRow(city.resolve("public-security/household_registration.csv"));
        String id = resident.getField("公民身份号码").strip();
        String masked = id.substring(0, 6) + "********" + id.substring(14);
        String entity = libraries.entityOf(EntityKind.PERSON, household, resident.getField("record_id")).orElseThrow();
        var admin = user("fuse-admin").roles("PLATFORM_ADMIN");
        var liaison = user("fuse-liaison").roles("DATA_LIAISON");

        mvc.perform(get("/console/fusion").with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("人口库（自然人）")))
                .andExpect(content().string(containsString("对照演示真值的准确率")))
                .andExpect(content().string(containsString("待复核")));
        mvc.perform(get("/console/fusion").with(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Population library (natural persons)")))
                .andExpect(content().string(containsString("pairwise F1")));
        mvc.perform(get("/console/fusion/persons/{id}", entity).with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("一人一档")))
                .andExpect(content().string(containsString("黄金记录")))
                .andExpect(content().string(containsString("权威来源")))
                .andExpect(content().string(containsString(id)));
        String page = mvc.perform(get("/console/fusion/persons/{id}", entity).with(liaison).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Person file")))
                .andExpect(content().string(containsString("Golden record")))
                .andExpect(content().string(containsString(masked)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as(() -> page.substring(Math.max(0, page.indexOf(id) - 600), Math.min(page.length(), page.indexOf(id) + 100)))
                .doesNotContain(id);
        String results = mvc.perform(get("/console/fusion").param("kind", "person").param("q", id).with(admin))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        results = results.substring(results.indexOf("id=\"search-results\""));
        // the hit, masked even for the administrator (only the query itself is echoed in the search box)
        assertThat(results).contains(entity, masked).doesNotContain(id);
        String company = store.jdbc().sql("select entity_id from fusion.entity where kind = 'COMPANY' order by sources desc, entity_id limit 1")
                .query(String.class).single();
        mvc.perform(get("/console/fusion/companies/{id}", company).with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("一企一档")))
                .andExpect(content().string(containsString("统一社会信用代码")));
        mvc.perform(get("/console/fusion/review").param("kind", "person").with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("人工复核")));
        mvc.perform(get("/console/fusion/review").param("kind", "company").with(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Review queue")));
        // a liaison may look, not decide
        mvc.perform(post("/console/fusion/review/decide").with(liaison).with(csrf()).param("kind", "person")
                        .param("first", "a").param("second", "b").param("decision", "accept"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/fusion").with(user("fuse-agent").roles("HOTLINE_AGENT")))
                .andExpect(status().isForbidden());
    }

    @Test
    @Order(7)
    void theDemoStepLinksWhatIsNewAndThenFindsEverythingUpToDate() throws Exception {
        BuildBaseLibrariesStep step = steps.stream().filter(s -> s instanceof BuildBaseLibrariesStep)
                .map(BuildBaseLibrariesStep.class::cast).findFirst().orElseThrow();
        assertThat(step.order()).isGreaterThan(600).isLessThan(700);
        libraries.rebuild(EntityKind.PERSON, n -> { });
        libraries.rebuild(EntityKind.COMPANY, n -> { });
        places.rebuild();
        List<String> lines = new ArrayList<>();
        DemoProgress recorder = new DemoProgress() {
            @Override
            public void advance(String what, long done, long total) {
                assertThat(done).isLessThanOrEqualTo(total);
            }

            @Override
            public void report(String line) {
                lines.add(line);
            }
        };
        step.run(recorder);
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).contains("already up to date", "已是最新"));

        Map<String, String> row = new LinkedHashMap<>();
        row.put("record_id", "FUSE-DEMO-1");
        row.put("姓名", "上官测试");
        row.put("身份证号码", withCheckDigit("35010219500505123"));
        land(code("human-resources", "pensioners"), "human-resources/pensioners.csv", List.of(row));
        lines.clear();
        step.run(recorder);
        assertThat(lines.getFirst()).contains("records →", "entities", "条记录");
        assertThat(libraries.runs(EntityKind.PERSON, 1).getFirst().mode()).isEqualTo("INCREMENTAL");
        assertThat(lines.get(1)).contains("already up to date");
        // the houses and addresses are rebuilt over the linked persons and companies, with their counts
        assertThat(lines.get(2)).contains("房屋库 houses", "houses", "addresses", "个地址");
        assertThat(places.stale()).isFalse();
    }

    @Test
    @Order(8)
    void theScheduledJobLinksNewBatchesOnceAndAnotherNodesRunMeansARebuild() throws Exception {
        String pensioners = code("human-resources", "pensioners");
        libraries.rebuild(EntityKind.PERSON, n -> { });
        Map<String, String> row = new LinkedHashMap<>();
        row.put("record_id", "FUSE-JOB-1");
        row.put("姓名", "司马测试");
        row.put("身份证号码", withCheckDigit("35010219480808321"));
        land(pensioners, "human-resources/pensioners.csv", List.of(row));
        assertThat(libraries.stale(EntityKind.PERSON)).isTrue();
        new LinkNewBatchesJob(libraries, places, dataSource).linkNewBatches();
        assertThat(libraries.entityOf(EntityKind.PERSON, pensioners, "FUSE-JOB-1")).isPresent();
        assertThat(libraries.runs(EntityKind.PERSON, 1).getFirst().mode()).isEqualTo("INCREMENTAL");
        assertThat(libraries.stale(EntityKind.PERSON)).isFalse();
        // a run this node did not make (as by another node): the next incremental call rebuilds rather than guess
        store.insertRun(new LinkRun(0, EntityKind.PERSON, "FULL", java.time.Instant.now(), java.time.Instant.now(), 0, 0, 0,
                0, 0, 0, null, null, null, "another node"), null);
        assertThat(libraries.linkNewBatches(EntityKind.PERSON).mode()).isEqualTo("FULL");
        assertThat(libraries.linkNewBatches(EntityKind.PERSON).mode()).isEqualTo("INCREMENTAL");
    }

    private static NamedCsvRecord firstRow(Path file) throws Exception {
        return rows(file, 1).getFirst();
    }

    private static List<NamedCsvRecord> rows(Path file, int n) throws Exception {
        List<NamedCsvRecord> out = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord r : csv) {
                if (!r.getField("公民身份号码").isBlank() || !file.toString().contains("household")) {
                    out.add(r);
                }
                if (out.size() == n) {
                    break;
                }
            }
        }
        return out;
    }

    /** Lands rows into a resource, in the header of the city's file for it (columns not given left empty). */
    private void land(String resourceCode, String cityFile, List<Map<String, String>> rows) throws Exception {
        List<String> header;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().detectBomHeader(true)
                .ofNamedCsvRecord(city.resolve(cityFile), StandardCharsets.UTF_8)) {
            header = csv.iterator().next().getHeader();
        }
        Path file = Files.createTempFile(city, "batch-", ".csv");
        try (CsvWriter w = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
            w.writeRecord(header);
            for (Map<String, String> row : rows) {
                w.writeRecord(header.stream().map(h -> row.getOrDefault(h, "")).toList());
            }
        }
        IngestResult r = ingestion.ingest(resourceCode, SourceSpec.builder("csv", file.toString()).encoding("UTF-8").build(),
                "tester", n -> { });
        assertThat(r.outcome()).as(String.valueOf(r.reason())).isEqualTo(IngestResult.Outcome.LANDED);
        assertThat(r.batch().rowsQuarantined()).as(r.batch().problems().toString()).isZero();
    }

    /** GB 11643: the 18th character of a 17-digit body. */
    private static String withCheckDigit(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
