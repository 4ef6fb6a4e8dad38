package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.system.Opmaak;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the inputs of prioritering.dmn in the process, read from the portfolio. */
@Component
public class PrioriteringVoorbereidenDelegate implements JavaDelegate {

    private final OpdrachtService opdrachtService;

    public PrioriteringVoorbereidenDelegate(OpdrachtService opdrachtService) {
        this.opdrachtService = opdrachtService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Opdracht opdracht = opdrachtService.zetFase(verplichteTekst(execution, Var.OPDRACHT_KEY), Fase.PRIORITERING);
        execution.setVariables(dmnInvoer(opdracht));
        execution.setVariable(Var.GEVRAAGD_TEKST, gevraagd(opdracht));
    }

    /** What prioritering.dmn weighs, by its input names; the import scores running opdrachten with it too. */
    public static java.util.Map<String, Object> dmnInvoer(Opdracht opdracht) {
        java.util.Map<String, Object> invoer = new java.util.LinkedHashMap<>();
        invoer.put(Var.WETTELIJKE_TAAK, opdracht.dientWettelijkeTaak());
        invoer.put(Var.AANTAL_DOELEN, opdracht.getDoelen().size());
        invoer.put(Var.URGENTIE, naam(opdracht.getUrgentie()));
        invoer.put(Var.RISICO, naam(opdracht.getRisico()));
        invoer.put(Var.BUDGET, opdracht.getBudget() == null ? 0.0 : opdracht.getBudget().doubleValue());
        return invoer;
    }

    /** "€ 40.000 en 1,5 fte, 1 januari 2027 t/m 30 juni 2027": what MT weighs beside the score. */
    static String gevraagd(Opdracht opdracht) {
        Opmaak opmaak = new Opmaak();
        return opmaak.euro(opdracht.getBudget()) + " en " + opmaak.getal(opdracht.getFte()) + " fte, "
                + opmaak.datum(opdracht.getStartdatum()) + " t/m " + opmaak.datum(opdracht.getEinddatum());
    }

    private static String naam(Niveau niveau) {
        return niveau == null ? Niveau.LAAG.name().toLowerCase() : niveau.name().toLowerCase();
    }
}
