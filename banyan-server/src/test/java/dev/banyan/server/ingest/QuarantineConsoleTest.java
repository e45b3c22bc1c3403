package dev.banyan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's governing pages: rows standardised and quarantined on the batch pages, the data quality page per
 * department, and the quarantine — list with readable reasons, correction, dismissal and replay — in both languages,
 * each person seeing only their department's resources.
 */
@BanyanServerTest
class QuarantineConsoleTest {

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
    IngestBatch messy;
    IngestBatch clean;
    IngestBatch other;

    @BeforeEach
    void land() throws Exception {
        mine = QuarantineFixtures.personResource(directory, catalog);
        theirs = QuarantineFixtures.personResource(directory, catalog);
        clean = QuarantineFixtures.land(ingestion, dir, mine, "clean.csv", QuarantineFixtures.CLEAN);
        messy = QuarantineFixtures.land(ingestion, dir, mine, "people.csv", QuarantineFixtures.MESSY);
        other = QuarantineFixtures.land(ingestion, dir, theirs, "theirs.csv", QuarantineFixtures.MESSY);
        assertThat(messy.rowsQuarantined()).isEqualTo(2);
        assertThat(messy.rowsStandardised()).isEqualTo(4);
    }

    private RequestPostProcessor as(String username, Long department, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new NewUser(username, username, "quarantine-test-2026", department, Set.of(role)));
        }
        return user(username).roles(role.name());
    }

    private RequestPostProcessor liaison() {
        return as("q.liaison." + mine.providerId(), mine.providerId(), Role.DATA_LIAISON);
    }

    private static String quarantineOf(Resource r) {
        return "/console/ingest/quarantine?resource=" + URLEncoder.encode(r.code(), StandardCharsets.UTF_8);
    }

    private List<QuarantinedRow> open(Resource r) {
        return ingestion.quarantine(r.code(), QuarantinedRow.Status.OPEN, 0, 10);
    }

    @Test
    void batchPagesShowRowsStandardisedAndQuarantinedAndTheQualityScore() throws Exception {
        var admin = user("q-console-admin").roles("PLATFORM_ADMIN");
        mvc.perform(get("/console/ingest").param("resource", mine.code()).with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已标准化")))
                .andExpect(content().string(containsString("已隔离")))
                .andExpect(content().string(containsString("标准库行数")))
                .andExpect(content().string(containsString(messy.quality().score() >= 90 ? "score good" : "score")))
                .andExpect(content().string(containsString(quarantineOf(mine).replace("&", "&amp;"))));
        String score = String.format(java.util.Locale.ROOT, "%.1f", messy.quality().score());
        mvc.perform(get("/console/ingest/batches/{id}", messy.id()).with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("读取 <strong>6</strong> 行 = 标准化 <strong>4</strong> 行 + 隔离 <strong>2</strong> 行")))
                .andExpect(content().string(containsString("✓")))
                .andExpect(content().string(containsString(">" + score + "<")))
                .andExpect(content().string(containsString("完整性")))
                .andExpect(content().string(containsString("一致性")))
                .andExpect(content().string(containsString("权重 35%")))
                .andExpect(content().string(containsString("id=\"field-quality\"")))
                .andExpect(content().string(containsString("公民身份号码")))
                .andExpect(content().string(containsString("查看隔离区")));
        mvc.perform(get("/console/ingest/batches/{id}", messy.id()).with(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>6</strong> rows read = <strong>4</strong> standardised + <strong>2</strong> quarantined")))
                .andExpect(content().string(containsString("Completeness")))
                .andExpect(content().string(containsString("Timeliness")))
                .andExpect(content().string(containsString("By field")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void theQualityPageShowsTheDepartmentsResourcesWithTheirScoresAndTrends() throws Exception {
        mvc.perform(get("/console/ingest/quality").with(liaison()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("数据质量")))
                .andExpect(content().string(containsString("部门评分")))
                .andExpect(content().string(containsString(mine.nameZh())))
                .andExpect(content().string(not(containsString(theirs.nameZh()))))
                // two batches: a trend of two points, the department's too
                .andExpect(content().string(containsString("data-points=\"2\"")))
                .andExpect(content().string(containsString("<polyline")))
                .andExpect(content().string(containsString(quarantineOf(mine).replace("&", "&amp;"))))
                .andExpect(content().string(containsString(">2</a>")))
                .andExpect(content().string(containsString("有效性")));
        // the department's score is the mean of its resources' latest scores: one resource, the latest batch
        String page = mvc.perform(get("/console/ingest/quality").with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Department score")))
                .andExpect(content().string(containsString("2 open in quarantine")))
                .andReturn().getResponse().getContentAsString();
        String latest = String.format(java.util.Locale.ROOT, "%.1f", messy.quality().score());
        assertThat(page).contains(">" + latest + "</span>");
        var admin = user("q-console-admin").roles("PLATFORM_ADMIN");
        mvc.perform(get("/console/ingest/quality").with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.nameZh())))
                .andExpect(content().string(containsString(theirs.nameZh())))
                .andExpect(content().string(containsString(directory.get(theirs.providerId()).nameZh())));
        // a menu entry, in both languages, for those who may open it
        mvc.perform(get("/").with(liaison()).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("href=\"/console/ingest/quality\"")))
                .andExpect(content().string(containsString(">数据质量</a>")));
        var auditor = as("q.console.auditor", null, Role.AUDITOR);
        mvc.perform(get("/console/ingest/quality").with(auditor)).andExpect(status().isForbidden());
    }

    @Test
    void theQuarantineListsRowsWithReadableReasonsInBothLanguages() throws Exception {
        mvc.perform(get("/console/ingest/quarantine").with(liaison()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("隔离区")))
                .andExpect(content().string(containsString(mine.nameZh())))
                .andExpect(content().string(not(containsString(theirs.nameZh()))));
        QuarantinedRow noKey = open(mine).get(1);
        mvc.perform(get(quarantineOf(mine)).with(liaison()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("隔离区：" + mine.nameZh())))
                .andExpect(content().string(containsString("业务主键为空")))
                .andExpect(content().string(containsString("350102197512300031")))
                .andExpect(content().string(containsString("待处理行的隔离原因")))
                .andExpect(content().string(containsString("data-code=\"key.missing\"")))
                .andExpect(content().string(containsString("/console/ingest/quarantine/" + noKey.id())))
                .andExpect(content().string(containsString("重放全部待处理行")))
                .andExpect(content().string(not(containsString("??quarantine"))));
        mvc.perform(get(quarantineOf(mine)).with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The business key is empty")))
                .andExpect(content().string(containsString("Why the open rows are held")))
                .andExpect(content().string(containsString("Replay all open rows")));
        mvc.perform(get(quarantineOf(mine)).param("status", "CORRECTED").with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No rows with this status.")));
        // another department's quarantine, a developer and an auditor: refused
        mvc.perform(get(quarantineOf(theirs)).with(liaison())).andExpect(status().isForbidden());
        mvc.perform(get("/console/ingest/quarantine/{id}", open(theirs).getFirst().id()).with(liaison()))
                .andExpect(status().isForbidden());
        var developer = as("q.console.dev." + mine.providerId(), mine.providerId(), Role.DEPARTMENT_DEVELOPER);
        mvc.perform(get(quarantineOf(mine)).with(developer)).andExpect(status().isForbidden());
        var auditor = as("q.console.auditor", null, Role.AUDITOR);
        mvc.perform(get("/console/ingest/quarantine").with(auditor)).andExpect(status().isForbidden());
        mvc.perform(get("/console/ingest/quarantine/{id}", Long.MAX_VALUE).with(liaison())).andExpect(status().isNotFound());
    }

    @Test
    void aRowIsCorrectedOnlyWhenItsNewValuesPassAndWhoDidItIsRecorded() throws Exception {
        QuarantinedRow wrongId = open(mine).getFirst();
        var cdo = as("q.cdo." + mine.providerId(), mine.providerId(), Role.CHIEF_DATA_OFFICER);
        mvc.perform(get("/console/ingest/quarantine/{id}", wrongId.id()).with(cdo).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("隔离记录 " + wrongId.id())))
                .andExpect(content().string(containsString("value=\"350102197512300031\"")))
                .andExpect(content().string(containsString("at-fault")))
                .andExpect(content().string(containsString("更正并标准化")))
                .andExpect(content().string(containsString("驳回")));
        // still wrong: 422, the new problem shown, the typed value kept, nothing changed
        mvc.perform(post("/console/ingest/quarantine/{id}/correction", wrongId.id()).with(cdo).with(csrf())
                        .param("v" + QuarantineFixtures.IDENTITY, "350102197512300033").header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("更正后的值仍未通过校验规则")))
                .andExpect(content().string(containsString("value=\"350102197512300033\"")))
                .andExpect(content().string(containsString("入库时为：350102197512300031")));
        assertThat(ingestion.quarantinedRow(wrongId.id()).orElseThrow().status()).isEqualTo(QuarantinedRow.Status.OPEN);
        // without the CSRF token: refused
        mvc.perform(post("/console/ingest/quarantine/{id}/correction", wrongId.id()).with(cdo)
                        .param("v" + QuarantineFixtures.IDENTITY, "350102197512300032"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/ingest/quarantine/{id}/correction", wrongId.id()).with(cdo).with(csrf())
                        .param("v" + QuarantineFixtures.IDENTITY, "350102197512300032"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(quarantineOf(mine)))
                .andExpect(flash().attribute("notice", "quarantine.corrected"));
        QuarantinedRow corrected = ingestion.quarantinedRow(wrongId.id()).orElseThrow();
        assertThat(corrected.status()).isEqualTo(QuarantinedRow.Status.CORRECTED);
        assertThat(corrected.resolvedBy()).isEqualTo("q.cdo." + mine.providerId());
        assertThat(corrected.correctedValues()).containsEntry("公民身份号码", "350102197512300032");
        mvc.perform(get("/console/ingest/quarantine/{id}", wrongId.id()).with(cdo).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Corrected")))
                .andExpect(content().string(containsString("q.cdo." + mine.providerId())))
                .andExpect(content().string(not(containsString("id=\"correct\""))));
        // another department's liaison may not correct it
        var stranger = as("q.liaison." + theirs.providerId(), theirs.providerId(), Role.DATA_LIAISON);
        mvc.perform(post("/console/ingest/quarantine/{id}/correction", open(mine).getFirst().id()).with(stranger).with(csrf())
                        .param("v0", "99"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRowIsDismissedOnlyWithAReasonAndOpenRowsCanBeReplayed() throws Exception {
        QuarantinedRow noKey = open(mine).get(1);
        mvc.perform(post("/console/ingest/quarantine/{id}/dismissal", noKey.id()).with(liaison()).with(csrf())
                        .param("reason", "  ").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写驳回理由")));
        assertThat(ingestion.quarantinedRow(noKey.id()).orElseThrow().status()).isEqualTo(QuarantinedRow.Status.OPEN);
        mvc.perform(post("/console/ingest/quarantine/{id}/dismissal", noKey.id()).with(liaison()).with(csrf())
                        .param("reason", "测试数据 test record"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "quarantine.dismissed"));
        QuarantinedRow dismissed = ingestion.quarantinedRow(noKey.id()).orElseThrow();
        assertThat(dismissed.status()).isEqualTo(QuarantinedRow.Status.DISMISSED);
        assertThat(dismissed.note()).isEqualTo("测试数据 test record");
        mvc.perform(get(quarantineOf(mine)).param("status", "DISMISSED").with(liaison()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已驳回")))
                .andExpect(content().string(containsString("/console/ingest/quarantine/" + noKey.id())));
        // a second dismissal of the same row: it is no longer open
        mvc.perform(post("/console/ingest/quarantine/{id}/dismissal", noKey.id()).with(liaison()).with(csrf())
                        .param("reason", "again").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is no longer open")));
        // replay: the remaining open row still fails the rules
        mvc.perform(post("/console/ingest/quarantine/replay").with(liaison()).with(csrf()).param("resource", mine.code()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "quarantine.replayed"))
                .andExpect(flash().attribute("noticeArg", "0 / 1"));
        mvc.perform(post("/console/ingest/quarantine/replay").with(liaison()).with(csrf()).param("resource", theirs.code()))
                .andExpect(status().isForbidden());
    }
}
