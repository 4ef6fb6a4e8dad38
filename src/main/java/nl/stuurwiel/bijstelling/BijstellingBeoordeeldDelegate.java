package nl.stuurwiel.bijstelling;

import static nl.stuurwiel.system.ProcesVariabelen.tekst;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import java.util.List;

import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.system.HuidigeGebruiker;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * MT's judgement of a proposed change: the model routes approvals and rejections to this one
 * bean, which applies the change to the portfolio or records the rejection.
 */
@Component
public class BijstellingBeoordeeldDelegate implements JavaDelegate {

    static final List<String> VOORSTEL_VELDEN = List.of(Var.NIEUW_BUDGET, Var.NIEUWE_FTE, Var.NIEUWE_EINDDATUM,
            Var.NIEUWE_SCOPE, Var.BIJSTELLING_REDEN, Var.BIJSTELLING_TOELICHTING);

    private final BijstellingService bijstellingService;
    private final HuidigeGebruiker gebruiker;

    public BijstellingBeoordeeldDelegate(BijstellingService bijstellingService, HuidigeGebruiker gebruiker) {
        this.bijstellingService = bijstellingService;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sleutel = verplichteTekst(execution, Var.OPDRACHT_KEY);
        int nummer = ((Number) execution.getVariable(BijstellingVoorstellenDelegate.BIJSTELLING_NUMMER)).intValue();
        String toelichting = tekst(execution, Var.BIJSTELLING_TOELICHTING);
        if (Besluit.GOEDKEUREN.equals(tekst(execution, Var.BIJSTELLING_BESLUIT))) {
            Bijstelling bijstelling = bijstellingService.pasToe(sleutel, nummer, gebruiker.id(), toelichting,
                    execution.getProcessInstanceId());
            if (bijstelling.getNieuweEinddatum() != null) {
                execution.setVariable(Var.GEPLAND_EINDE, BijstellingService.eindeVan(bijstelling.getNieuweEinddatum()));
            }
        } else {
            bijstellingService.wijsAf(sleutel, nummer, gebruiker.id(), toelichting);
        }
        execution.removeVariables(VOORSTEL_VELDEN);
    }
}
