package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.Taakkaarten;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.team.Team;

/** Someone leaves: the work they had taken on goes back to their team, and their grants go with them. */
class WerkBijVertrekTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Vertrek-Test-Wachtwoord-1";

    @LocalServerPort
    int poort;

    @Test
    void deletingAUserPutsTheTasksTheyHadTakenBackInTheirTeamsQueueAndRemovesTheirGrants() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Team team = portfolio.teamMetGroep("4.0");
        String vertrekker = portfolio.gebruiker("vertrekker" + id, WACHTWOORD, team.getGroepId());
        String collega = portfolio.gebruiker("collega" + id, WACHTWOORD, team.getGroepId());
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(pi);
        start(pi);
        Task taak = taak(pi, Element.UITVOEREN);
        taskService.claim(taak.getId(), vertrekker);
        Authorization eigen = processEngine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        eigen.setUserId(vertrekker);
        eigen.setResource(Resources.PROCESS_INSTANCE);
        eigen.setResourceId(pi.getId());
        eigen.addPermission(Permissions.READ);
        processEngine.getAuthorizationService().saveAuthorization(eigen);
        assertThat(Taakkaarten.van(poort, collega, WACHTWOORD, "Taken van mijn groepen"))
                .as("taken, so not in the queue").doesNotContainKey(taak.getId());

        processEngine.getIdentityService().deleteUser(vertrekker);

        Task daarna = taskService.createTaskQuery().taskId(taak.getId()).singleResult();
        assertThat(daarna.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(taak.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(team.getGroepId()));
        assertThat(Taakkaarten.van(poort, collega, WACHTWOORD, "Taken van mijn groepen")).containsKey(taak.getId());
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().userIdIn(vertrekker).count())
                .as("a new colleague with the same login inherits nothing").isZero();
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().userIdIn(collega).count())
                .as("only the leaver's grants go").isPositive();
    }

    @Test
    void leavingATeamHandsItsTakenTasksBackAndTheGrantsOnThemGoToo() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Team oud = portfolio.teamMetGroep("4.0");
        Team nieuw = portfolio.teamMetGroep("4.0");
        String verhuizer = portfolio.gebruiker("verhuizer" + id, WACHTWOORD, oud.getGroepId(), nieuw.getGroepId());
        String collega = portfolio.gebruiker("collega" + id, WACHTWOORD, oud.getGroepId());
        String beheerder = portfolio.gebruiker("beheerder" + id, WACHTWOORD, Rollen.BEHEERDER);
        Task vanOud = gestart(oud);
        Task vanNieuw = gestart(nieuw);
        taskService.claim(vanOud.getId(), verhuizer);
        taskService.claim(vanNieuw.getId(), verhuizer);
        assertThat(taakrechten(verhuizer, vanOud)).as("Camunda grants the assignee the task").isPositive();

        // As Camunda Admin does it: an administrator with no right on the team's tasks.
        HttpResponse<String> antwoord = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + poort + "/engine-rest/group/" + oud.getGroepId() + "/members/" + verhuizer))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (beheerder + ":" + WACHTWOORD).getBytes(StandardCharsets.UTF_8)))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(204);

        assertThat(taskService.createTaskQuery().taskId(vanOud.getId()).singleResult().getAssignee()).isNull();
        assertThat(taakrechten(verhuizer, vanOud)).as("no grant left on the old team's task").isZero();
        assertThat(Taakkaarten.van(poort, collega, WACHTWOORD, "Taken van mijn groepen")).containsKey(vanOud.getId());
        assertThat(taskService.createTaskQuery().taskId(vanNieuw.getId()).singleResult().getAssignee())
                .as("the new team's task stays with them").isEqualTo(verhuizer);
        assertThat(taakrechten(verhuizer, vanNieuw)).isPositive();
    }

    @Test
    void aTaskAnotherGroupOfTheirsMayAlsoDoStaysWithThem() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Team team = portfolio.teamMetGroep("4.0");
        Team ander = portfolio.teamMetGroep("4.0");
        String lid = portfolio.gebruiker("lid" + id, WACHTWOORD, team.getGroepId(), ander.getGroepId());
        Task taak = gestart(team);
        taskService.addCandidateGroup(taak.getId(), ander.getGroepId());
        taskService.claim(taak.getId(), lid);

        processEngine.getIdentityService().deleteMembership(lid, team.getGroepId());

        assertThat(taskService.createTaskQuery().taskId(taak.getId()).singleResult().getAssignee()).isEqualTo(lid);
        assertThat(processEngine.getIdentityService().createGroupQuery().groupMember(lid).list())
                .extracting(g -> g.getId()).containsExactly(ander.getGroepId());
    }

    private Task gestart(Team team) {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(pi);
        start(pi);
        return taak(pi, Element.UITVOEREN);
    }

    private long taakrechten(String gebruiker, Task taak) {
        return processEngine.getAuthorizationService().createAuthorizationQuery().userIdIn(gebruiker)
                .resourceType(Resources.TASK).resourceId(taak.getId()).count();
    }
}
