package nl.stuurwiel.doel;

public enum DoelSoort {
    /** Ambition, e.g. from the coalition agreement: a root of the goal tree, with a period. */
    AMBITIE,
    /** Opgave, e.g. a priority of an area plan: a root like an ambition, with a period. */
    OPGAVE,
    /** Statutory task, e.g. the Leerplichtwet: the other kind of root; names its law. */
    WETTELIJKE_TAAK,
    /** A goal under a root or under another doel, to any depth. */
    DOEL;

    public boolean isWortel() {
        return this != DOEL;
    }

    public boolean heeftPeriode() {
        return this == AMBITIE || this == OPGAVE;
    }
}
