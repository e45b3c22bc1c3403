package dev.banyan.server.audit.internal;

import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.platform.ModuleSchema;
import dev.banyan.server.web.HomeFigure;
import dev.banyan.server.web.NavigationItem;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit module owns the {@code audit} schema, the sequencer, the signing keys and the checkpoint schedule. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    ModuleSchema auditSchema() {
        return new ModuleSchema("audit", 5);
    }

    @Bean
    LogStore logStore(JdbcClient jdbc) {
        return new LogStore(jdbc);
    }

    @Bean(destroyMethod = "close")
    Sequencer sequencer(LogStore store, TransactionTemplate transactions, Clock clock, AuditSettings settings) {
        return new Sequencer(store, transactions, clock, settings.maxBatch());
    }

    @Bean
    SigningKeys signingKeys(JdbcClient jdbc, TransactionTemplate transactions, AuditSettings settings,
                            BanyanSettings banyan, Clock clock) {
        Path file = settings.masterKeyFile() != null ? settings.masterKeyFile() : banyan.dataDir().resolve("keys/audit-master.key");
        byte[] master = MasterKey.load(settings.masterKey(), file);
        byte[] previous = settings.previousMasterKey() == null || settings.previousMasterKey().isBlank() ? null
                : MasterKey.decode(settings.previousMasterKey().strip(), "BANYAN_AUDIT_PREVIOUS_MASTER_KEY");
        return SigningKeys.loadOrCreate(jdbc, transactions, settings.origin(), master, previous, settings.keySeal(), clock);
    }

    @Bean
    TiledEvidenceLog evidenceLog(LogStore store, Sequencer sequencer, SigningKeys keys, AuditSettings settings, Clock clock) {
        return new TiledEvidenceLog(store, sequencer, keys, new TileCache(settings.tileCacheTiles()), settings.origin(), clock);
    }

    /** Publishes a checkpoint every interval in which the log grew. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService checkpointSchedule(TiledEvidenceLog evidenceLog, AuditSettings settings) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("audit-checkpoints").daemon().factory());
        long every = Math.max(100, settings.checkpointInterval().toMillis());
        schedule.scheduleWithFixedDelay(() -> {
            try {
                evidenceLog.publishIfGrown();
            } catch (RuntimeException e) {
                log.warn("Could not publish a checkpoint of the evidence log; will try again", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return schedule;
    }

    @Bean
    NavigationItem auditNavigation() {
        return new NavigationItem("/console/audit", "audit.nav", "audit.nav.description", 900, Set.of("AUDITOR", "PLATFORM_ADMIN"));
    }

    @Bean
    HomeFigure evidenceEntriesFigure(TiledEvidenceLog evidenceLog) {
        return new HomeFigure("audit.figure.entries", 900, evidenceLog::size);
    }
}
