package dev.banyan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A liaison uploads a department file in the console: landed and governed as one batch. */
@BanyanServerTest
class IngestUploadConsoleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Ingestion ingestion;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    UserAccounts accounts;

    @Test
    void aLiaisonUploadsAFileOfTheirDepartmentOnly() throws Exception {
        Resource r = IngestFixtures.resource(directory, catalog, List.of(
                IngestFixtures.field("record_id", "string", null, true),
                IngestFixtures.field("公民身份号码", "string", "DE0001", false)));
        Resource theirs = IngestFixtures.resource(directory, catalog, "record_id");
        String username = "upload-liaison-" + r.providerId();
        accounts.create(new NewUser(username, username, "console-test-2026", r.providerId(), Set.of(Role.DATA_LIAISON)));
        var liaison = user(username).roles(Role.DATA_LIAISON.name());
        byte[] gbk = "record_id,公民身份号码\n1,350102198001010011\n2,350102198001010012\n".getBytes("GBK");

        mvc.perform(get("/console/ingest/upload").with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("上传部门数据文件")))
                .andExpect(content().string(containsString(r.code())));
        mvc.perform(multipart("/console/ingest/upload").file(new MockMultipartFile("file", "人员.csv", "text/csv", gbk))
                        .param("resource", r.code()).with(liaison).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/console/ingest/batches/*"));
        assertThat(ingestion.batches(r.code())).singleElement().satisfies(b -> {
            assertThat(b.sourceLocation()).isEqualTo("upload:人员.csv");
            assertThat(b.rowsStandardised()).isEqualTo(1);
            assertThat(b.rowsQuarantined()).isEqualTo(1);
            assertThat(b.description()).contains("GB");
        });
        mvc.perform(multipart("/console/ingest/upload").file(new MockMultipartFile("file", "人员.pdf", "application/pdf",
                        "x".getBytes(StandardCharsets.UTF_8))).param("resource", r.code()).with(liaison).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is not a CSV, TSV")));
        mvc.perform(multipart("/console/ingest/upload").file(new MockMultipartFile("file", "x.csv", "text/csv", gbk))
                        .param("resource", theirs.code()).with(liaison).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(ingestion.batches(theirs.code())).isEmpty();
    }
}
