package nl.stuurwiel.opdracht;

/** The team an opdracht goes to (by code) and why. */
public record OverdrachtInvoer(String team, String reden) {
}
