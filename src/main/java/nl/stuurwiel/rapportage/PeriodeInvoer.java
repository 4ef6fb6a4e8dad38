package nl.stuurwiel.rapportage;

import java.time.LocalDate;

/** Start by hand: either van and tot (both inclusive), or jaar and half (1 or 2). */
public record PeriodeInvoer(LocalDate van, LocalDate tot, Integer jaar, Integer half) {
}
