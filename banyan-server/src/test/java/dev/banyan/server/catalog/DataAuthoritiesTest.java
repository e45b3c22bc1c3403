package dev.banyan.server.catalog;

import static dev.banyan.server.catalog.CatalogFixtures.ADMIN;
import static dev.banyan.server.catalog.CatalogFixtures.complete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.platform.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One data, one source: a data element about a subject has exactly one authoritative department. */
@BanyanServerTest
class DataAuthoritiesTest {

    @Autowired
    Catalog catalog;

    @Autowired
    DataAuthorities authorities;

    @Autowired
    DataElements elements;

    @Autowired
    DepartmentDirectory directory;

    private static ResourceField authoritative(String name, String element) {
        return new ResourceField(name, "decimal", null, false, element, PersonalInformation.NONE, DataGrade.GENERAL, true);
    }

    @Test
    void theFirstPublisherBecomesTheAuthorityAndAConflictingClaimNamesIt() {
        // An element of its own, so that no other test or the demo has claimed it already.
        elements.define(ADMIN, new DataElement("DE0911", "测绘面积", "Surveyed floor area", "decimal", "n..10,2", null,
                SubjectType.PROPERTY, "面积 测绘"));
        Dept estate = CatalogFixtures.department(directory, "榕城市不动产登记中心（一数一源测试）");
        Dept housing = CatalogFixtures.department(directory, "榕城市住建局（一数一源测试）");
        Resource registry = catalog.draft(estate.liaison(), complete(estate, "001", "不动产登记信息", "Real-estate register",
                List.of(authoritative("测绘面积", "DE0911"))));
        catalog.submit(estate.cdo(), registry.id());
        catalog.publish(ADMIN, registry.id(), null);
        assertThat(authorities.current("DE0911", SubjectType.PROPERTY)).hasValueSatisfying(a -> {
            assertThat(a.departmentId()).isEqualTo(estate.id());
            assertThat(a.assignedBy()).isEqualTo("test.admin");
        });

        assertThatThrownBy(() -> catalog.draft(housing.liaison(), complete(housing, "001", "商品房备案", "Housing sales",
                List.of(CatalogFixtures.field("合同编号", null), authoritative("测绘面积", "DE0911")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("fields[1].authoritative");
                    assertThat(e.messageCode()).isEqualTo("error.catalog.authority.conflict");
                    assertThat(e.arguments()).containsExactly("测绘面积", "榕城市不动产登记中心（一数一源测试）");
                });
        // Using the element without claiming it is fine: that is what reuse means.
        catalog.draft(housing.liaison(), complete(housing, "002", "商品房备案", "Housing sales",
                List.of(CatalogFixtures.field("测绘面积", "DE0911"))));

        assertThatThrownBy(() -> authorities.assign(housing.cdo(), "DE0911", housing.id(), "职能调整"))
                .isInstanceOf(CatalogPermissionException.class);
        assertThatThrownBy(() -> authorities.assign(ADMIN, "DE0911", housing.id(), " "))
                .hasFieldOrPropertyWithValue("field", "reason");
        authorities.assign(ADMIN, "DE0911", housing.id(), "职能调整：面积测绘划归住建局");
        assertThat(authorities.current("DE0911", SubjectType.PROPERTY).orElseThrow().departmentId()).isEqualTo(housing.id());
        assertThat(authorities.history("DE0911", SubjectType.PROPERTY))
                .extracting(DataAuthorityChange::previousDepartmentId, DataAuthorityChange::departmentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, estate.id()),
                        org.assertj.core.groups.Tuple.tuple(estate.id(), housing.id()));
    }

    @Test
    void seedsTheCommonDataElementsWithTheirStandards() {
        assertThat(elements.get("DE0001").standard()).isEqualTo("GB 11643-1999");
        assertThat(elements.get("DE0010").nameZh()).isEqualTo("统一社会信用代码");
        assertThat(elements.get("DE0010").standard()).startsWith("GB 32100");
        assertThat(elements.get("DE0016").standard()).isEqualTo("GB/T 2260");
        assertThatThrownBy(() -> elements.define(ADMIN, new DataElement("DE0001", "重复", "Dup", "string", null, null,
                SubjectType.PERSON, null))).hasFieldOrPropertyWithValue("messageCode", "error.catalog.element.code.taken");
        DataElement defined = elements.define(ADMIN, new DataElement("DE0901", "献血证编号", "Blood donation certificate number",
                "string", "c..20", null, SubjectType.PERSON, "献血证"));
        assertThat(elements.find("DE0901")).contains(defined);
    }
}
