package nl.stuurwiel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.system.ProcesInstellingen;
import nl.stuurwiel.team.Team;

/**
 * Benchmark 1 (not a test: run by bench/run): opdrachten per second through the whole
 * lifecycle (intake, prioritisation, one review, closure) in Stuurwiel, against a bare Camunda
 * engine running the same BPMN and DMN with no-op delegates on the same kind of database.
 */
@StuurwielTest
class LevenscyclusBench {

    private static final int OPWARMEN = 20;
    private static final int AANTAL = Integer.getInteger("bench.opdrachten", 200);
    private static final Path UITVOER = Path.of("target", "bench");

    @Autowired
    ProcessEngine stuurwiel;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    ProcesInstellingen instellingen;
    @Autowired
    OpzoekenMetGraaf opzoekenMetGraaf;
    @Autowired
    OpdrachtRepository opdrachten;
    @Autowired
    TransactionTemplate transactie;
    @Value("${spring.datasource.url}")
    String databank;
    @Value("${spring.datasource.username}")
    String gebruiker;
    @Value("${spring.datasource.password:}")
    String wachtwoord;

    static ProcessEngine kaal;

    @Test
    void lifecycleThroughputAgainstABareEngine() throws IOException {
        kaal = KaleEngine.bouw("kaal", databank, gebruiker, wachtwoord, instellingen);
        Team team = portfolio.team("100000.0");
        Doel doel = portfolio.doel();
        Consumer<Integer> metStuurwiel = i -> doorloop(stuurwiel,
                opdrachtService.aanvragen(portfolio.volledigeAanvraag(team, doel), PortfolioFixture.AANVRAGER)
                        .getSleutel());
        Consumer<Integer> metKaleEngine = i -> {
            String sleutel = "KAAL-" + System.nanoTime() + "-" + i;
            kaal.getRuntimeService().startProcessInstanceByKey(LevenscyclusProces.PROCESS_ID, sleutel,
                    Map.of(Var.OPDRACHT_KEY, sleutel, Var.AANVRAGER, PortfolioFixture.AANVRAGER));
            doorloop(kaal, sleutel);
        };
        meet(metStuurwiel, OPWARMEN);
        meet(metKaleEngine, OPWARMEN);
        // Alternate the two so that JIT, caches and machine load affect both alike.
        double stuurwielPerSeconde = 0;
        double kaalPerSeconde = 0;
        for (int ronde = 0; ronde < 2; ronde++) {
            stuurwielPerSeconde += meet(metStuurwiel, AANTAL / 2);
            kaalPerSeconde += meet(metKaleEngine, AANTAL / 2);
        }
        stuurwielPerSeconde /= 2;
        kaalPerSeconde /= 2;
        Files.createDirectories(UITVOER);
        Files.writeString(UITVOER.resolve("levenscyclus-" + soortDatabank() + ".txt"), String.format(java.util.Locale.ROOT,
                "database=%s%nopdrachten=%d%nstuurwiel_per_s=%.2f%nkaal_per_s=%.2f%nverhouding=%.2f%n", soortDatabank(),
                AANTAL, stuurwielPerSeconde, kaalPerSeconde, stuurwielPerSeconde / kaalPerSeconde));
    }

    /**
     * The hotspot a JFR profile of this benchmark showed: looking an opdracht up by key with its
     * team and goal links. Hibernate 6.6 translates a query that carries an entity graph anew on
     * every call; the repository's JPQL with {@code join fetch} is translated once. The same
     * lookup (same rows, same transaction, same opdracht) both ways.
     */
    @Test
    void lookupByKeyJoinFetchAgainstEntityGraph() {
        Team team = portfolio.team("100.0");
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(team, portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();
        Runnable joinFetch = () -> transactie.executeWithoutResult(s -> opdrachten.findBySleutel(sleutel)
                .orElseThrow().getDoelen().size());
        Runnable graaf = () -> transactie.executeWithoutResult(s -> opzoekenMetGraaf.findBySleutel(sleutel)
                .orElseThrow().getDoelen().size());
        int keren = Integer.getInteger("bench.opzoeken", 4000);
        meet(i -> joinFetch.run(), keren / 4);
        meet(i -> graaf.run(), keren / 4);
        double joinFetchPerSeconde = 0;
        double graafPerSeconde = 0;
        for (int ronde = 0; ronde < 2; ronde++) {
            joinFetchPerSeconde += meet(i -> joinFetch.run(), keren / 2) / 2;
            graafPerSeconde += meet(i -> graaf.run(), keren / 2) / 2;
        }
        new Uitvoer("opzoeken", databank).zet("keren", keren).zet("join_fetch_per_s", joinFetchPerSeconde)
                .zet("graaf_per_s", graafPerSeconde).zet("verhouding", joinFetchPerSeconde / graafPerSeconde)
                .schrijf();
    }

    @AfterAll
    static void sluit() {
        if (kaal != null) {
            kaal.close();
        }
    }

    private static double meet(Consumer<Integer> werk, int aantal) {
        long begin = System.nanoTime();
        for (int i = 0; i < aantal; i++) {
            werk.accept(i);
        }
        return aantal / ((System.nanoTime() - begin) / 1e9);
    }

    /** Intake accepts, MT starts, one review (continue), the team finishes, end evaluation. */
    private static void doorloop(ProcessEngine engine, String sleutel) {
        rond(engine, sleutel, Element.BEOORDEEL_INTAKE, Map.of(Var.INTAKE_BESLUIT, "accepteren",
                Var.INTAKE_TOELICHTING, "Compleet", Var.URGENTIE, "hoog", Var.RISICO, "midden"));
        rond(engine, sleutel, Element.MT_BESLUIT, Map.of(Var.MT_BESLUIT, "starten"));
        String proces = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(sleutel)
                .singleResult().getId();
        Job review = engine.getManagementService().createJobQuery().processInstanceId(proces)
                .activityId(Element.TIMER_REVIEWCYCLUS).singleResult();
        engine.getManagementService().executeJob(review.getId());
        rond(engine, sleutel, Element.VOORTGANG_RAPPORTEREN, Map.of(Var.STATUS_KLEUR, "groen", "kleurToelichting", "Benchmark", Var.VOORTGANG,
                "Op schema", Var.BESTEED_BUDGET, 1000, Var.INGEZETTE_FTE, 1, Var.VOORSTEL, "doorgaan"));
        rond(engine, sleutel, Element.REVIEW_BEOORDELEN, Map.of(Var.REVIEW_BESLUIT, "doorgaan"));
        rond(engine, sleutel, Element.UITVOEREN, Map.of("uitvoeringGereed", true));
        rond(engine, sleutel, Element.EINDEVALUATIE, Map.of(Var.DOELEN_BEREIKT, "ja"));
    }

    private static void rond(ProcessEngine engine, String sleutel, String element, Map<String, Object> variabelen) {
        Task taak = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(sleutel)
                .taskDefinitionKey(element).singleResult();
        engine.getTaskService().complete(taak.getId(), variabelen);
    }

    private String soortDatabank() {
        return databank.startsWith("jdbc:postgresql") ? "postgresql" : "h2";
    }
}
