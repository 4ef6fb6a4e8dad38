package nl.stuurwiel.meetronde;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Reminds the owner: the open round rises in priority and carries a comment in Tasklist. */
@Component
public class MeetrondeHerinneringDelegate implements JavaDelegate {

    static final int PRIORITEIT_HERINNERING = 70;

    private final TaskService taskService;

    public MeetrondeHerinneringDelegate(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task taak : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(MeetrondeProces.Element.METING_INVOEREN).list()) {
            if (taak.getPriority() < PRIORITEIT_HERINNERING) {
                taskService.setPriority(taak.getId(), PRIORITEIT_HERINNERING);
            }
            taskService.createComment(taak.getId(), execution.getProcessInstanceId(),
                    "Herinnering: de meting over periode " + execution.getVariable(MeetrondeProces.Var.PERIODE)
                            + " staat nog open.");
        }
    }
}
