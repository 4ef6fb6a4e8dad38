package nl.stuurwiel.opdracht;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import nl.stuurwiel.bijstelling.Bijstelling;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.review.ReviewVervroeging;
import nl.stuurwiel.review.Voortgangsrapportage;
import nl.stuurwiel.system.Gebruikersnamen.Namen;

/**
 * How the API shows opdrachten: enums as the lowercase words the forms and models use; people by
 * user id for API clients, with a {@code …Naam} beside it for readers.
 */
public final class OpdrachtWeergave {

    private OpdrachtWeergave() {
    }

    public record Samenvatting(String sleutel, String titel, String type, String domein, String gebied,
            String team, String fase, String statusKleur, String berekendeStatusKleur, Integer prioriteitScore,
            Integer prioriteitRang, BigDecimal budget, BigDecimal fte, LocalDate startdatum, LocalDate einddatum,
            int versie, boolean vertrouwelijk) {

        static Samenvatting van(Opdracht o) {
            return new Samenvatting(o.getSleutel(), o.getTitel(), woord(o.getType()), o.getDomein(),
                    o.getGebied(), o.getTeam().getCode(), woord(o.getFase()), woord(o.getStatusKleur()),
                    woord(o.getBerekendeStatusKleur()), o.getPrioriteitScore(), o.getPrioriteitRang(), o.getBudget(), o.getFte(), o.getStartdatum(),
                    o.getEinddatum(), o.getVersie(), o.isVertrouwelijk());
        }
    }

    public record Pagina<T>(List<T> inhoud, int pagina, int grootte, long totaal, int aantalPaginas) {
    }

    /** A linked doel with the contribution the opdracht is expected to make and its weight (1-100). */
    public record DoelVerwijzing(String code, String naam, String soort, String bijdrage, int gewicht) {

        public static DoelVerwijzing van(OpdrachtDoel k) {
            Doel d = k.getDoel();
            return new DoelVerwijzing(d.getCode(), d.getNaam(), woord(d.getSoort()), k.getBijdrage(), k.getGewicht());
        }
    }

    /** {@code vraag}: what intake asked the requester to complete; only on that task. */
    public record Taak(String id, String naam, String taakDefinitie, String toegewezenAan, String toegewezenAanNaam,
            List<String> kandidaatGroepen, List<String> kandidaatGroepNamen, Date aangemaakt, Date vervaldatum,
            String vraag) {
    }

    public record Stap(String activiteit, String naam, String soort, Date begin, Date einde, String door,
            String doorNaam) {
    }

    public record Rapportage(int volgnummer, LocalDate peildatum, String statusKleur, String berekendeStatusKleur,
            String kleurToelichting, String voortgang,
            BigDecimal besteedBudget, BigDecimal ingezetteFte, String risicos, String voorstel, String ingediendDoor,
            String ingediendDoorNaam, Instant ingediendOp, String besluit, String besluitToelichting,
            String beoordeeldDoor, String beoordeeldDoorNaam, Instant beoordeeldOp) {

        static Rapportage van(Voortgangsrapportage r, Namen namen) {
            return new Rapportage(r.getVolgnummer(), r.getPeildatum(), woord(r.getStatusKleur()),
                    woord(r.getBerekendeStatusKleur()), r.getKleurToelichting(), r.getVoortgang(),
                    r.getBesteedBudget(), r.getIngezetteFte(), r.getRisicos(), woord(r.getVoorstel()),
                    r.getIngediendDoor(), namen.naam(r.getIngediendDoor()), r.getIngediendOp(), r.getBesluit(),
                    r.getBesluitToelichting(), r.getBeoordeeldDoor(), namen.naam(r.getBeoordeeldDoor()),
                    r.getBeoordeeldOp());
        }
    }

    public record BijstellingRegel(int volgnummer, String status, String reden, BigDecimal oudBudget,
            BigDecimal nieuwBudget, BigDecimal oudeFte, BigDecimal nieuweFte, LocalDate oudeEinddatum,
            LocalDate nieuweEinddatum, String oudeScope, String nieuweScope, String voorgesteldDoor,
            String voorgesteldDoorNaam, Instant voorgesteldOp, String beoordeeldDoor, String beoordeeldDoorNaam,
            Instant beoordeeldOp, String toelichting) {

        static BijstellingRegel van(Bijstelling b, Namen namen) {
            return new BijstellingRegel(b.getVolgnummer(), woord(b.getStatus()), b.getReden(), b.getOudBudget(),
                    b.getNieuwBudget(), b.getOudeFte(), b.getNieuweFte(), b.getOudeEinddatum(), b.getNieuweEinddatum(),
                    b.getOudeScope(), b.getNieuweScope(), b.getVoorgesteldDoor(), namen.naam(b.getVoorgesteldDoor()),
                    b.getVoorgesteldOp(), b.getBeoordeeldDoor(), namen.naam(b.getBeoordeeldDoor()), b.getBeoordeeldOp(),
                    b.getToelichting());
        }
    }

