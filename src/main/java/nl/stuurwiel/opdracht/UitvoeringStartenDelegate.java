package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.bijstelling.BijstellingService;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.system.ProcesInstellingen;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Execution starts: sets the review cycle (from the start date when that lies ahead) and the planned
 * end that the model's timers read.
 */
@Component
public class UitvoeringStartenDelegate implements JavaDelegate {

    private final OpdrachtService opdrachtService;
    private final ProcesInstellingen instellingen;

    public UitvoeringStartenDelegate(OpdrachtService opdrachtService, ProcesInstellingen instellingen) {
        this.opdrachtService = opdrachtService;
        this.instellingen = instellingen;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Opdracht opdracht = opdrachtService.startUitvoering(verplichteTekst(execution, Var.OPDRACHT_KEY));
        String cyclus = instellingen.reviewCyclusVoor(opdracht.getReviewFrequentie().name());
        execution.setVariable(Var.REVIEW_CYCLUS, Boolean.TRUE.equals(execution.getVariable(Var.REVIEW_IN_STAP))
                ? ProcesInstellingen.reviewCyclusInStapMet(cyclus, opdracht.getStartdatum())
                : ProcesInstellingen.reviewCyclusVanaf(cyclus, opdracht.getStartdatum()));
        execution.setVariable(Var.GEPLAND_EINDE, BijstellingService.eindeVan(opdracht.getEinddatum()));
    }
}
