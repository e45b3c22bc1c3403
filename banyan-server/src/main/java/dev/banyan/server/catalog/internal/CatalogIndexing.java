package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataElements;
import dev.banyan.server.catalog.ResourceChanged;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Keeps the search index in step with the database: rebuilt when the server is ready, updated after each commit. */
@Component
class CatalogIndexing {

    private static final Logger log = LoggerFactory.getLogger(CatalogIndexing.class);

    private final CatalogIndex index;
    private final ResourceRows rows;
    private final DataElements elements;
    private final DepartmentDirectory departments;

    CatalogIndexing(CatalogIndex index, ResourceRows rows, DataElements elements, DepartmentDirectory departments) {
        this.index = index;
        this.rows = rows;
        this.elements = elements;
        this.departments = departments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuild() {
        long start = System.nanoTime();
        Map<Long, Department> byId = departments.byId();
        index.rebuild(rows.all(), id -> byId.containsKey(id) ? byId.get(id).code() : null, elements.byCode());
        log.info("Catalog index rebuilt: {} resources in {} ms", index.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** After commit, so that a rolled-back change never reaches the index. */
    @TransactionalEventListener(fallbackExecution = true)
    void changed(ResourceChanged event) {
        rows.find(event.resourceId()).ifPresent(r -> index.put(r,
                departments.find(r.providerId()).map(Department::code).orElse(null), elements.byCode()));
    }
}
