package nl.stuurwiel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.team.Team;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs processes/opdracht-levenscyclus.bpmn in the real application: Spring context, delegates,
 * JPA and one DataSource. Not transactional itself, so every engine call commits or rolls back
 * exactly as it would from Tasklist. The engine clock stands still at the start of each test.
 */
@StuurwielTest
public abstract class LevenscyclusTestBasis {

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected OpdrachtService opdrachtService;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TransactionTemplate transactie;
    @Autowired
    protected PortfolioFixture portfolio;

    /** The engine's "now" during the test. */
    protected Date nu;

    @BeforeEach
    void engineEnKlok() {
        BpmnAwareTests.init(processEngine);
        nu = Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ClockUtil.setCurrentTime(nu);
    }

    @AfterEach
    void klokTerug() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ---- driving the lifecycle -------------------------------------------------------------

    protected ProcessInstance vraagAan(OpdrachtAanvraag aanvraag) {
        Opdracht opdracht = opdrachtService.aanvragen(aanvraag, PortfolioFixture.AANVRAGER);
        return runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(LevenscyclusProces.PROCESS_ID)
                .processInstanceBusinessKey(opdracht.getSleutel())
                .singleResult();
    }

    /** Intake accepts with urgentie hoog and risico midden. */
    protected void accepteer(ProcessInstance pi) {
        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.ACCEPTEREN, Var.URGENTIE, "hoog",
                Var.RISICO, "midden");
    }

    protected void start(ProcessInstance pi) {
        rond(pi, Element.MT_BESLUIT, Var.MT_BESLUIT, Besluit.STARTEN);
    }

    /** A complete opdracht of a fresh team, accepted and started by MT. */
    protected ProcessInstance inUitvoering() {
        Team team = portfolio.team("5.0");
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(pi);
        start(pi);
        return pi;
    }

    /** Completes the single open task of the element with the given variables (name, value, ...). */
    protected void rond(ProcessInstance pi, String element, Object... variabelen) {
        Task taak = taak(pi, element);
        taskService.complete(taak.getId(), variabelen.length == 0 ? Map.of()
                : withVariables(variabelen[0].toString(), variabelen[1],
                        Arrays.copyOfRange(variabelen, 2, variabelen.length)));
    }

    protected Task taak(ProcessInstance pi, String element) {
        Task taak = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(element)
                .singleResult();
        assertThat(taak).as("open task %s", element).isNotNull();
        return taak;
    }

    protected List<Task> taken(ProcessInstance pi, String element) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(element)
                .orderByTaskCreateTime().asc().list();
    }

    protected Job timer(ProcessInstance pi, String element) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(element)
                .singleResult();
        assertThat(job).as("timer job %s", element).isNotNull();
        return job;
    }

    protected boolean heeftTimer(ProcessInstance pi, String element) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(element).count() > 0;
    }

    protected void voerUit(Job job) {
        managementService.executeJob(job.getId());
    }

    // ---- reading the portfolio -------------------------------------------------------------

    protected Opdracht opdracht(ProcessInstance pi) {
        return portfolio.opdracht(pi.getBusinessKey());
    }

    protected void assertFase(ProcessInstance pi, Fase fase) {
        assertThat(opdracht(pi).getFase()).as("fase of %s", pi.getBusinessKey()).isEqualTo(fase);
    }

    /** The opdracht's row as the database holds it, to show that a refused step changed nothing. */
    protected Map<String, Object> rij(ProcessInstance pi) {
        return jdbc.queryForMap("select * from opdracht where sleutel = ?", pi.getBusinessKey());
    }

    protected Object variabele(ProcessInstance pi, String naam) {
        return runtimeService.getVariable(pi.getId(), naam);
    }

    // ---- expectations ----------------------------------------------------------------------

    /** Runs a step that must be refused and returns the rule it broke. */
    protected static OngeldigeInvoerException geweigerd(ThrowingCallable stap) {
        Throwable fout = catchThrowable(stap);
        assertThat(fout).as("the step must be refused").isNotNull();
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof OngeldigeInvoerException ongeldig) {
                return ongeldig;
            }
        }
        throw new AssertionError("refused without naming the field", fout);
    }

    protected static Date begin(LocalDate dag) {
        return Date.from(dag.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    protected Date nuPlus(long hoeveel, ChronoUnit eenheid) {
        return Date.from(nu.toInstant().atZone(ZoneId.systemDefault()).plus(hoeveel, eenheid).toInstant());
    }
}
