package nl.stuurwiel.review;

import java.time.LocalDate;

/** The day the next review comes instead, and why. */
public record ReviewVervroegingInvoer(LocalDate datum, String reden) {
}
