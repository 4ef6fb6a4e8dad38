package nl.stuurwiel.team;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/teams", produces = MediaType.APPLICATION_JSON_VALUE)
public class TeamController {

    public record TeamBezetting(String code, String naam, String groep, BigDecimal capaciteitFte,
            BigDecimal ingezetFte, BigDecimal vrijFte, boolean overbelast) {
    }

    private final TeamService teamService;

    public TeamController(TeamService teamService) {
        this.teamService = teamService;
    }

    /** Every team with its capacity against what its running opdrachten take. */
    @GetMapping
    @Transactional(readOnly = true)
    public List<TeamBezetting> teams() {
        return teamService.alle().stream().sorted(Comparator.comparing(Team::getCode)).map(team -> {
            BigDecimal ingezet = teamService.ingezet(team);
            BigDecimal vrij = team.getCapaciteitFte().subtract(ingezet);
            return new TeamBezetting(team.getCode(), team.getNaam(), team.getGroepId(), team.getCapaciteitFte(),
                    ingezet, vrij, vrij.signum() < 0);
        }).toList();
    }
}
