package nl.stuurwiel.team;

import java.math.BigDecimal;

/**
 * A team as MT or an administrator creates or changes it. {@code groep} is the Camunda group of its
 * members: by default {@code team} + the code in lower case; an existing group (e.g. from the
 * organisation's directory) may be named instead. Code and group cannot change afterwards.
 */
public record TeamInvoer(String code, String naam, BigDecimal capaciteitFte, String groep) {
}
