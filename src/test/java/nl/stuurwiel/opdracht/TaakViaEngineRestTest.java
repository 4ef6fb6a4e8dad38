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
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/engine-rest/task/"
                + taak.getId() + "/complete"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((intake + ":" + WACHTWOORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"variables\": {" + variabelen + "}}")).build(), BodyHandlers.ofString());
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
