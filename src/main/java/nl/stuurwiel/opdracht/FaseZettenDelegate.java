package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.keuze;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Moves the opdracht to the phase the model names in the local variable {@code fase}, for the
 * steps that only change the phase (asking for more information, parking, starting closure).
 */
@Component
public class FaseZettenDelegate implements JavaDelegate {

    static final String FASE = "fase";

    private final OpdrachtService opdrachtService;

    public FaseZettenDelegate(OpdrachtService opdrachtService) {
        this.opdrachtService = opdrachtService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opdrachtService.zetFase(verplichteTekst(execution, Var.OPDRACHT_KEY), keuze(execution, FASE, Fase.class));
    }
}
