package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.stuurwiel.Databank;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.security.Rollen;

/** The PostgreSQL planner settings that keep Tasklist's task query fast (bench/RESULTS.md, benchmark 3). */
@StuurwielTest
class AutorisatieTabelTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactie;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;

    @Test
    void onPostgresTheAuthorizationTableHasStatisticsAndConnectionsRunWithoutJit() throws SQLException {
        assumeTrue(Databank.isPostgres(dataSource), "PostgreSQL only (mvn verify -Ppostgres)");
        assertThat(jdbc.queryForList("""
                select pg_get_statisticsobjdef(oid) from pg_statistic_ext where stxname = ?""", String.class,
                AutorisatieTabel.NAAM)).singleElement().asString()
                .contains("act_ru_authorization").contains("perms_ & 2").contains("perms_ & 64");
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
        // Cached plans for everything else; see AutorisatieQueryPlanTest.
        assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
    }

    @Test
    void aUsersTaskQueryLooksUpTheGrantsInThePartialIndex() throws SQLException {
        assumeTrue(Databank.isPostgres(dataSource), "PostgreSQL only (mvn verify -Ppostgres)");
        assertThat(jdbc.queryForObject("select pg_get_indexdef(?::regclass)", String.class, AutorisatieTabel.TAAK_INDEX))
                .contains("act_ru_authorization", "(resource_id_)", "WHERE");
        Task taak = taskService.newTask("indextaak-" + UUID.randomUUID());
        taskService.saveTask(taak);
        taskService.addCandidateGroup(taak.getId(), Rollen.INTAKE);
        Long gebruikt = transactie.execute(status -> {
            // The test database is small enough to read whole; the index must be usable, not cheaper.
            jdbc.execute("set local enable_seqscan = off");
            identityService.setAuthentication("indexlezer", List.of(Rollen.INTAKE));
            try {
                taskService.createTaskQuery().taskCandidateGroup(Rollen.INTAKE).orderByDueDate().asc().count();
            } finally {
                identityService.clearAuthentication();
            }
            return jdbc.queryForObject("select pg_stat_get_xact_numscans(?::regclass)",
                    Long.class, AutorisatieTabel.TAAK_INDEX);
        });
        taskService.deleteTask(taak.getId(), true);
        assertThat(gebruikt).as("index scans by the task query's authorization check").isPositive();
    }

    @Test
    void aSecondEngineStartFindsTheStatisticsAndTheIndexInPlace() throws SQLException {
        // What a restart or a second node does: the plugin runs again without an error or a
        // duplicate; on H2 it does nothing.
        new AutorisatieTabel(dataSource).postProcessEngineBuild(null);
        if (Databank.isPostgres(dataSource)) {
            assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?", Integer.class,
                    AutorisatieTabel.NAAM)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Integer.class,
                    AutorisatieTabel.TAAK_INDEX)).isEqualTo(1);
        }
    }
}
