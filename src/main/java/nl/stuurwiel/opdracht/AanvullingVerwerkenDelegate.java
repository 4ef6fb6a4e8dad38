package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.bedrag;
import static nl.stuurwiel.system.ProcesVariabelen.datum;
import static nl.stuurwiel.system.ProcesVariabelen.fte;
import static nl.stuurwiel.system.ProcesVariabelen.keuze;
import static nl.stuurwiel.system.ProcesVariabelen.tekst;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies what the requester supplied and returns the opdracht to intake. */
@Component
public class AanvullingVerwerkenDelegate implements JavaDelegate {

    private final OpdrachtService opdrachtService;

    public AanvullingVerwerkenDelegate(OpdrachtService opdrachtService) {
        this.opdrachtService = opdrachtService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpdrachtAanvulling aanvulling = new OpdrachtAanvulling(tekst(execution, "vraagstuk"),
                tekst(execution, "verwachtResultaat"), tekst(execution, "beleidstheorie"),
                tekst(execution, "opdrachtgever"), OpdrachtRegistrerenDelegate.doelcodes(tekst(execution, "doelen")),
                bedrag(execution, "budget"), fte(execution, "fte"), datum(execution, "startdatum"),
                datum(execution, "einddatum"), keuze(execution, "reviewFrequentie", ReviewFrequentie.class));
        Opdracht opdracht = opdrachtService.vulAan(verplichteTekst(execution, Var.OPDRACHT_KEY), aanvulling);
        execution.removeVariables(OpdrachtRegistrerenDelegate.AANVRAAG_VELDEN);
        execution.setVariable(Var.ONTBREKENDE_GEGEVENS, String.join(", ", opdracht.ontbrekendeGegevens()));
    }
}
