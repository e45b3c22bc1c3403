package dev.banyan.server.share.internal;

import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.share.ShareStatistics;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sharing statistics, the daily rollup of the call log and its schedule. */
@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

    @Bean
    CallRollup callRollup(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new CallRollup(jdbc, new TransactionTemplate(transactions), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "banyan.share.rollup.enabled", havingValue = "true", matchIfMissing = true)
    CallRollupJob callRollupJob(CallRollup rollup) {
        return new CallRollupJob(rollup);
    }

    @Bean
    ShareStatistics shareStatistics(JdbcClient jdbc, DepartmentDirectory directory, PlatformTransactionManager transactions) {
        return new CallLogStatistics(jdbc, directory, new TransactionTemplate(transactions));
    }
}
