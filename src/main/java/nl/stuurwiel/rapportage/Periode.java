package nl.stuurwiel.rapportage;

import java.time.LocalDate;
import java.time.MonthDay;

import nl.stuurwiel.system.Opmaak;

/** The period a report covers, both days inclusive. */
public record Periode(LocalDate van, LocalDate tot) {

    private static final MonthDay EERSTE_JULI = MonthDay.of(7, 1);
    private static final Opmaak OPMAAK = new Opmaak();

    public static Periode halfjaar(int jaar, int half) {
        return half == 1 ? new Periode(LocalDate.of(jaar, 1, 1), LocalDate.of(jaar, 6, 30))
                : new Periode(LocalDate.of(jaar, 7, 1), LocalDate.of(jaar, 12, 31));
    }

    /** The half year that ended last before the given day: what the timer on 1 January / 1 July reports. */
    public static Periode vorigHalfjaar(LocalDate dag) {
        return MonthDay.from(dag).isBefore(EERSTE_JULI) ? halfjaar(dag.getYear() - 1, 2) : halfjaar(dag.getYear(), 1);
    }

    /** 1 or 2 when the period is exactly a calendar half year, otherwise 0. */
    public int half() {
        for (int half = 1; half <= 2; half++) {
            if (equals(halfjaar(van.getYear(), half))) {
                return half;
            }
        }
        return 0;
    }

    public String titel() {
        return switch (half()) {
        case 1 -> "Halfjaarrapportage " + van.getYear() + ", eerste halfjaar";
        case 2 -> "Halfjaarrapportage " + van.getYear() + ", tweede halfjaar";
        default -> "Portfoliorapportage " + OPMAAK.datum(van) + " t/m " + OPMAAK.datum(tot);
        };
    }

    /** Business key of the process and base of the download names. */
    public String sleutel() {
        return half() == 0 ? "HJR-" + van + "-" + tot : "HJR-" + van.getYear() + "-H" + half();
    }
}
