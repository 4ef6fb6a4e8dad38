package nl.stuurwiel.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.StandaardAutorisaties;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/**
 * Benchmark 3 (run by bench/run): the query Tasklist sends for a group's tasks (candidate
 * groups, sorted by due date, first page of 15, plus the count Tasklist shows), as a non-admin
 * user with Camunda authorization on, at 50,000 open tasks. Baselines in the same run: the same
 * query at 1,000 open tasks, and the same query without authorization checks.
 */
@StuurwielTest
class TaakQueryBench {

    private static final int PAGINA = 15;
    private static final int TEAMS = 10;

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    StandaardAutorisaties autorisaties;
    @Autowired
    TeamRepository teamRepository;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String databank;

    private final List<Team> teams = new ArrayList<>();
    private int aangemaakt;

    @Test
    void tasklistQueryAtManyOpenTasks() {
        int klein = Uitvoer.omvang("bench.taken.basis", 1_000);
        int groot = Uitvoer.omvang("bench.taken", 50_000);
        int keren = Integer.getInteger("bench.keren", 200);
        Uitvoer uitvoer = new Uitvoer("taken", databank).zet("taken_basis", klein).zet("taken", groot);
        for (int t = 0; t < TEAMS; t++) {
            // Camunda group ids are letters and digits only (the fixture's team groups are not).
            Team team = teamRepository.save(new Team("BENCH" + t, "Team " + t, "benchteam" + t, new BigDecimal("10")));
            autorisaties.teamGroep(team.getGroepId(), team.getNaam());
            teams.add(team);
        }
        String intake = portfolio.gebruiker("benchintake", "Bench-Wachtwoord-1!", Rollen.INTAKE);
        String teamlid = portfolio.gebruiker("benchteam", "Bench-Wachtwoord-1!", teams.get(0).getGroepId());

        maakTaken(klein);
        meetAlles(uitvoer, "basis", keren, intake, teamlid);
        long begin = System.nanoTime();
        maakTaken(groot);
        uitvoer.zet("aanmaken_s", (System.nanoTime() - begin) / 1e9);
        meetAlles(uitvoer, "vol", keren, intake, teamlid);
        uitvoer.zet("open_taken", taskService.createTaskQuery().count()).schrijf();
    }

    /** Half intake tasks, half progress reports of the teams: each with a due date, as in the model. */
    private void maakTaken(int totaal) {
        int van = aangemaakt;
        List<String> intake = IntStream.range(van, totaal).filter(i -> i % 2 == 0).mapToObj(i -> "TQ-" + i).toList();
        List<String> rapportages = IntStream.range(van, totaal).filter(i -> i % 2 == 1).mapToObj(i -> "TQ-" + i)
                .toList();
        Processen.startBij(engine, Element.BEOORDEEL_INTAKE, intake, (sleutel, i) -> variabelen(sleutel, i));
        Processen.startBij(engine, Element.VOORTGANG_RAPPORTEREN, rapportages, (sleutel, i) -> variabelen(sleutel, i));
        aangemaakt = totaal;
        new BulkData(jdbc).analyseer();
    }

    private Map<String, Object> variabelen(String sleutel, int i) {
        Map<String, Object> variabelen = new HashMap<>();
        variabelen.put(Var.OPDRACHT_KEY, sleutel);
        variabelen.put(Var.OPDRACHT_TITEL, "Opdracht " + sleutel);
        variabelen.put(Var.TEAM_GROEP, teams.get(i % TEAMS).getGroepId());
        variabelen.put(Var.AANVRAGER, PortfolioFixture.AANVRAGER);
        variabelen.put(Var.REVIEW_CYCLUS, "R/P1M");
        variabelen.put(Var.GEPLAND_EINDE, new Date(System.currentTimeMillis() + 365L * 24 * 3600 * 1000));
        return variabelen;
    }

    private void meetAlles(Uitvoer uitvoer, String stap, int keren, String intake, String teamlid) {
        meet(uitvoer, stap + "_intake", keren, intake, Rollen.INTAKE);
        meet(uitvoer, stap + "_team", keren, teamlid, teams.get(0).getGroepId());
        meet(uitvoer, stap + "_zonder_autorisatie", keren, null, Rollen.INTAKE);
    }

    /** p50/p95 of list + count as {@code gebruiker} (null: no authentication, no checks). */
    private void meet(Uitvoer uitvoer, String naam, int keren, String gebruiker, String groep) {
        int[] gevonden = new int[1];
        List<Double> ms;
        try {
            if (gebruiker != null) {
                identityService.setAuthentication(gebruiker, List.of(groep));
            }
            ms = Uitvoer.latenties(20, keren, () -> {
                List<Task> pagina = taskService.createTaskQuery().taskCandidateGroupIn(List.of(groep))
                        .orderByDueDate().asc().listPage(0, PAGINA);
                long aantal = taskService.createTaskQuery().taskCandidateGroupIn(List.of(groep)).count();
                gevonden[0] = (int) Math.min(aantal, Integer.MAX_VALUE);
                if (pagina.size() != Math.min(PAGINA, aantal)) {
                    throw new AssertionError(naam + ": page of " + pagina.size() + " while " + aantal + " match");
                }
                return pagina;
            });
        } finally {
            identityService.clearAuthentication();
        }
        if (gevonden[0] == 0) {
            throw new AssertionError(naam + ": the query found no tasks; authorizations not as expected");
        }
        uitvoer.zet(naam + "_gevonden", gevonden[0]).zet(naam + "_p50_ms", Uitvoer.percentiel(ms, 50))
                .zet(naam + "_p95_ms", Uitvoer.percentiel(ms, 95));
    }
}
