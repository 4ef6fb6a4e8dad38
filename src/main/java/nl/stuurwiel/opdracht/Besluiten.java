package nl.stuurwiel.opdracht;

import java.util.Arrays;

import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.ProcesVariabelen;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Checks a decision when its task completes, so an unknown value is refused with a message
 * naming the field instead of reaching a gateway that has no flow for it. Used by the models as
 * {@code ${besluiten.controleer(task, 'intakeBesluit', 'accepteren,afwijzen,aanvullen')}}.
 */
@Component("besluiten")
public class Besluiten {

    public void controleer(DelegateTask task, String variabele, String toegestaan) {
        ProcesVariabelen.besluit(task, variabele,
                Arrays.stream(toegestaan.split(",")).map(String::strip).toArray(String[]::new));
    }

    /**
     * Clears the decision variables of an earlier round when the task is created again, so that
     * its form does not open with the previous answers filled in (Tasklist prefills by name).
     */
    public void wis(DelegateTask task, String variabelen) {
        Arrays.stream(variabelen.split(",")).map(String::strip).forEach(task.getExecution()::removeVariable);
    }

    /**
     * Requires an explanation with one decision, e.g. the reason of a rejection, and names the
     * form's field when it is missing: {@code ${besluiten.toelichtingVerplicht(task, 'intakeBesluit',
     * 'afwijzen', 'intakeToelichting')}}.
     */
    public void toelichtingVerplicht(DelegateTask task, String variabele, String besluit, String toelichting) {
        if (besluit.equals(ProcesVariabelen.tekst(task, variabele))
                && ProcesVariabelen.tekst(task, toelichting) == null) {
            throw new OngeldigeInvoerException(toelichting, "is verplicht bij " + besluit);
        }
    }
}
