package dev.banyan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The quarantine and quality API: scopes, department ownership (403), correction (200 / 422), dismissal, replay. */
@BanyanServerTest
class QuarantineApiTest {

    @TempDir
    Path dir;

    @Autowired
    MockMvc mvc;

    @Autowired
    Ingestion ingestion;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    Resource mine;
    Resource theirs;
    IngestBatch clean;
    IngestBatch messy;

    @BeforeEach
    void land() throws Exception {
        mine = QuarantineFixtures.personResource(directory, catalog);
        theirs = QuarantineFixtures.personResource(directory, catalog);
        clean = QuarantineFixtures.land(ingestion, dir, mine, "clean.csv", QuarantineFixtures.CLEAN);
        messy = QuarantineFixtures.land(ingestion, dir, mine, "people.csv", QuarantineFixtures.MESSY);
        QuarantineFixtures.land(ingestion, dir, theirs, "theirs.csv", QuarantineFixtures.MESSY);
    }

    /** An application of the department that provides the resource, with these scopes. */
    private RequestPostProcessor client(Resource r, String... scopes) {
        String department = directory.get(r.providerId()).code();
        return jwt().jwt(j -> j.subject("client-quarantine-" + department).claim("department", department))
                .authorities(java.util.Arrays.stream(scopes).map(s -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + s)).toList());
    }

    private RequestPostProcessor reader(Resource r) {
        return client(r, "ingest.read");
    }

    private RequestPostProcessor writer(Resource r) {
        return client(r, "ingest.write");
    }

    private List<QuarantinedRow> open(Resource r) {
        return ingestion.quarantine(r.code(), QuarantinedRow.Status.OPEN, 0, 10);
    }

    @Test
    void listsTheQuarantineWithReasonsInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/ingest/resources/{code}/quarantine", mine.code()).with(reader(mine))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].rowNumber").value(3))
                .andExpect(jsonPath("$.rows[0].values.公民身份号码").value("350102197512300031"))
                .andExpect(jsonPath("$.rows[1].problems[*].code", hasItem("key.missing")))
                .andExpect(jsonPath("$.rows[1].problems[*].reason", hasItem(containsString("业务主键为空"))))
                .andExpect(jsonPath("$.openProblemCodes['key.missing']").value(1));
        mvc.perform(get("/api/v1/ingest/resources/{code}/quarantine", mine.code()).param("limit", "1").param("offset", "1")
                        .with(reader(mine)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].problems[*].reason", hasItem(containsString("The business key is empty"))));
        mvc.perform(get("/api/v1/ingest/resources/{code}/quarantine", mine.code()).param("status", "DISMISSED").with(reader(mine)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/ingest/resources/{code}/quarantine", mine.code()).param("status", "LOST").with(reader(mine)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("status"));
        long id = open(mine).getFirst().id();
        mvc.perform(get("/api/v1/ingest/quarantine/{id}", id).with(reader(mine)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.batchId").value(messy.id()))
                .andExpect(jsonPath("$.problems[0].reason").isString());
        mvc.perform(get("/api/v1/ingest/quarantine/{id}", 987654321L).with(reader(mine))).andExpect(status().isNotFound());
    }

    @Test
    void anotherDepartmentsApplicationIsRefusedEverywhere() throws Exception {
        long id = open(mine).getFirst().id();
        mvc.perform(get("/api/v1/ingest/resources/{code}/quarantine", mine.code()).with(reader(theirs)).header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.code").value("ingest.error.otherDepartmentData"))
                .andExpect(jsonPath("$.detail").value(containsString(mine.code())));
        mvc.perform(get("/api/v1/ingest/quarantine/{id}", id).with(reader(theirs))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/ingest/resources/{code}/quality", mine.code()).with(reader(theirs))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ingest/quarantine/{id}/correction", id).with(writer(theirs))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"公民身份号码\": \"350102197512300032\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ingest/quarantine/{id}/dismissal", id).with(writer(theirs))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"not ours\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ingest/resources/{code}/quarantine/replay", mine.code()).with(writer(theirs)))
                .andExpect(status().isForbidden());
        // a token without a department claim is refused too
        mvc.perform(get("/api/v1/ingest/resources/{code}/quarantine", mine.code())
                        .with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_ingest.read"))))
                .andExpect(status().isForbidden());
        // scopes: none → 401; read only → no changes
        mvc.perform(get("/api/v1/ingest/resources/{code}/quarantine", mine.code())).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/ingest/resources/{code}/quarantine/replay", mine.code()).with(reader(mine)))
                .andExpect(status().isForbidden());
        assertThat(ingestion.quarantinedRow(id).orElseThrow().status()).isEqualTo(QuarantinedRow.Status.OPEN);
    }

    @Test
    void aFailingCorrectionIs422WithItsProblemsAndAPassingOneJoinsTheStandardZone() throws Exception {
        long id = open(mine).getFirst().id();
        mvc.perform(post("/api/v1/ingest/quarantine/{id}/correction", id).with(writer(mine)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"公民身份号码\": \"350102197512300033\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.code").value("ingest.error.correctionRejected"))
                .andExpect(jsonPath("$.accepted").value(false))
                .andExpect(jsonPath("$.problems[*].field", hasItem("公民身份号码")))
                .andExpect(jsonPath("$.problems[*].value", hasItem("350102197512300033")))
                .andExpect(jsonPath("$.problems[0].reason").isString());
        assertThat(ingestion.quarantinedRow(id).orElseThrow().status()).isEqualTo(QuarantinedRow.Status.OPEN);
        mvc.perform(post("/api/v1/ingest/quarantine/{id}/correction", id).with(writer(mine))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"no such field\": \"1\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("ingest.error.unknownField"));
        String department = directory.get(mine.providerId()).code();
        mvc.perform(post("/api/v1/ingest/quarantine/{id}/correction", id).with(writer(mine))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"公民身份号码\": \"350102197512300032\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.row.status").value("CORRECTED"))
                .andExpect(jsonPath("$.row.resolvedBy").value("client-quarantine-" + department))
                .andExpect(jsonPath("$.row.correctedValues.公民身份号码").value("350102197512300032"));
        mvc.perform(post("/api/v1/ingest/quarantine/{id}/correction", id).with(writer(mine)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ingest.error.notOpen"))
                .andExpect(jsonPath("$.detail").value(containsString("no longer open")));
    }

    @Test
    void dismissalNeedsAReasonAndReplayReportsWhatPassed() throws Exception {
        long id = open(mine).get(1).id();
        mvc.perform(post("/api/v1/ingest/quarantine/{id}/dismissal", id).with(writer(mine)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ingest.error.reasonRequired"))
                .andExpect(jsonPath("$.detail").value(containsString("驳回理由")));
        mvc.perform(post("/api/v1/ingest/quarantine/{id}/dismissal", id).with(writer(mine))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"test record\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.note").value("test record"));
        mvc.perform(post("/api/v1/ingest/resources/{code}/quarantine/replay", mine.code()).with(writer(mine)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(0))
                .andExpect(jsonPath("$.stillOpen").value(1));
    }

    @Test
    void qualityIsTheLatestScoreWithItsTrend() throws Exception {
        mvc.perform(get("/api/v1/ingest/resources/{code}/quality", mine.code()).with(reader(mine)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.latestBatch").value(messy.id()))
                .andExpect(jsonPath("$.latest.score").value(messy.quality().score()))
                .andExpect(jsonPath("$.latest.completeness").isNumber())
                .andExpect(jsonPath("$.latest.fields.length()").value(8))
                .andExpect(jsonPath("$.trend.length()").value(2))
                .andExpect(jsonPath("$.trend[0].batchId").value(clean.id()))
                .andExpect(jsonPath("$.trend[0].score").value(clean.quality().score()))
                .andExpect(jsonPath("$.trend[1].batchId").value(messy.id()))
                .andExpect(jsonPath("$.openQuarantine").value(2));
        Resource fresh = QuarantineFixtures.personResource(directory, catalog);
        mvc.perform(get("/api/v1/ingest/resources/{code}/quality", fresh.code()).with(reader(fresh)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.latest").doesNotExist())
                .andExpect(jsonPath("$.trend.length()").value(0));
        mvc.perform(get("/api/v1/ingest/resources/{code}/quality", "no-such-resource").with(reader(mine)))
                .andExpect(status().isNotFound());
    }
}
