package nl.stuurwiel.indicator;

public enum IndicatorStatus {
    ACTIEF,
    /** No longer followed: kept with its metingen, but takes no new ones. */
    VERVALLEN
}
