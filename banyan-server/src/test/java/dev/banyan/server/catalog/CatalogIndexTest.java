package dev.banyan.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.catalog.internal.CatalogIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranking of the search index itself, without the server: the authoritative source comes before its copies. */
class CatalogIndexTest {

    static final DataElement ID = new DataElement("DE0001", "公民身份号码", "Citizen identity number", "string", "c18",
            "GB 11643-1999", SubjectType.PERSON, "身份证 身份证号 居民身份证 ID card number");

    private static Resource resource(long id, String nameZh, String nameEn, List<ResourceField> fields) {
        Instant now = Instant.parse("2026-01-05T00:00:00Z");
        return new Resource(id, "101001-TEST-00" + id, nameZh, nameEn, 1, nameZh, DataDomain.POPULATION, "数据库",
                UpdateCycle.DAILY, "系统", LocalDate.of(2026, 1, 5), ShareType.UNCONDITIONAL, null, null, OpenType.NOT_OPEN,
                DataGrade.IMPORTANT, ResourceStatus.PUBLISHED, 1, null, fields, now, now);
    }

    private static ResourceField field(String name, String element, boolean authoritative) {
        return new ResourceField(name, "string", null, false, element, PersonalInformation.NONE, DataGrade.GENERAL, authoritative);
    }

    @Test
    void theAuthoritativeSourceOfAnElementRanksBeforeResourcesThatOnlyCopyIt() throws Exception {
        Resource births = resource(1, "出生医学证明信息", "Birth certificates", List.of(field("母亲身份证号", "DE0001", false),
                field("父亲身份证号", "DE0001", false), field("新生儿姓名", null, false)));
        Resource residents = resource(2, "户籍人口", "Registered residents", List.of(field("公民身份号码", "DE0001", true),
                field("户籍地址", null, false)));
        Resource schools = resource(3, "中小学校名录", "Schools", List.of(field("学校名称", null, false)));
        try (CatalogIndex index = new CatalogIndex()) {
            index.rebuild(List.of(births, residents, schools), id -> "d" + id, Map.of("DE0001", ID));
            List<Long> ids = index.search(CatalogQuery.text("身份证")).hits().stream().map(CatalogHits.Hit::resourceId).toList();
            assertThat(ids).containsExactly(2L, 1L);
            assertThat(index.search(CatalogQuery.text("ID card")).hits()).extracting(CatalogHits.Hit::resourceId).first().isEqualTo(2L);
            assertThat(index.search(CatalogQuery.text("学校")).hits()).extracting(CatalogHits.Hit::resourceId).containsExactly(3L);
        }
    }
}
