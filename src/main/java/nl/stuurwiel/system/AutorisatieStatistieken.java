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
 * On PostgreSQL, gives the planner statistics on the permission bits of Camunda's authorization
 * table. Every task query of a non-admin user (Tasklist) joins that table on
 * {@code PERMS_ & n = n}; without statistics PostgreSQL guesses such a filter keeps 0.5 % of the
 * rows, while a group's per-task grants are all of them, and picks a nested loop that compares
 * every task with every grant: 34 s for a count at 25,000 tasks of one group, 0.35 s with these
 * statistics and custom plans (application-postgres.yaml; bench/RESULTS.md, benchmark 3). The
 * engine creates its own schema, after Flyway, so this runs once the engine is built;
 * {@code IF NOT EXISTS} makes it a no-op on later starts.
 */
@Component
public class AutorisatieStatistieken extends AbstractProcessEnginePlugin {

    static final String NAAM = "stuurwiel_autorisatie_rechten";
    private static final Logger LOG = LoggerFactory.getLogger(AutorisatieStatistieken.class);

    private final DataSource dataSource;

    public AutorisatieStatistieken(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection verbinding = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(verbinding.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement opdracht = verbinding.createStatement()) {
                // READ (2) on tasks and READ_TASK (64) on process definitions: what a task query checks.
                opdracht.execute("CREATE STATISTICS IF NOT EXISTS " + NAAM
                        + " ON (perms_ & 2), (perms_ & 64) FROM act_ru_authorization");
                opdracht.execute("ANALYZE act_ru_authorization");
            }
            if (!verbinding.getAutoCommit()) {
                verbinding.commit();
            }
        } catch (SQLException e) {
            // Slower task queries are no reason to refuse to start (e.g. PostgreSQL before 14).
            LOG.warn("Statistieken op act_ru_authorization niet aangemaakt: {}", e.getMessage());
        }
    }
}
