package nl.stuurwiel.doel;

import java.time.LocalDate;

/** A doel as a client creates or changes it; ouder is the parent's code. */
public record DoelInvoer(String code, String naam, DoelSoort soort, String omschrijving, String ouder,
        LocalDate van, LocalDate tot, String wet) {
}
