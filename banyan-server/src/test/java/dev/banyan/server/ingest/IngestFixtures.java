package dev.banyan.server.ingest;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CatalogActor;
import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceDraft;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.UpdateCycle;
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

/** A department and a draft resource per ingest test; serials from 95,000,000 so they never clash with others'. */
public final class IngestFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private IngestFixtures() {
    }

    /** A new department with a draft resource having these fields (all strings). */
    public static Resource resource(DepartmentDirectory directory, Catalog catalog, String... fields) {
        return resource(directory, catalog, java.util.Arrays.stream(fields).map(f -> new ResourceField(f, "string",
                f + "说明", false, null, PersonalInformation.NONE, DataGrade.GENERAL, false)).toList());
    }

    /** A field carrying a data element ({@code DE0001} …), optionally the business key. */
    public static ResourceField field(String name, String type, String dataElement, boolean key) {
        return new ResourceField(name, type, name + "说明", key, dataElement, PersonalInformation.NONE, DataGrade.GENERAL,
                false);
    }

    /** A new department with a draft resource having these fields. */
    public static Resource resource(DepartmentDirectory directory, Catalog catalog, List<ResourceField> list) {
        int n = SERIAL.getAndIncrement();
        String credit = UnifiedSocialCreditCode.of('1', '1', "350100", String.format("%08d", 95_000_000 + n)).value();
        Department d = directory.register(new NewDepartment("ing-" + n, "采集测试局" + n, "Ingest test bureau " + n, credit,
                DepartmentLevel.CITY, null));
        CatalogActor liaison = new CatalogActor("liaison.ing-" + n, d.id(), Set.of(Role.DATA_LIAISON));
        return catalog.draft(liaison, new ResourceDraft("101001-" + credit + "-0001", "采集测试资源" + n, "Ingest test " + n,
                d.id(), "采集测试资源，每日更新。", DataDomain.POPULATION, "电子表格", UpdateCycle.DAILY, "业务系统",
                LocalDate.of(2026, 1, 5), ShareType.UNCONDITIONAL, null, null, OpenType.NOT_OPEN, DataGrade.IMPORTANT, list));
    }
}
