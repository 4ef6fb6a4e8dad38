package nl.stuurwiel.review;

import static java.time.temporal.ChronoUnit.MINUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The review timer is the job every running opdracht depends on. When it fails, the review's
 * work is rolled back as a whole (the delegate's row included), the job is tried again with a
 * backoff, and after the last try an incident with a readable cause waits in Cockpit; never a
 * silent failure. Two nodes taking the same job at once open the review exactly once.
 */
class ReviewJobTest extends LevenscyclusTestBasis {

    @Test
    void aFailingReviewJobRollsBackItsReportIsRetriedWithBackoffAndThenRaisesAnIncident() {
        ProcessInstance pi = inUitvoering();
        String teamGroep = (String) variabele(pi, Var.TEAM_GROEP);
        var rijVoor = rij(pi);
        // A real failure after the delegate's write: the report task's candidate group comes
        // from this variable, and the review's report row is already inserted when it is read.
        runtimeService.removeVariable(pi.getId(), Var.TEAM_GROEP);
        String jobId = timer(pi, Element.TIMER_REVIEWCYCLUS).getId();
        Date klok = nu;

        for (int verwacht = 2; verwacht >= 0; verwacht--) {
            Throwable fout = catchThrowable(() -> managementService.executeJob(jobId));

            assertThat(fout).as("the job fails").isNotNull().hasMessageContaining(Var.TEAM_GROEP);
            Job job = managementService.createJobQuery().jobId(jobId).singleResult();
            assertThat(job.getRetries()).as("retries left").isEqualTo(verwacht);
            assertThat(job.getExceptionMessage()).contains(Var.TEAM_GROEP);
            assertThat(job.getDuedate()).as("next try after the backoff of R3/PT5M")
                    .isEqualTo(Date.from(klok.toInstant().plus(5, MINUTES)));
            assertThat(portfolio.rapportages(pi.getBusinessKey())).as("nothing half-committed").isEmpty();
            assertThat(rij(pi)).isEqualTo(rijVoor);
            assertThat(taken(pi, Element.VOORTGANG_RAPPORTEREN)).isEmpty();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count())
                    .as("an incident only after the last try").isEqualTo(verwacht == 0 ? 1 : 0);
            klok = job.getDuedate();
            ClockUtil.setCurrentTime(klok);
        }

        Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getConfiguration()).isEqualTo(jobId);
        assertThat(incident.getActivityId()).isEqualTo(Element.TIMER_REVIEWCYCLUS);
        assertThat(incident.getIncidentMessage()).as("the cause Cockpit shows").contains(Var.TEAM_GROEP);
        assertThat(managementService.getJobExceptionStacktrace(jobId)).contains(Var.TEAM_GROEP);
        assertFase(pi, Fase.UITVOERING);

        // What an administrator does in Cockpit: repair the cause, then "retry".
        runtimeService.setVariable(pi.getId(), Var.TEAM_GROEP, teamGroep);
        managementService.setJobRetries(jobId, 1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        managementService.executeJob(jobId);

        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.VOORTGANG_RAPPORTEREN);
        assertThat(portfolio.rapportages(pi.getBusinessKey())).extracting(Voortgangsrapportage::getVolgnummer)
                .containsExactly(1);
        assertFase(pi, Fase.REVIEW);
        HistoricIncident opgelost = historyService.createHistoricIncidentQuery().processInstanceId(pi.getId())
                .singleResult();
        assertThat(opgelost.isResolved()).isTrue();
    }

    @Test
    void twoNodesExecutingTheSameReviewJobAtOnceOpenTheReviewExactlyOnce() throws Exception {
        ProcessInstance pi = inUitvoering();
        String jobId = timer(pi, Element.TIMER_REVIEWCYCLUS).getId();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> knooppunt = () -> {
            start.await();
            try {
                managementService.executeJob(jobId);
                return true;
            } catch (RuntimeException verloren) {
                // the other node won: an optimistic lock on the job, a unique key or a missing job
                return false;
            }
        };
        ExecutorService twee = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> uitkomsten = new ArrayList<>();
        try {
            uitkomsten.add(twee.submit(knooppunt));
            uitkomsten.add(twee.submit(knooppunt));
            start.countDown();
            int gelukt = 0;
            for (Future<Boolean> uitkomst : uitkomsten) {
                gelukt += uitkomst.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(gelukt).as("one node executes the job").isEqualTo(1);
        } finally {
            twee.shutdownNow();
        }

        assertThat(portfolio.rapportages(pi.getBusinessKey())).extracting(Voortgangsrapportage::getVolgnummer)
                .containsExactly(1);
        assertThat(taken(pi, Element.VOORTGANG_RAPPORTEREN)).hasSize(1);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(Element.TIMER_REVIEWCYCLUS).count()).as("the timer fired once").isEqualTo(1);
        Job volgende = timer(pi, Element.TIMER_REVIEWCYCLUS);
        assertThat(volgende.getId()).as("the cycle goes on with a new job").isNotEqualTo(jobId);
        assertThat(volgende.getRetries()).isEqualTo(3);
        assertFase(pi, Fase.REVIEW);
    }
}
