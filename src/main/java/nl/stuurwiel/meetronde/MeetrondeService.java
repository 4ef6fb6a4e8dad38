package nl.stuurwiel.meetronde;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorRepository;
import nl.stuurwiel.indicator.IndicatorStatus;
import nl.stuurwiel.meetronde.MeetrondeProces.Var;
import nl.stuurwiel.system.HuidigeGebruiker;

/**
 * Keeps one running processes/meetronde.bpmn per active indicator: started when the indicator is
 * created, told when a value arrives another way, ended when the indicator is retired. These
 * follow from a change the caller was allowed to make, so they run as the system: whoever may
 * enter a meting needs no rights on process instances.
 */
@Service
@Transactional
public class MeetrondeService {

    private static final Logger LOG = LoggerFactory.getLogger(MeetrondeService.class);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IndicatorRepository indicatoren;
    private final HuidigeGebruiker gebruiker;

    public MeetrondeService(RuntimeService runtimeService, TaskService taskService, IndicatorRepository indicatoren,
            HuidigeGebruiker gebruiker) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.indicatoren = indicatoren;
        this.gebruiker = gebruiker;
    }

    /** Starts the rounds of an active indicator, unless they run already. */
    public void start(Indicator indicator) {
        if (!indicator.isActief() || lopend(indicator.getId()) != null) {
            return;
        }
        Map<String, Object> variabelen = new HashMap<>();
        variabelen.put(Var.INDICATOR_ID, indicator.getId());
        variabelen.put(Var.INDICATOR_NAAM, indicator.getNaam());
        variabelen.put(Var.EENHEID, indicator.getEenheid());
        variabelen.put(Var.EIGENAAR, indicator.getEigenaar());
        gebruiker.alsSysteem(() -> runtimeService.startProcessInstanceByKey(MeetrondeProces.PROCESS_ID,
                MeetrondeProces.sleutel(indicator.getId()), variabelen));
    }

    /** Name, unit or owner changed: the running rounds and an open task follow. */
    public void bijwerken(Indicator indicator) {
        gebruiker.alsSysteem(() -> {
            ProcessInstance lopend = lopend(indicator.getId());
            if (lopend == null) {
                return null;
            }
            runtimeService.setVariable(lopend.getId(), Var.INDICATOR_NAAM, indicator.getNaam());
            runtimeService.setVariable(lopend.getId(), Var.EENHEID, indicator.getEenheid());
            Object vorige = runtimeService.getVariable(lopend.getId(), Var.EIGENAAR);
            runtimeService.setVariable(lopend.getId(), Var.EIGENAAR, indicator.getEigenaar());
            for (Task taak : taskService.createTaskQuery().processInstanceId(lopend.getId())
                    .taskDefinitionKey(MeetrondeProces.Element.METING_INVOEREN).list()) {
                if (taak.getAssignee() == null || taak.getAssignee().equals(vorige)) {
                    taskService.setAssignee(taak.getId(), indicator.getEigenaar());
                }
            }
            return null;
        });
    }

    /** A value for the period arrived another way: an open task for that period is done. */
    public void metingOntvangen(Long indicatorId, LocalDate periode) {
        gebruiker.alsSysteem(() -> runtimeService.createMessageCorrelation(MeetrondeProces.BERICHT_METING_ONTVANGEN)
                .processInstanceBusinessKey(MeetrondeProces.sleutel(indicatorId))
                .processInstanceVariableEquals(Var.PERIODE, periode.toString())
                .correlateAllWithResult());
    }

    /** The indicator is retired: its rounds end, an open task goes with them. */
    public void stop(Long indicatorId) {
        gebruiker.alsSysteem(() -> runtimeService.createMessageCorrelation(MeetrondeProces.BERICHT_INDICATOR_VERVALLEN)
                .processInstanceBusinessKey(MeetrondeProces.sleutel(indicatorId))
                .correlateAllWithResult());
    }

    /**
     * Indicators from before the measurement rounds existed, or whose rounds were ended by hand
     * in Cockpit, get them at the next start.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void startOntbrekende() {
        int gestart = 0;
        for (Indicator indicator : indicatoren.findByStatus(IndicatorStatus.ACTIEF)) {
            if (lopend(indicator.getId()) == null) {
                start(indicator);
                gestart++;
            }
        }
        if (gestart > 0) {
            LOG.info("Meetronde gestart voor {} indicatoren die er nog geen hadden", gestart);
        }
    }

    private ProcessInstance lopend(Long indicatorId) {
        return gebruiker.alsSysteem(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(MeetrondeProces.PROCESS_ID)
                .processInstanceBusinessKey(MeetrondeProces.sleutel(indicatorId)).singleResult());
    }
}
