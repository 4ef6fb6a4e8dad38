package nl.stuurwiel.rapportage;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Var;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.ProcesVariabelen;

/** Stores the portfolio office's explanation per section; the report goes to MT. */
@Component
public class ToelichtingVastleggenDelegate implements JavaDelegate {

    private final RapportageService rapportageService;
    private final HuidigeGebruiker gebruiker;

    public ToelichtingVastleggenDelegate(RapportageService rapportageService, HuidigeGebruiker gebruiker) {
        this.rapportageService = rapportageService;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcesVariabelen.verplichteTekst(execution, Var.TOELICHTING_ALGEMEEN);
        Map<String, String> toelichting = new LinkedHashMap<>();
        Var.TOELICHTINGEN.forEach(veld -> toelichting.put(veld, ProcesVariabelen.tekst(execution, veld)));
        rapportageService.licht(MomentopnameSamenstellenDelegate.rapportageId(execution), toelichting, gebruiker.id());
    }
}
