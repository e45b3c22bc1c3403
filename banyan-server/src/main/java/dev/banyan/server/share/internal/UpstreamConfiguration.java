package dev.banyan.server.share.internal;

import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The upstream proxies' settings: named upstream addresses ({@code banyan.share.upstreams.NAME}), and the circuit
 * breaker's threshold ({@code banyan.share.upstream.breaker-failures}, default 5 consecutive failures) and cool-down
 * ({@code banyan.share.upstream.breaker-cool-down}, default 30 s).
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

    @Bean
    UpstreamAddresses upstreamAddresses(Environment environment) {
        return new UpstreamAddresses(Binder.get(environment)
                .bind("banyan.share.upstreams", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    }

    @Bean
    UpstreamProxyHandler upstreamProxyHandler(UpstreamAddresses addresses, DepartmentDirectory directory, Clock clock,
            @Value("${banyan.share.upstream.breaker-failures:5}") int breakerFailures,
            @Value("${banyan.share.upstream.breaker-cool-down:30s}") Duration breakerCoolDown) {
        return new UpstreamProxyHandler(addresses, UpstreamCredentials.fromEnvironment(),
                new UpstreamCircuits(breakerFailures, breakerCoolDown, clock),
                id -> directory.find(id).map(Department::code));
    }

    @Bean
    DemoProvince demoProvince(UpstreamAddresses addresses) {
        return new DemoProvince(addresses);
    }
}
