package nl.stuurwiel.opdracht;

import java.util.ArrayList;
import java.util.List;

import nl.stuurwiel.system.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One lifecycle per opdracht, and an opdracht that has not ended keeps it. A second instance under
 * the key of an opdracht is refused at its start. Deleting the instance of an opdracht that runs: deleting the process instance (one by one,
 * in a batch, or with its deployment "cascade") or cancelling all its activities would leave the
 * opdracht in its phase with no process to move it on. It is refused with the way to end it
 * instead. The check is a built-in listener, which the engine runs even when a deletion asks to
 * skip the model's own listeners. An instance whose opdracht has ended or does not exist may go.
 */
@Component
public class LevenscyclusBehoud extends AbstractProcessEnginePlugin {

    private final ObjectProvider<OpdrachtRepository> opdrachten;

    public LevenscyclusBehoud(ObjectProvider<OpdrachtRepository> opdrachten) {
        this.opdrachten = opdrachten;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuratie) {
        List<BpmnParseListener> luisteraars = configuratie.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuratie.getCustomPostBPMNParseListeners());
        ExecutionListener bijEinde = this::bijEinde;
        ExecutionListener bijStart = LevenscyclusBehoud::bijStart;
        luisteraars.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element proces, ProcessDefinitionEntity definitie) {
                if (LevenscyclusProces.PROCESS_ID.equals(definitie.getKey())) {
                    definitie.addBuiltInListener(ExecutionListener.EVENTNAME_START, bijStart);
                    definitie.addBuiltInListener(ExecutionListener.EVENTNAME_END, bijEinde);
                }
            }
        });
        configuratie.setCustomPostBPMNParseListeners(luisteraars);
    }

    /**
     * One lifecycle per opdracht: a start under the key of an opdracht that has one (a client may
     * name any business key, and start past the step that registers the opdracht) is refused.
     * Looked up without the starter's rights, who need not see the other instance.
     */
    static void bijStart(DelegateExecution execution) {
        String sleutel = execution.getProcessBusinessKey();
        if (sleutel == null || !execution.getId().equals(execution.getProcessInstanceId())) {
            return;
        }
        CommandContext commando = Context.getCommandContext();
        commando.disableAuthorizationCheck();
        try {
            boolean ander = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(LevenscyclusProces.PROCESS_ID).processInstanceBusinessKey(sleutel).list()
                    .stream().anyMatch(p -> !p.getId().equals(execution.getProcessInstanceId()));
            if (ander) {
                throw new OngeldigeInvoerException("businessKey", "opdracht " + sleutel
                        + " heeft al een eigen proces; een nieuw proces kan haar niet overnemen");
            }
        } finally {
            commando.enableAuthorizationCheck();
        }
    }

    void bijEinde(DelegateExecution execution) {
        if (!execution.isCanceled() || execution.getProcessBusinessKey() == null) {
            return;
        }
        opdrachten.getObject().findBySleutel(execution.getProcessBusinessKey())
                .filter(opdracht -> !opdracht.getFase().isEindfase())
                .ifPresent(opdracht -> {
                    throw new OngeldigeInvoerException("proces", "opdracht " + opdracht.getSleutel() + " ("
                            + opdracht.getFase().name().toLowerCase(java.util.Locale.ROOT) + ") heeft dit proces nodig;"
                            + " beëindig de opdracht in het proces zelf (afwijzen, of stoppen bij een review) in plaats"
                            + " van het proces te verwijderen");
                });
    }
}
