package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Rejects the opdracht; the model maps the reason into the local variable {@code afwijsReden}. */
@Component
public class OpdrachtAfwijzenDelegate implements JavaDelegate {

    static final String AFWIJS_REDEN = "afwijsReden";

    private final OpdrachtService opdrachtService;

    public OpdrachtAfwijzenDelegate(OpdrachtService opdrachtService) {
        this.opdrachtService = opdrachtService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opdrachtService.wijsAf(verplichteTekst(execution, Var.OPDRACHT_KEY), verplichteTekst(execution, AFWIJS_REDEN));
    }
}
