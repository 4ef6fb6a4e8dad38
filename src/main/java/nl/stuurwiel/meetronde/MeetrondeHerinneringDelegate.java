package nl.stuurwiel.meetronde;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.stuurwiel.email.Taakmail;

/** Reminds the owner: the open round rises in priority, carries a comment in Tasklist and is mailed. */
@Component
public class MeetrondeHerinneringDelegate implements JavaDelegate {

    static final int PRIORITEIT_HERINNERING = 70;

    private final TaskService taskService;
    private final Taakmail taakmail;

    public MeetrondeHerinneringDelegate(TaskService taskService, Taakmail taakmail) {
        this.taskService = taskService;
        this.taakmail = taakmail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task taak : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(MeetrondeProces.Element.METING_INVOEREN).list()) {
            if (taak.getPriority() < PRIORITEIT_HERINNERING) {
                taskService.setPriority(taak.getId(), PRIORITEIT_HERINNERING);
            }
            String herinnering = "Herinnering: de meting van '" + execution.getVariable(MeetrondeProces.Var.INDICATOR_NAAM)
                    + "' over " + MeetrondeProces.periodeNaam(execution) + " staat nog open.";
            taskService.createComment(taak.getId(), execution.getProcessInstanceId(), herinnering);
            taakmail.stuur(taak, "herinnering meting " + MeetrondeProces.periodeNaam(execution), herinnering);
        }
    }
}
