package dev.banyan.server.share.internal;

import dev.banyan.server.platform.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The share module owns the {@code share} schema: services, applications, grants, the call log, subscriptions. */
@Configuration(proxyBeanMethods = false)
class ShareConfiguration {

    @Bean
    ModuleSchema shareSchema() {
        return new ModuleSchema("share", 50);
    }
}
