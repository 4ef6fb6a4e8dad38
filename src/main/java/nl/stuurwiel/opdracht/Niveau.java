package nl.stuurwiel.opdracht;

/** Urgency and risk as the intake officer assesses them; inputs of the prioritisation DMN. */
public enum Niveau {
    LAAG, MIDDEN, HOOG
}
