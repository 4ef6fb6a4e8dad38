package nl.stuurwiel.indicator;

/** Which way is good for an indicator. */
public enum Richting {
    HOGER_BETER, LAGER_BETER;

    /** +1 when a rise is good, -1 when a fall is good. */
    public int teken() {
        return this == HOGER_BETER ? 1 : -1;
    }
}
