package nl.stuurwiel.domein;

/** A new domain's code and name; a change gives the name only. */
public record DomeinInvoer(String code, String naam) {
}
