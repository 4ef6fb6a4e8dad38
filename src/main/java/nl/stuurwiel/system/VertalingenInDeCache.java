package nl.stuurwiel.system;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The webapps' translations may stay in the browser's cache for ten minutes. Each webapp's
 * {@code config.js} fetches its translation before the app starts (stuurwiel-taal.js), so that
 * Camunda's own request for it is answered from the cache at once; Camunda's widgets that
 * translate their labels once, when drawn, then never see a bare key. Camunda sends no caching
 * header for them. Ten minutes, so that a new translation after an upgrade arrives soon.
 */
@Configuration
public class VertalingenInDeCache {

    static final String BEWAREN = "private, max-age=600";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> vertalingenInDeCacheFilter(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
        FilterRegistrationBean<OncePerRequestFilter> registratie = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getRequestURI().contains("/locales/") && request.getRequestURI().endsWith(".json")) {
                    response.setHeader("Cache-Control", BEWAREN);
                }
                chain.doFilter(request, response);
            }
        });
        registratie.setName("Stuurwiel: vertalingen in de cache");
        registratie.addUrlPatterns(webapps + "/app/*");
        return registratie;
    }
}
