package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CatalogActor;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.DemandAnswer;
import dev.banyan.server.catalog.DemandAnswerKind;
import dev.banyan.server.catalog.DemandList;
import dev.banyan.server.catalog.NewDemand;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceDraft;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Demo step: registers one catalog resource per dataset of the synthetic city, as each department's liaison;
 * its chief data officer submits and the platform administrator publishes most of them, leaving a few waiting
 * for review and one draft; then files a few demand requests, one of them overdue. Skips what exists.
 */
@Component
class RegisterCatalogStep implements DemoStep {

    /** Datasets left waiting for review, and the one left as a draft, to show the review queue and the editor. */
    private static final Set<String> PENDING = Set.of("public_rental_housing", "taxi_drivers", "administrative_penalties");
    private static final Set<String> DRAFT = Set.of("vaccinations");
    private static final String FIRST_DEMAND = "婚姻登记信息（离婚登记）";

    private final Catalog catalog;
    private final DemandList demands;
    private final DepartmentDirectory departments;
    private final Clock clock;

    RegisterCatalogStep(Catalog catalog, DemandList demands, DepartmentDirectory departments, Clock clock) {
        this.catalog = catalog;
        this.demands = demands;
        this.departments = departments;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public String title() {
        return "Register the catalog / 编制资源目录";
    }

    @Override
    public void run(DemoProgress progress) {
        CatalogActor admin = new CatalogActor("admin", departments.findByCode("big-data").map(Department::id).orElse(null),
                Set.of(Role.PLATFORM_ADMIN));
        int created = 0;
        int position = 0;
        List<DemoDatasets.Entry> entries = DemoDatasets.ALL;
        for (DemoDatasets.Entry e : entries) {
            position++;
            var department = departments.findByCode(e.department());
            if (department.isEmpty()) {
                continue;
            }
            Department d = department.get();
            String code = e.classification() + "-" + d.creditCode() + "-001";
            if (catalog.findByCode(code).isPresent()) {
                continue;
            }
            Set<String> authoritative = DemoDatasets.AUTHORITIES.getOrDefault(e.department(), Set.of());
            List<ResourceField> fields = new ArrayList<>();
            for (String column : e.columns()) {
                fields.add(ColumnElements.field(column, null, authoritative));
            }
            // A resource is graded at least as high as its most sensitive field.
            DataGrade grade = fields.stream().map(ResourceField::grade).reduce(e.grade(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            ResourceDraft draft = new ResourceDraft(code, e.nameZh(), e.nameEn(), d.id(),
                    e.nameZh() + "，由" + d.nameZh() + e.sourceSystem() + "产生，" + fields.size() + " 个信息项。",
                    e.domain(), e.format(), e.cycle(), e.sourceSystem(), LocalDate.of(2026, 1, 5), e.share(),
                    e.shareConditions(), e.legalBasis(), e.open(), grade, fields);
            CatalogActor liaison = new CatalogActor("liaison." + d.code(), d.id(), Set.of(Role.DATA_LIAISON));
            CatalogActor cdo = new CatalogActor("cdo." + d.code(), d.id(), Set.of(Role.CHIEF_DATA_OFFICER));
            Resource r = catalog.draft(liaison, draft);
            if (!DRAFT.contains(e.dataset())) {
                catalog.submit(cdo, r.id());
                if (!PENDING.contains(e.dataset())) {
                    catalog.publish(admin, r.id(), "元数据完整，准予发布");
                }
            }
            created++;
            progress.advance(e.nameZh(), position, entries.size());
        }
        int filed = fileDemands();
        progress.report(created + " resources registered, " + catalog.count(ResourceStatus.PUBLISHED) + " published, "
                + catalog.count(ResourceStatus.PENDING_REVIEW) + " waiting for review; " + filed + " demand requests filed"
                + " / 新登记 " + created + " 个资源，" + filed + " 条数据需求");
    }

    private int fileDemands() {
        // The demo's requests are recognised by their titles; any one of them present means they were filed.
        if (demands.all().stream().anyMatch(r -> r.title().equals(FIRST_DEMAND))) {
            return 0;
        }
        var civil = departments.findByCode("civil-affairs");
        var fund = departments.findByCode("provident-fund");
        var housing = departments.findByCode("housing");
        var education = departments.findByCode("education");
        var police = departments.findByCode("public-security");
        if (civil.isEmpty() || fund.isEmpty() || housing.isEmpty() || education.isEmpty() || police.isEmpty()) {
            return 0;
        }
        int filed = 1;
        demands.fileAsOf(liaison(fund.get()), new NewDemand(FIRST_DEMAND, "公积金贷款审核中核实婚姻状况",
                "《住房公积金管理条例》第二十六条", null, civil.get().id()), clock.instant().minus(Duration.ofDays(6)));
        Resource residents = catalog.findByCode("101001-" + police.get().creditCode() + "-001").orElse(null);
        if (residents != null && residents.status() == ResourceStatus.PUBLISHED) {
            var r = demands.file(liaison(civil.get()), new NewDemand("户籍人口死亡注销信息", "停发已故人员的最低生活保障金",
                    "《社会救助暂行办法》第十条", residents.id(), null));
            demands.answer(liaison(police.get()), r.id(), new DemandAnswer(DemandAnswerKind.USE_EXISTING, residents.id(), null,
                    "常住人口户籍登记信息已含死亡日期，请按有条件共享申请"));
            filed++;
        }
        demands.file(liaison(housing.get()), new NewDemand("不动产权属信息", "公共租赁住房资格复核中核实名下住房",
                "《公共租赁住房管理办法》第七条", null, departments.findByCode("real-estate").map(Department::id).orElse(null)));
        demands.file(liaison(education.get()), new NewDemand("适龄儿童居住证信息", "义务教育招生入学资格审核",
                "《中华人民共和国义务教育法》第十二条", null, null));
        return filed + 2;
    }

    private static CatalogActor liaison(Department d) {
        return new CatalogActor("liaison." + d.code(), d.id(), Set.of(Role.DATA_LIAISON));
    }
}
