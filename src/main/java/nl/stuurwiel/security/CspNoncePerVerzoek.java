package nl.stuurwiel.security;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda 7.24's webapps keep the nonce of a page's Content-Security-Policy in the servlet
 * context, which all requests share: HttpHeaderSecurityFilter puts it there, ProcessEnginesFilter
 * stamps it on the page's scripts. A page served while another request passed the header filter
 * got that request's nonce, the browser blocked all its scripts and Tasklist, Cockpit or Admin
 * stayed an empty page with a spinner. Here every request keeps its nonce to itself.
 */
@Configuration
public class CspNoncePerVerzoek {

    /** The servlet context attribute Camunda's filters pass the nonce through. */
    static final String NONCE = "org.camunda.bpm.csp.nonce";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> cspNonceFilter(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
        FilterRegistrationBean<OncePerRequestFilter> registratie = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(new MetEigenNonce(request), response);
            }
        });
        registratie.setName("Stuurwiel: CSP-nonce per verzoek");
        registratie.addUrlPatterns(webapps + "/*");
        // Camunda registers its webapp filters after every registration bean; this one must come first.
        registratie.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registratie;
    }

    /** The request, with a servlet context that keeps the nonce in the request's own attributes. */
    static final class MetEigenNonce extends HttpServletRequestWrapper {

        private final ServletContext context;

        MetEigenNonce(HttpServletRequest request) {
            super(request);
            ServletContext gedeeld = request.getServletContext();
            this.context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                    new Class<?>[] {ServletContext.class}, (proxy, methode, argumenten) -> {
                        if (argumenten != null && argumenten.length > 0 && NONCE.equals(argumenten[0])) {
                            switch (methode.getName()) {
                                case "getAttribute":
                                    return request.getAttribute(NONCE);
                                case "setAttribute":
                                    request.setAttribute(NONCE, argumenten[1]);
                                    return null;
                                case "removeAttribute":
                                    request.removeAttribute(NONCE);
                                    return null;
                                default:
                                    break;
                            }
                        }
                        try {
                            return methode.invoke(gedeeld, argumenten);
                        } catch (InvocationTargetException fout) {
                            throw fout.getCause();
                        }
                    });
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }
    }
}
