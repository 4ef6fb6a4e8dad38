package nl.stuurwiel.bijstelling;

import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.review.ReviewService;
import nl.stuurwiel.system.Opmaak;

/**
 * The planned end date passed while the opdracht was in execution: the review or adjustment
 * under way is cut off with it, so its records are closed as expired and the phase returns to
 * execution while MT decides to extend or close.
 */
@Component
public class UitvoeringOnderbrokenDelegate implements ExecutionListener {

    static final String REDEN = "Vervallen: de einddatum van de opdracht is verstreken";

    private final OpdrachtService opdrachtService;
    private final ReviewService reviewService;
    private final BijstellingService bijstellingService;

    public UitvoeringOnderbrokenDelegate(OpdrachtService opdrachtService, ReviewService reviewService,
            BijstellingService bijstellingService) {
        this.opdrachtService = opdrachtService;
        this.reviewService = reviewService;
        this.bijstellingService = bijstellingService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String sleutel = verplichteTekst(execution, Var.OPDRACHT_KEY);
        reviewService.laatOpenReviewsVervallen(sleutel, REDEN);
        bijstellingService.laatOpenVoorstellenVervallen(sleutel, REDEN);
        opdrachtService.zetFase(sleutel, Fase.UITVOERING);
        // MT's form names the end date that passed.
        execution.setVariableLocal(Var.EINDDATUM_TEKST,
                new Opmaak().datum(opdrachtService.opdracht(sleutel).getEinddatum()));
    }
}
