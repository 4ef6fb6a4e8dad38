package nl.stuurwiel.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, prepares Camunda's authorization table for the task queries of users (Tasklist).
 * Every such query joins the table on {@code PERMS_ & n = n} for READ on the task or READ_TASK on
 * its process definition, once per task (bench/RESULTS.md, benchmark 3):
 * <ul>
 * <li>Statistics on those permission bits. Without them PostgreSQL guesses such a filter keeps
 * 0.5 % of the rows, while a group's per-task grants are all of them, and compares every task
 * with every grant: 34 s for a count at 25,000 tasks of one group, 0.35 s with them.</li>
 * <li>A partial index of just the grants such a check can match, by resource id. Each task's
 * lookup by the general index also visits every global grant of every group ({@code '*'}) and
 * every grant on the process definition; this one holds only the task-reading ones: the count at
 * 25,000 tasks went from 345 to 245 ms. PostgreSQL uses it when it plans with the values, which
 * {@link AutorisatieQueryPlan} arranges.</li>
 * </ul>
 * The engine creates its own schema, after Flyway, so this runs once the engine is built;
 * {@code IF NOT EXISTS} makes it a no-op on later starts.
 */
@Component
public class AutorisatieTabel extends AbstractProcessEnginePlugin {

    static final String NAAM = "stuurwiel_autorisatie_rechten";
    static final String TAAK_INDEX = "stuurwiel_autorisatie_taak_lezen";
    /**
     * What a task query checks, as Camunda writes it: grants, not revokes (type 2), with READ (2) on
     * the task (resource 7) or READ_TASK (64) on its process definition (resource 6).
     */
    static final String TAAK_LEZEN =
            "type_ < 2 and (resource_type_ = 7 and perms_ & 2 = 2 or resource_type_ = 6 and perms_ & 64 = 64)";
    private static final Logger LOG = LoggerFactory.getLogger(AutorisatieTabel.class);

    private final DataSource dataSource;

    public AutorisatieTabel(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection verbinding = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(verbinding.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement opdracht = verbinding.createStatement()) {
                opdracht.execute("CREATE STATISTICS IF NOT EXISTS " + NAAM
                        + " ON (perms_ & 2), (perms_ & 64) FROM act_ru_authorization");
                opdracht.execute("CREATE INDEX IF NOT EXISTS " + TAAK_INDEX + " ON act_ru_authorization (resource_id_) WHERE "
                        + TAAK_LEZEN);
                opdracht.execute("ANALYZE act_ru_authorization");
            }
            if (!verbinding.getAutoCommit()) {
                verbinding.commit();
            }
        } catch (SQLException e) {
            // Slower task queries are no reason to refuse to start (e.g. PostgreSQL before 14).
            LOG.warn("Statistieken en index op act_ru_authorization niet aangemaakt: {}", e.getMessage());
        }
    }
}
