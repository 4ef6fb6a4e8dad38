package nl.stuurwiel.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import nl.stuurwiel.opdracht.Besluiten;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.system.ProcesInstellingen;

/**
 * The baseline of the benchmarks: a bare Camunda engine on its own database of the same kind,
 * with the same BPMN and DMN, whose delegates only set the variables the model itself needs
 * (candidate group, timers, DMN inputs). Same history level, no authorization, no JPA.
 */
final class KaleEngine {

    private KaleEngine() {
    }

    /** @param databank Stuurwiel's JDBC URL; for PostgreSQL the bare engine uses {@code <url>_kaal}. */
    static ProcessEngine bouw(String naam, String databank, String gebruiker, String wachtwoord,
            ProcesInstellingen instellingen) {
        ProcessEngineConfigurationImpl configuratie = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        if (Uitvoer.soort(databank).equals("h2")) {
            configuratie.setJdbcUrl("jdbc:h2:mem:" + naam + ";DB_CLOSE_DELAY=-1");
            configuratie.setJdbcUsername("sa");
            configuratie.setJdbcPassword("");
        } else {
            configuratie.setJdbcUrl(System.getProperty("bench.kaal.url", databank + "_kaal"));
            configuratie.setJdbcUsername(gebruiker);
            configuratie.setJdbcPassword(wachtwoord);
        }
        configuratie.setJdbcMaxActiveConnections(20);
        configuratie.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuratie.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuratie.setJobExecutorActivate(false);
        configuratie.setProcessEngineName(naam);
        configuratie.setJavaSerializationFormatEnabled(false);
        Map<Object, Object> beans = new HashMap<>();
        beans.put("besluiten", new Besluiten());
        beans.put("procesInstellingen", instellingen);
        LocalDate einde = LocalDate.now().plusYears(1);
        for (String delegate : List.of("opdrachtRegistrerenDelegate", "intakeAccepterenDelegate",
                "opdrachtAfwijzenDelegate", "faseZettenDelegate", "aanvullingVerwerkenDelegate",
                "herinneringVersturenDelegate", "capaciteitControlerenDelegate", "voortgangVastleggenDelegate",
                "reviewBesluitVastleggenDelegate", "bijstellingVoorstellenDelegate", "bijstellingBeoordeeldDelegate",
                "einddatumVerlengenDelegate", "opdrachtAfsluitenDelegate", "uitvoeringOnderbrokenDelegate")) {
            beans.put(delegate, new Niets(Map.of()));
        }
        beans.put("opdrachtRegistrerenDelegate", new Niets(Map.of(Var.OPDRACHT_TITEL, "Kaal", Var.TEAM_GROEP, "kaal",
                Var.ONTBREKENDE_GEGEVENS, "")));
        beans.put("prioriteringVoorbereidenDelegate", new Niets(Map.of(Var.WETTELIJKE_TAAK, false,
                Var.AANTAL_DOELEN, 1, Var.URGENTIE, "hoog", Var.RISICO, "midden", Var.BUDGET, 40000.0)));
        beans.put("uitvoeringStartenDelegate", new Niets(Map.of(Var.REVIEW_CYCLUS, "R/P1M",
                Var.GEPLAND_EINDE, java.sql.Date.valueOf(einde))));
        beans.put("taakAangemaaktMail", new Niets(Map.of()));
        beans.put("reviewOpenenDelegate", new Niets(Map.of(), Map.of("rapportageNummer", 1)));
        configuratie.setBeans(beans);
        ProcessEngine engine = configuratie.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name(naam)
                .addClasspathResource("processes/opdracht-levenscyclus.bpmn")
                .addClasspathResource("processes/prioritering.dmn").deploy();
        return engine;
    }

    /** A delegate or listener that does nothing but set the variables the model reads. */
    static final class Niets implements JavaDelegate, ExecutionListener, TaskListener {

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

        @Override
        public void notify(DelegateTask taak) {
            // the mail about a new task: nothing to send here
        }
    }
}
