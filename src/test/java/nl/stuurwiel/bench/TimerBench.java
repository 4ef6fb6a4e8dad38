package nl.stuurwiel.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.bijstelling.BijstellingService;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.system.ProcesInstellingen;
import nl.stuurwiel.team.Team;

/**
 * Benchmark 2 (run by bench/run): 10,000 opdrachten in execution whose monthly review falls due
 * at the same moment. The clock moves past the due date and the job executor (production
 * settings) fires the timers; measured is the time until every review task exists, against a
 * bare engine firing the same number of review timers of the same model.
 */
@StuurwielTest
class TimerBench {

    private static final Duration MAXIMAAL = Duration.ofMinutes(20);

    @Autowired
    ProcessEngine stuurwiel;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcesInstellingen instellingen;
    @Autowired
    CamundaBpmProperties camunda;
    @Value("${spring.datasource.url}")
    String databank;
    @Value("${spring.datasource.username}")
    String gebruiker;
    @Value("${spring.datasource.password:}")
    String wachtwoord;

    static ProcessEngine kaal;

    @Test
    void reviewsDueAtOnce() {
        int aantal = Uitvoer.omvang("bench.timers", 10_000);
        Uitvoer uitvoer = new Uitvoer("timers", databank).zet("reviews", aantal);
        Team team = portfolio.team("100000.0");
        List<String> sleutels = new BulkData(jdbc).opdrachten("TM", 1, aantal, List.of(team), i -> Fase.UITVOERING);
        Date einde = BijstellingService.eindeVan(LocalDate.now().plusYears(1));
        long begin = System.nanoTime();
        Processen.startBij(stuurwiel, Element.UITVOERING, sleutels, (sleutel, i) -> variabelen(sleutel,
                team.getGroepId(), einde));
        uitvoer.zet("aanmaken_stuurwiel_s", seconden(begin));
        if (Boolean.getBoolean("bench.timers.voorgeschiedenis")) {
            voorgeschiedenis(aantal);
            uitvoer.zet("voorgeschiedenis_grants", 2 * aantal);
        }

        kaal = KaleEngine.bouw("kaal-timers", databank, gebruiker, wachtwoord, instellingen);
        List<String> kaleSleutels = IntStream.range(0, aantal).mapToObj(i -> "KAAL-" + i).toList();
        begin = System.nanoTime();
        Processen.startBij(kaal, Element.UITVOERING, kaleSleutels, (sleutel, i) -> variabelen(sleutel, "kaal", einde));
        uitvoer.zet("aanmaken_kaal_s", seconden(begin));

        // One month and a bit later every review is due at once.
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(32))));
        double stuurwielSeconden = vuur(stuurwiel, aantal, uitvoer, "stuurwiel");
        double kaalSeconden = vuur(kaal, aantal, uitvoer, "kaal");
        uitvoer.zet("stuurwiel_s", stuurwielSeconden).zet("kaal_s", kaalSeconden)
                .zet("verhouding", kaalSeconden / stuurwielSeconden)
                .zet("stuurwiel_per_s", aantal / stuurwielSeconden).schrijf();
    }

    /**
     * What a portfolio in use holds before its reviews fire and a new database does not: the
     * grants of each opdracht's finished intake and MT tasks (Tasklist's history), analysed. With
     * an almost empty authorization table PostgreSQL plans the engine's grant lookup for a few
     * rows and keeps that plan while the table grows (bench/RESULTS.md, "Where the database's
     * time goes").
     */
    private void voorgeschiedenis(int aantal) {
        List<Object[]> rijen = new ArrayList<>();
        for (int i = 0; i < aantal; i++) {
            for (String groep : List.of(Rollen.INTAKE, Rollen.MT)) {
                rijen.add(new Object[] {UUID.randomUUID().toString(), groep, UUID.randomUUID().toString()});
            }
        }
        jdbc.batchUpdate("""
                insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                values (?, 1, 1, ?, 19, ?, 2)""", rijen);
        new BulkData(jdbc).analyseer();
    }

    private static Map<String, Object> variabelen(String sleutel, String teamGroep, Date einde) {
        Map<String, Object> variabelen = new HashMap<>();
        variabelen.put(Var.OPDRACHT_KEY, sleutel);
        variabelen.put(Var.OPDRACHT_TITEL, "Opdracht " + sleutel);
        variabelen.put(Var.TEAM_GROEP, teamGroep);
        variabelen.put(Var.AANVRAGER, PortfolioFixture.AANVRAGER);
        variabelen.put(Var.REVIEW_CYCLUS, "R/P1M");
        variabelen.put(Var.GEPLAND_EINDE, einde);
        return variabelen;
    }

    /** Seconds from starting the job executor until all review tasks exist. */
    private double vuur(ProcessEngine engine, int aantal, Uitvoer uitvoer, String naam) {
        long begin = System.nanoTime();
        JobExecutor executor = Processen.startJobExecutor(engine, camunda.getJobExecution());
        long taken = 0;
        try {
            while (System.nanoTime() - begin < MAXIMAAL.toNanos()) {
                taken = engine.getTaskService().createTaskQuery().taskDefinitionKey(Element.VOORTGANG_RAPPORTEREN)
                        .count();
                if (taken >= aantal) {
                    break;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdown();
        }
        double seconden = seconden(begin);
        long mislukt = engine.getManagementService().createJobQuery().withException().count();
        uitvoer.zet("taken_" + naam, taken).zet("mislukte_jobs_" + naam, mislukt);
        if (taken < aantal) {
            throw new AssertionError(naam + ": " + taken + " of " + aantal + " review tasks after " + seconden
                    + " s; jobs with an exception: " + mislukt);
        }
        return seconden;
    }

    private static double seconden(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }

    @AfterAll
    static void sluit() {
        ClockUtil.reset();
        if (kaal != null) {
            kaal.close();
        }
    }
}
