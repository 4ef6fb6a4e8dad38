package nl.stuurwiel.team;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.opdracht.OverdrachtInvoer;
import nl.stuurwiel.opdracht.OverdrachtService;

@RestController
@RequestMapping(path = "/api/teams", produces = MediaType.APPLICATION_JSON_VALUE)
public class TeamController {

    /** {@code opgehevenOp} is the day the team was dissolved; absent while it exists. */
    public record TeamBezetting(String code, String naam, String groep, BigDecimal capaciteitFte,
            BigDecimal ingezetFte, BigDecimal vrijFte, boolean overbelast, LocalDate opgehevenOp) {
    }

    /** The keys of the opdrachten that went to the other team. */
    public record Overgedragen(String team, List<String> opdrachten) {
    }

    private final TeamService teamService;
    private final OverdrachtService overdrachtService;

    public TeamController(TeamService teamService, OverdrachtService overdrachtService) {
        this.teamService = teamService;
        this.overdrachtService = overdrachtService;
    }

    /** Every team with its capacity against what its running opdrachten take. */
    @GetMapping
    @Transactional(readOnly = true)
    public List<TeamBezetting> teams() {
        return teamService.alle().stream().sorted(Comparator.comparing(Team::getCode)).map(this::bezetting).toList();
    }

    @GetMapping("/{team}")
    @Transactional(readOnly = true)
    public TeamBezetting team(@PathVariable String team) {
        return bezetting(teamService.team(team));
    }

    /** A new team with its Camunda group (MT and administrators). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public ResponseEntity<TeamBezetting> maak(@RequestBody TeamInvoer invoer) {
        Team team = teamService.maak(invoer);
        return ResponseEntity.created(URI.create("/api/teams/" + team.getCode())).body(bezetting(team));
    }

    /** Name and capacity (MT and administrators). */
    @PutMapping(path = "/{team}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public TeamBezetting wijzig(@PathVariable String team, @RequestBody TeamInvoer invoer) {
        return bezetting(teamService.wijzig(team, invoer));
    }

    /**
     * Dissolves the team (MT and administrators): refused with 409 while it has opdrachten that have not
     * ended. It keeps its history and takes no new opdrachten.
     */
    @PostMapping("/{team}/opheffen")
    @Transactional
    public TeamBezetting hefOp(@PathVariable String team) {
        return bezetting(teamService.hefOp(team));
    }

    /**
     * Hands every opdracht of the team that has not ended to another team, with one reason (MT and
     * administrators): all or none. Each gets its own transfer in its history, as one at a time would.
     */
    @PostMapping(path = "/{team}/overdracht", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Overgedragen draagAllesOver(@PathVariable String team, @RequestBody OverdrachtInvoer invoer) {
        return new Overgedragen(invoer == null || invoer.team() == null ? null : invoer.team().strip(),
                overdrachtService.draagAllesOver(team, invoer));
    }

    private TeamBezetting bezetting(Team team) {
        BigDecimal ingezet = teamService.ingezet(team);
        BigDecimal vrij = team.getCapaciteitFte().subtract(ingezet);
        return new TeamBezetting(team.getCode(), team.getNaam(), team.getGroepId(), team.getCapaciteitFte(),
                ingezet, vrij, vrij.signum() < 0, team.getOpgehevenOp());
    }
}
