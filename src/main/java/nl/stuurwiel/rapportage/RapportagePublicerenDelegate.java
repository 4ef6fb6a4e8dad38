package nl.stuurwiel.rapportage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.stuurwiel.system.HuidigeGebruiker;

/** MT adopted the report: it is published for all staff and the council, and changes no more. */
@Component
public class RapportagePublicerenDelegate implements JavaDelegate {

    private final RapportageService rapportageService;
    private final HuidigeGebruiker gebruiker;

    public RapportagePublicerenDelegate(RapportageService rapportageService, HuidigeGebruiker gebruiker) {
        this.rapportageService = rapportageService;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rapportageService.publiceer(MomentopnameSamenstellenDelegate.rapportageId(execution), gebruiker.id());
    }
}
