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
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.synthcity.departments.Departments;
import dev.banyan.synthcity.output.Column;
import dev.banyan.synthcity.output.DatasetSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Demo step: registers one catalog resource per dataset of the synthetic city (as the city generator describes
 * them: titles, file formats, encodings, columns), as each department's liaison;
 * its chief data officer submits and the platform administrator publishes most of them, leaving a few waiting
 * for review and one draft; then files a few demand requests, one of them overdue. Skips what exists.
 */
@Component
class RegisterCatalogStep implements DemoStep {

    /** Datasets left waiting for review, and the one left as a draft, to show the review queue and the editor. */
    private static final Set<String> PENDING = Set.of("public_rental_applications", "drivers", "legal_representatives");
    private static final Set<String> DRAFT = Set.of("death_certificates");
    private static final String FIRST_DEMAND = "婚姻登记信息（离婚登记）";

    private final Catalog catalog;
    private final DemandList demands;
    private final DepartmentDirectory departments;
    private final Clock clock;
    private final BanyanSettings settings;

    RegisterCatalogStep(Catalog catalog, DemandList demands, DepartmentDirectory departments, Clock clock,
                        BanyanSettings settings) {
        this.settings = settings;
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
        List<dev.banyan.synthcity.departments.Department> city = Departments.all();
        long total = city.stream().mapToLong(d -> d.datasets().size()).sum();
        Map<String, Long> rows = CityManifest.rows(settings.cityDir());
        int created = 0;
        int position = 0;
        for (dev.banyan.synthcity.departments.Department source : city) {
            // The generator names its departments with Banyan's department codes.
            var department = departments.findByCode(source.code());
            int serial = 0;
            for (DatasetSpec spec : source.datasets()) {
                position++;
                serial++;
                if (department.isEmpty()) {
                    continue;
                }
                Department d = department.get();
                DemoDatasets.Meta meta = DemoDatasets.META.getOrDefault(spec.name(), DemoDatasets.fallback());
                String code = meta.classification() + "-" + d.creditCode() + "-" + String.format("%03d", serial);
                if (catalog.findByCode(code).isPresent()) {
                    continue;
                }
                Resource r = catalog.draft(liaison(d), draft(code, d, source, spec, meta, rows.get(spec.relativePath())));
                if (!DRAFT.contains(spec.name())) {
                    catalog.submit(new CatalogActor("cdo." + d.code(), d.id(), Set.of(Role.CHIEF_DATA_OFFICER)), r.id());
                    if (!PENDING.contains(spec.name())) {
                        catalog.publish(admin, r.id(), "元数据完整，准予发布");
                    }
                }
                created++;
                progress.advance(spec.titleZh(), position, total);
            }
        }
        int filed = fileDemands();
        progress.report(created + " resources registered, " + catalog.count(ResourceStatus.PUBLISHED) + " published, "
                + catalog.count(ResourceStatus.PENDING_REVIEW) + " waiting for review; " + filed + " demand requests filed"
                + " / 新登记 " + created + " 个资源，" + filed + " 条数据需求");
    }

    /** The catalog entry of one generated dataset: its titles and columns from the generator, the rest from the department. */
    private static ResourceDraft draft(String code, Department d, dev.banyan.synthcity.departments.Department source,
                                       DatasetSpec spec, DemoDatasets.Meta meta, Long rows) {
        Set<String> authoritative = DemoDatasets.AUTHORITIES.getOrDefault(d.code(), Set.of());
        boolean aboutPersons = spec.subject().name().startsWith("PERSON") || spec.subject().name().equals("HOUSEHOLD");
        List<ResourceField> fields = new ArrayList<>();
        for (Column column : spec.columns()) {
            String type = switch (column.type()) {
                case DATE -> "date";
                case INTEGER -> "integer";
                case DECIMAL -> "decimal";
                case TEXT -> "string";
            };
            String description = column.comment().isEmpty() ? null : column.comment();
            if (column.name().equals(DatasetSpec.RECORD_ID)) {
                fields.add(new ResourceField(column.name(), type, "记录标识（部门系统主键）", true, null,
                        dev.banyan.server.catalog.PersonalInformation.NONE, DataGrade.GENERAL, false));
            } else {
                String label = description == null ? column.name() : description;
                fields.add(ColumnElements.field(column.name(), label, type, description, aboutPersons, meta.minors(), authoritative));
            }
        }
        // A resource is graded at least as high as its most sensitive field.
        DataGrade grade = fields.stream().map(ResourceField::grade).reduce(meta.grade(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        boolean database = "database".equals(source.servedAs());
        String format = database ? "数据库" : switch (spec.format()) {
            case CSV -> "电子表格（CSV）";
            case TSV -> "电子表格（TSV）";
            case XLSX -> "电子表格（xlsx）";
            case NDJSON -> "自描述格式（NDJSON）";
        };
        String handOver = database ? "以数据库方式在线提供" : "以 " + spec.encodingLabel() + " 编码的 " + spec.fileName() + " 文件交换";
        String size = rows == null ? "" : String.format("，现有 %,d 条记录", rows);
        String summary = spec.titleZh() + "：" + d.nameZh() + meta.sourceSystem() + "产生的" + fields.size() + "个信息项"
                + size + "，" + handOver + "。";
        return new ResourceDraft(code, spec.titleZh(), spec.titleEn(), d.id(), summary, meta.domain(), format, meta.cycle(),
                meta.sourceSystem(), LocalDate.of(2026, 1, 5), meta.share(), meta.shareConditions(), meta.legalBasis(),
                meta.open(), grade, fields);
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
