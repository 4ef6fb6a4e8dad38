package nl.stuurwiel.system;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header of every page greets the user by name, as Camunda's identity service knows it. */
@ControllerAdvice(annotations = Pagina.class)
public class PaginaGebruiker {

    private final Gebruikersnamen namen;

    public PaginaGebruiker(Gebruikersnamen namen) {
        this.namen = namen;
    }

    /** First and last name; the user id where the profile has neither. */
    @ModelAttribute("weergavenaam")
    public String weergavenaam(Authentication wie) {
        if (wie == null || wie instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return namen.naam(wie.getName());
    }
}
