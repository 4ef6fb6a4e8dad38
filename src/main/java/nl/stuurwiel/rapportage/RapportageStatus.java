package nl.stuurwiel.rapportage;

/** Concept while the portfolio office explains it, ter vaststelling with MT, then gepubliceerd. */
public enum RapportageStatus {
    CONCEPT,
    TER_VASTSTELLING,
    GEPUBLICEERD
}
