package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.OpdrachtService.CapaciteitsToets;
import nl.stuurwiel.system.Opmaak;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the DMN score and tells MT how much room the owning team has. */
@Component
public class CapaciteitControlerenDelegate implements JavaDelegate {

    private final OpdrachtService opdrachtService;

    public CapaciteitControlerenDelegate(OpdrachtService opdrachtService) {
        this.opdrachtService = opdrachtService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object score = execution.getVariable(Var.PRIORITEIT_SCORE);
        if (!(score instanceof Number getal)) {
            throw new IllegalStateException("prioritering.dmn gaf geen score voor " + execution.getBusinessKey());
        }
        CapaciteitsToets toets = opdrachtService.verwerkScore(verplichteTekst(execution, Var.OPDRACHT_KEY),
                getal.intValue());
        execution.setVariable(Var.CAPACITEIT_VRIJ, toets.vrijFte().doubleValue());
        execution.setVariable(Var.CAPACITEIT_VRIJ_TEKST, new Opmaak().getal(toets.vrijFte()));
        execution.setVariable(Var.CAPACITEIT_TOEREIKEND, toets.toereikend());
        execution.setVariable(Var.PRIORITEIT_RANG, toets.rang());
    }
}
