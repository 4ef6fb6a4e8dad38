package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.Taakkaarten;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces;
import nl.stuurwiel.team.Team;

/**
 * In Tasklist's list every task shows which opdracht it is for, also to a team member or requester
 * who may read only their own opdrachten; another team sees neither the task nor its card.
 */
class TaakkaartTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Taakkaart-Test-1!";

    @LocalServerPort
    int poort;
    @Autowired
    StandaardAutorisaties autorisaties;

    private Team team() {
        return portfolio.teamMetGroep("5.0");
    }

    private String gebruiker(String voorvoegsel, String... groepen) {
        return portfolio.gebruiker(voorvoegsel + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                WACHTWOORD, groepen);
    }

    @Test
    void theTeamSeesWhichOpdrachtEachOfItsTasksIsForAndAnotherTeamSeesNoneOfIt() throws Exception {
        Team team = team();
        String lid = gebruiker("lid", team.getGroepId());
        String ander = gebruiker("ander", team().getGroepId());
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(pi);
        start(pi);
        Task taak = taak(pi, Element.UITVOEREN);
        Opdracht opdracht = opdracht(pi);

        assertThat(Taakkaarten.van(poort, lid, WACHTWOORD, "Taken van mijn groepen")).containsEntry(taak.getId(),
                Map.of(Var.OPDRACHT_KEY, opdracht.getSleutel(), Var.OPDRACHT_TITEL, opdracht.getTitel()));
        assertThat(Taakkaarten.van(poort, ander, WACHTWOORD, "Taken van mijn groepen")).doesNotContainKey(taak.getId());
    }

    @Test
    void aConfidentialOpdrachtsRequesterSeesItOnTheTaskToCompleteTheRequest() throws Exception {
        Team team = team();
        String aanvrager = gebruiker("aanvrager", Rollen.AANVRAGER);
        OpdrachtAanvraag onvolledig = portfolio.onvolledigeAanvraag(team);
        Opdracht opdracht = opdrachtService.aanvragen(new OpdrachtAanvraag(onvolledig.titel(), null, null, null,
                onvolledig.type(), onvolledig.domein(), onvolledig.gebied(), null, team.getCode(), onvolledig.doelen(),
                null, null, null, null, null, true), aanvrager);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(opdracht.getSleutel())
                .singleResult();
        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AANVULLEN, Var.INTAKE_TOELICHTING,
                "Vul het vraagstuk aan");
        Task taak = taak(pi, Element.AANVULLEN);

        assertThat(Taakkaarten.van(poort, aanvrager, WACHTWOORD, "Mijn taken")).containsEntry(taak.getId(),
                Map.of(Var.OPDRACHT_KEY, opdracht.getSleutel(), Var.OPDRACHT_TITEL, opdracht.getTitel()));
    }

    @Test
    void aFilterFromAnEarlierVersionGetsTheNewCardFieldsAndKeepsWhatAnAdministratorChanged() {
        Filter filter = processEngine.getFilterService().createFilterQuery().filterName("Te laat").singleResult();
        Map<String, Object> vooraf = new HashMap<>(filter.getProperties());
        try {
            Map<String, Object> oud = new HashMap<>(vooraf);
            oud.put("variables", List.of(Map.of("name", Var.OPDRACHT_KEY, "label", "Zaak")));
            oud.put("description", "Door de beheerder aangepast");
            filter.setProperties(oud);
            processEngine.getFilterService().saveFilter(filter);

            autorisaties.richtIn();

            Map<String, Object> na = processEngine.getFilterService().getFilter(filter.getId()).getProperties();
            assertThat(na).containsEntry("description", "Door de beheerder aangepast");
            List<Object> variabelen = new java.util.ArrayList<>((List<?>) na.get("variables"));
            assertThat(variabelen).hasSize(Taakkaart.VARIABELEN.size())
                    .startsWith(Map.of("name", Var.OPDRACHT_KEY, "label", "Zaak"))
                    .contains(Map.of("name", HalfjaarrapportageProces.Var.PERIODE_TEKST, "label", "Periode"));
        } finally {
            Filter terug = processEngine.getFilterService().getFilter(filter.getId());
            terug.setProperties(vooraf);
            processEngine.getFilterService().saveFilter(terug);
        }
    }

    @Test
    void overdueHoldsTheUsersOwnTasksBesideTheirGroupsAndAnEarlierFilterLearnsIt() throws Exception {
        Team team = team();
        String aanvrager = gebruiker("aanvrager", Rollen.AANVRAGER);
        String ander = gebruiker("ander", Rollen.AANVRAGER);
        OpdrachtAanvraag onvolledig = portfolio.onvolledigeAanvraag(team);
        Opdracht opdracht = opdrachtService.aanvragen(new OpdrachtAanvraag(onvolledig.titel(), null, null, null,
                onvolledig.type(), onvolledig.domein(), onvolledig.gebied(), null, team.getCode(), onvolledig.doelen(),
                null, null, null, null, null, false), aanvrager);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(opdracht.getSleutel())
                .singleResult();
        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AANVULLEN, Var.INTAKE_TOELICHTING,
                "Vul het vraagstuk aan");
        // Assigned to the requester, for intake's group: hers by assignment, not by group.
        Task taak = taak(pi, Element.AANVULLEN);
        taak.setDueDate(nuPlus(-1, java.time.temporal.ChronoUnit.DAYS));
        taskService.saveTask(taak);

        assertThat(Taakkaarten.van(poort, aanvrager, WACHTWOORD, "Te laat")).containsKey(taak.getId());
        assertThat(Taakkaarten.van(poort, ander, WACHTWOORD, "Te laat")).doesNotContainKey(taak.getId());

        Filter filter = processEngine.getFilterService().createFilterQuery().filterName("Te laat").singleResult();
        Map<String, Object> vooraf = new HashMap<>(filter.getProperties());
        try {
            filter.setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks().dueBeforeExpression("${now()}"));
            Map<String, Object> oud = new HashMap<>(vooraf);
            oud.put("description", "Taken van mijn groepen waarvan de vervaldatum verstreken is");
            filter.setProperties(oud);
            processEngine.getFilterService().saveFilter(filter);
            assertThat(Taakkaarten.van(poort, aanvrager, WACHTWOORD, "Te laat")).as("the earlier filter")
                    .doesNotContainKey(taak.getId());

            autorisaties.richtIn();

            assertThat(Taakkaarten.van(poort, aanvrager, WACHTWOORD, "Te laat")).containsKey(taak.getId());
            assertThat(processEngine.getFilterService().getFilter(filter.getId()).getProperties())
                    .containsEntry("description", "Mijn taken en taken van mijn groepen waarvan de vervaldatum verstreken is");

            // A query an administrator changed stays as it is.
            Filter aangepast = processEngine.getFilterService().getFilter(filter.getId());
            aangepast.setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks().dueBeforeExpression("${now()}").taskPriority(50));
            processEngine.getFilterService().saveFilter(aangepast);
            autorisaties.richtIn();
            assertThat(Taakkaarten.van(poort, aanvrager, WACHTWOORD, "Te laat")).doesNotContainKey(taak.getId());
        } finally {
            Filter terug = processEngine.getFilterService().getFilter(filter.getId());
            terug.setQuery(taskService.createTaskQuery().or().taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks().taskAssigneeExpression("${currentUser()}").endOr()
                    .dueBeforeExpression("${now()}"));
            terug.setProperties(vooraf);
            processEngine.getFilterService().saveFilter(terug);
        }
    }
}
