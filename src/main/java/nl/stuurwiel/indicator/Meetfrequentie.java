package nl.stuurwiel.indicator;

import java.time.LocalDate;

/**
 * How often an indicator is measured, and so what a period is. A period is named by its first
 * day as an ISO date: maand 2026-03-01, kwartaal 2026-07-01 (Q3), halfjaar 2026-07-01 (H2),
 * jaar 2026-01-01. Periods are calendar-aligned; any other date is not a period start.
 */
public enum Meetfrequentie {
    MAAND(1), KWARTAAL(3), HALFJAAR(6), JAAR(12);

    private final int maanden;

    Meetfrequentie(int maanden) {
        this.maanden = maanden;
    }

    public int maanden() {
        return maanden;
    }

    /** The first day of the period that contains the given day. */
    public LocalDate periodeVan(LocalDate dag) {
        int maand = (dag.getMonthValue() - 1) / maanden * maanden + 1;
        return LocalDate.of(dag.getYear(), maand, 1);
    }

    public boolean isPeriodeBegin(LocalDate dag) {
        return periodeVan(dag).equals(dag);
    }

    /** The first day of the period after the one starting at {@code periode}: its exclusive end. */
    public LocalDate volgende(LocalDate periode) {
        return periode.plusMonths(maanden);
    }
}
