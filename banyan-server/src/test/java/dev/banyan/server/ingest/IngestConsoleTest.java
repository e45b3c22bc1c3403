package dev.banyan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console's batch pages, in both languages, each person seeing the batches of the resources they may see. */
@BanyanServerTest
class IngestConsoleTest {

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

    @Autowired
    UserAccounts accounts;

    Resource mine;
    Resource theirs;
    IngestBatch landed;
    IngestBatch failed;
    IngestBatch other;

    @BeforeEach
    void land() throws Exception {
        mine = IngestFixtures.resource(directory, catalog, "record_id", "姓名", "电话");
        theirs = IngestFixtures.resource(directory, catalog, "record_id", "名称");
        // one row too short: landed all the same, with an error for the quarantine
        Path ragged = TestFiles.write(dir, "people.csv", "record_id,姓名,电话\n1,张三,13800000000\n2,李四\n", StandardCharsets.UTF_8);
        landed = ingestion.ingest(mine.code(), SourceSpec.of("csv", ragged.toString()), "liaison.console", n -> { }).batch();
        Path unrelated = TestFiles.write(dir, "other.csv", "a,b\n1,2\n", StandardCharsets.UTF_8);
        failed = ingestion.ingest(mine.code(), SourceSpec.of("csv", unrelated.toString()), "liaison.console", n -> { }).batch();
        Path names = TestFiles.write(dir, "names.csv", "record_id,名称\n1,榕城小学\n", StandardCharsets.UTF_8);
        other = ingestion.ingest(theirs.code(), SourceSpec.of("csv", names.toString()), "liaison.other", n -> { }).batch();
        assertThat(landed.status()).isEqualTo(IngestBatch.Status.LANDED);
        assertThat(landed.rowsWithErrors()).isEqualTo(1);
        assertThat(failed.status()).isEqualTo(IngestBatch.Status.FAILED);
        assertThat(landed.description()).contains("encoding UTF-8");
    }

    private RequestPostProcessor as(String username, Long department, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new NewUser(username, username, "console-test-2026", department, Set.of(role)));
        }
        return user(username).roles(role.name());
    }

    private static String link(IngestBatch b) {
        return "href=\"/console/ingest/batches/" + b.id() + "\"";
    }

    @Test
    void theAdministratorSeesEveryBatchInBothLanguagesAndFilters() throws Exception {
        var admin = user("ingest-console-admin").roles("PLATFORM_ADMIN");
        mvc.perform(get("/console/ingest").with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("采集批次")))
                .andExpect(content().string(containsString("原始库行数")))
                .andExpect(content().string(containsString(link(landed))))
                .andExpect(content().string(containsString(link(other))))
                .andExpect(content().string(containsString(mine.nameZh())))
                .andExpect(content().string(containsString("people.csv")))
                .andExpect(content().string(containsString(landed.fingerprint().substring(7, 19))))
                .andExpect(content().string(containsString("已入库")))
                .andExpect(content().string(containsString("liaison.console")));
        mvc.perform(get("/console/ingest").param("resource", mine.code()).with(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingest batches")))
                .andExpect(content().string(containsString("Rows with problems")))
                .andExpect(content().string(containsString("Landed")))
                .andExpect(content().string(containsString("Failed")))
                .andExpect(content().string(containsString(link(landed))))
                .andExpect(content().string(containsString(link(failed))))
                .andExpect(content().string(not(containsString(link(other)))))
                // the filter offers every resource with batches, by name
                .andExpect(content().string(containsString(">" + theirs.nameEn() + "</option>")));
        mvc.perform(get("/console/ingest").param("resource", mine.code()).param("status", "FAILED").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(link(failed))))
                .andExpect(content().string(not(containsString(link(landed)))));
        // newest first
        String page = mvc.perform(get("/console/ingest").param("resource", mine.code()).with(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf(link(failed))).isLessThan(page.indexOf(link(landed)));
    }

    @Test
    void aBatchPageShowsItsProblemsAndDescriptionInBothLanguages() throws Exception {
        var admin = user("ingest-console-admin").roles("PLATFORM_ADMIN");
        mvc.perform(get("/console/ingest/batches/{id}", landed.id()).with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("采集批次 " + landed.id())))
                .andExpect(content().string(containsString("INGEST-101")))
                .andExpect(content().string(containsString("行字段数与表头不一致")))
                .andExpect(content().string(containsString("错误")))
                .andExpect(content().string(containsString("连接器识别结果")))
                .andExpect(content().string(containsString("encoding UTF-8")))
                .andExpect(content().string(containsString(landed.fingerprint())))
                .andExpect(content().string(containsString("/console/catalog/resources/" + mine.id())));
        mvc.perform(get("/console/ingest/batches/{id}", landed.id()).with(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Batch " + landed.id())))
                .andExpect(content().string(containsString("Row has a different number of fields than the header")))
                .andExpect(content().string(containsString("What the connector found")));
        mvc.perform(get("/console/ingest/batches/{id}", failed.id()).with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("失败原因")))
                .andExpect(content().string(containsString("no column of the source matches")))
                .andExpect(content().string(containsString("失败前未记录到行问题")));
        mvc.perform(get("/console/ingest/batches/{id}", Long.MAX_VALUE).with(admin)).andExpect(status().isNotFound());
    }

    @Test
    void departmentsSeeTheirOwnBatchesAndOthersNone() throws Exception {
        var liaison = as("ingest.console.liaison." + mine.providerId(), mine.providerId(), Role.DATA_LIAISON);
        var developer = as("ingest.console.dev." + theirs.providerId(), theirs.providerId(), Role.DEPARTMENT_DEVELOPER);
        mvc.perform(get("/console/ingest").with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(link(landed))))
                .andExpect(content().string(not(containsString(link(other)))));
        mvc.perform(get("/console/ingest/batches/{id}", landed.id()).with(liaison)).andExpect(status().isOk());
        mvc.perform(get("/console/ingest/batches/{id}", other.id()).with(liaison)).andExpect(status().isForbidden());
        mvc.perform(get("/console/ingest").with(developer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(link(other))))
                .andExpect(content().string(not(containsString(link(landed)))));
        var cdo = as("ingest.console.cdo." + mine.providerId(), mine.providerId(), Role.CHIEF_DATA_OFFICER);
        mvc.perform(get("/console/ingest").with(cdo)).andExpect(status().isOk())
                .andExpect(content().string(containsString(link(failed))));
        // the menu entry shows for them, not for the auditor or a hotline agent, who may not open the pages
        mvc.perform(get("/").with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("href=\"/console/ingest\"")));
        var auditor = as("ingest.console.auditor", null, Role.AUDITOR);
        var agent = as("ingest.console.agent", null, Role.HOTLINE_AGENT);
        mvc.perform(get("/").with(auditor)).andExpect(content().string(not(containsString("href=\"/console/ingest\""))));
        mvc.perform(get("/console/ingest").with(auditor)).andExpect(status().isForbidden());
        mvc.perform(get("/console/ingest/batches/{id}", landed.id()).with(agent)).andExpect(status().isForbidden());
    }
}
