package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.security.Rollen;

/**
 * The engine's history keeps each variable's last value, every form submission and the user
 * operation log, but not a row per variable change; the setting brings those rows back.
 */
@StuurwielTest
class VariabelenHistorieTest {

    private static final String PROCES = "variabelen_historie_test";

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;

    private String deployment;

    @AfterEach
    void ruimOp() {
        identityService.clearAuthentication();
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void theEngineKeepsLastValuesFormSubmissionsAndOperationsButNoRowPerChange() {
        deployment = repositoryService.createDeployment().addModelInstance(PROCES + ".bpmn", model()).deploy().getId();
        String instantie = runtimeService.startProcessInstanceByKey(PROCES, Map.of("toelichting", "eerste",
                "metingen", SpinValues.jsonValue("[{\"waarde\": 1}]").create())).getId();
        runtimeService.setVariable(instantie, "toelichting", "tweede");
        identityService.setAuthentication("beheerder", List.of(Rollen.BEHEERDER));
        String taak = taskService.createTaskQuery().processInstanceId(instantie).singleResult().getId();
        formService.submitTaskForm(taak, Variables.createVariables().putValue("toelichting", "derde")
                .putValue("metingen", SpinValues.jsonValue("[{\"waarde\": 2}]").create()));

        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instantie)
                .variableName("toelichting").singleResult().getValue()).isEqualTo("derde");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instantie)
                .variableName("metingen").singleResult().getTypedValue().getValue().toString()).contains("2");
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(instantie).variableUpdates().count())
                .isZero();
        List<HistoricDetail> formulier = historyService.createHistoricDetailQuery().processInstanceId(instantie)
                .formFields().list();
        assertThat(formulier).extracting(d -> ((HistoricFormField) d).getFieldValue()).containsExactly("derde");
        assertThat(formulier).extracting(HistoricDetail::getUserOperationId).doesNotContainNull();
        assertThat(historyService.createUserOperationLogQuery().taskId(taak).operationType("Complete").count())
                .isOne();
    }

    @Test
    void withTheSettingOnEveryChangeGetsItsRowAsInCamunda() {
        ProcessEngineConfigurationImpl configuratie = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setProcessEngineName("variabelen-historie-" + UUID.randomUUID());
        configuratie.setProcessEnginePlugins(List.of(new VariabelenHistorie(true)));
        ProcessEngine engine = configuratie.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance(PROCES + ".bpmn", model()).deploy();
            String instantie = engine.getRuntimeService()
                    .startProcessInstanceByKey(PROCES, Map.of("toelichting", "eerste")).getId();
            engine.getRuntimeService().setVariable(instantie, "toelichting", "tweede");

            assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instantie)
                    .variableUpdates().count()).isEqualTo(2);
        } finally {
            engine.close();
        }
    }

    private static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(PROCES).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Taak").endEvent().done();
    }
}
