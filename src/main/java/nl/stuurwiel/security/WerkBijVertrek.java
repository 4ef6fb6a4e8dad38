package nl.stuurwiel.security;

import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * When an administrator deletes a user (Camunda Admin, the REST API, the Java API), the work that
 * person had taken on goes back to the group it came from, in the same transaction.
 * <p>
 * Camunda deletes the user and their memberships, but leaves their tasks assigned to an id nobody
 * logs in with: the team does not see them under "Taken van mijn groepen" (which shows tasks no one
 * has taken) and may not reassign them. Every Stuurwiel task has a candidate group (the team, intake
 * or MT), so releasing the assignee puts it back in that group's queue. The grants Camunda gave the
 * user per task and instance are deleted too: a new colleague who later gets the same login must not
 * inherit them.
 * <p>
 * The engine takes its identity provider from a session factory; this one is Camunda's own database
 * provider with that step added.
 */
@Component
public class WerkBijVertrek extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuratie) {
        configuratie.setIdentityProviderSessionFactory(new GenericManagerFactory(Identiteiten.class));
    }

    /** Camunda's database identity provider; deleting a user also releases their work. */
    public static class Identiteiten extends DbIdentityServiceProvider {

        @Override
        public IdentityOperationResult deleteUser(String userId) {
            IdentityOperationResult resultaat = super.deleteUser(userId);
            if (IdentityOperationResult.OPERATION_DELETE.equals(resultaat.getOperation())) {
                geefWerkVrij(userId);
            }
            return resultaat;
        }

        private static void geefWerkVrij(String userId) {
            CommandContext context = Context.getCommandContext();
            ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
            boolean controle = context.isAuthorizationCheckEnabled();
            // The administrator may delete users without a right on every task of theirs.
            context.disableAuthorizationCheck();
            try {
                List<Task> taken = engine.getTaskService().createTaskQuery().taskAssignee(userId).list();
                for (Task taak : taken) {
                    engine.getTaskService().setAssignee(taak.getId(), null);
                }
                List<Authorization> rechten = engine.getAuthorizationService().createAuthorizationQuery()
                        .userIdIn(userId).list();
                for (Authorization recht : rechten) {
                    engine.getAuthorizationService().deleteAuthorization(recht.getId());
                }
            } finally {
                if (controle) {
                    context.enableAuthorizationCheck();
                }
            }
        }
    }
}
