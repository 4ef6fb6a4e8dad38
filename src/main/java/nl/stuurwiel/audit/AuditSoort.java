package nl.stuurwiel.audit;

import nl.stuurwiel.bijstelling.Bijstelling;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtDoel;
import nl.stuurwiel.review.Voortgangsrapportage;
import nl.stuurwiel.team.Team;

/** The kinds of portfolio records whose changes are kept, with the property users know them by. */
public enum AuditSoort {

    OPDRACHT(Opdracht.class, "sleutel"),
    TEAM(Team.class, "code"),
    DOEL(Doel.class, "code"),
    /** Known by its opdracht's key, optionally followed by /volgnummer. */
    VOORTGANGSRAPPORTAGE(Voortgangsrapportage.class, null),
    /** Known by its opdracht's key, optionally followed by /volgnummer. */
    BIJSTELLING(Bijstelling.class, null),
    /** An opdracht's link to a doel with contribution and weight; known by its opdracht's key. */
    DOELKOPPELING(OpdrachtDoel.class, null),
    /** Known by its id, as in the API. */
    INDICATOR(Indicator.class, "id");

    final Class<?> entiteit;
    /** Property holding the record's own key; null for records known through their opdracht. */
    final String sleutelVeld;

    AuditSoort(Class<?> entiteit, String sleutelVeld) {
        this.entiteit = entiteit;
        this.sleutelVeld = sleutelVeld;
    }

    public String woord() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
