package nl.stuurwiel.importeren;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the values people type in a Dutch spreadsheet. Every method throws
 * {@link OngeldigeWaarde} with a message for the user when the text cannot be read.
 *
 * <p>Dates that name only a month or a year mean the whole period: as a start date its first day,
 * as an end date its last day ({@code juni 2018} runs from 1 to 30 June 2018).
 */
final class Waarden {

    static final class OngeldigeWaarde extends RuntimeException {
        OngeldigeWaarde(String melding) {
            super(melding);
        }
    }

    private static final Map<String, Integer> MAANDEN = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("jan", 1), Map.entry("februari", 2), Map.entry("feb", 2),
            Map.entry("maart", 3), Map.entry("mrt", 3), Map.entry("mar", 3), Map.entry("april", 4),
            Map.entry("apr", 4), Map.entry("mei", 5), Map.entry("juni", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("jul", 7), Map.entry("augustus", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oktober", 10),
            Map.entry("okt", 10), Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12),
            Map.entry("dec", 12));

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern ISO_MAAND = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern DAG_MAAND_JAAR = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern DAG_MAANDNAAM_JAAR = Pattern.compile("(\\d{1,2})\\s+(\\p{L}+)\\.?\\s+(\\d{4})");
    private static final Pattern MAANDNAAM_JAAR = Pattern.compile("(\\p{L}+)\\.?\\s+(\\d{4})");
    private static final Pattern JAAR = Pattern.compile("\\d{4}");
    private static final Pattern DUIZENDTALLEN = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+");
    private static final Pattern GETAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    static final String DATUM_VOORBEELDEN = "gebruik bijvoorbeeld 2026-03-01, 1 maart 2026, maart 2026, 2026 of 1-3-2026";

    private Waarden() {
    }

    /** A date; a month or a year alone gives its first day, or its last day when {@code eind}. */
    static LocalDate datum(String tekst, boolean eind) {
        String t = tekst.strip().toLowerCase(Locale.ROOT);
        try {
            Matcher m;
            if ((m = ISO.matcher(t)).matches()) {
                return LocalDate.of(getal(m.group(1)), getal(m.group(2)), getal(m.group(3)));
            }
            if ((m = DAG_MAAND_JAAR.matcher(t)).matches()) {
                return LocalDate.of(getal(m.group(3)), getal(m.group(2)), getal(m.group(1)));
            }
            if ((m = DAG_MAANDNAAM_JAAR.matcher(t)).matches()) {
                return LocalDate.of(getal(m.group(3)), maand(m.group(2), tekst), getal(m.group(1)));
            }
            if ((m = MAANDNAAM_JAAR.matcher(t)).matches()) {
                YearMonth maand = YearMonth.of(getal(m.group(2)), maand(m.group(1), tekst));
                return eind ? maand.atEndOfMonth() : maand.atDay(1);
            }
            if ((m = ISO_MAAND.matcher(t)).matches()) {
                YearMonth maand = YearMonth.of(getal(m.group(1)), getal(m.group(2)));
                return eind ? maand.atEndOfMonth() : maand.atDay(1);
            }
            if (JAAR.matcher(t).matches()) {
                int jaar = getal(t);
                return eind ? LocalDate.of(jaar, 12, 31) : LocalDate.of(jaar, 1, 1);
            }
        } catch (DateTimeException e) {
            throw new OngeldigeWaarde("'" + tekst + "' is geen bestaande datum");
        }
        throw new OngeldigeWaarde("'" + tekst + "' is geen datum; " + DATUM_VOORBEELDEN);
    }

    /**
     * An amount in euros: {@code € 12.500,00}, {@code 12500}, {@code 12.500}, {@code 12500,50}
     * or {@code € 12.500,-}. A dot followed by groups of three digits separates thousands.
     */
    static BigDecimal bedrag(String tekst) {
        String t = tekst.replace("€", "").replaceAll("(?i)eur(o)?", "").replaceAll("[\\s\\u00A0\\u202F]", "");
        t = t.replaceAll(",-+$", "");
        int komma = t.lastIndexOf(',');
        int punt = t.lastIndexOf('.');
        if (komma >= 0 && punt > komma) {
            t = t.replace(",", ""); // 12,500.00 as an English sheet writes it
        } else if (komma >= 0) {
            t = t.replace(".", "").replace(',', '.');
        } else if (DUIZENDTALLEN.matcher(t).matches()) {
            t = t.replace(".", "");
        }
        if (!GETAL.matcher(t).matches()) {
            throw new OngeldigeWaarde("'" + tekst + "' is geen bedrag; gebruik bijvoorbeeld € 12.500,00 of 12500");
        }
        return new BigDecimal(t);
    }

    /** A decimal number such as a number of fte: {@code 1,5} or {@code 1.5}. */
    static BigDecimal decimaal(String tekst) {
        String t = tekst.replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.');
        if (!GETAL.matcher(t).matches()) {
            throw new OngeldigeWaarde("'" + tekst + "' is geen getal; gebruik bijvoorbeeld 1,5 of 0.8");
        }
        return new BigDecimal(t);
    }

    /** One of the values of an enum, whatever the case; the message lists what is allowed. */
    static <E extends Enum<E>> E keuze(String tekst, Class<E> soort) {
        String t = tekst.strip().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        for (E waarde : soort.getEnumConstants()) {
            if (waarde.name().equals(t)) {
                return waarde;
            }
        }
        throw new OngeldigeWaarde("'" + tekst + "' is geen geldige waarde; kies uit: " + woorden(soort.getEnumConstants()));
    }

    static String woorden(Enum<?>[] waarden) {
        return Arrays.stream(waarden).map(Waarden::woord).collect(Collectors.joining(", "));
    }

    static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(Locale.ROOT);
    }

    private static int maand(String naam, String tekst) {
        Integer maand = MAANDEN.get(naam.toLowerCase(Locale.ROOT));
        if (maand == null) {
            throw new OngeldigeWaarde("'" + tekst + "': onbekende maand '" + naam + "'; " + DATUM_VOORBEELDEN);
        }
        return maand;
    }

    private static int getal(String cijfers) {
        return Integer.parseInt(cijfers);
    }
}
