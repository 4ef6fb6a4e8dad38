package nl.stuurwiel.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meting;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.Opmaak;
import nl.stuurwiel.system.NietGevondenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class ReviewService {

    public static final int GEEN_REVIEW = 0;
    static final String VERVALLEN = "vervallen";

    private final VoortgangsrapportageRepository rapportages;
    private final OpdrachtService opdrachtService;
    private final IndicatorService indicatorService;
    private final StatusKleurService statusKleurService;
    private final ReviewMetingen reviewMetingen;

    public ReviewService(VoortgangsrapportageRepository rapportages, OpdrachtService opdrachtService,
            IndicatorService indicatorService, StatusKleurService statusKleurService, ReviewMetingen reviewMetingen) {
        this.rapportages = rapportages;
        this.opdrachtService = opdrachtService;
        this.indicatorService = indicatorService;
        this.statusKleurService = statusKleurService;
        this.reviewMetingen = reviewMetingen;
    }

    /** A review that opened: its report's number and what its form proposes. */
    /** {@code stand}: what the team reported last time and what was planned, for the form to show. */
    public record Geopend(int volgnummer, StatusKleur berekendeKleur, ReviewMetingen.Formulier formulier,
            String stand) {
    }

    /**
     * Money spent is a running total: the team enters it against what it reported last time and the
     * plan ("Vorige rapportage (1 oktober 2026): € 60.000 besteed, 1,2 fte ingezet. Gepland: …").
     */
    static String stand(Opdracht opdracht, List<Voortgangsrapportage> eerdere) {
        Opmaak opmaak = new Opmaak();
        String gepland = "Gepland: budget " + opmaak.euro(opdracht.getBudget()) + ", "
                + opmaak.getal(opdracht.getFte()) + " fte.";
        return eerdere.stream().filter(r -> r.getIngediendOp() != null).reduce((eerder, later) -> later)
                .map(r -> "Vorige rapportage (" + opmaak.datum(r.getPeildatum()) + "): "
                        + opmaak.euro(r.getBesteedBudget()) + " besteed, " + opmaak.getal(r.getIngezetteFte())
                        + " fte ingezet. " + gepland)
                .orElse("Dit is de eerste rapportage. " + gepland);
    }

    /**
     * Opens the report of a new review period with what its form proposes: the colour
     * status-kleur.dmn computes and the prefilled metingen. Empty when the previous review or the
     * adjustment it led to is still under way: reviews do not pile up, the cycle simply skips a
     * period.
     */
    public Optional<Geopend> open(String sleutel) {
        Opdracht opdracht = opdrachtService.opdracht(sleutel);
        if (opdracht.getFase() == Fase.REVIEW || opdracht.getFase() == Fase.BIJSTELLING) {
            return Optional.empty();
        }
        // Every timer of the portfolio runs this, so each thing is read once and all reads come
        // before the writes: Hibernate then need not flush the changes before each query.
        LocalDate vandaag = Klok.vandaag();
        List<Voortgangsrapportage> eerdere = rapportages.findByOpdrachtSleutelOrderByVolgnummer(sleutel);
        List<Indicator> eigenIndicatoren = indicatorService.zoek(null, sleutel);
        Map<Long, List<Meting>> gelezen = new HashMap<>();
        Function<Long, List<Meting>> metingen = id -> gelezen.computeIfAbsent(id, indicatorService::actueleMetingen);
        StatusKleur kleur = statusKleurService.bepaal(
                statusKleurService.invoer(opdracht, eigenIndicatoren, eerdere, metingen, vandaag));
        ReviewMetingen.Formulier formulier = reviewMetingen.formulier(eigenIndicatoren, metingen);

        opdracht.setFase(Fase.REVIEW);
        int volgnummer = eerdere.isEmpty() ? 1 : eerdere.get(eerdere.size() - 1).getVolgnummer() + 1;
        rapportages.save(new Voortgangsrapportage(opdracht, volgnummer, vandaag));
        return Optional.of(new Geopend(volgnummer, kleur, formulier, stand(opdracht, eerdere)));
    }

    public Voortgangsrapportage dienIn(String sleutel, int volgnummer, StatusKleur kleur, String voortgang,
            BigDecimal besteedBudget, BigDecimal ingezetteFte, String risicos, Voorstel voorstel, String door) {
        Voortgangsrapportage rapportage = rapportage(sleutel, volgnummer);
        rapportage.dienIn(kleur, voortgang, besteedBudget, ingezetteFte, risicos, voorstel, door);
        rapportage.getOpdracht().setStatusKleur(kleur);
        return rapportage;
    }

    /** Keeps the computed colour and the team's reason for a different one with the report. */
    public Voortgangsrapportage kleurVastgelegd(String sleutel, int volgnummer, StatusKleur berekend,
            String kleurToelichting) {
        Voortgangsrapportage rapportage = rapportage(sleutel, volgnummer);
        rapportage.legKleurVast(berekend, kleurToelichting);
        return rapportage;
    }

    public Voortgangsrapportage beoordeel(String sleutel, int volgnummer, String besluit, String toelichting,
            String door) {
        Voortgangsrapportage rapportage = rapportage(sleutel, volgnummer);
        rapportage.beoordeel(besluit, toelichting, door);
        Fase volgende = switch (besluit) {
            case Besluit.BIJSTUREN -> Fase.BIJSTELLING;
            case Besluit.STOPPEN -> Fase.AFSLUITING;
            default -> Fase.UITVOERING;
        };
        rapportage.getOpdracht().setFase(volgende);
        return rapportage;
    }

    /** Whether a review decided to stop the opdracht. */
    @Transactional(readOnly = true)
    public boolean isGestopt(String sleutel) {
        return rapportages.findByOpdrachtSleutelOrderByVolgnummer(sleutel).stream()
                .anyMatch(r -> Besluit.STOPPEN.equals(r.getBesluit()));
    }

    /** Closes reviews that were still open when the process left execution (end date passed). */
    public void laatOpenReviewsVervallen(String sleutel, String reden) {
        rapportages.findByOpdrachtSleutelOrderByVolgnummer(sleutel).stream().filter(r -> r.getBesluit() == null)
                .forEach(r -> r.beoordeel(VERVALLEN, reden, HuidigeGebruiker.SYSTEEM));
    }

    @Transactional(readOnly = true)
    public List<Voortgangsrapportage> vanOpdracht(String sleutel) {
        return rapportages.findByOpdrachtSleutelOrderByVolgnummer(sleutel);
    }

    private Voortgangsrapportage rapportage(String sleutel, int volgnummer) {
        return rapportages.findByOpdrachtSleutelAndVolgnummer(sleutel, volgnummer)
                .orElseThrow(() -> new NietGevondenException(
                        "Voortgangsrapportage " + volgnummer + " van " + sleutel + " bestaat niet"));
    }
}
