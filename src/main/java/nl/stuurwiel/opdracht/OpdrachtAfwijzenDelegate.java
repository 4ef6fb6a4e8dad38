package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Rejects the opdracht; the model maps the reason into the local variable {@code afwijsReden}. Own
 * indicators made for it during intake are retired with it.
 */
@Component
public class OpdrachtAfwijzenDelegate implements JavaDelegate {

    static final String AFWIJS_REDEN = "afwijsReden";

    private final OpdrachtService opdrachtService;
    private final IndicatorService indicatorService;

    public OpdrachtAfwijzenDelegate(OpdrachtService opdrachtService, IndicatorService indicatorService) {
        this.opdrachtService = opdrachtService;
        this.indicatorService = indicatorService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sleutel = verplichteTekst(execution, Var.OPDRACHT_KEY);
        opdrachtService.wijsAf(sleutel, verplichteTekst(execution, AFWIJS_REDEN));
        indicatorService.laatVervallenMetOpdracht(sleutel);
    }
}
