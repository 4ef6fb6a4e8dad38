package nl.stuurwiel.meetronde;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.stuurwiel.email.Taakmail;
import nl.stuurwiel.security.Rollen;

/**
 * The value is overdue: the task also goes to MT (candidate group), at top priority, so that a
 * manager follows it up with the owner or enters the value. Stuurwiel knows no line managers
 * per user, and MT is who steers on the data; the owner keeps the task.
 */
@Component
public class MeetrondeEscalatieDelegate implements JavaDelegate {

    static final int PRIORITEIT_ESCALATIE = 90;

    private final TaskService taskService;
    private final Taakmail taakmail;

    public MeetrondeEscalatieDelegate(TaskService taskService, Taakmail taakmail) {
        this.taskService = taskService;
        this.taakmail = taakmail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task taak : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(MeetrondeProces.Element.METING_INVOEREN).list()) {
            taskService.addCandidateGroup(taak.getId(), Rollen.MT);
            if (taak.getPriority() < PRIORITEIT_ESCALATIE) {
                taskService.setPriority(taak.getId(), PRIORITEIT_ESCALATIE);
            }
            String escalatie = "Te laat: de meting van '" + execution.getVariable(MeetrondeProces.Var.INDICATOR_NAAM)
                    + "' over " + MeetrondeProces.periodeNaam(execution)
                    + " is niet op tijd ingevoerd; het MT is ingeschakeld.";
            taskService.createComment(taak.getId(), execution.getProcessInstanceId(), escalatie);
            taakmail.stuur(taak, "meting te laat " + MeetrondeProces.periodeNaam(execution), escalatie, Rollen.MT);
        }
        execution.setVariable(MeetrondeProces.Var.GEESCALEERD, true);
    }
}
