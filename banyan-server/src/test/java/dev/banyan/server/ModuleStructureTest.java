package dev.banyan.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The server's modules only use each other's public API and have no cycles. */
class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(BanyanApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void documentsTheModules() {
        // Written to target/spring-modulith-docs; copied into docs/modules when the structure changes.
        new Documenter(modules).writeDocumentation();
    }
}
