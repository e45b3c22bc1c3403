package dev.banyan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import dev.banyan.server.platform.BanyanSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console's ingest jobs: a liaison creates one from a suggested mapping, runs it, and sees its runs. */
@BanyanServerTest
class IngestJobConsoleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    IngestJobs jobs;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    BanyanSettings settings;

    private RequestPostProcessor liaisonOf(Resource r) {
        String username = "jobs-liaison-" + r.providerId();
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new NewUser(username, username, "console-test-2026", r.providerId(), Set.of(Role.DATA_LIAISON)));
        }
        return user(username).roles(Role.DATA_LIAISON.name());
    }

    @Test
    void aLiaisonConfirmsASuggestedMappingCreatesTheJobAndRunsIt() throws Exception {
        Resource r = IngestFixtures.resource(directory, catalog, List.of(
                IngestFixtures.field("record_id", "string", null, true),
                IngestFixtures.field("公民身份号码", "string", "DE0001", false)));
        Resource theirs = IngestFixtures.resource(directory, catalog, "record_id");
        Path dir = Files.createDirectories(settings.dataDir().resolve("sources"));
        Path file = dir.resolve("console-job-" + r.id() + ".csv");
        Files.writeString(file, "record_id,身份证号\n1,350102198001010011\n", StandardCharsets.UTF_8);
        var liaison = liaisonOf(r);

        mvc.perform(post("/console/ingest/jobs/new").with(liaison).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("name", "人员日报").param("resourceCode", r.code()).param("sourceType", "csv")
                        .param("sourceLocation", file.toString()).param("suggest", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("列名为该字段数据元的名称或别名")))
                .andExpect(content().string(containsString("create-job")));
        // another department's resource is not offered
        mvc.perform(post("/console/ingest/jobs/new").with(liaison).with(csrf())
                        .param("name", "x").param("resourceCode", theirs.code()).param("sourceType", "csv")
                        .param("sourceLocation", file.toString()).param("suggest", "1"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("create-job"))));

        mvc.perform(post("/console/ingest/jobs/new").with(liaison).with(csrf())
                        .param("name", "人员日报").param("resourceCode", r.code()).param("sourceType", "csv")
                        .param("sourceLocation", file.toString()).param("schedule", "0 2 * * *")
                        .param("map.record_id", "record_id").param("map.公民身份号码", "身份证号").param("create", "1"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/console/ingest/jobs/*"));
        IngestJob job = jobs.ofResource(r.code()).getFirst();
        assertThat(job.fieldMapping()).containsEntry("公民身份号码", "身份证号");
        assertThat(job.schedule()).isEqualTo("0 2 * * *");

        mvc.perform(post("/console/ingest/jobs/" + job.id() + "/run").with(liaison).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (int i = 0; i < 100 && jobs.runs(job.id(), 1).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(jobs.runs(job.id(), 1)).singleElement().satisfies(b -> assertThat(b.rowsStandardised()).isEqualTo(1));

        mvc.perform(get("/console/ingest/jobs/" + job.id()).with(liaison).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Field mapping")))
                .andExpect(content().string(containsString("身份证号")))
                .andExpect(content().string(containsString("Run now")));
        mvc.perform(get("/console/ingest/jobs").with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("人员日报")))
                .andExpect(content().string(containsString("0 2 * * *")));
        // a developer reads but does not run, and no one sees another department's job
        var developer = user("jobs-dev-" + r.providerId()).roles(Role.DEPARTMENT_DEVELOPER.name());
        accounts.create(new NewUser("jobs-dev-" + r.providerId(), "dev", "console-test-2026", r.providerId(),
                Set.of(Role.DEPARTMENT_DEVELOPER)));
        mvc.perform(post("/console/ingest/jobs/" + job.id() + "/run").with(developer).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/ingest/jobs/" + job.id()).with(liaisonOf(theirs))).andExpect(status().isForbidden());
    }
}
