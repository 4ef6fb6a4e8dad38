package nl.stuurwiel.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.security.Bewerkrechten;

/**
 * The people an indicator's owner is chosen from: whoever keeps the portfolio picks "Ingrid van
 * Beek" instead of having to know that her login is "ingrid". Camunda keeps the users; teams and
 * requesters have no need of the list and get {@code 403}.
 */
@RestController
@RequestMapping(path = "/api/gebruikers", produces = MediaType.APPLICATION_JSON_VALUE)
public class GebruikerController {

    /** More than a municipality's portfolio has people to choose; a bound on the answer's size. */
    static final int MAXIMUM = 5000;

    /** {@code naam} is empty for a user without first or last name. */
    public record Gebruiker(String id, String naam) {
    }

    private final IdentityService identityService;
    private final HuidigeGebruiker gebruiker;
    private final Bewerkrechten rechten;

    public GebruikerController(IdentityService identityService, HuidigeGebruiker gebruiker, Bewerkrechten rechten) {
        this.identityService = identityService;
        this.gebruiker = gebruiker;
        this.rechten = rechten;
    }

    /** Everyone, by last and first name. */
    @GetMapping
    public List<Gebruiker> gebruikers() {
        rechten.controleerPortfoliobeheer("de lijst van gebruikers opvragen");
        // As the system: Camunda's grant to browse users is an administrator's matter, not the portfolio office's.
        return gebruiker.alsSysteem(() -> identityService.createUserQuery().orderByUserLastName().asc()
                        .orderByUserFirstName().asc().orderByUserId().asc().listPage(0, MAXIMUM))
                .stream().map(u -> new Gebruiker(u.getId(), Gebruikersnamen.volledigeNaam(u))).toList();
    }
}
