package dev.banyan.server.ingest.internal;

import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.ingest.SourceConnectors;
import dev.banyan.server.platform.ModuleSchema;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest module owns the {@code ingest} schema (batches, by Flyway) and the {@code raw} schema (RAW-zone tables,
 * created by code from catalog definitions), and offers the built-in source connectors.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    ModuleSchema ingestSchema() {
        return new ModuleSchema("ingest", 30);
    }

    @Bean
    SourceConnectors sourceConnectors() {
        return SourceConnectors.builtIn();
    }

    @Bean
    RawLoader rawLoader(DataSource dataSource, TransactionTemplate transactions, SourceConnectors connectors,
                        EvidenceLog evidenceLog, Clock clock) {
        return new RawLoader(dataSource, transactions, connectors, evidenceLog::record, clock);
    }

    @Bean
    FieldStandards fieldStandards() {
        return FieldStandards.fuzhou();
    }

    @Bean
    IngestionService ingestion(Catalog catalog, RawLoader rawLoader, FieldStandards fieldStandards, DataSource dataSource,
                               TransactionTemplate transactions, EvidenceLog evidenceLog, Clock clock) {
        return new IngestionService(catalog, rawLoader, fieldStandards, JdbcClient.create(dataSource), transactions,
                evidenceLog::record, clock);
    }
}
