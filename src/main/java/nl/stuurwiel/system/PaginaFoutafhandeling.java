package nl.stuurwiel.system;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A browser that opens a page it may not see, or one that does not exist, gets the error page in
 * Dutch with the reason, where {@link ApiFoutafhandeling} would have answered JSON.
 */
@ControllerAdvice(annotations = Pagina.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PaginaFoutafhandeling {

    @ExceptionHandler(NietGevondenException.class)
    ModelAndView nietGevonden(NietGevondenException e) {
        return foutpagina(HttpStatus.NOT_FOUND, e.getMessage() + " of is niet zichtbaar voor u.");
    }

    @ExceptionHandler(AuthorizationException.class)
    ModelAndView geenRecht(AuthorizationException e) {
        return foutpagina(HttpStatus.FORBIDDEN, "Geen toegang: " + e.getMessage() + ".");
    }

    private static ModelAndView foutpagina(HttpStatus status, String melding) {
        ModelAndView pagina = new ModelAndView("error", status);
        pagina.addObject("status", status.value());
        pagina.addObject("melding", melding);
        return pagina;
    }
}
