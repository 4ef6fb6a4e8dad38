package nl.stuurwiel.opdracht;

public enum StatusKleur {
    GROEN, ORANJE, ROOD
}
