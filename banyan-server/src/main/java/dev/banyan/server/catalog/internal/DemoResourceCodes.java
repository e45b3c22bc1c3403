package dev.banyan.server.catalog.internal;

import dev.banyan.synthcity.departments.Departments;
import dev.banyan.synthcity.output.DatasetSpec;
import java.util.List;
import java.util.Optional;

/**
 * The resource code the demo's catalog step gives a dataset of the synthetic city: the dataset's classification
 * ({@link DemoDatasets}), the department's credit code, and the dataset's 1-based position among the department's
 * datasets as a three-digit serial — exactly as {@code RegisterCatalogStep} builds it.
 */
public final class DemoResourceCodes {

    private DemoResourceCodes() {
    }

    /**
     * @param departmentCode the generator's (and Banyan's) department code, e.g. {@code civil-affairs}
     * @param creditCode     that department's unified social credit code in Banyan
     * @param dataset        the generator's dataset name, e.g. {@code minimum_living_allowance}
     * @return the code, or empty if the generator has no such dataset for the department
     */
    public static Optional<String> code(String departmentCode, String creditCode, String dataset) {
        for (var department : Departments.all()) {
            if (!department.code().equals(departmentCode)) {
                continue;
            }
            List<DatasetSpec> datasets = department.datasets();
            for (int i = 0; i < datasets.size(); i++) {
                if (datasets.get(i).name().equals(dataset)) {
                    DemoDatasets.Meta meta = DemoDatasets.META.getOrDefault(dataset, DemoDatasets.fallback());
                    return Optional.of(meta.classification() + "-" + creditCode + "-" + String.format("%03d", i + 1));
                }
            }
        }
        return Optional.empty();
    }
}
