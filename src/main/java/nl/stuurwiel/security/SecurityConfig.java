package nl.stuurwiel.security;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

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
     * Tasklist, Cockpit and Admin run on Stuurwiel's login: one login for the dashboard and the
     * webapps, at /login or, with single sign-on, at the identity provider.
     * {@link WebappAuthenticatie} then hands user and groups to the webapps, which keep their own
     * Camunda authorizations per resource, CSRF filter and security headers (a second CSP from
     * here would block their scripts).
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, SsoInstellingen sso, IdentityService identityService)
            throws Exception {
        RequestMatcher webappApi = pad("/camunda/api/**");
        String login = sso.isEnabled() ? "/oauth2/authorization/" + sso.getRegistratie() : "/login";
        HttpSessionRequestCache paginas = new HttpSessionRequestCache();
        paginas.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/camunda/app/**"));
        http.securityMatcher(pad("/camunda/**"))
                .authorizeHttpRequests(regels -> regels
                        .requestMatchers(pad("/camunda/app/**"), webappApi).authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(fouten -> fouten
                        .defaultAuthenticationEntryPointFor(nietIngelogd(), webappApi)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(login),
                                AnyRequestMatcher.INSTANCE))
                // After the login, back to the page the user was going to, never to an API call.
                .requestCache(cache -> cache.requestCache(paginas))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                // A session that only talks to the webapps is checked against Camunda Admin too.
                .addFilterAfter(new CamundaIdentiteitFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Registers Camunda's container-based authentication for the webapps. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappLogin() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registratie = new FilterRegistrationBean<>(
                new ContainerBasedAuthenticationFilter());
        registratie.setName("Stuurwiel: de login van Stuurwiel voor de webapps");
        registratie.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                WebappAuthenticatie.class.getName()));
        // after the Spring Security filter chain, so that its login is known
        registratie.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registratie.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registratie.setDispatcherTypes(DispatcherType.REQUEST);
        return registratie;
    }

    /**
     * The webapps' own logout call only drops their copy of the login; once the webapp has
     * accepted it (its CSRF check included), the Spring session ends as well. The UI goes to
     * /uitloggen instead (WebappUitlogPlugins), which with single sign-on also ends the session at
     * the provider; this covers whatever still calls the webapps' logout directly.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappLogout() {
        FilterRegistrationBean<OncePerRequestFilter> registratie = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, response);
                if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout")
                        && response.getStatus() < 300) {
                    new SecurityContextLogoutHandler().logout(request, response,
                            SecurityContextHolder.getContext().getAuthentication());
                }
            }
        });
        registratie.setName("Stuurwiel: uitloggen uit de webapps");
        registratie.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registratie.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registratie;
    }

    static boolean metBasic(HttpServletRequest request) {
        String kop = request.getHeader("Authorization");
        return kop != null && kop.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** A request the firewall refuses (encoded slashes, control characters) gets a message too. */
    @Bean
    RequestRejectedHandler geweigerdVerzoek() {
        return (request, response, fout) -> {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":400,\"melding\":\"Ongeldig adres: het pad bevat tekens die "
                    + "niet zijn toegestaan\",\"velden\":{}}");
        };
    }

    /** Operators need to see why a single sign-on failed; the user sees the login page with an error. */
    /** The session attribute that brings a failed login's user name back into the form. */
    public static final String LAATSTE_GEBRUIKERSNAAM = "stuurwiel.laatsteGebruikersnaam";

    /** Back to the form with the name still filled in: only the password needs typing again. */
    private static AuthenticationFailureHandler inloggenMislukt() {
        SimpleUrlAuthenticationFailureHandler terug = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (verzoek, antwoord, fout) -> {
            String naam = verzoek.getParameter("username");
            if (naam != null && !naam.isBlank() && naam.length() <= 128) {
                verzoek.getSession().setAttribute(LAATSTE_GEBRUIKERSNAAM, naam.strip());
            }
            terug.onAuthenticationFailure(verzoek, antwoord, fout);
        };
    }

    private static AuthenticationFailureHandler ssoMislukt() {
        SimpleUrlAuthenticationFailureHandler naarLogin = new SimpleUrlAuthenticationFailureHandler("/login?ssofout");
        return (request, response, fout) -> {
            org.slf4j.LoggerFactory.getLogger(SecurityConfig.class).warn("Single sign-on mislukt: {}",
                    fout.getMessage(), fout);
            naarLogin.onAuthenticationFailure(request, response, fout);
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain beveiliging(HttpSecurity http, CamundaAuthenticationProvider camundaLogin,
            IdentityService identityService, SsoInstellingen sso, ObjectProvider<SsoGebruikers> ssoGebruikers,
            ObjectProvider<ClientRegistrationRepository> ssoRegistraties) throws Exception {
        if (sso.isEnabled()) {
            http.oauth2Login(login -> login.userInfoEndpoint(info -> info.oidcUserService(ssoGebruikers.getObject()))
                    .failureHandler(ssoMislukt()));
        }
        // A provider beside the ones oauth2Login adds, not a fixed manager: a fixed manager would
        // leave the OpenID Connect login without the provider that checks the provider's code.
        http.authenticationProvider(camundaLogin)
                .authorizeHttpRequests(regels -> regels
                        .requestMatchers(pad("/actuator/health"), pad("/actuator/health/**")).permitAll()
                        .requestMatchers(pad("/error"), pad("/login"), pad("/uitloggen"), pad("/favicon.ico"), pad("/"), pad("/css/**"))
                        .permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(nietIngelogd()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dashboard/")
                        .failureHandler(inloggenMislukt()).permitAll())
                .logout(uit -> uit.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(fouten -> fouten
                        .defaultAuthenticationEntryPointFor(nietIngelogd(), SecurityConfig::isApi)
                        .accessDeniedHandler(geenToegang()))
                // Clients that log in with HTTP Basic are not browsers riding on a session cookie,
                // so CSRF does not apply to them; browser sessions need the token, also when they
                // carry some other Authorization header.
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::metBasic))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self' 'unsafe-eval'; frame-ancestors 'self'; form-action 'self'"
                                        + uitlogAdressen(sso, ssoRegistraties)))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new CamundaIdentiteitFilter(identityService), BasicAuthenticationFilter.class);
        if (sso.isEnabled()) {
            // Logging out ends the session at the identity provider as well; otherwise the next
            // visit on a shared PC logs the same person straight back in. Local accounts, and
            // providers without an end-session endpoint, land on the login page.
            OidcClientInitiatedLogoutSuccessHandler uitBijProvider = new OidcClientInitiatedLogoutSuccessHandler(
                    ssoRegistraties.getObject());
            uitBijProvider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            uitBijProvider.setDefaultTargetUrl("/login?logout");
            http.logout(uit -> uit.logoutSuccessHandler(uitBijProvider));
            // After the API's 401 above: browsers log in at the identity provider; the form at
            // /login stays for local Camunda accounts.
            http.exceptionHandling(fouten -> fouten.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + sso.getRegistratie()),
                    AnyRequestMatcher.INSTANCE));
        }
        return http.build();
    }

    /**
     * Browsers apply {@code form-action} to the redirects after a form too, so the logout form may
     * only end at the identity provider's end-session endpoint if the policy names its origin.
     */
    private static String uitlogAdressen(SsoInstellingen sso, ObjectProvider<ClientRegistrationRepository> registraties) {
        if (!sso.isEnabled() || !(registraties.getObject() instanceof Iterable<?> alle)) {
            return "";
        }
        StringBuilder adressen = new StringBuilder();
        for (Object registratie : alle) {
            Object eindpunt = ((ClientRegistration) registratie).getProviderDetails().getConfigurationMetadata()
                    .get("end_session_endpoint");
            if (eindpunt != null) {
                URI adres = URI.create(eindpunt.toString());
                adressen.append(' ').append(adres.getScheme()).append("://").append(adres.getRawAuthority());
            }
        }
        return adressen.toString();
    }

    /**
     * Matches on the whole path: the engine REST API and the webapps run in servlets of their
     * own, which path matchers bound to Spring MVC would not see.
     */
    private static RequestMatcher pad(String patroon) {
        return PathPatternRequestMatcher.withDefaults().matcher(patroon);
    }

    private static boolean isApi(HttpServletRequest request) {
        String pad = request.getRequestURI().substring(request.getContextPath().length());
        return pad.startsWith("/api/") || pad.startsWith("/engine-rest/");
    }

    /**
     * Anonymous requests are told to log in (401, or the login page for a browser) even when they
     * also lack a CSRF token; a logged-in user without a valid token or right gets 403 with the
     * reason, on the error page for a browser.
     */
    private static AccessDeniedHandler geenToegang() {
        return (request, response, fout) -> {
            Authentication wie = SecurityContextHolder.getContext().getAuthentication();
            boolean pagina = !isApi(request) && String.valueOf(request.getHeader("Accept")).contains("text/html");
            if (wie == null || wie instanceof AnonymousAuthenticationToken) {
                if (pagina) {
                    response.sendRedirect(request.getContextPath() + "/login");
                } else {
                    nietIngelogd().commence(request, response, new InsufficientAuthenticationException(fout.getMessage()));
                }
                return;
            }
            if (pagina) {
                response.sendError(HttpStatus.FORBIDDEN.value(), fout instanceof CsrfException
                        ? "Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens."
                        : "Geen toegang.");
                return;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(fout instanceof CsrfException
                    ? "{\"status\":403,\"melding\":\"Geen geldig CSRF-token meegestuurd\"}"
                    : "{\"status\":403,\"melding\":\"Geen toegang\"}");
        };
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
