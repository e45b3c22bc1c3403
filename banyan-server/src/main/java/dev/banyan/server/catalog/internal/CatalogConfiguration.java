package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.DemandList;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.identity.Role;
import dev.banyan.server.platform.ModuleSchema;
import dev.banyan.server.web.HomeFigure;
import dev.banyan.server.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog module owns the {@code catalog} schema, its search index, its menu entries and home figures. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    ModuleSchema catalogSchema() {
        return new ModuleSchema("catalog", 20);
    }

    @Bean(destroyMethod = "close")
    CatalogIndex catalogIndex() {
        return new CatalogIndex();
    }

    @Bean
    NavigationItem catalogNavigation() {
        return new NavigationItem("/console/catalog/resources", "catalog.nav", "catalog.nav.description", 100, Set.of());
    }

    @Bean
    NavigationItem catalogReviewNavigation() {
        return new NavigationItem("/console/catalog/review", "catalog.review.nav", "catalog.review.nav.description", 110,
                Set.of(Role.PLATFORM_ADMIN.name()));
    }

    @Bean
    NavigationItem demandNavigation() {
        return new NavigationItem("/console/catalog/demands", "demand.nav", "demand.nav.description", 120, Set.of());
    }

    @Bean
    NavigationItem dataElementNavigation() {
        return new NavigationItem("/console/catalog/elements", "element.nav", "element.nav.description", 130, Set.of());
    }

    @Bean
    HomeFigure publishedResourcesFigure(Catalog catalog) {
        return new HomeFigure("catalog.figure.published", 100, () -> catalog.count(ResourceStatus.PUBLISHED));
    }

    @Bean
    HomeFigure pendingReviewFigure(Catalog catalog) {
        return new HomeFigure("catalog.figure.pending", 101, () -> catalog.count(ResourceStatus.PENDING_REVIEW));
    }

    @Bean
    HomeFigure overdueDemandsFigure(DemandList demands) {
        return new HomeFigure("demand.figure.overdue", 120, () -> demands.overdue().size());
    }
}
