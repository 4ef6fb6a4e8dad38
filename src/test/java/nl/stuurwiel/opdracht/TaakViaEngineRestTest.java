package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.WebSessie;
import nl.stuurwiel.security.Rollen;

/**
 * Completing a task the way Tasklist does, through the engine REST API as the logged-in intake
 * officer: refused input is a 400 naming the field and leaves the task open.
 */
@StuurwielTest
class TaakViaEngineRestTest {

    private static final String WACHTWOORD = "Rest-Test-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    private static final String TASKLIST_API = "/camunda/api/engine/engine/default";

    private final HttpClient http = HttpClient.newHttpClient();
    String intake;
    String sleutel;

    @BeforeEach
    void opdrachtInIntake() {
        intake = "intake" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        portfolio.gebruiker(intake, WACHTWOORD, Rollen.INTAKE);
        sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(portfolio.team("4.0"), portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();
    }

    private Task intakeTaak() {
        return taskService.createTaskQuery().processInstanceBusinessKey(sleutel).singleResult();
    }

    private HttpResponse<String> rondAf(Task taak, String variabelen) throws Exception {
        return verstuur(intake, "POST", "/task/" + taak.getId() + "/complete", "{\"variables\": {" + variabelen + "}}");
    }

    private HttpResponse<String> verstuur(String gebruiker, String methode, String pad, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/engine-rest" + pad))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((gebruiker + ":" + WACHTWOORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(methode, BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
    }

    private static final String ACCEPTEREN = "\"intakeBesluit\": {\"value\": \"accepteren\"},"
            + "\"intakeToelichting\": {\"value\": \"Compleet\"}, \"urgentie\": {\"value\": \"hoog\"},"
            + "\"risico\": {\"value\": \"laag\"}";

    /**
     * Whoever may work one task may not point it at another opdracht, nor send the next tasks to
     * another group: the variables the delegates keep are refused in every REST API.
     */
    @Test
    void aTaskActsOnItsOwnOpdrachtOnlyAndCannotRedirectItsNextTasks() throws Exception {
        String ander = opdrachtService.aanvragen(portfolio.volledigeAanvraag(portfolio.team("4.0"), portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();
        Task taak = intakeTaak();

        HttpResponse<String> antwoord = rondAf(taak, ACCEPTEREN + ", \"opdrachtKey\": {\"value\": \"" + ander + "\"}");
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(400);
        assertThat(antwoord.body()).contains("\"velden\":{\"opdrachtKey\":\"wordt door Stuurwiel zelf bijgehouden");
        assertThat(portfolio.opdracht(ander).getFase()).isEqualTo(Fase.INTAKE);
        assertThat(portfolio.opdracht(sleutel).getFase()).isEqualTo(Fase.INTAKE);
        assertThat(intakeTaak().getId()).isEqualTo(taak.getId());

        HttpResponse<String> tasklist = WebSessie.inloggen(poort, intake, WACHTWOORD).webappPost(TASKLIST_API + "/task/"
                + taak.getId() + "/submit-form", "{\"variables\": {" + ACCEPTEREN + ", \"teamGroep\": {\"value\": \"mt\"}}}");
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
        assertThat(tasklist.body()).contains("teamGroep");
        assertThat(verstuur(intake, "PUT", "/task/" + taak.getId() + "/variables/reviewCyclus",
                "{\"value\": \"R/PT1M\"}").statusCode()).isEqualTo(400);
        assertThat(verstuur(intake, "POST", "/task/" + taak.getId() + "/variables",
                "{\"modifications\": {}, \"deletions\": [\"opdrachtKey\"]}").statusCode()).isEqualTo(400);
        assertThat(runtimeService.getVariable(taak.getProcessInstanceId(), LevenscyclusProces.Var.OPDRACHT_KEY))
                .isEqualTo(sleutel);

        assertThat(verstuur(intake, "POST", "/task/" + taak.getId() + "/complete",
                "{\"variables\": {\"rapportageNummer\": {\"value\": 1, \"type\": \"Integer\"}}}").statusCode())
                .as("which report a step writes is the review's").isEqualTo(400);
        // Working a task is claiming and completing it; its due date and groups are not the worker's to move.
        assertThat(verstuur(intake, "PUT", "/task/" + taak.getId(), "{\"name\": \"" + taak.getName()
                + "\", \"due\": \"2030-01-01T00:00:00.000+0100\"}").statusCode()).isEqualTo(403);
        assertThat(verstuur(intake, "POST", "/task/" + taak.getId() + "/identity-links",
                "{\"groupId\": \"mt\", \"type\": \"candidate\"}").statusCode()).isEqualTo(403);
        assertThat(verstuur(intake, "POST", "/task/" + taak.getId() + "/claim", "{\"userId\": \"" + intake + "\"}")
                .statusCode()).isEqualTo(204);

        assertThat(rondAf(taak, ACCEPTEREN).statusCode()).as("the task's own fields go through").isEqualTo(204);
        assertThat(portfolio.opdracht(sleutel).getFase()).isEqualTo(Fase.PRIORITERING);
        assertThat(portfolio.opdracht(ander).getFase()).isEqualTo(Fase.INTAKE);
    }

    /** A start that names an existing opdracht would take it back to intake: refused, also past the API. */
    @Test
    void aStartCannotTakeOverAnOpdrachtThatHasItsLifecycleAlready() throws Exception {
        String aanvrager = "aanvrager" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        portfolio.gebruiker(aanvrager, WACHTWOORD, Rollen.AANVRAGER);
        portfolio.wijzig(sleutel, o -> o.setFase(Fase.UITVOERING));
        String start = "/process-definition/key/" + LevenscyclusProces.PROCESS_ID + "/start";

        HttpResponse<String> antwoord = verstuur(aanvrager, "POST", start,
                "{\"variables\": {\"opdrachtKey\": {\"value\": \"" + sleutel + "\"}}, \"withVariablesInReturn\": true}");
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(400);
        assertThat(antwoord.body()).contains("opdrachtKey").doesNotContain(portfolio.opdracht(sleutel).getTitel());
        assertThat(verstuur(aanvrager, "POST", start, "{\"variables\": {\"aanvrager\": {\"value\": \"iemand\"}}}")
                .statusCode()).isEqualTo(400);

        // Under the opdracht's key, past the step that registers it: refused, through any API.
        HttpResponse<String> verderop = verstuur(aanvrager, "POST", start, "{\"businessKey\": \"" + sleutel
                + "\", \"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \""
                + LevenscyclusProces.Element.MT_BESLUIT + "\"}]}");
        assertThat(verderop.statusCode()).as(verderop.body()).isEqualTo(400);
        assertThat(verderop.body()).contains("startInstructions");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> runtimeService
                .createProcessInstanceByKey(LevenscyclusProces.PROCESS_ID).businessKey(sleutel)
                .startBeforeActivity(LevenscyclusProces.Element.MT_BESLUIT).execute()))
                .isInstanceOf(nl.stuurwiel.system.OngeldigeInvoerException.class).hasMessageContaining("heeft al een eigen proces");

        // The engine's own API, as a process started by other means would: refused by the delegate.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> runtimeService.startProcessInstanceByKey(
                LevenscyclusProces.PROCESS_ID, sleutel, java.util.Map.of(LevenscyclusProces.Var.OPDRACHT_KEY, sleutel))))
                .isInstanceOf(nl.stuurwiel.system.OngeldigeInvoerException.class).hasMessageContaining("heeft al een eigen proces");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> runtimeService.startProcessInstanceByKey(
                LevenscyclusProces.PROCESS_ID, "ANDERS-" + sleutel, java.util.Map.of(LevenscyclusProces.Var.OPDRACHT_KEY, sleutel))))
                .as("the key as a variable under another business key").isInstanceOf(nl.stuurwiel.system.OngeldigeInvoerException.class)
                .hasMessageContaining("hoort niet bij dit proces");
        assertThat(portfolio.opdracht(sleutel).getFase()).isEqualTo(Fase.UITVOERING);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sleutel).count()).isEqualTo(1);
    }

    @Test
    void unknownDecisionIsA400NamingTheFieldAndTheTaskStaysOpen() throws Exception {
        Task taak = intakeTaak();

        HttpResponse<String> antwoord = rondAf(taak, "\"intakeBesluit\": {\"value\": \"misschien\"}");

        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(400);
        assertThat(antwoord.body()).contains("\"velden\":{\"intakeBesluit\"").contains("misschien");
        assertThat(intakeTaak().getId()).isEqualTo(taak.getId());
        assertThat(portfolio.opdracht(sleutel).getFase()).isEqualTo(Fase.INTAKE);
    }

    @Test
    void rejectionWithoutReasonIsA400NamingTheReasonField() throws Exception {
        HttpResponse<String> antwoord = rondAf(intakeTaak(), "\"intakeBesluit\": {\"value\": \"afwijzen\"}");

        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(400);
        assertThat(antwoord.body()).contains("intakeToelichting");
        assertThat(portfolio.opdracht(sleutel).getFase()).isEqualTo(Fase.INTAKE);
    }

    @Test
    void acceptanceByTheIntakeOfficerMovesTheOpdrachtToPrioritisation() throws Exception {
        HttpResponse<String> antwoord = rondAf(intakeTaak(), "\"intakeBesluit\": {\"value\": \"accepteren\"},"
                + "\"intakeToelichting\": {\"value\": \"Compleet\"}, \"urgentie\": {\"value\": \"hoog\"},"
                + "\"risico\": {\"value\": \"laag\"}");

        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(204);
        assertThat(portfolio.opdracht(sleutel).getFase()).isEqualTo(Fase.PRIORITERING);
        assertThat(intakeTaak().getTaskDefinitionKey()).isEqualTo(LevenscyclusProces.Element.MT_BESLUIT);
    }

    /**
     * Tasklist sends its forms to the webapps' own engine API, not to /engine-rest: a form a rule
     * refuses must answer 400 with the rule's Dutch text there too, not 500 wrapped in English.
     */
    @Test
    void tasklistsOwnApiAnswersARefusedFormWith400NamingTheFieldAndChangesNothing() throws Exception {
        Task taak = intakeTaak();
        WebSessie intakeInTasklist = WebSessie.inloggen(poort, intake, WACHTWOORD);

        HttpResponse<String> taakformulier = intakeInTasklist.webappPost(TASKLIST_API + "/task/" + taak.getId()
                + "/submit-form", "{\"variables\": {\"intakeBesluit\": {\"value\": \"misschien\"}}}");

        assertThat(taakformulier.statusCode()).as(taakformulier.body()).isEqualTo(400);
        assertThat(taakformulier.body()).contains("\"velden\":{\"intakeBesluit\"", "misschien")
                .doesNotContain("Cannot submit task form");
        assertThat(intakeTaak().getId()).isEqualTo(taak.getId());
        assertThat(portfolio.opdracht(sleutel).getFase()).isEqualTo(Fase.INTAKE);

        String aanvrager = "aanvrager" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        portfolio.gebruiker(aanvrager, WACHTWOORD, Rollen.AANVRAGER);
        long lopend = runtimeService.createProcessInstanceQuery().processDefinitionKey(LevenscyclusProces.PROCESS_ID)
                .count();
        HttpResponse<String> startformulier = WebSessie.inloggen(poort, aanvrager, WACHTWOORD).webappPost(
                TASKLIST_API + "/process-definition/key/" + LevenscyclusProces.PROCESS_ID + "/submit-form", """
                {"variables": {"titel": {"value": "Huiswerkklas"}, "vraagstuk": {"value": "Achterstand"},
                 "verwachtResultaat": {"value": "Minder achterstand"}, "type": {"value": "project"},
                 "domein": {"value": "onderwijs"}, "opdrachtgever": {"value": "Wethouder"},
                 "team": {"value": "BESTAATNIET"}, "doelen": {"value": "%s"}}}""".formatted(portfolio.doel().getCode()));

        assertThat(startformulier.statusCode()).as(startformulier.body()).isEqualTo(400);
        assertThat(startformulier.body()).contains("\"velden\":{\"team\"", "BESTAATNIET")
                .doesNotContain("Cannot instantiate");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LevenscyclusProces.PROCESS_ID)
                .count()).as("no process started").isEqualTo(lopend);
    }
}
