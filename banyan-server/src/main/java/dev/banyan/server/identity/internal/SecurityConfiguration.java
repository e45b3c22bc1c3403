package dev.banyan.server.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.banyan.server.identity.ApiScopes;
import dev.banyan.server.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Who may call what. Three filter chains, most specific first: the OAuth2 authorization server's endpoints
 * ({@code /oauth2/*}), the machine API ({@code /api/**}, bearer JWTs only), and the console (form login).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
        "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
        // The evidence log is public by design: anyone may check it without an account.
        "/audit-log/**"
    };

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
                                                 IssuedTokenStore issuedTokens) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.registeredClientRepository(clients).authorizationService(issuedTokens))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder apiTokenDecoder, ApplicationEventPublisher events,
                                 org.springframework.context.MessageSource messages) throws Exception {
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(events, messages);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/directory/**").hasAuthority("SCOPE_" + ApiScopes.DIRECTORY_READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").hasAuthority("SCOPE_" + ApiScopes.CATALOG_READ)
                        .requestMatchers(HttpMethod.POST, "/api/v1/catalog/resources/*/submit")
                                .hasAuthority("SCOPE_" + ApiScopes.CATALOG_SUBMIT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/catalog/resources/*/retire")
                                .hasAnyAuthority("SCOPE_" + ApiScopes.CATALOG_SUBMIT, "SCOPE_" + ApiScopes.CATALOG_REVIEW)
                        .requestMatchers(HttpMethod.POST, "/api/v1/catalog/resources/*/publish", "/api/v1/catalog/resources/*/return")
                                .hasAuthority("SCOPE_" + ApiScopes.CATALOG_REVIEW)
                        .requestMatchers("/api/v1/catalog/**").hasAuthority("SCOPE_" + ApiScopes.CATALOG_WRITE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasAuthority("SCOPE_" + ApiScopes.AUDIT_READ)
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints").hasAuthority("SCOPE_" + ApiScopes.AUDIT_READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/ingest/**").hasAuthority("SCOPE_" + ApiScopes.INGEST_READ)
                        .requestMatchers(HttpMethod.POST, "/api/v1/ingest/**").hasAuthority("SCOPE_" + ApiScopes.INGEST_WRITE)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(apiTokenDecoder)).authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleChain(HttpSecurity http, dev.banyan.server.identity.UserAccounts accounts) throws Exception {
        http.addFilterBefore(new DisabledAccountFilter(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/console/departments/**", "/console/users/**").hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers("/console/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.PLATFORM_ADMIN.name())
                        .requestMatchers("/console/clients/**").hasAnyRole(Role.PLATFORM_ADMIN.name(),
                                Role.CHIEF_DATA_OFFICER.name(), Role.DEPARTMENT_DEVELOPER.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(rememberingUsername()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** Keeps the attempted username, so that the sign-in page can say until when that account is locked. */
    private static AuthenticationFailureHandler rememberingUsername() {
        SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            if (username != null) {
                request.getSession().setAttribute(LoginPage.LAST_USERNAME, username.strip().toLowerCase(java.util.Locale.ROOT));
            }
            redirect.onAuthenticationFailure(request, response, exception);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    ConsoleUserDetails consoleUserDetails(JdbcClient jdbc, Clock clock) {
        return new ConsoleUserDetails(jdbc, clock);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcClient jdbc,
            @Value("${banyan.oauth2.access-token-ttl:30m}") Duration accessTokenTtl) {
        return new MachineClientRegistry(jdbc, accessTokenTtl);
    }

    @Bean
    IssuedTokenStore issuedTokenStore(JdbcClient jdbc, RegisteredClientRepository clients, Clock clock) {
        return new IssuedTokenStore(jdbc, clients, clock);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    RSAKey tokenSigningKey(JdbcClient jdbc) {
        return TokenSigningKey.loadOrCreate(jdbc);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey tokenSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(tokenSigningKey));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    /**
     * Every access token names Banyan's API as its audience and carries the client's department. A client
     * that asks for no scope gets all the scopes it was registered with, as most OAuth2 servers do.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims(JdbcClient jdbc) {
        return context -> {
            context.getClaims().audience(List.of(ApiScopes.AUDIENCE));
            if (context.getAuthorizedScopes().isEmpty()) {
                context.getClaims().claim("scope", List.copyOf(context.getRegisteredClient().getScopes()));
            }
            jdbc.sql("select d.code from identity.machine_client c join identity.department d on d.id = c.department_id where c.client_id = ?")
                    .param(context.getRegisteredClient().getClientId())
                    .query(String.class).optional()
                    .ifPresent(department -> context.getClaims().claim("department", department));
        };
    }

    /** Accepts only unexpired tokens signed by this Banyan, for Banyan's API, and not revoked since. */
    @Bean
    JwtDecoder apiTokenDecoder(RSAKey tokenSigningKey, IssuedTokenStore issuedTokens) throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(tokenSigningKey.toRSAPublicKey()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(ApiScopes.AUDIENCE));
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> issuedTokens.isLive(jwt.getTokenValue())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token was revoked, or was not issued by this Banyan", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), audience, notRevoked));
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, Clock.systemUTC());
        issuedTokens.onRevocation(cache::forgetAll);
        return cache;
    }

    @Bean
    LoginAttempts loginAttempts(dev.banyan.server.identity.UserAccounts accounts) {
        return new LoginAttempts(accounts);
    }
}
