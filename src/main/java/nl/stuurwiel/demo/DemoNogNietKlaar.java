package nl.stuurwiel.demo;

import java.io.IOException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web server answers a few seconds before the demo users and data exist: someone who opens
 * the dashboard at "Started" would be refused a login or see half a portfolio. Until the demo
 * data ({@link DemoData}, then the half-year report) is written, every request but the health
 * probe gets 503 with a page that refreshes itself.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DemoNogNietKlaar extends OncePerRequestFilter {

    static final String MELDING = "Stuurwiel start op en zet de demogegevens klaar. Probeer het over enkele seconden opnieuw.";

    private volatile boolean klaar;

    /** After the demo data's own listeners on the same event (orders 10 and 20). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    public void demoIsKlaar() {
        klaar = true;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return klaar || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "3");
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"refresh\" content=\"3\"><title>Stuurwiel start op</title></head>"
                    + "<body><p>" + MELDING + " Deze pagina ververst vanzelf.</p></body></html>");
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"status\":503,\"melding\":\"" + MELDING + "\"}");
        }
    }
}
