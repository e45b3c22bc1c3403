package dev.banyan.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A request the API cannot read — malformed JSON, a value outside an enumeration, a parameter of the wrong type —
 * is answered with an RFC 9457 problem detail (400) saying what is wrong and where, and changes nothing.
 */
@BanyanServerTest
class CatalogApiProblemsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    Dept dept;
    String code;

    @BeforeEach
    void department() {
        dept = CatalogFixtures.department(directory, "榕城市接口错误测试局");
        code = "201003-" + dept.creditCode() + "-001";
    }

    private JwtRequestPostProcessor client() {
        return jwt().jwt(j -> j.subject("client-" + dept.department().code()).claim("department", dept.department().code()))
                .authorities(new SimpleGrantedAuthority("SCOPE_catalog.write"), new SimpleGrantedAuthority("SCOPE_catalog.read"));
    }

    private ResultActions draft(String body, String language) throws Exception {
        return mvc.perform(post("/api/v1/catalog/resources").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", language).with(client()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("urn:banyan:problem:unreadable-request"));
    }

    @Test
    void malformedJsonSaysWhere() throws Exception {
        draft("{\"code\": \"%s\",\n \"nameZh\": }".formatted(code), "en")
                .andExpect(jsonPath("$.code").value("error.json.malformed"))
                .andExpect(jsonPath("$.line").value(2))
                .andExpect(jsonPath("$.column").value(12))
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON at line 2, column 12")));
        draft("{\"code\": \"%s\", \"nameZh\": \"公交线路\"".formatted(code), "zh-CN")
                .andExpect(jsonPath("$.code").value("error.json.malformed"))
                .andExpect(jsonPath("$.detail").value(containsString("请求体不是有效的 JSON")));
        mvc.perform(post("/api/v1/catalog/resources").contentType(MediaType.APPLICATION_JSON).with(client()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("error.json.unreadable"));
        assertThat(catalog.findByCode(code)).isEmpty();
    }

    @Test
    void aValueOutsideAnEnumerationNamesTheFieldAndTheAllowedValues() throws Exception {
        draft("""
                {"code": "%s", "nameZh": "公交线路", "shareType": "SOMETIMES"}""".formatted(code), "en")
                .andExpect(jsonPath("$.code").value("error.json.enum"))
                .andExpect(jsonPath("$.field").value("shareType"))
                .andExpect(jsonPath("$.errors[0].pointer").value("#/shareType"))
                .andExpect(jsonPath("$.detail").value(
                        "SOMETIMES is not an allowed value of shareType; use one of: UNCONDITIONAL, CONDITIONAL, NOT_SHARED."));
        draft("""
                {"code": "%s", "nameZh": "公交线路",
                 "fields": [{"name": "线路编号", "type": "string"}, {"name": "司机", "type": "string", "personalInformation": "MAYBE"}]}"""
                .formatted(code), "zh-CN")
                .andExpect(jsonPath("$.field").value("fields[1].personalInformation"))
                .andExpect(jsonPath("$.errors[0].pointer").value("#/fields/1/personalInformation"))
                .andExpect(jsonPath("$.detail").value(containsString("MAYBE 不是 fields[1].personalInformation 的可选值")));
        draft("""
                {"code": "%s", "nameZh": "公交线路", "providerId": "abc"}""".formatted(code), "en")
                .andExpect(jsonPath("$.code").value("error.json.format"))
                .andExpect(jsonPath("$.field").value("providerId"))
                .andExpect(jsonPath("$.detail").value("abc cannot be read as the integer that providerId needs."));
        draft("""
                {"code": "%s", "nameZh": "公交线路", "fields": {"name": "线路编号"}}""".formatted(code), "en")
                .andExpect(jsonPath("$.code").value("error.json.type"))
                .andExpect(jsonPath("$.field").value("fields"));
        assertThat(catalog.findByCode(code)).isEmpty();
    }

    @Test
    void aBadParameterIsAProblemDetailToo() throws Exception {
        mvc.perform(get("/api/v1/catalog/resources").param("shareType", "SOMETIMES").with(client()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("error.param.enum"))
                .andExpect(jsonPath("$.field").value("shareType"))
                .andExpect(jsonPath("$.detail").value(containsString("use one of: UNCONDITIONAL, CONDITIONAL, NOT_SHARED")));
        mvc.perform(get("/api/v1/catalog/authorities/DE0001/ALIEN/history").with(client()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.param.enum"))
                .andExpect(jsonPath("$.field").value("subjectType"));
        mvc.perform(get("/api/v1/catalog/resources").param("limit", "many").with(client()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.param.type"))
                .andExpect(jsonPath("$.detail").value("many is not a valid value of the parameter limit, which needs integer."));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/catalog/import").with(client()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("error.param.missing"))
                .andExpect(jsonPath("$.field").value("file"));
    }
}
