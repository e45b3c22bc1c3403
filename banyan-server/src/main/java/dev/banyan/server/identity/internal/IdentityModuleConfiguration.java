package dev.banyan.server.identity.internal;

import dev.banyan.server.platform.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity module owns the {@code identity} schema. */
@Configuration(proxyBeanMethods = false)
class IdentityModuleConfiguration {

    @Bean
    ModuleSchema identitySchema() {
        return new ModuleSchema("identity", 10);
    }
}
