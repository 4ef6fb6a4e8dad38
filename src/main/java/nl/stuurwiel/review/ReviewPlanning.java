package nl.stuurwiel.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.system.ConflictException;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;

/**
 * When a running opdracht's next review comes, and MT bringing it forward: a signal from the
 * council or the team should not wait for the quarter. The review that was planned comes on the
 * earlier day instead, and the cycle counts on from there (quarterly, planned for 1 March, brought
 * forward to 10 December: the next on 10 March), so the team does not report twice in a few weeks.
 * The timer keeps its id: Cockpit and the user operation log show one timer moved.
 */
@Service
@Transactional
public class ReviewPlanning {

    private static final int REDEN = 2000;

    private final OpdrachtService opdrachtService;
    private final ReviewVervroegingRepository vervroegingen;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final Bewerkrechten rechten;
    private final HuidigeGebruiker gebruiker;
    private final ProcessEngine processEngine;

    public ReviewPlanning(OpdrachtService opdrachtService, ReviewVervroegingRepository vervroegingen,
            RuntimeService runtimeService, ManagementService managementService, Bewerkrechten rechten,
            HuidigeGebruiker gebruiker, ProcessEngine processEngine) {
        this.processEngine = processEngine;
        this.opdrachtService = opdrachtService;
        this.vervroegingen = vervroegingen;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.rechten = rechten;
        this.gebruiker = gebruiker;
    }

    /** The moment the review cycle's timer of this process instance comes due, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Instant> volgendeReview(String procesInstantie) {
        return reviewTimer(procesInstantie).map(job -> job.getDuedate().toInstant());
    }

    public ReviewVervroeging vervroeg(String sleutel, ReviewVervroegingInvoer invoer) {
        rechten.controleerTeams("een review vervroegen");
        Opdracht opdracht = opdrachtService.opdracht(sleutel);
        if (opdracht.getFase() == Fase.REVIEW || opdracht.getFase() == Fase.BIJSTELLING) {
            throw new ConflictException("Er loopt al een review van " + sleutel
                    + "; een nieuwe review kan pas als die is afgerond");
        }
        if (opdracht.getFase() != Fase.UITVOERING) {
            throw new ConflictException("Opdracht " + sleutel + " is " + woord(opdracht.getFase())
                    + "; alleen een opdracht in uitvoering heeft periodieke reviews");
        }
        ProcessInstance proces = gebruiker.alsSysteem(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(sleutel).processDefinitionKey(LevenscyclusProces.PROCESS_ID)
                .singleResult());
        if (proces != null && proces.isSuspended()) {
            throw new ConflictException("Het proces van " + sleutel + " is opgeschort in Cockpit; hervat het eerst");
        }
        Job timer = proces == null ? null : reviewTimer(proces.getId()).orElse(null);
        if (timer == null) {
            throw new ConflictException("Opdracht " + sleutel + " heeft geen geplande review");
        }
        if (invoer == null) {
            throw new OngeldigeInvoerException("vervroeging", "is leeg");
        }
        Instant gepland = timer.getDuedate().toInstant();
        LocalDate geplandeDag = gepland.atZone(ZoneId.systemDefault()).toLocalDate();
        Map<String, String> fouten = new LinkedHashMap<>();
        if (invoer.datum() == null) {
            fouten.put("datum", "is verplicht");
        } else if (invoer.datum().isBefore(Klok.vandaag())) {
            fouten.put("datum", "ligt in het verleden");
        } else if (!invoer.datum().isBefore(geplandeDag)) {
            fouten.put("datum", "ligt niet voor de geplande review van " + new Opmaak().datum(geplandeDag)
                    + "; een review kan alleen eerder");
        }
        if (invoer.reden() == null || invoer.reden().isBlank()) {
            fouten.put("reden", "is verplicht: waarom kan de review niet wachten?");
        } else if (invoer.reden().strip().length() > REDEN) {
            fouten.put("reden", "is langer dan " + REDEN + " tekens");
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        // At the start of the day, as the cycle's own moments are: today's is due at once, and the
        // reviews after it fall at the start of their day too.
        Instant nieuw = invoer.datum().atStartOfDay(ZoneId.systemDefault()).toInstant();
        gebruiker.alsSysteem(() -> {
            managementService.setJobDuedate(timer.getId(), Date.from(nieuw), false);
            return null;
        });
        telOpVanaf(timer.getId(), nieuw);
        if (!nieuw.isAfter(Klok.nu())) {
            wekJobExecutorNaCommit();
        }
        return vervroegingen.save(new ReviewVervroeging(opdracht, gepland, nieuw, invoer.reden().strip(),
                gebruiker.id(), Klok.nu()));
    }

    /**
     * The engine fixes a cycle's start when it makes the timer ("R/P3M" made on 5 December becomes
     * "R/2026-12-05T17:48:00/P3M") and counts every later moment from there; moved by the engine's
     * own cascade the moments shift by a fixed number of milliseconds, and months differ in length.
     * The cycle starts again at the new moment instead: quarterly brought forward to 10 December
     * gives 10 March, 10 June.
     */
    private void telOpVanaf(String timerId, Instant nieuw) {
        engineConfiguratie().getCommandExecutorTxRequired().execute(context -> {
            TimerEntity timer = (TimerEntity) context.getJobManager().findJobById(timerId);
            String[] delen = timer.getRepeat() == null ? new String[0] : timer.getRepeat().split("/");
            if (delen.length >= 2 && delen[0].startsWith("R") && delen[delen.length - 1].startsWith("P")) {
                timer.setRepeat(delen[0] + "/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        nieuw.atZone(ZoneId.systemDefault())) + "/" + delen[delen.length - 1]);
                timer.setRepeatOffset(0);
            }
            return null;
        });
    }

    /**
     * A review for today is due at once, but an idle job executor may wait up to a minute before it
     * looks again; it is told after the commit, as for a job the engine makes itself.
     */
    private void wekJobExecutorNaCommit() {
        JobExecutor jobExecutor = engineConfiguratie().getJobExecutor();
        if (jobExecutor == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jobExecutor.jobWasAdded();
            }
        });
    }

    private ProcessEngineConfigurationImpl engineConfiguratie() {
        return ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration();
    }

    private Optional<Job> reviewTimer(String procesInstantie) {
        return Optional.ofNullable(gebruiker.alsSysteem(() -> managementService.createJobQuery()
                .processInstanceId(procesInstantie).activityId(LevenscyclusProces.Element.TIMER_REVIEWCYCLUS)
                .timers().singleResult()));
    }

    private static String woord(Fase fase) {
        return fase.name().toLowerCase(java.util.Locale.ROOT);
    }
}
