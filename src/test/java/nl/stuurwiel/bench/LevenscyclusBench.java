package nl.stuurwiel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.opdracht.Besluiten;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
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
    @Value("${spring.datasource.url}")
    String databank;
    @Value("${spring.datasource.username}")
    String gebruiker;
    @Value("${spring.datasource.password:}")
    String wachtwoord;

    static ProcessEngine kaal;

    @Test
    void lifecycleThroughputAgainstABareEngine() throws IOException {
        kaal = kaleEngine();
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
                "database=%s%nopdrachten=%d%nstuurwiel_per_s=%.1f%nkaal_per_s=%.1f%nverhouding=%.2f%n", soortDatabank(),
                AANTAL, stuurwielPerSeconde, kaalPerSeconde, stuurwielPerSeconde / kaalPerSeconde));
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

    /**
     * The same model on its own engine and database, whose delegates only set the variables the
     * model itself needs (candidate group, timers, DMN inputs).
     */
    private ProcessEngine kaleEngine() {
        ProcessEngineConfigurationImpl configuratie = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        if (soortDatabank().equals("h2")) {
            configuratie.setJdbcUrl("jdbc:h2:mem:kaal;DB_CLOSE_DELAY=-1");
            configuratie.setJdbcUsername("sa");
            configuratie.setJdbcPassword("");
        } else {
            configuratie.setJdbcUrl(System.getProperty("bench.kaal.url", databank + "_kaal"));
            configuratie.setJdbcUsername(gebruiker);
            configuratie.setJdbcPassword(wachtwoord);
        }
        configuratie.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuratie.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuratie.setJobExecutorActivate(false);
        configuratie.setProcessEngineName("kaal");
        configuratie.setJavaSerializationFormatEnabled(false);
        Map<Object, Object> beans = new HashMap<>();
        beans.put("besluiten", new Besluiten());
        beans.put("procesInstellingen", instellingen);
        LocalDate einde = LocalDate.now().plusYears(1);
        for (String naam : List.of("opdrachtRegistrerenDelegate", "intakeAccepterenDelegate", "opdrachtAfwijzenDelegate",
                "faseZettenDelegate", "aanvullingVerwerkenDelegate", "herinneringVersturenDelegate",
                "capaciteitControlerenDelegate", "voortgangVastleggenDelegate", "reviewBesluitVastleggenDelegate",
                "bijstellingVoorstellenDelegate", "bijstellingBeoordeeldDelegate", "einddatumVerlengenDelegate",
                "opdrachtAfsluitenDelegate", "uitvoeringOnderbrokenDelegate")) {
            beans.put(naam, new Niets(Map.of()));
        }
        beans.put("opdrachtRegistrerenDelegate", new Niets(Map.of(Var.OPDRACHT_TITEL, "Kaal", Var.TEAM_GROEP, "kaal",
                Var.ONTBREKENDE_GEGEVENS, "")));
        beans.put("prioriteringVoorbereidenDelegate", new Niets(Map.of(Var.WETTELIJKE_TAAK, false,
                Var.AANTAL_DOELEN, 1, Var.URGENTIE, "hoog", Var.RISICO, "midden", Var.BUDGET, 40000.0)));
        beans.put("uitvoeringStartenDelegate", new Niets(Map.of(Var.REVIEW_CYCLUS, "R/P1M",
                Var.GEPLAND_EINDE, java.sql.Date.valueOf(einde))));
        beans.put("reviewOpenenDelegate", new Niets(Map.of(), Map.of("rapportageNummer", 1)));
        configuratie.setBeans(beans);
        ProcessEngine engine = configuratie.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("kaal")
                .addClasspathResource("processes/opdracht-levenscyclus.bpmn")
                .addClasspathResource("processes/prioritering.dmn").deploy();
        return engine;
    }

    /** A delegate or listener that does nothing but set the variables the model reads. */
    static final class Niets implements JavaDelegate, ExecutionListener {

        private final Map<String, Object> variabelen;
        private final Map<String, Object> lokaal;

        Niets(Map<String, Object> variabelen) {
            this(variabelen, Map.of());
        }

        Niets(Map<String, Object> variabelen, Map<String, Object> lokaal) {
            this.variabelen = variabelen;
            this.lokaal = lokaal;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(variabelen);
            execution.setVariablesLocal(lokaal);
        }

        @Override
        public void notify(DelegateExecution execution) {
            execute(execution);
        }
    }
}
