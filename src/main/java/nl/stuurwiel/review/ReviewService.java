package nl.stuurwiel.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.NietGevondenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class ReviewService {

    private final VoortgangsrapportageRepository rapportages;
    private final OpdrachtService opdrachtService;

    public ReviewService(VoortgangsrapportageRepository rapportages, OpdrachtService opdrachtService) {
        this.rapportages = rapportages;
        this.opdrachtService = opdrachtService;
    }

    /** Opens the report of a new review period; returns its number within the opdracht. */
    public int open(String sleutel) {
        Opdracht opdracht = opdrachtService.zetFase(sleutel, Fase.REVIEW);
        int volgnummer = rapportages.hoogsteVolgnummer(opdracht.getId()) + 1;
        rapportages.save(new Voortgangsrapportage(opdracht, volgnummer, LocalDate.now()));
        return volgnummer;
    }

    public Voortgangsrapportage dienIn(String sleutel, int volgnummer, StatusKleur kleur, String voortgang,
            BigDecimal besteedBudget, BigDecimal ingezetteFte, String risicos, Voorstel voorstel, String door) {
        Voortgangsrapportage rapportage = rapportage(sleutel, volgnummer);
        rapportage.dienIn(kleur, voortgang, besteedBudget, ingezetteFte, risicos, voorstel, door);
        rapportage.getOpdracht().setStatusKleur(kleur);
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
