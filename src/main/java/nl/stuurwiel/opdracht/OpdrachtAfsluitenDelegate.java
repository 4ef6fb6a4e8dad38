package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.tekst;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.review.ReviewService;

/**
 * Records the end evaluation: phase afgerond, or gestopt when a review decided to stop. The
 * opdracht's own indicators are retired with it.
 */
@Component
public class OpdrachtAfsluitenDelegate implements JavaDelegate {

    private final OpdrachtService opdrachtService;
    private final ReviewService reviewService;
    private final IndicatorService indicatorService;

    public OpdrachtAfsluitenDelegate(OpdrachtService opdrachtService, ReviewService reviewService,
            IndicatorService indicatorService) {
        this.opdrachtService = opdrachtService;
        this.reviewService = reviewService;
        this.indicatorService = indicatorService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean gestopt = reviewService.isGestopt(verplichteTekst(execution, Var.OPDRACHT_KEY));
        opdrachtService.sluitAf(verplichteTekst(execution, Var.OPDRACHT_KEY), gestopt,
                verplichteTekst(execution, Var.DOELEN_BEREIKT), tekst(execution, Var.IMPACT),
                tekst(execution, Var.LESSEN));
        indicatorService.laatVervallenMetOpdracht(verplichteTekst(execution, Var.OPDRACHT_KEY));
    }
}
