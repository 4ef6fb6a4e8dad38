package nl.stuurwiel.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import nl.stuurwiel.opdracht.LevenscyclusProces;

/**
 * Who may change the goal tree and the teams, and who may enter metingen, decided from the same Camunda
 * groups as everything else. The portfolio office (intake), MT and administrators manage doelen
 * and indicators; a meting may be entered by the indicator's owner, by the team of the opdracht
 * an indicator belongs to, and by the portfolio office, MT and administrators. Steps without a
 * logged-in user (timers, startup, demo data) act as the system and pass. A refusal is a Camunda
 * {@link AuthorizationException}: 403 in the Stuurwiel API and in the engine REST API alike.
 */
@Component
public class Bewerkrechten {

    private final Toegang toegang;
    private final AuthorizationService authorizationService;

    public Bewerkrechten(Toegang toegang, AuthorizationService authorizationService) {
        this.toegang = toegang;
        this.authorizationService = authorizationService;
    }

    /**
     * Whether the current user may request an opdracht, i.e. start its lifecycle: asked of Camunda's
     * grants, which an administrator changes in Camunda Admin, so the page offers what the API allows.
     */
    public boolean magAanvragen() {
        String gebruiker = toegang.gebruiker();
        if (gebruiker == null) {
            return false;
        }
        List<String> groepen = toegang.groepen();
        return toegang.isBeheerder()
                || authorizationService.isUserAuthorized(gebruiker, groepen, Permissions.CREATE_INSTANCE,
                        Resources.PROCESS_DEFINITION, LevenscyclusProces.PROCESS_ID)
                && authorizationService.isUserAuthorized(gebruiker, groepen, Permissions.CREATE,
                        Resources.PROCESS_INSTANCE);
    }

    /**
     * Whether the current user may open a Camunda webapp ("cockpit", "admin"), by the same
     * application grant the webapp checks, so the menu offers no link that ends in "Geen toegang".
     */
    public boolean magWebapp(String webapp) {
        String gebruiker = toegang.gebruiker();
        if (gebruiker == null) {
            return false;
        }
        return toegang.isBeheerder() || authorizationService.isUserAuthorized(gebruiker, toegang.groepen(),
                Permissions.ACCESS, Resources.APPLICATION, webapp);
    }

    public void controleerPortfoliobeheer(String actie) {
        if (!isSysteem() && !beheertPortfolio()) {
            throw new AuthorizationException("alleen het portfoliobureau (intake), het MT en beheerders mogen "
                    + actie);
        }
    }

    /** A team's capacity is a management decision: MT and administrators. */
    public void controleerTeams(String actie) {
        if (!isSysteem() && !beheertTeams()) {
            throw new AuthorizationException("alleen het MT en beheerders mogen " + actie);
        }
    }

    /** Whether the current user decides on teams: their capacity, and which team has an opdracht. */
    public boolean beheertTeams() {
        List<String> groepen = toegang.groepen();
        return groepen.contains(Rollen.MT) || groepen.contains(Rollen.BEHEERDER);
    }

    /**
     * @param eigenaar  the indicator's owner (user id), may be null
     * @param teamGroep the group of the team of the indicator's opdracht; null for an indicator on a doel
     */
    public void controleerMeten(String eigenaar, String teamGroep) {
        if (!magMeten(eigenaar, teamGroep)) {
            throw new AuthorizationException("alleen de eigenaar van de indicator"
                    + (teamGroep == null ? "" : ", het team van de opdracht")
                    + ", het portfoliobureau (intake), het MT en beheerders mogen metingen invoeren");
        }
    }

    public boolean magMeten(String eigenaar, String teamGroep) {
        if (isSysteem() || beheertPortfolio()) {
            return true;
        }
        String gebruiker = toegang.gebruiker();
        return gebruiker.equals(eigenaar) || teamGroep != null && toegang.groepen().contains(teamGroep);
    }

    /**
     * Whether the current user keeps the portfolio's records: the goal tree and its indicators, and an
     * opdracht's description and doelen. The portfolio office (intake), MT and administrators.
     */
    public boolean beheertPortfolio() {
        List<String> groepen = toegang.groepen();
        return groepen.contains(Rollen.INTAKE) || groepen.contains(Rollen.MT) || groepen.contains(Rollen.BEHEERDER);
    }

    private boolean isSysteem() {
        return toegang.gebruiker() == null;
    }
}
