package nl.stuurwiel.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;
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

    public ReviewService(VoortgangsrapportageRepository rapportages, OpdrachtService opdrachtService) {
        this.rapportages = rapportages;
        this.opdrachtService = opdrachtService;
    }

    /**
     * Opens the report of a new review period and returns its number within the opdracht, or 0
     * when the previous review or the adjustment it led to is still under way: reviews do not
     * pile up, the cycle simply skips a period.
     */
    public int open(String sleutel) {
        Opdracht opdracht = opdrachtService.voorWijziging(sleutel);
        if (opdracht.getFase() == Fase.REVIEW || opdracht.getFase() == Fase.BIJSTELLING) {
            return GEEN_REVIEW;
        }
        opdracht.setFase(Fase.REVIEW);
        int volgnummer = rapportages.hoogsteVolgnummer(opdracht.getId()) + 1;
        rapportages.save(new Voortgangsrapportage(opdracht, volgnummer, Klok.vandaag()));
        return volgnummer;
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
