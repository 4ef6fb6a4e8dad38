package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.stuurwiel.StuurwielTest;

/** The PostgreSQL planner settings that keep Tasklist's task query fast (bench/RESULTS.md, benchmark 3). */
@StuurwielTest
class AutorisatieStatistiekenTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onPostgresTheAuthorizationTableHasStatisticsAndConnectionsRunWithoutJit() throws SQLException {
        assumeTrue(postgres(), "PostgreSQL only (mvn verify -Ppostgres)");
        assertThat(jdbc.queryForList("""
                select pg_get_statisticsobjdef(oid) from pg_statistic_ext where stxname = ?""", String.class,
                AutorisatieStatistieken.NAAM)).singleElement().asString()
                .contains("act_ru_authorization").contains("perms_ & 2").contains("perms_ & 64");
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
        // Cached plans for everything else; see AutorisatieQueryPlanTest.
        assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
    }

    @Test
    void aSecondEngineStartFindsTheStatisticsInPlace() throws SQLException {
        // What a restart or a second node does: the plugin runs again without an error or a
        // duplicate; on H2 it does nothing.
        new AutorisatieStatistieken(dataSource).postProcessEngineBuild(null);
        if (postgres()) {
            assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?", Integer.class,
                    AutorisatieStatistieken.NAAM)).isEqualTo(1);
        }
    }

    private boolean postgres() throws SQLException {
        try (Connection verbinding = dataSource.getConnection()) {
            return "PostgreSQL".equals(verbinding.getMetaData().getDatabaseProductName());
        }
    }
}
