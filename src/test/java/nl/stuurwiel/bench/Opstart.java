package nl.stuurwiel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import nl.stuurwiel.StuurwielApplication;

/**
 * Run in a JVM of its own by {@link OpstartBench}: starts Stuurwiel (or a bare engine), then
 * prints the time from JVM start until ready and the heap in use after a full GC, and stops.
 */
public final class Opstart {

    private Opstart() {
    }

    public static void main(String[] args) throws Exception {
        String soort = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        AutoCloseable gestart;
        if (soort.equals("stuurwiel")) {
            ConfigurableApplicationContext context = SpringApplication.run(StuurwielApplication.class, rest);
            gestart = context::close;
        } else {
            ProcessEngine engine = kaleEngine(rest[0], rest[1], rest[2]);
            gestart = engine::close;
        }
        long klaar = ManagementFactory.getRuntimeMXBean().getUptime();
        MemoryMXBean geheugen = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "OPSTART ms=%d heap_mb=%.1f nonheap_mb=%.1f max_heap_mb=%.0f%n", klaar,
                geheugen.getHeapMemoryUsage().getUsed() / 1048576.0,
                geheugen.getNonHeapMemoryUsage().getUsed() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.flush();
        gestart.close();
        System.exit(0);
    }

    /** The baseline: Camunda's engine alone (no Spring, web apps, REST, JPA), same model, job executor on. */
    private static ProcessEngine kaleEngine(String url, String gebruiker, String wachtwoord) {
        ProcessEngineConfiguration configuratie = ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration().setJdbcUrl(url).setJdbcUsername(gebruiker)
                .setJdbcPassword(wachtwoord).setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(true)
                .setProcessEngineName("kaal");
        ProcessEngine engine = configuratie.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("kaal").enableDuplicateFiltering(true)
                .addClasspathResource("processes/opdracht-levenscyclus.bpmn")
                .addClasspathResource("processes/prioritering.dmn").deploy();
        return engine;
    }
}
