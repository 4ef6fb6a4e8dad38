package nl.stuurwiel.bijstelling;

import static nl.stuurwiel.system.ProcesVariabelen.datum;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.system.HuidigeGebruiker;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** MT extends an overdue opdracht; kept as an approved bijstelling like any other change. */
@Component
public class EinddatumVerlengenDelegate implements JavaDelegate {

    private final BijstellingService bijstellingService;
    private final HuidigeGebruiker gebruiker;

    public EinddatumVerlengenDelegate(BijstellingService bijstellingService, HuidigeGebruiker gebruiker) {
        this.bijstellingService = bijstellingService;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        bijstellingService.verlengDirect(verplichteTekst(execution, Var.OPDRACHT_KEY),
                datum(execution, Var.NIEUWE_EINDDATUM), verplichteTekst(execution, Var.BIJSTELLING_REDEN),
                gebruiker.id());
        execution.removeVariables(BijstellingBeoordeeldDelegate.VOORSTEL_VELDEN);
    }
}
