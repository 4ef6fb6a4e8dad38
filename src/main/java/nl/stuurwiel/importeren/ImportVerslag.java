package nl.stuurwiel.importeren;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an import did or would do: per row the opdracht it creates, and every error and warning
 * with the row number as the spreadsheet shows it (the header is row 1) and the column.
 */
public record ImportVerslag(String bestand, String soort, String codering, String scheidingsteken,
        int aantalRijen, boolean geldig, boolean geimporteerd, List<Rij> rijen, List<Melding> fouten,
        List<Melding> waarschuwingen) {

    /** The separator as the page names it: a tab is invisible. */
    public String scheidingstekenNaam() {
        return "\t".equals(scheidingsteken) ? "tab" : scheidingsteken;
    }

    /** The opdracht one row creates; {@code sleutel} once it is imported. */
    public record Rij(int rij, String titel, String type, String domein, String gebied, String team,
            String teamNaam, String opdrachtgever, List<String> doelen, LocalDate startdatum, LocalDate einddatum,
            BigDecimal budget, BigDecimal fte, String reviewfrequentie, String fase, String aanvrager,
            String aanvragerNaam, String urgentie, String risico, boolean geldig, String sleutel) {

        Rij metSleutel(String nieuweSleutel) {
            return new Rij(rij, titel, type, domein, gebied, team, teamNaam, opdrachtgever, doelen, startdatum,
                    einddatum, budget, fte, reviewfrequentie, fase, aanvrager, aanvragerNaam, urgentie, risico, geldig,
                    nieuweSleutel);
        }
    }

    /** Whether the file gives urgency and risk; the page shows those columns only then. */
    public boolean metUrgentie() {
        return rijen.stream().anyMatch(r -> r.urgentie() != null || r.risico() != null);
    }

    /** Whether the file names requesters; the page shows that column only then. */
    public boolean metAanvragers() {
        return rijen.stream().anyMatch(r -> r.aanvrager() != null);
    }

    /** An error or warning; {@code rij} is empty for the file as a whole. */
    public record Melding(Integer rij, String kolom, String melding) {
    }

    ImportVerslag geimporteerd(List<Rij> metSleutels) {
        return new ImportVerslag(bestand, soort, codering, scheidingsteken, aantalRijen, geldig, true, metSleutels,
                fouten, waarschuwingen);
    }

    /** The same report with one more error, from a step that failed during the real import. */
    ImportVerslag metFout(Melding fout) {
        List<Melding> alle = new java.util.ArrayList<>(fouten);
        alle.add(fout);
        return new ImportVerslag(bestand, soort, codering, scheidingsteken, aantalRijen, false, false, rijen,
                List.copyOf(alle), waarschuwingen);
    }
}
