package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;

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
}
