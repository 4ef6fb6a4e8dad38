package nl.stuurwiel.bijstelling;

import static nl.stuurwiel.system.ProcesVariabelen.bedrag;
import static nl.stuurwiel.system.ProcesVariabelen.datum;
import static nl.stuurwiel.system.ProcesVariabelen.fte;
import static nl.stuurwiel.system.ProcesVariabelen.tekst;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.system.HuidigeGebruiker;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the team's proposed change; its number stays local to this review's scope. */
@Component
public class BijstellingVoorstellenDelegate implements JavaDelegate {

    public static final String BIJSTELLING_NUMMER = "bijstellingNummer";

    private final BijstellingService bijstellingService;
    private final HuidigeGebruiker gebruiker;

    public BijstellingVoorstellenDelegate(BijstellingService bijstellingService, HuidigeGebruiker gebruiker) {
        this.bijstellingService = bijstellingService;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int nummer = bijstellingService.stelVoor(verplichteTekst(execution, Var.OPDRACHT_KEY),
                verplichteTekst(execution, Var.BIJSTELLING_REDEN), bedrag(execution, Var.NIEUW_BUDGET),
                fte(execution, Var.NIEUWE_FTE), datum(execution, Var.NIEUWE_EINDDATUM),
                tekst(execution, Var.NIEUWE_SCOPE), gebruiker.id());
        execution.setVariableLocal(BIJSTELLING_NUMMER, nummer);
        execution.setVariableLocal(Var.BIJSTELLING_OVERZICHT,
                bijstellingService.overzicht(verplichteTekst(execution, Var.OPDRACHT_KEY), nummer));
    }
}
