package nl.stuurwiel.review;

import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A review period begins. The report number is kept local to this review's scope, so that two
 * overlapping reviews of one opdracht never write into each other's report.
 */
@Component
public class ReviewOpenenDelegate implements JavaDelegate {

    public static final String RAPPORTAGE_NUMMER = "rapportageNummer";

    private final ReviewService reviewService;

    public ReviewOpenenDelegate(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int nummer = reviewService.open(verplichteTekst(execution, Var.OPDRACHT_KEY));
        execution.setVariableLocal(RAPPORTAGE_NUMMER, nummer);
    }
}
