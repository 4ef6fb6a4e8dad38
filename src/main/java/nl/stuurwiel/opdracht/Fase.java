package nl.stuurwiel.opdracht;

/** Lifecycle phase of an opdracht; delegates keep it equal to where its process instance is. */
public enum Fase {
    INTAKE,
    AANVULLEN,
    PRIORITERING,
    GEPARKEERD,
    UITVOERING,
    REVIEW,
    BIJSTELLING,
    AFSLUITING,
    AFGEROND,
    GESTOPT,
    AFGEWEZEN;

    public boolean isEindfase() {
        return this == AFGEROND || this == GESTOPT || this == AFGEWEZEN;
    }

    private static final java.util.List<Fase> NIET_BEEINDIGD = java.util.Arrays.stream(values())
            .filter(f -> !f.isEindfase()).toList();

    /** The phases of an opdracht that has not ended, in lifecycle order. */
    public static java.util.List<Fase> nietBeeindigd() {
        return NIET_BEEINDIGD;
    }

    /** Phases in which the owning team spends capacity on the opdracht. */
    public boolean isLopend() {
        return this == UITVOERING || this == REVIEW || this == BIJSTELLING;
    }
}
