package nl.stuurwiel.team;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class TeamService {

    private static final List<Fase> LOPEND = Arrays.stream(Fase.values()).filter(Fase::isLopend).toList();

    private final TeamRepository teams;
    private final OpdrachtRepository opdrachten;

    public TeamService(TeamRepository teams, OpdrachtRepository opdrachten) {
        this.teams = teams;
        this.opdrachten = opdrachten;
    }

    /** FTE committed to the team's running opdrachten. */
    public BigDecimal ingezet(Team team) {
        return opdrachten.ingezetteFte(team.getId(), LOPEND);
    }

    /** What the team has left: capacity minus what running opdrachten take. */
    public BigDecimal vrijeCapaciteit(Team team) {
        return team.getCapaciteitFte().subtract(ingezet(team));
    }

    public List<Team> alle() {
        return teams.findAll();
    }
}
