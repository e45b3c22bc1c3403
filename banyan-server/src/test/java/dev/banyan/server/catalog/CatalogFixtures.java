package dev.banyan.server.catalog;

import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.DepartmentLevel;
import dev.banyan.server.identity.NewDepartment;
import dev.banyan.server.identity.Role;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Departments, actors and resources of the catalog tests; serials from 300 up so they never clash with others'. */
final class CatalogFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger(300);

    static final CatalogActor ADMIN = new CatalogActor("test.admin", null, Set.of(Role.PLATFORM_ADMIN));

    /** A department with its data liaison and chief data officer. */
    record Dept(Department department, CatalogActor liaison, CatalogActor cdo) {
        long id() {
            return department.id();
        }

        String creditCode() {
            return department.creditCode();
        }
    }

    private CatalogFixtures() {
    }

    static String creditCode(int serial) {
        return UnifiedSocialCreditCode.of('1', '1', "350100", String.format("%08d", 90_000_000 + serial)).value();
    }

    static Dept department(DepartmentDirectory directory, String nameZh) {
        int n = SERIAL.getAndIncrement();
        Department d = directory.register(new NewDepartment("cat-" + n, nameZh, "Catalog test bureau " + n, creditCode(n),
                DepartmentLevel.CITY, null));
        return new Dept(d, new CatalogActor("liaison.cat-" + n, d.id(), Set.of(Role.DATA_LIAISON)),
                new CatalogActor("cdo.cat-" + n, d.id(), Set.of(Role.CHIEF_DATA_OFFICER)));
    }

    static ResourceField field(String name, String element) {
        return new ResourceField(name, "string", name + "说明", false, element, PersonalInformation.NONE, DataGrade.GENERAL, false);
    }

    /** A resource with every metadata element a reviewer requires. */
    static ResourceDraft complete(Dept d, String serial, String nameZh, String nameEn, List<ResourceField> fields) {
        return new ResourceDraft("101001-" + d.creditCode() + "-" + serial, nameZh, nameEn, d.id(), nameZh + "，由部门业务系统每日更新。",
                DataDomain.POPULATION, "数据库", UpdateCycle.DAILY, "业务系统", LocalDate.of(2026, 1, 5), ShareType.UNCONDITIONAL,
                null, null, OpenType.NOT_OPEN, DataGrade.IMPORTANT, fields);
    }

    static ResourceDraft withShare(ResourceDraft d, ShareType type, String conditions, String basis) {
        return new ResourceDraft(d.code(), d.nameZh(), d.nameEn(), d.providerId(), d.summary(), d.domain(), d.format(),
                d.updateCycle(), d.sourceSystem(), d.releaseDate(), type, conditions, basis, d.openType(), d.grade(), d.fields());
    }

    static ResourceDraft withFields(ResourceDraft d, List<ResourceField> fields) {
        return new ResourceDraft(d.code(), d.nameZh(), d.nameEn(), d.providerId(), d.summary(), d.domain(), d.format(),
                d.updateCycle(), d.sourceSystem(), d.releaseDate(), d.shareType(), d.shareConditions(), d.shareLegalBasis(),
                d.openType(), d.grade(), fields);
    }
}
