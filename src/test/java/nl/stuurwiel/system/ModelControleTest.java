package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.StuurwielTest;

/** What the engine would accept and then fail on at a user's step is refused when it is deployed. */
@StuurwielTest
class ModelControleTest {

    @Autowired
    RepositoryService repositoryService;
    @LocalServerPort
    int poort;
    @Value("${stuurwiel.beheerder.gebruiker}")
    String beheerder;
    @Value("${stuurwiel.beheerder.wachtwoord}")
    String wachtwoord;

    private static String model(String proces, String taak) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://stuurwiel.nl/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="Start"/>
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(proces, taak);
    }

    private static String formulier() throws IOException {
        try (InputStream in = ModelControleTest.class.getResourceAsStream("/forms/intake-beoordelen.form")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final String TAAK_MET_FORMULIER = """
            <bpmn:userTask id="Beoordelen" camunda:formRef="intake-beoordelen" camunda:formRefBinding="deployment"
                camunda:candidateGroups="intake"/>""";

    @Test
    void aModelWithoutTheFormsItBindsToIsRefusedAndWithThemDeployed() throws Exception {
        String proces = "controle" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        OngeldigeInvoerException alleen = catchThrowableOfType(OngeldigeInvoerException.class,
                () -> repositoryService.createDeployment().addString("alleen.bpmn", model(proces, TAAK_MET_FORMULIER))
                        .deploy());
        assertThat(alleen.getVelden()).containsOnlyKeys("alleen.bpmn");
        assertThat(alleen.getVelden().get("alleen.bpmn"))
                .contains("formulier 'intake-beoordelen' (Beoordelen) zit niet in deze deployment");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(proces).count()).isZero();

        Deployment samen = repositoryService.createDeployment().addString("samen.bpmn", model(proces, TAAK_MET_FORMULIER))
                .addString("intake-beoordelen.form", formulier()).deploy();
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(proces).count()).isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(samen.getId(), true);
        }
    }

    @Test
    void aMistypedDelegateClassGroupOrDecisionIsNamedWithWhereItIs() {
        String proces = "controle" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String taken = """
                <bpmn:serviceTask id="Voorbereiden" camunda:delegateExpression="${prioriteringVoorbereidenDelegat}"/>
                <bpmn:serviceTask id="Klasse" camunda:class="nl.stuurwiel.BestaatNiet"/>
                <bpmn:userTask id="Intake" camunda:candidateGroups="Intake, ${teamGroep}">
                  <bpmn:extensionElements>
                    <camunda:taskListener delegateExpression="${taakAangemaaktMail}" event="create"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:userTask id="Team" camunda:candidateGroups="mt,intake"/>
                <bpmn:businessRuleTask id="Prioriteren" camunda:decisionRef="prioritering" camunda:decisionRefBinding="deployment"/>
                """;
        OngeldigeInvoerException fout = catchThrowableOfType(OngeldigeInvoerException.class,
                () -> repositoryService.createDeployment().addString("fout.bpmn", model(proces, taken)).deploy());
        String tekst = fout.getVelden().get("fout.bpmn");
        assertThat(tekst).contains("'${prioriteringVoorbereidenDelegat}' (Voorbereiden): de applicatie heeft geen onderdeel"
                + " met de naam 'prioriteringVoorbereidenDelegat'")
                .contains("klasse 'nl.stuurwiel.BestaatNiet' (Klasse) bestaat niet")
                .contains("beslissing 'prioritering' (Prioriteren) zit niet in deze deployment");
        assertThat(tekst).as("an expression is the process's to resolve; a fixed group is not").doesNotContain("teamGroep");
        assertThat(tekst).doesNotContain("taakAangemaaktMail", "'mt'", "(Team)");
        assertThat(fout.getVelden().get("fout.bpmn")).contains("kandidaatgroep 'Intake' (Intake) bestaat niet");
    }

    /** As Camunda Modeler deploys: one file, over the REST API, answered with a 400 that says why. */
    @Test
    void theRestApiAnswersARefusedDeploymentWith400() throws Exception {
        String proces = "controle" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String grens = "grens" + UUID.randomUUID();
        String lichaam = "--" + grens + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmodeler\r\n"
                + "--" + grens + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"los.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + model(proces, TAAK_MET_FORMULIER) + "\r\n--" + grens + "--\r\n";
        HttpResponse<String> antwoord = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + poort + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (beheerder + ":" + wachtwoord).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + grens)
                .POST(HttpRequest.BodyPublishers.ofString(lichaam)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(400);
        assertThat(antwoord.body()).contains("los.bpmn", "zit niet in deze deployment");
    }

    /** A designer tries prioritering.dmn out with the inputs the delegates keep: that sets no variable. */
    @Test
    void aDecisionCanBeEvaluatedWithTheInputsTheDelegatesKeep() throws Exception {
        HttpResponse<String> antwoord = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + poort + "/engine-rest/decision-definition/key/prioritering/evaluate"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (beheerder + ":" + wachtwoord).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"variables": {"wettelijkeTaak": {"value": true}, "aantalDoelen": {"value": 2},
                         "urgentie": {"value": "hoog"}, "risico": {"value": "laag"}, "budget": {"value": 50000}}}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(200);
    }
}
