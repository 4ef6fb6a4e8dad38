package nl.stuurwiel.bench;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;

import nl.stuurwiel.opdracht.LevenscyclusProces;

/** Engine-side helpers of the benchmarks: many process instances at once, the job executor. */
final class Processen {

    private static final int PARTIJ = 200;

    private Processen() {
    }

    interface Variabelen {
        Map<String, Object> voor(String sleutel, int index);
    }

    /**
     * Starts one lifecycle instance per key directly at an activity (as a process-instance
     * modification would), {@value #PARTIJ} per transaction so the engine flushes them in one batch.
     */
    static void startBij(ProcessEngine engine, String activiteit, List<String> sleutels, Variabelen variabelen) {
        ProcessEngineConfigurationImpl configuratie = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        for (int van = 0; van < sleutels.size(); van += PARTIJ) {
            int begin = van;
            int tot = Math.min(sleutels.size(), van + PARTIJ);
            configuratie.getCommandExecutorTxRequired().execute(context -> {
                for (int i = begin; i < tot; i++) {
                    String sleutel = sleutels.get(i);
                    engine.getRuntimeService().createProcessInstanceByKey(LevenscyclusProces.PROCESS_ID)
                            .businessKey(sleutel).setVariables(variabelen.voor(sleutel, i))
                            .startBeforeActivity(activiteit).execute(true, true);
                }
                return null;
            });
        }
    }

    /**
     * Starts the engine's job executor with the settings production uses (camunda.bpm.job-execution.*
     * of application.yaml; the test configuration itself keeps the executor off).
     */
    static JobExecutor startJobExecutor(ProcessEngine engine, JobExecutionProperty instellingen) {
        JobExecutor executor = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getJobExecutor();
        if (executor instanceof DefaultJobExecutor pool) {
            pool.setCorePoolSize(instellingen.getCorePoolSize());
            pool.setMaxPoolSize(instellingen.getMaxPoolSize());
            pool.setQueueSize(instellingen.getQueueCapacity());
        }
        if (instellingen.getMaxJobsPerAcquisition() != null) {
            executor.setMaxJobsPerAcquisition(instellingen.getMaxJobsPerAcquisition());
        }
        if (instellingen.getWaitTimeInMillis() != null) {
            executor.setWaitTimeInMillis(instellingen.getWaitTimeInMillis());
        }
        if (instellingen.getLockTimeInMillis() != null) {
            executor.setLockTimeInMillis(instellingen.getLockTimeInMillis());
        }
        if (instellingen.getMaxWait() != null) {
            executor.setMaxWait(instellingen.getMaxWait());
        }
        if (instellingen.getBackoffTimeInMillis() != null) {
            executor.setBackoffTimeInMillis(instellingen.getBackoffTimeInMillis());
        }
        if (instellingen.getMaxBackoff() != null) {
            executor.setMaxBackoff(instellingen.getMaxBackoff());
        }
        System.out.println("[bench] job executor " + executor.getClass().getSimpleName() + " of "
                + engine.getName() + ": core " + instellingen.getCorePoolSize() + ", max "
                + instellingen.getMaxPoolSize() + ", queue " + instellingen.getQueueCapacity() + ", per acquisition "
                + executor.getMaxJobsPerAcquisition() + ", wait " + executor.getWaitTimeInMillis() + " ms");
        executor.start();
        return executor;
    }
}
