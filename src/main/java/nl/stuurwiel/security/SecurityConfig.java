package nl.stuurwiel.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Nothing is anonymous but the health probe and the login pages. The Stuurwiel API and the
 * engine REST API take HTTP Basic or a logged-in session, checked against the Camunda identity
 * service that the webapps (Tasklist, Cockpit, Admin) use too.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    @Bean
    AuthenticationManager authenticationManager(CamundaAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /**
     * The webapps guard their pages and internal API themselves: login against the same
     * identity service, Camunda authorizations per resource, their own CSRF filter and
     * security headers (a second CSP from here would block their inline scripts).
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        http.securityMatcher("/camunda/**")
                .authorizeHttpRequests(regels -> regels.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(sessies -> sessies.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain beveiliging(HttpSecurity http, AuthenticationManager authenticationManager,
            IdentityService identityService) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(regels -> regels
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error", "/login", "/favicon.ico").permitAll()
                        .requestMatchers("/").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(nietIngelogd()))
                .formLogin(form -> form.permitAll())
                .exceptionHandling(fouten -> fouten.defaultAuthenticationEntryPointFor(nietIngelogd(),
                        request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                                || request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")))
                // Clients with an Authorization header are not browsers riding on a session
                // cookie, so CSRF does not apply to them; browser sessions need the token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self' 'unsafe-eval'; frame-ancestors 'self'; form-action 'self'"))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new CamundaIdentiteitFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * API clients get a plain 401 without a Basic challenge, so browsers never cache Basic
     * credentials that a forged cross-site request could ride on.
     */
    private static AuthenticationEntryPoint nietIngelogd() {
        return (request, response, fout) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":401,\"melding\":\"Niet ingelogd: log in of stuur HTTP Basic-gegevens mee\"}");
        };
    }
}
