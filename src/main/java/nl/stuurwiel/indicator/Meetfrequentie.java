package nl.stuurwiel.indicator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How often an indicator is measured, and so what a period is. A period is named by its first
 * day as an ISO date: maand 2026-03-01, kwartaal 2026-07-01 (Q3), halfjaar 2026-07-01 (H2),
 * jaar 2026-01-01. Periods are calendar-aligned; any other date is not a period start.
 */
public enum Meetfrequentie {
    MAAND(1), KWARTAAL(3), HALFJAAR(6), JAAR(12);

    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter MAAND_EN_JAAR = DateTimeFormatter.ofPattern("MMMM yyyy", NL);
    private static final DateTimeFormatter DAG = DateTimeFormatter.ofPattern("d MMMM yyyy", NL);

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

    /**
     * How people name the period starting at {@code periode}, as the dashboard does: "maart 2026",
     * "2026 K3", "2026 H2", "2026". Forms and mails show this; the ISO date stays the key. A
     * period measured in an earlier frequency of the indicator is named by its first day.
     */
    public String naam(LocalDate periode) {
        if (!isPeriodeBegin(periode)) {
            return "periode vanaf " + DAG.format(periode);
        }
        return switch (this) {
            case MAAND -> MAAND_EN_JAAR.format(periode);
            case KWARTAAL -> periode.getYear() + " K" + ((periode.getMonthValue() - 1) / 3 + 1);
            case HALFJAAR -> periode.getYear() + " H" + (periode.getMonthValue() <= 6 ? 1 : 2);
            case JAAR -> String.valueOf(periode.getYear());
        };
    }

    /** The first day of the period after the one starting at {@code periode}: its exclusive end. */
    public LocalDate volgende(LocalDate periode) {
        return periode.plusMonths(maanden);
    }
}
