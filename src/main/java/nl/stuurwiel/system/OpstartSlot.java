package nl.stuurwiel.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time start on a shared PostgreSQL database. Camunda creates its schema while
 * the engine is built and does not guard that against a second node doing the same: two nodes
 * started at one moment on an empty database both ran CREATE TABLE and one stopped (bench/cluster,
 * SAME_MOMENT=1). The first administrator and the standard groups and authorizations are created
 * after that, also check-then-insert. So a node holds a session-level advisory lock from the
 * first step of building its engine until the application is ready; the next node waits and then
 * finds everything in place. PostgreSQL releases the lock by itself when a node dies holding it.
 * On H2 (one node) it does nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OpstartSlot extends AbstractProcessEnginePlugin {

    /** Any fixed number; it only has to differ from other advisory locks on the same database. */
    static final long SLOT = 0x5374_7572_7769_656CL; // "Stuurwiel"
    private static final Logger LOG = LoggerFactory.getLogger(OpstartSlot.class);

    private final DataSource dataSource;
    private volatile Connection vastgehouden;

    public OpstartSlot(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Connection verbinding = null;
        try {
            verbinding = dataSource.getConnection();
            if (!"PostgreSQL".equals(verbinding.getMetaData().getDatabaseProductName())) {
                verbinding.close();
                return;
            }
            verbinding.setAutoCommit(true);
            LOG.info("Wacht tot geen andere node op deze database aan het opstarten is");
            try (Statement opdracht = verbinding.createStatement()) {
                opdracht.execute("SELECT pg_advisory_lock(" + SLOT + ")");
            }
            vastgehouden = verbinding;
        } catch (SQLException e) {
            sluit(verbinding);
            throw new IllegalStateException("Stuurwiel start niet: de database is niet bereikbaar: " + e.getMessage(), e);
        }
    }

    /**
     * Gives the slot back, as the last thing of a start (after the demo data, if any); closing the
     * held connection releases the lock in any case.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    @PreDestroy
    public void laatLos() {
        if (vastgehouden == null) {
            return;
        }
        try (Connection verbinding = vastgehouden; Statement opdracht = verbinding.createStatement()) {
            opdracht.execute("SELECT pg_advisory_unlock(" + SLOT + ")");
        } catch (SQLException e) {
            LOG.warn("Opstartslot niet netjes vrijgegeven (de verbinding is gesloten, dus toch vrij): {}", e.getMessage());
        } finally {
            vastgehouden = null;
        }
    }

    private static void sluit(Connection verbinding) {
        if (verbinding == null) {
            return;
        }
        try {
            verbinding.close();
        } catch (SQLException e) {
            LOG.debug("Verbinding niet gesloten: {}", e.getMessage());
        }
    }
}
