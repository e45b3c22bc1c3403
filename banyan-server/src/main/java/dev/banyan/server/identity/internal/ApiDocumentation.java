package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.ApiScopes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header and its OAuth2 client-credentials scheme, so that Swagger UI can authorize. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI banyanOpenApi() {
        Scopes scopes = new Scopes();
        ApiScopes.ALL.stream().sorted().forEach(scope -> scopes.addString(scope, scope));
        return new OpenAPI()
                .info(new Info().title("Banyan API").version("v1")
                        .description("Banyan, the public-data platform of the city (让数据多跑路，群众少跑腿). "
                                + "Machine clients authenticate with OAuth2 client credentials at /oauth2/token; "
                                + "errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("oauth2", new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("Register an application in the console (Applications / 接入应用) to get a client id and secret.")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes)))));
    }
}
