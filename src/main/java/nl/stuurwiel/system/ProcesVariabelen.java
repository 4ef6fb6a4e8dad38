package nl.stuurwiel.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reading of the simple variables that Camunda Forms submit (strings, numbers, ISO
 * dates). A wrong value becomes an {@link OngeldigeInvoerException} naming the variable.
 */
public final class ProcesVariabelen {

    private ProcesVariabelen() {
    }

    public static String tekst(VariableScope scope, String naam) {
        Object waarde = scope.getVariable(naam);
        if (waarde == null) {
            return null;
        }
        String tekst = waarde.toString().strip();
        return tekst.isEmpty() ? null : tekst;
    }

    public static String verplichteTekst(VariableScope scope, String naam) {
        String tekst = tekst(scope, naam);
        if (tekst == null) {
            throw new OngeldigeInvoerException(naam, "is verplicht");
        }
        return tekst;
    }

    /** A checkbox: true, "true" or "ja" is yes; anything else, or nothing, is no. */
    public static boolean jaNee(VariableScope scope, String naam) {
        Object waarde = scope.getVariable(naam);
        if (waarde instanceof Boolean b) {
            return b;
        }
        String tekst = waarde == null ? "" : waarde.toString().strip().toLowerCase(Locale.ROOT);
        return tekst.equals("true") || tekst.equals("ja");
    }

    public static BigDecimal bedrag(VariableScope scope, String naam) {
        Object waarde = scope.getVariable(naam);
        if (waarde == null || waarde.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal getal = waarde instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(waarde.toString().strip());
            if (getal.signum() < 0) {
                throw new OngeldigeInvoerException(naam, "mag niet negatief zijn");
            }
            return getal;
        } catch (NumberFormatException e) {
            throw new OngeldigeInvoerException(naam, "is geen getal: '" + waarde + "'");
        }
    }

    public static LocalDate datum(VariableScope scope, String naam) {
        Object waarde = scope.getVariable(naam);
        if (waarde == null || waarde.toString().isBlank()) {
            return null;
        }
        if (waarde instanceof Date d) {
            return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        String tekst = waarde.toString().strip();
        try {
            return LocalDate.parse(tekst.length() > 10 ? tekst.substring(0, 10) : tekst);
        } catch (DateTimeParseException e) {
            throw new OngeldigeInvoerException(naam, "is geen datum (jjjj-mm-dd): '" + tekst + "'");
        }
    }

    public static <E extends Enum<E>> E keuze(VariableScope scope, String naam, Class<E> soort) {
        String tekst = tekst(scope, naam);
        return tekst == null ? null : keuze(naam, tekst, soort);
    }

    public static <E extends Enum<E>> E keuze(String naam, String tekst, Class<E> soort) {
        try {
            return Enum.valueOf(soort, tekst.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OngeldigeInvoerException(naam, "onbekende waarde '" + tekst + "' (toegestaan: "
                    + java.util.Arrays.toString(soort.getEnumConstants()).toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** A decision from a form, checked against the values the model's gateway knows. */
    public static String besluit(VariableScope scope, String naam, String... toegestaan) {
        String besluit = verplichteTekst(scope, naam);
        for (String t : toegestaan) {
            if (t.equals(besluit)) {
                return besluit;
            }
        }
        throw new OngeldigeInvoerException(naam, "onbekend besluit '" + besluit + "' (toegestaan: "
                + String.join(", ", toegestaan) + ")");
    }
}
