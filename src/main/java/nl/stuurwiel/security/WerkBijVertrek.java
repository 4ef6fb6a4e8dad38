package nl.stuurwiel.security;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
 * Someone who moves to another team (their membership of the old team's group is deleted, in Camunda
 * Admin or by single sign-on at login) likewise hands back the tasks of that team they had taken on,
 * unless another group of theirs may also do the task: the old team must be able to finish its work,
 * and the mover may no longer see it.
 * <p>
 * The engine takes its identity provider from a session factory; this one is Camunda's own database
 * provider with those steps added.
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
                zonderControle(() -> geefWerkVrij(userId));
            }
            return resultaat;
        }

        @Override
        public IdentityOperationResult deleteMembership(String userId, String groupId) {
            // The groups are read before the delete: the query reads the database, which the delete reaches only at flush.
            Set<String> blijvend = new HashSet<>();
            zonderControle(() -> createGroupQuery(Context.getCommandContext()).groupMember(userId).list()
                    .forEach(g -> blijvend.add(g.getId())));
            blijvend.remove(groupId);
            IdentityOperationResult resultaat = super.deleteMembership(userId, groupId);
            if (IdentityOperationResult.OPERATION_DELETE.equals(resultaat.getOperation())) {
                zonderControle(() -> geefGroepswerkVrij(userId, groupId, blijvend));
            }
            return resultaat;
        }

        private static void geefGroepswerkVrij(String userId, String groupId, Set<String> blijvendeGroepen) {
            ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
            TaskService taken = engine.getTaskService();
            AuthorizationService rechten = engine.getAuthorizationService();
            for (Task taak : taken.createTaskQuery().taskAssignee(userId).taskCandidateGroup(groupId)
                    .includeAssignedTasks().list()) {
                boolean magNogSteeds = taken.getIdentityLinksForTask(taak.getId()).stream()
                        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                        .anyMatch(l -> userId.equals(l.getUserId()) || blijvendeGroepen.contains(l.getGroupId()));
                if (magNogSteeds) {
                    continue;
                }
                taken.setAssignee(taak.getId(), null);
                rechten.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.TASK)
                        .resourceId(taak.getId()).list()
                        .forEach(recht -> rechten.deleteAuthorization(recht.getId()));
            }
        }

        private static void zonderControle(Runnable stap) {
            CommandContext context = Context.getCommandContext();
            boolean controle = context.isAuthorizationCheckEnabled();
            // The administrator may delete users and memberships without a right on every task concerned.
            context.disableAuthorizationCheck();
            try {
                stap.run();
            } finally {
                if (controle) {
                    context.enableAuthorizationCheck();
                }
            }
        }

        private static void geefWerkVrij(String userId) {
            ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
            for (Task taak : engine.getTaskService().createTaskQuery().taskAssignee(userId).list()) {
                engine.getTaskService().setAssignee(taak.getId(), null);
            }
            for (Authorization recht : engine.getAuthorizationService().createAuthorizationQuery().userIdIn(userId).list()) {
                engine.getAuthorizationService().deleteAuthorization(recht.getId());
            }
        }
    }
}
