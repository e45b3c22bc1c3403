package dev.banyan.server.platform.internal;

import dev.banyan.server.platform.ModuleSchema;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies each module's Flyway migrations to that module's own schema, in {@link ModuleSchema#order()}. */
final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;
    private final List<ModuleSchema> schemas;

    SchemaMigrations(DataSource dataSource, List<ModuleSchema> schemas) {
        this.dataSource = dataSource;
        this.schemas = schemas.stream().sorted(Comparator.comparingInt(ModuleSchema::order)
                .thenComparing(ModuleSchema::name)).toList();
    }

    void migrateAll() {
        for (ModuleSchema schema : schemas) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema.name())
                    .createSchemas(true)
                    .locations(schema.migrationLocation())
                    .table("flyway_schema_history")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            log.info("Schema {}: {} migration(s) applied, now at version {}", schema.name(),
                    result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    List<ModuleSchema> schemas() {
        return schemas;
    }
}
