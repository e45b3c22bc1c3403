package dev.banyan.server.ingest;

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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Ingest's machine API: uploads as batches, scopes, and problem details. */
@BanyanServerTest
class IngestApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    /** An application of the department that provides the resource. */
    private RequestPostProcessor writer(Resource r) {
        String department = directory.get(r.providerId()).code();
        return jwt().jwt(j -> j.subject("client-ingest").claim("department", department))
                .authorities(new SimpleGrantedAuthority("SCOPE_ingest.write"));
    }

    private static RequestPostProcessor reader() {
        return jwt().authorities(new SimpleGrantedAuthority("SCOPE_ingest.read"));
    }

    @Test
    void uploadsAFileAsABatchOnceAndReadsItBack() throws Exception {
        Resource r = IngestFixtures.resource(directory, catalog, "id", "name");
        byte[] csv = "id,name\n1,甲\n2,乙\n".getBytes(StandardCharsets.UTF_8);
        String location = mvc.perform(post("/api/v1/ingest/resources/{code}/batches", r.code()).param("type", "csv")
                        .param("encoding", "UTF-8").param("filename", "people.csv")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(csv).with(writer(r)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("LANDED"))
                .andExpect(jsonPath("$.batch.rowsLanded").value(2))
                .andExpect(jsonPath("$.batch.sourceLocation").value("upload:people.csv"))
                .andExpect(jsonPath("$.batch.requestedBy").value("client-ingest"))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(post("/api/v1/ingest/resources/{code}/batches", r.code())
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(csv).with(writer(r)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("ALREADY_LANDED"));
        mvc.perform(get(location).with(reader())).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LANDED"));
        mvc.perform(get("/api/v1/ingest/resources/{code}/batches", r.code()).with(reader()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void refusesWithoutTheScopeAndExplainsFailures() throws Exception {
        Resource r = IngestFixtures.resource(directory, catalog, "id", "name");
        mvc.perform(get("/api/v1/ingest/resources/{code}/batches", r.code())).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/ingest/resources/{code}/batches", r.code()).content("id\n1\n").with(reader()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ingest/resources/{code}/batches", r.code()).content("foo\n1\n").with(writer(r)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.outcome").value("FAILED"))
                .andExpect(jsonPath("$.batch").isNumber());
        mvc.perform(post("/api/v1/ingest/resources/{code}/batches", r.code()).param("type", "jdbc").content("x").with(writer(r)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("type"));
        mvc.perform(post("/api/v1/ingest/resources/{code}/batches", r.code()).param("colour", "red").content("id\n1\n")
                        .with(writer(r)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("options"));
        mvc.perform(get("/api/v1/ingest/batches/{id}", 987654321L).with(reader())).andExpect(status().isNotFound());
        // Least privilege: another department's application may not land into this resource.
        Resource other = IngestFixtures.resource(directory, catalog, "id");
        mvc.perform(post("/api/v1/ingest/resources/{code}/batches", r.code()).content("id,name\n1,甲\n").with(writer(other))
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ingest.error.otherDepartmentData"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(r.code())));
        mvc.perform(post("/api/v1/ingest/resources/{code}/batches", "no-such-resource").content("id\n1\n").with(writer(r)))
                .andExpect(status().isNotFound());
    }
}
