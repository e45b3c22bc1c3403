package dev.banyan.server.fuse.internal;

import dev.banyan.server.platform.ModuleSchema;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fuse module owns the {@code fusion} schema (融合库): base libraries, links, review pairs, runs. */
@Configuration(proxyBeanMethods = false)
class FuseConfiguration {

    @Bean
    ModuleSchema fusionSchema() {
        return new ModuleSchema("fusion", 40);
    }

    @Bean
    FusionStore fusionStore(DataSource dataSource) {
        return new FusionStore(dataSource);
    }
}
