package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.tekst;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the end evaluation: phase afgerond, or gestopt when a review decided to stop. */
@Component
public class OpdrachtAfsluitenDelegate implements JavaDelegate {

    private final OpdrachtService opdrachtService;

    public OpdrachtAfsluitenDelegate(OpdrachtService opdrachtService) {
        this.opdrachtService = opdrachtService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean gestopt = Besluit.STOPPEN.equals(tekst(execution, Var.REVIEW_BESLUIT));
        opdrachtService.sluitAf(verplichteTekst(execution, Var.OPDRACHT_KEY), gestopt,
                verplichteTekst(execution, Var.DOELEN_BEREIKT), tekst(execution, Var.IMPACT),
                tekst(execution, Var.LESSEN));
    }
}
