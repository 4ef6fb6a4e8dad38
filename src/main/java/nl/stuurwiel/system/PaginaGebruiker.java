package nl.stuurwiel.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header of every page greets the user by name, as Camunda's identity service knows it. */
@ControllerAdvice(annotations = Pagina.class)
public class PaginaGebruiker {

    private final IdentityService identityService;

    public PaginaGebruiker(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** First and last name; the user id where the profile has neither. */
    @ModelAttribute("weergavenaam")
    public String weergavenaam(Authentication wie) {
        if (wie == null || wie instanceof AnonymousAuthenticationToken) {
            return null;
        }
        User gebruiker = identityService.createUserQuery().userId(wie.getName()).singleResult();
        String naam = gebruiker == null ? "" : (leeg(gebruiker.getFirstName()) + " " + leeg(gebruiker.getLastName())).strip();
        return naam.isEmpty() ? wie.getName() : naam;
    }

    private static String leeg(String tekst) {
        return tekst == null ? "" : tekst;
    }
}
