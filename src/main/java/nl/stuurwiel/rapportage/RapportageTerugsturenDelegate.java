package nl.stuurwiel.rapportage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Var;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.ProcesVariabelen;

/** MT sends the report back with its reason; the portfolio office explains again. */
@Component
public class RapportageTerugsturenDelegate implements JavaDelegate {

    private final RapportageService rapportageService;
    private final HuidigeGebruiker gebruiker;

    public RapportageTerugsturenDelegate(RapportageService rapportageService, HuidigeGebruiker gebruiker) {
        this.rapportageService = rapportageService;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rapportageService.stuurTerug(MomentopnameSamenstellenDelegate.rapportageId(execution),
                ProcesVariabelen.verplichteTekst(execution, Var.VASTSTELLING_TOELICHTING), gebruiker.id());
    }
}
