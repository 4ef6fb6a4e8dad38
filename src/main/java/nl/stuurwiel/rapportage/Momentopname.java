package nl.stuurwiel.rapportage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * The portfolio of one period as it was when the report was compiled. Stored as JSON in
 * {@link Halfjaarrapportage} and never recomputed.
 *
 * <p>Totals count every opdracht, confidential ones included: the council decides on the whole
 * budget. Named entries (decisions, indicators of an opdracht) carry the opdracht's visibility
 * so that {@link #zichtbaarVoor} can hide confidential ones from readers who may not see them.
 */
public record Momentopname(LocalDate van, LocalDate tot, Instant samengesteldOp, Middelen totaal,
        List<Middelen> perDoel, List<Middelen> perDomein, List<Middelen> perGebied, List<Middelen> perTeam,
        List<IndicatorRealisatie> indicatoren, List<Besluit> besluiten) {

    public static final String VERTROUWELIJK = "Vertrouwelijke opdracht";

    /** Money and people against plan for one group of opdrachten. */
    public record Middelen(String code, String naam, int aantal, BigDecimal budget, BigDecimal besteed,
            BigDecimal budgetUitputting, BigDecimal fte, BigDecimal ingezetteFte, BigDecimal fteBenutting,
            BigDecimal capaciteitFte, Kleuren kleuren) {

        /** The same figures under the name people know the group by (a domain's name for its code). */
        public Middelen metNaam(String andereNaam) {
            return new Middelen(code, andereNaam, aantal, budget, besteed, budgetUitputting, fte, ingezetteFte,
                    fteBenutting, capaciteitFte, kleuren);
        }
    }

    /** Opdrachten per status colour of their latest progress report in the period. */
    public record Kleuren(int groen, int oranje, int rood, int onbekend) {
    }

    /** One indicator's realisation against its target at the end of the period. */
    public record IndicatorRealisatie(Long id, String naam, String eenheid, String richting, String doel,
            String doelNaam, String opdracht, String opdrachtTitel, Zicht zicht, BigDecimal basiswaarde,
            LocalDate basisdatum, BigDecimal streefwaarde, LocalDate streefdatum, LocalDate periode,
            BigDecimal waarde, BigDecimal norm, BigDecimal afwijkingVanNorm, String status, String trend,
            String melding) {

        IndicatorRealisatie zonderZicht() {
            return new IndicatorRealisatie(id, naam, eenheid, richting, doel, doelNaam, opdracht, opdrachtTitel, null,
                    basiswaarde, basisdatum, streefwaarde, streefdatum, periode, waarde, norm, afwijkingVanNorm, status,
                    trend, melding);
        }
    }

    /** A decision taken in the period: a review decision or a judged adjustment. */
    public record Besluit(LocalDate datum, String soort, String opdracht, String titel, String team, Zicht zicht,
            String besluit, String toelichting, String wijziging) {

        Besluit geanonimiseerd() {
            return new Besluit(datum, soort, null, VERTROUWELIJK, team, null, besluit, null, null);
        }

        Besluit zonderZicht() {
            return new Besluit(datum, soort, opdracht, titel, team, null, besluit, toelichting, wijziging);
        }
    }

    /**
     * Who may see a named entry: null when the opdracht is not confidential, otherwise its team
     * group and requester as they were when the report was compiled (see security/Toegang).
     */
    public record Zicht(String teamGroep, String aanvrager) {
    }

    /**
     * The snapshot as one reader may see it: confidential decisions keep their place and decision
     * but lose key, title and texts; indicators of confidential opdrachten are left out. Totals and
     * group rows are unchanged. Visibility data itself never leaves the server.
     */
    public Momentopname zichtbaarVoor(Predicate<Zicht> magZien) {
        List<IndicatorRealisatie> zichtbareIndicatoren = indicatoren.stream()
                .filter(i -> i.zicht() == null || magZien.test(i.zicht())).map(IndicatorRealisatie::zonderZicht)
                .toList();
        List<Besluit> zichtbareBesluiten = besluiten.stream()
                .map(b -> b.zicht() == null || magZien.test(b.zicht()) ? b.zonderZicht() : b.geanonimiseerd())
                .toList();
        return new Momentopname(van, tot, samengesteldOp, totaal, perDoel, perDomein, perGebied, perTeam,
                zichtbareIndicatoren, zichtbareBesluiten);
    }
}
