package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.stuurwiel.Databank;
import nl.stuurwiel.StuurwielTest;

/**
 * Two nodes starting on one PostgreSQL database take turns (see {@link OpstartSlot}).
 * The other node is played by a connection of the test's own holding the same advisory lock.
 */
@StuurwielTest
class OpstartSlotTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aNodeWaitsWhileAnotherStartsAndGoesOnWhenThatOneIsReady() throws Exception {
        assumeTrue(Databank.isPostgres(dataSource), "PostgreSQL only (mvn verify -Ppostgres)");
        OpstartSlot slot = new OpstartSlot(dataSource);
        try (Connection andereNode = dataSource.getConnection()) {
            andereNode.setAutoCommit(true);
            assertThat(probeer(andereNode)).as("the other node takes the slot").isTrue();

            CompletableFuture<Void> opbouwen = CompletableFuture.runAsync(() -> slot.preInit(null));
            Thread.sleep(1_000);
            assertThat(opbouwen).as("this node waits while the other holds the slot").isNotDone();

            voer(andereNode, "SELECT pg_advisory_unlock(" + OpstartSlot.SLOT + ")");
            opbouwen.get(10, TimeUnit.SECONDS);
            assertThat(probeer(andereNode)).as("this node now holds the slot").isFalse();

            slot.laatLos();
            assertThat(probeer(andereNode)).as("free again once this node is ready").isTrue();
            voer(andereNode, "SELECT pg_advisory_unlock(" + OpstartSlot.SLOT + ")");
        }
    }

    @Test
    void withoutPostgresTheSlotHoldsNothing() throws Exception {
        assumeTrue(!Databank.isPostgres(dataSource), "H2 only");
        OpstartSlot slot = new OpstartSlot(dataSource);
        CompletableFuture.runAsync(() -> slot.preInit(null)).get(10, TimeUnit.SECONDS);
        slot.laatLos();
    }

    private static boolean probeer(Connection verbinding) throws SQLException {
        try (Statement opdracht = verbinding.createStatement();
                ResultSet rij = opdracht.executeQuery("SELECT pg_try_advisory_lock(" + OpstartSlot.SLOT + ")")) {
            rij.next();
            return rij.getBoolean(1);
        }
    }

    private static void voer(Connection verbinding, String sql) throws SQLException {
        try (Statement opdracht = verbinding.createStatement()) {
            opdracht.execute(sql);
        }
    }
}
