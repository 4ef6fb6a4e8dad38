package nl.stuurwiel.opdracht;

import static nl.stuurwiel.system.ProcesVariabelen.bedrag;
import static nl.stuurwiel.system.ProcesVariabelen.datum;
import static nl.stuurwiel.system.ProcesVariabelen.fte;
import static nl.stuurwiel.system.ProcesVariabelen.jaNee;
import static nl.stuurwiel.system.ProcesVariabelen.keuze;
import static nl.stuurwiel.system.ProcesVariabelen.tekst;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.system.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.stuurwiel.security.InstantieAutorisaties;

/**
 * First step of every lifecycle. Started from the API the opdracht exists already; started from
 * the Tasklist start form it is registered here from the form's fields, which are then dropped
 * so that the business data lives only in the portfolio tables.
 */
@Component
public class OpdrachtRegistrerenDelegate implements JavaDelegate {

    /** Fields of forms/opdracht-aanvragen.form. */
    static final List<String> AANVRAAG_VELDEN = List.of("titel", "vraagstuk", "verwachtResultaat", "beleidstheorie",
            "type", "domein", "gebied", "opdrachtgever", "team", "doelen", "budget", "fte", "startdatum", "einddatum",
            "reviewFrequentie", "vertrouwelijk");

    private final OpdrachtService opdrachtService;
    private final InstantieAutorisaties instantieAutorisaties;

    public OpdrachtRegistrerenDelegate(OpdrachtService opdrachtService, InstantieAutorisaties instantieAutorisaties) {
        this.opdrachtService = opdrachtService;
        this.instantieAutorisaties = instantieAutorisaties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sleutel = tekst(execution, Var.OPDRACHT_KEY);
        if (sleutel == null) {
            Opdracht opdracht = opdrachtService.registreer(uitStartformulier(execution), tekst(execution, Var.AANVRAGER));
            sleutel = opdracht.getSleutel();
            execution.setProcessBusinessKey(sleutel);
            execution.setVariable(Var.OPDRACHT_KEY, sleutel);
            execution.removeVariables(AANVRAAG_VELDEN);
        } else {
            alleenEigenOpdracht(execution, sleutel);
        }
        Opdracht opdracht = opdrachtService.zetFase(sleutel, Fase.INTAKE);
        execution.setVariables(kenmerken(opdracht));
        instantieAutorisaties.naRegistratie(execution.getProcessInstanceId(), opdracht);
    }

    /**
     * An existing opdracht is taken only by the process started for it, under its key: a start that
     * names another opdracht's key as a variable would take that one back to intake. That no other
     * process runs under the key is the engine's rule ({@link LevenscyclusBehoud}); the REST APIs
     * refuse the variable first (BeschermdeProcesvariabelen).
     */
    private static void alleenEigenOpdracht(DelegateExecution execution, String sleutel) {
        if (!sleutel.equals(execution.getProcessBusinessKey())) {
            throw new OngeldigeInvoerException(Var.OPDRACHT_KEY, "opdracht " + sleutel
                    + " hoort niet bij dit proces (" + execution.getProcessBusinessKey() + ")");
        }
    }

    /** What the forms and candidate groups of the model read; also set by {@link LevenscyclusInstap}. */
    static Map<String, Object> kenmerken(Opdracht opdracht) {
        Map<String, Object> variabelen = new HashMap<>();
        variabelen.put(Var.OPDRACHT_TITEL, opdracht.getTitel());
        variabelen.put(Var.TEAM_GROEP, opdracht.getTeam().getGroepId());
        variabelen.put(Var.ONTBREKENDE_GEGEVENS, String.join(", ", opdracht.ontbrekendeGegevens()));
        return variabelen;
    }

    static OpdrachtAanvraag uitStartformulier(DelegateExecution execution) {
        String doelen = tekst(execution, "doelen");
        return new OpdrachtAanvraag(tekst(execution, "titel"), tekst(execution, "vraagstuk"),
                tekst(execution, "verwachtResultaat"), tekst(execution, "beleidstheorie"),
                keuze(execution, "type", OpdrachtType.class), tekst(execution, "domein"),
                tekst(execution, "gebied"), tekst(execution, "opdrachtgever"), tekst(execution, "team"),
                doelcodes(doelen), bedrag(execution, "budget"), fte(execution, "fte"),
                datum(execution, "startdatum"), datum(execution, "einddatum"),
                keuze(execution, "reviewFrequentie", ReviewFrequentie.class), jaNee(execution, "vertrouwelijk"));
    }

    /** The form takes goal codes as one comma-separated text. */
    static List<String> doelcodes(String doelen) {
        return doelen == null ? List.of()
                : Arrays.stream(doelen.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
