package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.stuurwiel.StuurwielTest;

/** The authorization manager's two lookups: each with the engine's own answer, without reading more. */
@StuurwielTest
class AutorisatieOpzoekenTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    private final String metRechten = "groepmet" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> aangemaakt = new ArrayList<>();
    private String taak;

    @AfterEach
    void opruimen() {
        identityService.clearAuthentication();
        aangemaakt.forEach(authorizationService::deleteAuthorization);
        if (taak != null) {
            taskService.deleteTask(taak, true);
        }
    }

    @Test
    void everyCommandOfTheEngineUsesStuurwielsAuthorizationManager() {
        AuthorizationManager manager = commands().execute(context -> context.getAuthorizationManager());
        assertThat(manager).isInstanceOf(AutorisatieOpzoeken.Manager.class);
    }

    @Test
    void keepsTheGroupsWithAGrantAsTheEngineDoes() {
        grant(metRechten);
        // A group without grants that sorts right before and one right after the granted one, a
        // repeat, a null and a group whose name the granted one starts with.
        List<String> groepen = new ArrayList<>(List.of(metRechten + "0", "aaa-zonder-rechten", metRechten,
                metRechten.substring(0, metRechten.length() - 1), metRechten));
        groepen.add(null);
        groepen.add("zzz-zonder-rechten");

        List<String> perGroep = metRechten(groepen);
        List<String> vanDeEngine = commands().execute(context -> new AuthorizationManager()
                .filterAuthenticatedGroupIds(groepen));

        assertThat(perGroep).containsExactly(metRechten);
        assertThat(perGroep).containsExactlyInAnyOrderElementsOf(vanDeEngine);
        assertThat(metRechten(List.of("aaa-zonder-rechten"))).isEmpty();
        assertThat(metRechten(List.of())).isEmpty();
    }

    @Test
    void aUserSeesTheTasksOfAGroupWithGrantsAndNoneThroughAGroupWithout() {
        Task nieuw = taskService.newTask("groepentaak-" + UUID.randomUUID());
        taskService.saveTask(nieuw);
        taak = nieuw.getId();
        // The engine grants the candidate group READ on the task (its default authorizations).
        taskService.addCandidateGroup(taak, metRechten);

        identityService.setAuthentication("groepenlezer", List.of("aaa-zonder-rechten", metRechten));
        assertThat(taskService.createTaskQuery().taskId(taak).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskCandidateGroup(metRechten).list()).extracting(Task::getId)
                .containsExactly(taak);

        identityService.setAuthentication("groepenlezer", List.of("aaa-zonder-rechten"));
        assertThat(taskService.createTaskQuery().taskId(taak).count()).isZero();
    }

    @Test
    void aTaskTheCommandCreatesGetsEachGrantOnceWithoutALookupInTheDatabase() {
        String id = "opzoektaak" + UUID.randomUUID().toString().replace("-", "");
        String[] gevondenInDeCommand = new String[2];
        commands().execute(context -> {
            Task nieuw = taskService.newTask(id);
            taskService.saveTask(nieuw);
            AuthorizationEntity perGroep = context.getAuthorizationManager()
                    .findAuthorizationByGroupIdAndResourceId(Authorization.AUTH_TYPE_GRANT, metRechten, Resources.TASK, id);
            gevondenInDeCommand[0] = perGroep == null ? null : perGroep.getId();
            // Twice in one command: the engine finds the first grant in its cache, not in the database.
            taskService.addCandidateGroup(id, metRechten);
            taskService.addCandidateGroup(id, metRechten);
            return null;
        });
        taak = id;

        assertThat(gevondenInDeCommand[0]).isNull();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(id)
                .groupIdIn(metRechten).list()).singleElement()
                .satisfies(recht -> assertThat(recht.isPermissionGranted(Permissions.READ)).isTrue());
        // In a later command the task is no longer new: its grant is looked up as the engine does.
        AuthorizationEntity later = commands().execute(context -> context.getAuthorizationManager()
                .findAuthorizationByGroupIdAndResourceId(Authorization.AUTH_TYPE_GRANT, metRechten, Resources.TASK, id));
        assertThat(later).isNotNull();
        identityService.setAuthentication("groepenlezer", List.of(metRechten));
        assertThat(taskService.createTaskQuery().taskCandidateGroup(metRechten).list()).extracting(Task::getId)
                .containsExactly(id);
    }

    @Test
    void onlyATaskNewInTheCommandIsTakenAsHavingNoGrants() {
        // A grant already stored under the id the new task gets: the engine's manager reads it, this
        // one does not look (task ids are generated, so outside this test no such grant exists).
        String id = "vooraftaak" + UUID.randomUUID().toString().replace("-", "");
        Authorization vooraf = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        vooraf.setGroupId(metRechten);
        vooraf.setResource(Resources.TASK);
        vooraf.setResourceId(id);
        vooraf.addPermission(Permissions.READ);
        aangemaakt.add(authorizationService.saveAuthorization(vooraf).getId());
        String[] gevonden = new String[3];
        commands().execute(context -> {
            gevonden[0] = idVan(context.getAuthorizationManager().findAuthorizationByGroupIdAndResourceId(
                    Authorization.AUTH_TYPE_GRANT, metRechten, Resources.TASK, id));
            taskService.saveTask(taskService.newTask(id));
            gevonden[1] = idVan(context.getAuthorizationManager().findAuthorizationByGroupIdAndResourceId(
                    Authorization.AUTH_TYPE_GRANT, metRechten, Resources.TASK, id));
            gevonden[2] = idVan(new AuthorizationManager().findAuthorizationByGroupIdAndResourceId(
                    Authorization.AUTH_TYPE_GRANT, metRechten, Resources.TASK, id));
            return null;
        });
        taak = id;
        assertThat(gevonden).containsExactly(vooraf.getId(), null, vooraf.getId());
    }

    private static String idVan(AuthorizationEntity recht) {
        return recht == null ? null : recht.getId();
    }

    private void grant(String groep) {
        Authorization recht = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        recht.setGroupId(groep);
        recht.setResource(Resources.FILTER);
        recht.setResourceId("*");
        recht.addPermission(Permissions.READ);
        aangemaakt.add(authorizationService.saveAuthorization(recht).getId());
    }

    private List<String> metRechten(List<String> groepen) {
        return commands().execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groepen));
    }

    private CommandExecutor commands() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
