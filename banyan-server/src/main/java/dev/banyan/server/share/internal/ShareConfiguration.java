package dev.banyan.server.share.internal;

import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.ModuleSchema;
import dev.banyan.server.share.ServiceKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The share module owns the {@code share} schema: services, applications, grants, the call log, subscriptions. */
@Configuration(proxyBeanMethods = false)
class ShareConfiguration {

    @Bean
    ModuleSchema shareSchema() {
        return new ModuleSchema("share", 50);
    }

    @Bean
    TableServiceHandler lookupServices(DataSource dataSource, StandardZone zone, Catalog catalog,
                                       @Value("${banyan.share.query-timeout-seconds:5}") int timeout) {
        return new TableServiceHandler(ServiceKind.LOOKUP, dataSource, zone, catalog, timeout);
    }

    @Bean
    TableServiceHandler listServices(DataSource dataSource, StandardZone zone, Catalog catalog,
                                     @Value("${banyan.share.query-timeout-seconds:5}") int timeout) {
        return new TableServiceHandler(ServiceKind.LIST, dataSource, zone, catalog, timeout);
    }

    @Bean
    TableServiceHandler aggregateServices(DataSource dataSource, StandardZone zone, Catalog catalog,
                                          @Value("${banyan.share.query-timeout-seconds:60}") int timeout) {
        return new TableServiceHandler(ServiceKind.AGGREGATE, dataSource, zone, catalog, timeout);
    }

    @Bean
    CallLogWriter callLogWriter(DataSource dataSource, TransactionTemplate transactions, CallSeals seals,
                                @Value("${banyan.share.call-log.synchronous-commit:false}") boolean synchronousCommit) {
        return new CallLogWriter(dataSource, transactions, synchronousCommit, seals);
    }

    @Bean
    CallSeals callSeals(JdbcClient jdbc, TransactionTemplate transactions, EvidenceLog evidence, Clock clock) {
        return new CallSeals(jdbc, transactions, evidence, clock);
    }

    @Bean
    ParameterHash parameterHash(JdbcClient jdbc) {
        return new ParameterHash(jdbc);
    }

    @Bean
    CallAllowance callAllowance(Clock clock, JdbcClient jdbc) {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        return new CallAllowance(clock, (grantId, day) -> jdbc.sql("""
                select count(*) from share.call_log where grant_id = ? and outcome = 'SERVED' and at >= ? and at < ?""")
                .params(grantId, Timestamp.from(day.atStartOfDay(china).toInstant()),
                        Timestamp.from(day.plusDays(1).atStartOfDay(china).toInstant()))
                .query(Integer.class).single());
    }

    /** The gateway's endpoint, ahead of the general security and MVC chains (see {@link GatewayEndpoint}). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<GatewayEndpoint> gatewayEndpoint(ServiceGateway gateway,
            @org.springframework.beans.factory.annotation.Qualifier("apiTokenDecoder") org.springframework.security.oauth2.jwt.JwtDecoder tokens,
            org.springframework.context.MessageSource messages) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new GatewayEndpoint(gateway, tokens, messages));
        registration.setUrlPatterns(GatewayEndpoint.paths());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    ServiceGateway serviceGateway(ServiceRegistry registry, GrantRegistry grants, Catalog catalog, CallAllowance allowance,
                                  CallLogWriter callLog, ParameterHash parameterHash, Clock clock) {
        return new ServiceGateway(registry, grants, catalog, allowance, callLog, parameterHash, clock);
    }
}
