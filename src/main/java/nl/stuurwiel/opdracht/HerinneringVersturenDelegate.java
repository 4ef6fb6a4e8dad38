package nl.stuurwiel.opdracht;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.stuurwiel.email.Taakmail;

/**
 * Reminds the requester: the open request for information gets a high priority and a comment,
 * so it stands at the top of the requester's list in Tasklist, and the requester gets a mail.
 */
@Component
public class HerinneringVersturenDelegate implements JavaDelegate {

    static final int PRIORITEIT_HERINNERING = 80;

    private final TaskService taskService;
    private final Taakmail taakmail;

    public HerinneringVersturenDelegate(TaskService taskService, Taakmail taakmail) {
        this.taskService = taskService;
        this.taakmail = taakmail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task taak : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(LevenscyclusProces.Element.AANVULLEN).list()) {
            if (taak.getPriority() < PRIORITEIT_HERINNERING) {
                taskService.setPriority(taak.getId(), PRIORITEIT_HERINNERING);
            }
            taskService.createComment(taak.getId(), execution.getProcessInstanceId(),
                    "Herinnering: de intake wacht op uw aanvulling.");
            taakmail.stuur(taak, "herinnering aanvulling " + execution.getProcessBusinessKey(), "Herinnering: de intake van "
                    + "opdracht " + execution.getProcessBusinessKey() + " wacht op uw aanvulling.");
        }
    }
}
