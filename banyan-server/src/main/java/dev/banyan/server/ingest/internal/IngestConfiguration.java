package dev.banyan.server.ingest.internal;

import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.DataElements;
import dev.banyan.server.ingest.SourceConnectors;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.platform.ModuleSchema;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest module owns the {@code ingest} schema (batches, by Flyway) and the {@code raw} schema (RAW-zone tables,
 * created by code from catalog definitions), and offers the built-in source connectors.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
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
                        EvidenceLog evidenceLog, Clock clock, BanyanSettings settings) {
        java.nio.file.Path spool = settings.dataDir().resolve("tmp");
        SpoolFile.sweep(spool);
        return new RawLoader(dataSource, transactions, connectors, evidenceLog::record, clock, spool);
    }

    @Bean
    FieldStandards fieldStandards() {
        return FieldStandards.fuzhou();
    }

    @Bean
    RunningJobs runningJobs() {
        return new RunningJobs();
    }

    @Bean
    JobStore jobStore(DataSource dataSource) {
        return new JobStore(JdbcClient.create(dataSource));
    }

    @Bean
    IngestJobService ingestJobs(DataSource dataSource, Catalog catalog, DataElements elements, IngestionService ingestion,
                                SourceConnectors connectors, JobStore jobStore, RawLoader rawLoader,
                                TransactionTemplate transactions, EvidenceLog evidenceLog, Clock clock,
                                RunningJobs runningJobs, BanyanSettings settings) {
        return new IngestJobService(catalog, elements.byCode(), ingestion, connectors, jobStore, rawLoader.batches(),
                transactions, evidenceLog::record, clock, runningJobs,
                java.util.List.of(settings.dataDir().resolve("inbox"), settings.cityDir()), dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = "banyan.ingest.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    JobScheduler jobScheduler(JobStore jobStore, IngestJobService jobs, RunningJobs runningJobs, Clock clock) {
        return new JobScheduler(jobStore, jobs, runningJobs, clock);
    }

    @Bean
    IngestionService ingestion(Catalog catalog, RawLoader rawLoader, FieldStandards fieldStandards, DataSource dataSource,
                               TransactionTemplate transactions, EvidenceLog evidenceLog, Clock clock) {
        return new IngestionService(catalog, rawLoader, fieldStandards, JdbcClient.create(dataSource), transactions,
                evidenceLog::record, clock);
    }
}
