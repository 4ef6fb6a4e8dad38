package nl.stuurwiel.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the history of process variables to one row per variable (its last value, in
 * ACT_HI_VARINST) instead of also one row per change (ACT_HI_DETAIL, with a copy of every JSON
 * value). Everything else of history level full stays: activities, tasks, decisions with their
 * inputs and outputs, incidents, jobs and the user operation log.
 *
 * <p>Why: the values the forms submit land in the portfolio tables, where the audit trail
 * (Envers) keeps every version with who changed it; the engine's per-change copies of the same
 * values are read by nothing in Stuurwiel or the Community Edition webapps, and they were 7 of the
 * 47 rows a review opening adds (bench/RESULTS.md). A municipality that wants them sets
 * {@code stuurwiel.historie.variabelen-details=true}.
 */
@Component
public class VariabelenHistorie extends AbstractProcessEnginePlugin {

    private final boolean details;

    public VariabelenHistorie(@Value("${stuurwiel.historie.variabelen-details:false}") boolean details) {
        this.details = details;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuratie) {
        if (details || !configuratie.isEnableDefaultDbHistoryEventHandler()) {
            return;
        }
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new ZonderDetails());
        if (configuratie.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuratie.getCustomHistoryEventHandlers());
        }
        configuratie.setEnableDefaultDbHistoryEventHandler(false);
        configuratie.setCustomHistoryEventHandlers(handlers);
    }

    /** Camunda's database history, without the per-change rows of variables. */
    static class ZonderDetails extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity gebeurtenis) {
            return false;
        }
    }
}
