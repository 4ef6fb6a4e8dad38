package nl.stuurwiel.opdracht;

public enum ReviewFrequentie {
    MAAND, KWARTAAL, HALFJAAR, JAAR
}
