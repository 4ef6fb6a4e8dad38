package nl.stuurwiel.doel;

public enum DoelSoort {
    /** Ambition or opgave, e.g. from the coalition agreement: a root of the goal tree. */
    AMBITIE,
    /** Statutory task, e.g. the Leerplichtwet: the other kind of root. */
    WETTELIJKE_TAAK,
    DOEL
}
