package nl.stuurwiel.bijstelling;

public enum BijstellingStatus {
    VOORGESTELD, GOEDGEKEURD, AFGEWEZEN,
    /** Still proposed when the end date passed; MT decides on the end date instead. */
    VERVALLEN
}
