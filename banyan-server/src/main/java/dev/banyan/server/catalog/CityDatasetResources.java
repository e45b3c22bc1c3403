package dev.banyan.server.catalog;

import dev.banyan.server.catalog.internal.DemoResourceCodes;
import dev.banyan.server.identity.DepartmentDirectory;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Which catalog resource describes a dataset of the synthetic city (模拟城市数据集对应的目录资源) — the resource that
 * {@code ./banyan demo} registered for it — so that other modules' demo steps can find it without knowing how the
 * catalog codes the city's datasets.
 */
@Service
public class CityDatasetResources {

    private final Catalog catalog;
    private final DepartmentDirectory departments;

    public CityDatasetResources(Catalog catalog, DepartmentDirectory departments) {
        this.catalog = catalog;
        this.departments = departments;
    }

    /**
     * @param departmentCode the city generator's department code, which is Banyan's, e.g. {@code civil-affairs}
     * @param dataset        the generator's dataset name, e.g. {@code minimum_living_allowance}
     * @return the resource, or empty if the department or the resource is not registered (yet)
     */
    public Optional<Resource> find(String departmentCode, String dataset) {
        return departments.findByCode(departmentCode)
                .flatMap(d -> DemoResourceCodes.code(departmentCode, d.creditCode(), dataset))
                .flatMap(catalog::findByCode);
    }
}
