package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The published catalog as DCAT-AP 3 and as a workbook, for the API and the console. */
@Component
public class CatalogExports {

    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final CatalogImporter importer;
    private final String publicUrl;
    private final String publisher;

    /**
     * @param publisher code of the department that publishes the catalog as a whole (the city's big-data bureau);
     *                  without it, the first department registered
     */
    CatalogExports(Catalog catalog, DepartmentDirectory departments, CatalogImporter importer,
                   @Value("${banyan.public-url:http://localhost:8080}") String publicUrl,
                   @Value("${banyan.catalog.publisher:big-data}") String publisher) {
        this.publisher = publisher;
        this.catalog = catalog;
        this.departments = departments;
        this.importer = importer;
        this.publicUrl = publicUrl;
    }

    public List<Resource> published(String departmentCode) {
        List<Resource> all = catalog.withStatus(ResourceStatus.PUBLISHED);
        if (departmentCode == null || departmentCode.isBlank()) {
            return all;
        }
        long id = departments.findByCode(departmentCode).map(Department::id).orElse(-1L);
        return all.stream().filter(r -> r.providerId() == id).toList();
    }

    public DcatExport dcat(String departmentCode) {
        Map<Long, Department> byId = departments.byId();
        Department platform = departments.findByCode(publisher)
                .orElseGet(() -> byId.values().stream().findFirst().orElse(null));
        return new DcatExport(publicUrl, platform, published(departmentCode), byId);
    }

    public byte[] workbook(String departmentCode) {
        return importer.workbook().write(published(departmentCode), departments.byId());
    }
}
