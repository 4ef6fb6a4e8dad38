package nl.stuurwiel.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dutch number and date formats: the report (PDF and page), and the texts forms and mails show. */
public final class Opmaak {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", NL);

    /** Whole euros as € 85.000; an amount with cents keeps them (€ 85.000,50), as it was entered. */
    public String euro(BigDecimal bedrag) {
        if (bedrag == null) {
            return "–";
        }
        BigDecimal centen = bedrag.setScale(2, RoundingMode.HALF_UP);
        boolean heel = centen.remainder(BigDecimal.ONE).signum() == 0;
        return "€ " + formaat(heel ? "#,##0" : "#,##0.00").format(centen);
    }

    public String getal(BigDecimal waarde) {
        return waarde == null ? "–" : formaat("#,##0.##").format(waarde);
    }

    /** A share (0.4333) as a percentage (43,3%). */
    public String procent(BigDecimal aandeel) {
        return aandeel == null ? "–" : formaat("0.0").format(aandeel.movePointRight(2)) + "%";
    }

    public String datum(LocalDate dag) {
        return dag == null ? "–" : DATUM.format(dag);
    }

    public String datum(Instant moment) {
        return moment == null ? "–" : DATUM.format(moment.atZone(ZoneId.systemDefault()).toLocalDate());
    }

    public String woord(String waarde) {
        return waarde == null ? "–" : waarde.replace('_', ' ');
    }

    private static DecimalFormat formaat(String patroon) {
        return new DecimalFormat(patroon, DecimalFormatSymbols.getInstance(NL));
    }
}
