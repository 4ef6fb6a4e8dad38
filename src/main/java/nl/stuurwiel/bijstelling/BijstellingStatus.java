package nl.stuurwiel.bijstelling;

public enum BijstellingStatus {
    VOORGESTELD, GOEDGEKEURD, AFGEWEZEN
}