    /** A transfer to another team, by team code. */
    public record OverdrachtRegel(String vanTeam, String naarTeam, String reden, String door, String doorNaam,
            Instant op) {

        static OverdrachtRegel van(Overdracht o, Namen namen) {
            return new OverdrachtRegel(o.getVanTeam().getCode(), o.getNaarTeam().getCode(), o.getReden(), o.getDoor(),
                    namen.naam(o.getDoor()), o.getOp());
        }
    }

    /** A review MT brought forward: when it was planned, when it came instead, and why. */
    public record ReviewVervroegingRegel(Instant geplandOp, Instant nieuwOp, String reden, String door,
            String doorNaam, Instant op) {

        static ReviewVervroegingRegel van(ReviewVervroeging v, Namen namen) {
            return new ReviewVervroegingRegel(v.getGeplandOp(), v.getNieuwOp(), v.getReden(), v.getDoor(),
                    namen.naam(v.getDoor()), v.getOp());
        }
    }

    public record Detail(String sleutel, String titel, String vraagstuk, String verwachtResultaat,
            String beleidstheorie, String type, String domein, String gebied, String opdrachtgever, String team,
            List<DoelVerwijzing> doelen, BigDecimal budget, BigDecimal fte, LocalDate startdatum, LocalDate einddatum,
            String reviewFrequentie, String fase, String urgentie, String risico, Integer prioriteitScore,
            Integer prioriteitRang, String statusKleur, String berekendeStatusKleur, String kleurToelichting,
            String aanvrager, String aanvragerNaam, String besluitReden, String doelenBereikt,
            String impact, String lessen, LocalDate afgeslotenOp, Instant aangemaaktOp, Instant gewijzigdOp,
            int versie, boolean vertrouwelijk, List<String> ontbrekendeGegevens, String procesInstantie, List<Taak> openTaken,
            List<Stap> geschiedenis, List<Rapportage> rapportages, List<BijstellingRegel> bijstellingen,
            List<OverdrachtRegel> overdrachten, Instant volgendeReview,
            List<ReviewVervroegingRegel> reviewVervroegingen, String domeinNaam, long wijzigingsnummer) {

        static Detail van(Opdracht o, String procesInstantie, List<Taak> openTaken, List<Stap> geschiedenis,
                List<Voortgangsrapportage> rapportages, List<Bijstelling> bijstellingen, List<Overdracht> overdrachten,
                Instant volgendeReview, List<ReviewVervroeging> vervroegingen, String domeinNaam, Namen namen) {
            List<DoelVerwijzing> doelen = o.getDoelKoppelingen().stream()
                    .sorted(Comparator.comparing(k -> k.getDoel().getCode())).map(DoelVerwijzing::van).toList();
            return new Detail(o.getSleutel(), o.getTitel(), o.getVraagstuk(), o.getVerwachtResultaat(),
                    o.getBeleidstheorie(), woord(o.getType()), o.getDomein(), o.getGebied(),
                    o.getOpdrachtgever(), o.getTeam().getCode(), doelen, o.getBudget(), o.getFte(), o.getStartdatum(),
                    o.getEinddatum(), woord(o.getReviewFrequentie()), woord(o.getFase()), woord(o.getUrgentie()),
                    woord(o.getRisico()), o.getPrioriteitScore(), o.getPrioriteitRang(), woord(o.getStatusKleur()),
                    woord(o.getBerekendeStatusKleur()), o.getKleurToelichting(),
                    o.getAanvrager(), namen.naam(o.getAanvrager()), o.getBesluitReden(), o.getDoelenBereikt(),
                    o.getImpact(), o.getLessen(),
                    o.getAfgeslotenOp(), o.getAangemaaktOp(), o.getGewijzigdOp(), o.getVersie(), o.isVertrouwelijk(),
                    o.ontbrekendeGegevens(), procesInstantie, openTaken, geschiedenis,
                    rapportages.stream().map(r -> Rapportage.van(r, namen)).toList(),
                    bijstellingen.stream().map(b -> BijstellingRegel.van(b, namen)).toList(),
                    overdrachten.stream().map(t -> OverdrachtRegel.van(t, namen)).toList(), volgendeReview,
                    vervroegingen.stream().map(v -> ReviewVervroegingRegel.van(v, namen)).toList(), domeinNaam,
                    o.getWijzigingsnummer());
        }
    }

    static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(Locale.ROOT);
    }
}
