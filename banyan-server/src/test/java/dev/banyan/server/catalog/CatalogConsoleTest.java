package dev.banyan.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.Role;
import dev.banyan.server.identity.UserAccounts;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console pages of the catalog, in both languages, with each role seeing only what it may do. */
@BanyanServerTest
class CatalogConsoleTest {

    static final String PASSWORD = "console-test-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    UserAccounts accounts;

    private RequestPostProcessor as(String username, Long department, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new NewUser(username, username, PASSWORD, department, Set.of(role)));
        }
        return user(username).roles(role.name());
    }

    @Test
    void aResourceGoesFromTheEditorThroughReviewToPublished() throws Exception {
        Dept d = CatalogFixtures.department(directory, "榕城市人社局（控制台测试）");
        var liaison = as("console.liaison." + d.id(), d.id(), Role.DATA_LIAISON);
        var cdo = as("console.cdo." + d.id(), d.id(), Role.CHIEF_DATA_OFFICER);
        var admin = as("console.admin", null, Role.PLATFORM_ADMIN);

        mvc.perform(get("/console/catalog/resources/new").with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登记资源")))
                .andExpect(content().string(containsString("301001-" + d.creditCode() + "-001")));
        String code = "301001-" + d.creditCode() + "-001";
        mvc.perform(post("/console/catalog/resources").with(liaison).with(csrf())
                        .param("providerId", String.valueOf(d.id())).param("code", code).param("nameZh", "就业登记")
                        .param("shareType", "NOT_SHARED").param("openType", "NOT_OPEN").param("grade", "GENERAL")
                        .param("fields[0].name", "公民身份号码").param("fields[0].type", "string").param("fields[0].dataElement", "DE0001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shareLegalBasis")));
        // Every mistake of the form is listed at once.
        mvc.perform(post("/console/catalog/resources").with(liaison).with(csrf()).header("Accept-Language", "en")
                        .param("providerId", String.valueOf(d.id())).param("code", code).param("nameZh", "就业登记")
                        .param("shareType", "NOT_SHARED").param("openType", "NOT_OPEN").param("grade", "GENERAL")
                        .param("fields[0].name", "公民身份号码").param("fields[0].type", "string").param("fields[0].dataElement", "DE9999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 problems")))
                .andExpect(content().string(containsString("shareLegalBasis")))
                .andExpect(content().string(containsString("data-field=\"fields[0].dataElement\"")))
                .andExpect(content().string(containsString("Field 1: data element")))
                .andExpect(content().string(containsString("DE9999")));
        assertThat(catalog.findByCode(code)).isEmpty();
        String location = mvc.perform(post("/console/catalog/resources").with(liaison).with(csrf())
                        .param("providerId", String.valueOf(d.id())).param("code", code).param("nameZh", "就业登记")
                        .param("nameEn", "Employment registrations").param("summary", "劳动者就业登记信息")
                        .param("domain", "EMPLOYMENT").param("format", "数据库").param("updateCycle", "DAILY")
                        .param("sourceSystem", "就业服务系统").param("shareType", "UNCONDITIONAL").param("openType", "NOT_OPEN")
                        .param("grade", "IMPORTANT")
                        .param("fields[0].name", "公民身份号码").param("fields[0].type", "string").param("fields[0].dataElement", "DE0001")
                        .param("fields[0].personalInformation", "SENSITIVE_IDENTITY").param("fields[0].grade", "IMPORTANT")
                        .param("fields[1].name", "").param("fields[1].type", "string"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Resource r = catalog.getByCode(code);
        assertThat(location).isEqualTo("/console/catalog/resources/" + r.id());
        assertThat(r.fields()).hasSize(1);

        mvc.perform(get(location).with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("公民身份号码")))
                .andExpect(content().string(containsString("GB 11643")))
                .andExpect(content().string(not(containsString("id=\"submit-resource\""))));
        mvc.perform(post(location + "/submit").with(liaison).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get(location).with(cdo)).andExpect(content().string(containsString("id=\"submit-resource\"")));
        mvc.perform(post(location + "/submit").with(cdo).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/catalog/review").with(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(code)));
        mvc.perform(post(location + "/publish").with(admin).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(catalog.get(r.id()).status()).isEqualTo(ResourceStatus.PUBLISHED);
        mvc.perform(get(location).with(admin).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Published")))
                .andExpect(content().string(containsString("published")));

        mvc.perform(get("/console/catalog/resources").param("q", "身份证").param("department", d.department().code())
                        .with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("就业登记")))
                .andExpect(content().string(containsString("无条件共享")));
        mvc.perform(get("/console/catalog/export.ttl").with(liaison)).andExpect(status().isOk())
                .andExpect(content().string(containsString("dcat:Dataset")));
        byte[] template = mvc.perform(get("/console/catalog/template.xlsx").with(liaison)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        // The empty template imports nothing and says so, in the page.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/console/catalog/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "catalog.xlsx", null, template))
                        .param("providerId", String.valueOf(d.id())).with(liaison).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was imported")))
                .andExpect(content().string(containsString("The workbook lists no resource.")));
    }

    @Test
    void demandBoardAndDataElementsRender() throws Exception {
        Dept d = CatalogFixtures.department(directory, "榕城市公积金中心（控制台测试）");
        var liaison = as("console.liaison." + d.id(), d.id(), Role.DATA_LIAISON);
        var admin = as("console.admin", null, Role.PLATFORM_ADMIN);
        mvc.perform(post("/console/catalog/demands").with(liaison).with(csrf()).param("title", "婚姻状况")
                        .param("purpose", "公积金贷款审核").param("legalBasis", "《住房公积金管理条例》"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/catalog/demands").with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("婚姻状况")))
                .andExpect(content().string(containsString("平台（所属部门不明）")));
        mvc.perform(get("/console/catalog/demands").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/answer")));
        mvc.perform(get("/console/catalog/elements").with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("统一社会信用代码")))
                .andExpect(content().string(not(containsString("authority-form"))));
        mvc.perform(get("/console/catalog/elements").with(admin)).andExpect(content().string(containsString("authority-form")));
        mvc.perform(post("/console/catalog/elements/authority").with(liaison).with(csrf()).param("dataElement", "DE0023")
                .param("departmentId", String.valueOf(d.id())).param("reason", "x")).andExpect(status().isForbidden());
    }
}
