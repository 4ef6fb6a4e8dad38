package nl.stuurwiel.system;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, a query that a user runs with authorization checks (Tasklist's filters and
 * counts, the engine REST API, Cockpit's lists) is planned with its parameter values every time.
 * <p>
 * A prepared statement run often gets a generic plan, made without the parameter values. For
 * those queries the generic plan guesses that a group's grants are few and compares every task
 * with every grant: 34 s against 0.35 s for a count at 25,000 tasks (bench/RESULTS.md,
 * benchmark 3). Planning every statement that way instead, as a connection setting did before,
 * cost the engine's own work a fifth of the database's time (benchmark 2): so only these queries
 * get it, for the rest of their transaction.
 * <p>
 * Even with the values, for a task query the planner keeps a group's grants in memory and compares
 * each of the group's tasks with each of them (one grant per task and candidate group); without
 * materialising it looks up each task's grants by their index instead ({@link AutorisatieTabel}):
 * 0.5 s against 0.13 s for a group of 2,500 tasks. Only task queries, where this was measured.
 */
@Component
public class AutorisatieQueryPlan extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuratie) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuratie.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuratie.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(new EigenPlanInterceptor(configuratie));
        configuratie.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /** Runs inside the command's context and transaction (a post interceptor). */
    static class EigenPlanInterceptor extends CommandInterceptor {

        static final String EIGEN_PLAN = EigenQueryPlan.EIGEN_PLAN;
        static final String TAAK_PLAN = EIGEN_PLAN + "; SET LOCAL enable_material = off";
        private static final String WEBAPP_QUERY_SERVICE = "org.camunda.bpm.webapp.impl.db.QueryServiceImpl$";

        private final ProcessEngineConfigurationImpl configuratie;

        EigenPlanInterceptor(ProcessEngineConfigurationImpl configuratie) {
            this.configuratie = configuratie;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (isQuery(command) && "postgres".equals(configuratie.getDatabaseType())) {
                CommandContext context = Context.getCommandContext();
                if (context != null && metAutorisatiecontrole(context)) {
                    eigenPlan(context, isTaakQuery(command) ? TAAK_PLAN : EIGEN_PLAN);
                }
            }
            return next.execute(command);
        }

        /**
         * A query object run directly (the Java API, the engine REST API), a saved filter run by
         * Tasklist (its query runs inside the filter's command), or a query of the webapps' own
         * query service (Cockpit's lists).
         */
        static boolean isQuery(Command<?> command) {
            return command instanceof AbstractQuery<?, ?> || command instanceof AbstractExecuteFilterCmd
                    || command.getClass().getName().startsWith(WEBAPP_QUERY_SERVICE);
        }

        private boolean metAutorisatiecontrole(CommandContext context) {
            Authentication gebruiker = context.getAuthentication();
            return configuratie.isAuthorizationEnabled() && context.isAuthorizationCheckEnabled() && gebruiker != null
                    && !context.getAuthorizationManager().isCamundaAdmin(gebruiker);
        }

        /** Tasklist's queries: a task query, or a saved filter (Tasklist's filters are task queries). */
        static boolean isTaakQuery(Command<?> command) {
            return command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd;
        }

        private static void eigenPlan(CommandContext context, String instelling) {
            try (Statement opdracht = context.getDbSqlSession().getSqlSession().getConnection().createStatement()) {
                opdracht.execute(instelling);
            } catch (SQLException e) {
                throw new ProcessEngineException("Kon het queryplan niet instellen: " + e.getMessage(), e);
            }
        }
    }
}
