package dev.banyan.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.banyan.server.catalog.CatalogFixtures.ADMIN;
import static dev.banyan.server.catalog.CatalogFixtures.complete;
import static dev.banyan.server.catalog.CatalogFixtures.field;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/** The catalog's REST API: scopes, problem details, and a machine client acting as its department's liaison. */
@BanyanServerTest
class CatalogApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    private static JwtRequestPostProcessor client(Dept d, String... scopes) {
        return jwt().jwt(j -> j.subject("client-" + d.department().code()).claim("department", d.department().code()))
                .authorities(java.util.Arrays.stream(scopes).map(s -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + s)).toList());
    }

    /** A client token as Spring Authorization Server issues it: the scopes both as claim and as authorities. */
    private static JwtRequestPostProcessor scopedClient(Dept d, String... scopes) {
        return jwt().jwt(j -> j.subject("client-" + d.department().code()).claim("department", d.department().code())
                        .claim("scope", List.of(scopes)))
                .authorities(java.util.Arrays.stream(scopes).map(s -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + s)).toList());
    }

    @Test
    void submitsPublishesReturnsAndRetiresOnlyWithTheScopesOfThoseRoles() throws Exception {
        Dept health = CatalogFixtures.department(directory, "榕城市卫健委（审核接口测试）");
        Dept platform = CatalogFixtures.department(directory, "榕城市大数据局（审核接口测试）");
        Resource r = catalog.draft(health.liaison(), complete(health, "001", "出生医学证明信息", "Birth certificates",
                List.of(field("公民身份号码", "DE0001"))));
        String base = "/api/v1/catalog/resources/" + r.code();

        // A liaison's application may draft but not submit.
        mvc.perform(post(base + "/submit").with(scopedClient(health, "catalog.write"))).andExpect(status().isForbidden());
        // Another department's chief data officer may not submit it.
        mvc.perform(post(base + "/submit").with(scopedClient(platform, "catalog.write", "catalog.submit")))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/submit").with(scopedClient(health, "catalog.write", "catalog.submit")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING_REVIEW"));

        // Only the review scope publishes or returns; the department's own officer cannot approve itself.
        mvc.perform(post(base + "/publish").with(scopedClient(health, "catalog.write", "catalog.submit")))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/return").param("comment", "请补充字段说明").with(scopedClient(platform, "catalog.write", "catalog.review")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.reviewComment").value("请补充字段说明"));
        mvc.perform(post(base + "/submit").with(scopedClient(health, "catalog.write", "catalog.submit"))).andExpect(status().isOk());
        mvc.perform(post(base + "/publish").param("comment", "同意").with(scopedClient(platform, "catalog.write", "catalog.review")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));

        mvc.perform(post(base + "/retire").param("reason", "并入新资源").with(scopedClient(health, "catalog.write", "catalog.submit")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETIRED"));
        assertThat(catalog.versions(r.id())).extracting(ResourceVersion::actor).contains("client:client-" + health.department().code());
    }

    @Test
    void searchesWithTheReadScopeOnly() throws Exception {
        Dept tax = CatalogFixtures.department(directory, "榕城市税务局（接口测试）");
        Resource r = catalog.draft(tax.liaison(), complete(tax, "001", "纳税人登记信息", "Taxpayer register",
                List.of(field("纳税人识别号", "DE0025"), field("统一社会信用代码", "DE0010"))));
        catalog.submit(tax.cdo(), r.id());
        catalog.publish(ADMIN, r.id(), null);

        mvc.perform(get("/api/v1/catalog/resources").param("q", "信用代码")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/catalog/resources").param("q", "信用代码").with(client(tax, "directory.read")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/catalog/resources").param("q", "纳税人").param("department", tax.department().code())
                        .with(client(tax, "catalog.read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].code").value(r.code()))
                .andExpect(jsonPath("$.facets.shareType.UNCONDITIONAL").value(1));
        mvc.perform(get("/api/v1/catalog/resources/" + r.code()).with(client(tax, "catalog.read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fields[0].dataElement").value("DE0025"));
        mvc.perform(get("/api/v1/catalog/resources/" + r.code() + "/versions").with(client(tax, "catalog.read")))
                .andExpect(jsonPath("$[0].action").value("published"));
        mvc.perform(get("/api/v1/catalog/resources/" + r.code() + "/demands").with(client(tax, "catalog.read")))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
        mvc.perform(get("/api/v1/catalog/resources/nope").with(client(tax, "catalog.read")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/catalog/data-elements").with(client(tax, "catalog.read")))
                .andExpect(jsonPath("$[*].nameZh", hasItem("公民身份号码")));
    }

    @Test
    void draftsForTheClientsDepartmentAndExplainsRefusals() throws Exception {
        Dept transport = CatalogFixtures.department(directory, "榕城市交通局（接口测试）");
        Dept other = CatalogFixtures.department(directory, "榕城市其他局（接口测试）");
        String code = "201003-" + transport.creditCode() + "-001";
        String body = """
                {"code": "%s", "nameZh": "公交线路", "nameEn": "Bus routes", "shareType": "NOT_SHARED",
                 "fields": [{"name": "线路编号", "type": "string"}]}""".formatted(code);
        mvc.perform(post("/api/v1/catalog/resources").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "zh-CN").with(client(transport, "catalog.read")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/catalog/resources").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "zh-CN").with(client(transport, "catalog.write")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("shareLegalBasis"))
                .andExpect(jsonPath("$.code").value("error.catalog.share.legalBasis"))
                .andExpect(jsonPath("$.detail").value(containsString("法律法规")));
        // Every problem of the body, each with where it is (a JSON pointer) and what is wrong, in the reader's language.
        mvc.perform(post("/api/v1/catalog/resources").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"type\": \"string\"}", "\"type\": \"string\", \"dataElement\": \"DE9999\"}"))
                        .header("Accept-Language", "en").with(client(transport, "catalog.write")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].pointer").value("#/shareLegalBasis"))
                .andExpect(jsonPath("$.errors[0].code").value("error.catalog.share.legalBasis"))
                .andExpect(jsonPath("$.errors[1].field").value("fields[0].dataElement"))
                .andExpect(jsonPath("$.errors[1].pointer").value("#/fields/0/dataElement"))
                .andExpect(jsonPath("$.errors[1].code").value("error.catalog.element.unknown"))
                .andExpect(jsonPath("$.errors[1].detail").value(containsString("DE9999")));
        assertThat(catalog.findByCode(code)).isEmpty();
        mvc.perform(post("/api/v1/catalog/resources").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("NOT_SHARED", "UNCONDITIONAL")).with(client(transport, "catalog.write")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.providerId").value(transport.id()));
        mvc.perform(post("/api/v1/catalog/resources").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("UNCONDITIONAL", "UNCONDITIONAL")).with(client(transport, "catalog.write")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.catalog.code.taken"));
        mvc.perform(post("/api/v1/catalog/resources").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("NOT_SHARED", "UNCONDITIONAL").replace("-001", "-002")
                                .replace("\"nameZh\"", "\"providerId\": " + other.id() + ", \"nameZh\""))
                        .with(client(transport, "catalog.write")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("error.catalog.permission.otherDepartment"));
    }

    @Test
    void importsAWorkbookAllOrNothingAndExportsJson() throws Exception {
        Dept housing = CatalogFixtures.department(directory, "榕城市住建局（接口测试）");
        byte[] template = mvc.perform(get("/api/v1/catalog/template.xlsx").with(client(housing, "catalog.read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/catalog/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "catalog.xlsx", null, template))
                        .with(client(housing, "catalog.write")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.created").isEmpty())
                .andExpect(jsonPath("$.problems[0].messageCode").value("error.catalog.import.empty"));
        mvc.perform(get("/api/v1/catalog/export.json").param("department", housing.department().code())
                        .with(client(housing, "catalog.read")))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void isDescribedInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/catalog/resources'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/catalog/import'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/catalog/demands/{id}/answer'].post").exists());
    }

    @Test
    void filesADemandAsTheClientsDepartment() throws Exception {
        Dept health = CatalogFixtures.department(directory, "榕城市卫健委（接口测试）");
        mvc.perform(post("/api/v1/catalog/demands").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"出生医学证明\", \"purpose\": \"新生儿落户\", \"legalBasis\": \"《户口登记条例》第七条\"}")
                        .with(client(health, "catalog.write")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requesterId").value(health.id()))
                .andExpect(jsonPath("$.deadline").exists());
    }
}
