package nl.stuurwiel.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.stuurwiel.meetronde.MeetrondeProces;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces;

/**
 * What Tasklist shows on each task in its list besides the task's name, so that five "Meting
 * invoeren" or "Voortgang rapporteren" tasks can be told apart without opening them; a task shows
 * the ones its process has. Tasklist reads them with the user's own rights. The team and the
 * requester may read their opdracht's process instance ({@link InstantieAutorisaties}); the owner of
 * an indicator may read only the measurement task, so this listener ({@code ${taakkaart}} on a
 * task's create event) copies them onto that task. The half-year report's tasks get their period
 * the same way: two reports' tasks bear the same names.
 */
@Component("taakkaart")
public class Taakkaart implements TaskListener {

    public static final List<Map<String, String>> VARIABELEN = List.of(
            Map.of("name", LevenscyclusProces.Var.OPDRACHT_KEY, "label", "Opdracht"),
            Map.of("name", LevenscyclusProces.Var.OPDRACHT_TITEL, "label", "Titel"),
            Map.of("name", MeetrondeProces.Var.INDICATOR_NAAM, "label", "Indicator"),
            Map.of("name", MeetrondeProces.Var.PERIODE_NAAM, "label", "Periode"),
            Map.of("name", HalfjaarrapportageProces.Var.PERIODE_TEKST, "label", "Periode"));

    @Override
    public void notify(DelegateTask taak) {
        for (Map<String, String> variabele : VARIABELEN) {
            Object waarde = taak.getVariable(variabele.get("name"));
            if (waarde != null) {
                taak.setVariableLocal(variabele.get("name"), waarde);
            }
        }
    }
}
