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

    /** An amount in euros as the portfolio stores it: not negative, at most 13 digits before the comma and 2 after. */
    public static BigDecimal bedrag(VariableScope scope, String naam) {
        return getal(scope, naam, 13);
    }

    /** A number of fte as the portfolio stores it: not negative, at most 6 digits before the comma and 2 after. */
    public static BigDecimal fte(VariableScope scope, String naam) {
        return getal(scope, naam, 6);
    }

    /** Checked here, since a value the column cannot hold would only fail at the commit, as a server error. */
    private static BigDecimal getal(VariableScope scope, String naam, int cijfersVoorDeKomma) {
        Object waarde = scope.getVariable(naam);
        if (waarde == null || waarde.toString().isBlank()) {
            return null;
        }
        BigDecimal getal;
        try {
            getal = new BigDecimal(waarde instanceof Number n ? n.toString() : waarde.toString().strip());
        } catch (NumberFormatException e) {
            throw new OngeldigeInvoerException(naam, "is geen getal: '" + waarde + "'");
        }
        if (getal.signum() < 0) {
            throw new OngeldigeInvoerException(naam, "mag niet negatief zijn");
        }
        getal = getal.stripTrailingZeros();
        if (getal.scale() > 2) {
            throw new OngeldigeInvoerException(naam, "heeft hoogstens twee decimalen");
        }
        if (getal.precision() - getal.scale() > cijfersVoorDeKomma) {
            BigDecimal grootste = BigDecimal.TEN.pow(cijfersVoorDeKomma).subtract(new BigDecimal("0.01"));
            throw new OngeldigeInvoerException(naam, "is te groot; hoogstens " + new Opmaak().getal(grootste));
        }
        return getal.scale() < 0 ? getal.setScale(0) : getal;
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
