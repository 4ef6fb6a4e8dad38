package nl.stuurwiel.email;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people who get a new task, by mail: a process designer adds it in the Modeler as a
 * task listener on {@code create} ({@code ${taakAangemaaktMail}}) to the tasks whose people do not
 * watch Tasklist all day, such as the requester asked for more information.
 */
@Component("taakAangemaaktMail")
public class TaakAangemaaktMail implements TaskListener {

    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d-M-yyyy");

    private final Taakmail taakmail;

    public TaakAangemaaktMail(Taakmail taakmail) {
        this.taakmail = taakmail;
    }

    @Override
    public void notify(DelegateTask taak) {
        String sleutel = taak.getExecution() == null ? null : taak.getExecution().getProcessBusinessKey();
        String over = sleutel == null ? "" : " (" + sleutel + ")";
        String termijn = taak.getDueDate() == null ? ""
                : " Graag afronden vóór " + DATUM.format(taak.getDueDate().toInstant().atZone(ZoneId.systemDefault())) + ".";
        taakmail.stuur(taak.getId(), taak.getName(), taak.getAssignee(), taak.getCandidates(),
                "nieuwe taak: " + taak.getName() + over, "Er staat een nieuwe taak voor u klaar" + over + "." + termijn);
    }
}
