package dev.banyan.server.catalog;

import static dev.banyan.server.catalog.CatalogFixtures.ADMIN;
import static dev.banyan.server.catalog.CatalogFixtures.complete;
import static dev.banyan.server.catalog.CatalogFixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Chinese and English full-text search with facets, kept in step with every committed change. */
@BanyanServerTest
class CatalogSearchTest {

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    Dept police;
    Resource household;
    Resource vehicles;
    Resource weather;

    private Resource published(Dept d, ResourceDraft draft) {
        Resource r = catalog.draft(d.liaison(), draft);
        catalog.submit(d.cdo(), r.id());
        return catalog.publish(ADMIN, r.id(), null);
    }

    @BeforeEach
    void resources() {
        police = CatalogFixtures.department(directory, "榕城市公安局（检索测试）");
        household = published(police, complete(police, "001", "常住人口户籍登记信息", "Registered residents",
                List.of(field("证件号码", "DE0001"), field("姓名", "DE0002"), field("户籍地址", "DE0007"))));
        vehicles = published(police, complete(police, "002", "机动车登记信息", "Motor vehicle registrations",
                List.of(field("号牌号码", "DE0020"), field("车辆类型", null), field("所有人证件号码", null))));
        weather = published(police, CatalogFixtures.withShare(complete(police, "003", "道路气象预警", "Road weather warnings",
                List.of(field("预警等级", null), field("发布时间", "DE0028"))), ShareType.CONDITIONAL, "仅限交通管理", null));
    }

    private List<Long> ids(String text) {
        return catalog.search(new CatalogQuery(text, police.department().code(), null, null, null, null, null, 10)).hits()
                .stream().map(CatalogHits.Hit::resourceId).toList();
    }

    @Test
    void findsAResourceByTheAliasesOfItsDataElements() {
        // No field is called 身份证, but 证件号码 carries the data element 公民身份号码 whose aliases include it.
        assertThat(ids("身份证")).first().isEqualTo(household.id());
        assertThat(ids("身份证")).doesNotContain(weather.id());
        assertThat(ids("车牌")).containsExactly(vehicles.id());
    }

    @Test
    void ranksNamesAboveFieldsAndUnderstandsEnglish() {
        assertThat(ids("户籍")).first().isEqualTo(household.id());
        assertThat(ids("vehicle registrations")).first().isEqualTo(vehicles.id());
        assertThat(ids("weather")).containsExactly(weather.id());
        assertThat(ids("机动车")).first().isEqualTo(vehicles.id());
    }

    @Test
    void countsFacetsAndFiltersByThem() {
        CatalogHits all = catalog.search(new CatalogQuery(null, police.department().code(), null, null, null, null, null, 10));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.facets().get("shareType")).containsEntry("UNCONDITIONAL", 2).containsEntry("CONDITIONAL", 1);
        assertThat(all.facets().get("department")).containsEntry(police.department().code(), 3);
        CatalogHits conditional = catalog.search(new CatalogQuery(null, police.department().code(), null, ShareType.CONDITIONAL,
                null, null, ResourceStatus.PUBLISHED, 10));
        assertThat(conditional.hits()).extracting(CatalogHits.Hit::resourceId).containsExactly(weather.id());
    }

    @Test
    void followsChangesOfStatus() {
        catalog.retire(ADMIN, weather.id(), "停止发布");
        CatalogHits published = catalog.search(new CatalogQuery("气象", police.department().code(), null, null, null, null,
                ResourceStatus.PUBLISHED, 10));
        assertThat(published.total()).isZero();
        assertThat(catalog.search(new CatalogQuery("气象", police.department().code(), null, null, null, null,
                ResourceStatus.RETIRED, 10)).total()).isEqualTo(1);
    }
}
