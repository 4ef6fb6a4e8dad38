package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.keuze;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Intake accepts; refuses (and so rolls back the task completion) while data is missing. */
@Component
public class IntakeAccepterenDelegate implements JavaDelegate {

    private final OpdrachtService opdrachtService;

    public IntakeAccepterenDelegate(OpdrachtService opdrachtService) {
        this.opdrachtService = opdrachtService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opdrachtService.accepteer(verplichteTekst(execution, Var.OPDRACHT_KEY),
                keuze(execution, Var.URGENTIE, Niveau.class), keuze(execution, Var.RISICO, Niveau.class));
    }
}
