package dev.banyan.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.identity.DepartmentDirectory;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo registers the city's catalog with pending reviews and demand requests, and running it again changes nothing. */
@BanyanServerTest
class CatalogDemoStepTest {

    @Autowired
    List<DemoStep> steps;

    @Autowired
    Catalog catalog;

    @Autowired
    DemandList demands;

    @Autowired
    DataAuthorities authorities;

    @Autowired
    DepartmentDirectory directory;

    static final DemoProgress QUIET = new DemoProgress() {
        @Override
        public void advance(String what, long done, long total) {
        }

        @Override
        public void report(String line) {
        }
    };

    private void runDepartmentsAccountsAndCatalog() throws Exception {
        // Departments (120), accounts (130) and the catalog (200–299); not the city generation, which is slow.
        for (DemoStep step : steps.stream().filter(s -> s.order() == 120 || s.order() == 130 || s.order() / 100 == 2)
                .sorted(Comparator.comparingInt(DemoStep::order)).toList()) {
            step.run(QUIET);
        }
    }

    @Test
    void registersTheCitysResourcesOnce() throws Exception {
        runDepartmentsAccountsAndCatalog();
        // One resource per dataset the city generator writes, under the department that hands it over.
        for (var source : dev.banyan.synthcity.departments.Departments.all()) {
            long department = directory.findByCode(source.code()).orElseThrow().id();
            assertThat(catalog.ofProvider(department)).extracting(Resource::nameZh)
                    .containsAll(source.datasets().stream().map(dev.banyan.synthcity.output.DatasetSpec::titleZh).toList());
        }
        long police = directory.findByCode("public-security").orElseThrow().id();
        List<Resource> ofPolice = catalog.ofProvider(police);
        assertThat(ofPolice).isNotEmpty().allMatch(r -> r.status() == ResourceStatus.PUBLISHED);
        assertThat(authorities.current("DE0001", SubjectType.PERSON).orElseThrow().departmentId()).isEqualTo(police);
        long market = directory.findByCode("market-regulation").orElseThrow().id();
        assertThat(authorities.current("DE0010", SubjectType.LEGAL_ENTITY).orElseThrow().departmentId()).isEqualTo(market);
        assertThat(catalog.withStatus(ResourceStatus.PENDING_REVIEW)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(demands.overdue()).isNotEmpty();
        int resources = catalog.all().size();
        int requests = demands.all().size();

        runDepartmentsAccountsAndCatalog();
        assertThat(catalog.all()).hasSize(resources);
        assertThat(demands.all()).hasSize(requests);
        assertThat(catalog.search(CatalogQuery.text("身份证")).hits()).isNotEmpty();
    }
}
