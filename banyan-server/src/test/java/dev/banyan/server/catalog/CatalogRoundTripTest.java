package dev.banyan.server.catalog;

import static dev.banyan.server.catalog.CatalogFixtures.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog exported as an Excel workbook imports back into the same resources: every element of every resource
 * and field survives the trip. Runs in a transaction that is rolled back, so that the resources can be removed
 * between export and import (their codes are unique) without leaving anything behind.
 */
@BanyanServerTest
@Transactional
class CatalogRoundTripTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    DataElements elements;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    JdbcClient jdbc;

    private static JwtRequestPostProcessor client(Dept d, String scope) {
        return jwt().jwt(j -> j.subject("client-" + d.department().code()).claim("department", d.department().code()))
                .authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
    }

    @Test
    void exportedWorkbookImportsBackIntoTheSameResources() throws Exception {
        Dept d = CatalogFixtures.department(directory, "榕城市往返测试局");
        elements.define(ADMIN, new DataElement("DE900001", "往返测试编号", "Round-trip number", "string", "c20", null,
                SubjectType.PERSON, null));
        ResourceDraft first = new ResourceDraft("101001-" + d.creditCode() + "-001", "低保救助对象", "Minimum living allowance recipients",
                d.id(), "低保对象及救助金额，\"每月\"更新。", DataDomain.CIVIL_AFFAIRS, "数据库", UpdateCycle.MONTHLY, "社会救助系统",
                LocalDate.of(2026, 1, 5), ShareType.CONDITIONAL, "仅用于救助核查", null, OpenType.NOT_OPEN, DataGrade.CORE,
                List.of(new ResourceField("公民身份号码", "string", "18 位", true, "DE0001", PersonalInformation.SENSITIVE_IDENTITY,
                                DataGrade.CORE, false),
                        new ResourceField("往返编号", "string", null, false, "DE900001", PersonalInformation.PERSONAL,
                                DataGrade.IMPORTANT, true),
                        new ResourceField("救助金额", "decimal", "元/月", false, null, PersonalInformation.NONE, DataGrade.GENERAL, false)));
        ResourceDraft second = new ResourceDraft("102002-" + d.creditCode() + "-002", "涉密名录", "Classified register", d.id(),
                "不予共享的名录。", DataDomain.PUBLIC_SAFETY, "电子表格", UpdateCycle.YEARLY, "档案系统", LocalDate.of(2025, 12, 31),
                ShareType.NOT_SHARED, null, "《中华人民共和国保守国家秘密法》第二条", OpenType.NOT_OPEN, DataGrade.IMPORTANT,
                List.of(new ResourceField("名录编号", "integer", null, true, null, PersonalInformation.NONE, DataGrade.GENERAL, false)));
        List<ResourceDraft> originals = List.of(first, second);
        for (ResourceDraft draft : originals) {
            Resource r = catalog.draft(d.liaison(), draft);
            catalog.submit(d.cdo(), r.id());
            catalog.publish(ADMIN, r.id(), null);
        }

        byte[] workbook = mvc.perform(get("/api/v1/catalog/export.xlsx").param("department", d.department().code())
                        .with(client(d, "catalog.read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        // The codes are unique, so the exported resources make way for their imported copies.
        jdbc.sql("delete from catalog.resource where provider_id = ?").param(d.id()).update();
        assertThat(catalog.ofProvider(d.id())).isEmpty();

        mvc.perform(multipart("/api/v1/catalog/import").file(new MockMultipartFile("file", "catalog.xlsx", null, workbook))
                        .with(client(d, "catalog.write")))
                .andExpect(status().isCreated())
                .andExpect(content().json("{\"problems\": []}"))
                .andExpect(jsonPath("$.created.length()").value(2));
        List<ResourceDraft> imported = originals.stream().map(o -> catalog.getByCode(o.code()))
                .peek(r -> assertThat(r.status()).isEqualTo(ResourceStatus.DRAFT))
                .map(Resource::toDraft).toList();
        assertThat(imported).containsExactlyElementsOf(originals);
    }
}
