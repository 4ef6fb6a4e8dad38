package nl.stuurwiel.opdracht;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.security.InstantieAutorisaties;
import nl.stuurwiel.system.ConflictException;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.Opmaak;

/**
 * Hands an opdracht to another team: the portfolio row, the team's open tasks, the variable later
 * tasks read their candidate group from, and the team's read grant on the process instance, all in
 * one transaction. A step that opens a team task at the same moment writes the same rows (the open
 * task, the opdracht's phase), so a version check lets the later of the two fail and be tried again,
 * never both pass with the old team (OverdrachtTest runs that race).
 */
@Service
@Transactional
public class OverdrachtService {

    private static final int REDEN = 2000;

    private final OpdrachtService opdrachtService;
    private final OverdrachtRepository overdrachten;
    private final OpdrachtRepository opdrachten;
    private final TeamRepository teams;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final InstantieAutorisaties instantieAutorisaties;
    private final Bewerkrechten rechten;
    private final HuidigeGebruiker gebruiker;

    public OverdrachtService(OpdrachtService opdrachtService, OverdrachtRepository overdrachten,
            OpdrachtRepository opdrachten, TeamRepository teams,
            RuntimeService runtimeService, TaskService taskService, InstantieAutorisaties instantieAutorisaties,
            Bewerkrechten rechten, HuidigeGebruiker gebruiker) {
        this.opdrachtService = opdrachtService;
        this.overdrachten = overdrachten;
        this.opdrachten = opdrachten;
        this.teams = teams;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.instantieAutorisaties = instantieAutorisaties;
        this.rechten = rechten;
        this.gebruiker = gebruiker;
    }

    public Overdracht draagOver(String sleutel, OverdrachtInvoer invoer) {
        rechten.controleerTeams("opdrachten aan een ander team overdragen");
        Opdracht opdracht = opdrachtService.opdracht(sleutel);
        if (opdracht.getFase().isEindfase()) {
            throw new ConflictException("Opdracht " + sleutel + " is " + woord(opdracht.getFase())
                    + "; een beëindigde opdracht gaat niet meer over naar een ander team");
        }
        if (invoer == null) {
            throw new OngeldigeInvoerException("overdracht", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        Team oud = opdracht.getTeam();
        Team nieuw = null;
        if (invoer.team() == null || invoer.team().isBlank()) {
            fouten.put("team", "is verplicht");
        } else {
            nieuw = teams.findByCode(invoer.team().strip()).orElse(null);
            if (nieuw == null) {
                fouten.put("team", "onbekend team '" + invoer.team().strip() + "'" + opdrachtService.bekendeTeams());
            } else if (nieuw.getId().equals(oud.getId())) {
                fouten.put("team", "is al het team van " + sleutel);
            } else if (nieuw.isOpgeheven()) {
                fouten.put("team", "team " + nieuw.getCode() + " is opgeheven op " + new Opmaak().datum(nieuw.getOpgehevenOp())
                        + opdrachtService.bekendeTeams());
            }
        }
        if (invoer.reden() == null || invoer.reden().isBlank()) {
            fouten.put("reden", "is verplicht: waarom gaat de opdracht naar een ander team?");
        } else if (invoer.reden().strip().length() > REDEN) {
            fouten.put("reden", "is langer dan " + REDEN + " tekens");
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        opdracht.setTeam(nieuw);
        Team naar = nieuw;
        // Moving tasks and grants is the application's rule, checked above; MT holds no right to
        // change a team's tasks or to write grants in Camunda itself.
        gebruiker.alsSysteem(() -> {
            ProcessInstance proces = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sleutel)
                    .processDefinitionKey(LevenscyclusProces.PROCESS_ID).singleResult();
            if (proces != null && proces.isSuspended()) {
                // Its tasks cannot change while it is suspended; the opdracht would lose its team's tasks.
                throw new ConflictException("Het proces van " + sleutel + " is opgeschort in Cockpit; hervat het eerst");
            }
            if (proces != null) {
                runtimeService.setVariable(proces.getId(), Var.TEAM_GROEP, naar.getGroepId());
                // The new team picks its tasks up itself: a claim by someone of the old team is released.
                for (Task taak : taskService.createTaskQuery().processInstanceId(proces.getId())
                        .taskCandidateGroup(oud.getGroepId()).includeAssignedTasks().list()) {
                    if (taak.getAssignee() != null) {
                        taskService.setAssignee(taak.getId(), null);
                    }
                    taskService.deleteCandidateGroup(taak.getId(), oud.getGroepId());
                    taskService.addCandidateGroup(taak.getId(), naar.getGroepId());
                    instantieAutorisaties.taakNietMeerVoor(taak.getId(), oud.getGroepId(), taak.getAssignee());
                }
                instantieAutorisaties.teamGewisseld(proces.getId(), oud.getGroepId(), naar.getGroepId());
            }
            return null;
        });
        return overdrachten.save(new Overdracht(opdracht, oud, nieuw, invoer.reden().strip(), gebruiker.id(),
                Instant.now()));
    }

    /**
     * Every opdracht of a team that has not ended goes to another team with one reason, say before
     * the team is dissolved in a reorganisation: all of them, or none when one cannot go. The keys
     * that went, in key order.
     */
    public List<String> draagAllesOver(String vanTeam, OverdrachtInvoer invoer) {
        rechten.controleerTeams("opdrachten aan een ander team overdragen");
        Team van = teams.findByCode(vanTeam)
                .orElseThrow(() -> new NietGevondenException("Team " + vanTeam + " bestaat niet"));
        if (invoer == null) {
            throw new OngeldigeInvoerException("overdracht", "is leeg");
        }
        if (invoer.team() != null && invoer.team().strip().equalsIgnoreCase(van.getCode())) {
            throw new OngeldigeInvoerException("team", "is het team zelf; kies het team dat de opdrachten overneemt");
        }
        List<String> sleutels = opdrachten.sleutelsVanTeam(van.getId(), Fase.nietBeeindigd());
        sleutels.forEach(sleutel -> draagOver(sleutel, invoer));
        return sleutels;
    }

    @Transactional(readOnly = true)
    public List<Overdracht> overdrachten(String sleutel) {
        return overdrachten.vanOpdracht(sleutel);
    }

    private static String woord(Fase fase) {
        return fase.name().toLowerCase(java.util.Locale.ROOT);
    }
}
