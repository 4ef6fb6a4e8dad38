package nl.stuurwiel.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the current user may see in the Stuurwiel API, read per request from the Camunda
 * authentication that {@link CamundaIdentiteitFilter} sets: the same groups that decide the
 * Camunda authorizations decide here.
 * <ul>
 * <li>administrators ({@code camunda-admin}), MT and intake (the portfolio office) see every opdracht;</li>
 * <li>everyone else sees the opdrachten that are not confidential, plus the confidential ones of
 * their own teams and the ones they requested themselves (the requester must be able to supply
 * missing information).</li>
 * </ul>
 */
@Component
public class Toegang {

    private final IdentityService identityService;

    public Toegang(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The logged-in user, or null outside a request (jobs, startup). */
    public String gebruiker() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public List<String> groepen() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of()
                : authentication.getGroupIds();
    }

    public boolean isBeheerder() {
        return groepen().contains(Rollen.BEHEERDER);
    }

    /** Administrators, MT and the portfolio office see confidential opdrachten of every team. */
    public boolean zietAlles() {
        List<String> groepen = groepen();
        return groepen.contains(Rollen.BEHEERDER) || groepen.contains(Rollen.MT) || groepen.contains(Rollen.INTAKE);
    }

    public boolean magZien(boolean vertrouwelijk, String teamGroep, String aanvrager) {
        if (!vertrouwelijk || zietAlles()) {
            return true;
        }
        String gebruiker = gebruiker();
        return groepen().contains(teamGroep) || gebruiker != null && gebruiker.equals(aanvrager);
    }
}
