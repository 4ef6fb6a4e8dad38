package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.Mockito.mock;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.stuurwiel.Databank;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.security.Rollen;

/**
 * On PostgreSQL a user's query with authorization checks, and the opdracht list with its optional
 * filters, are planned with their parameter values, a task query also without materialising; nothing
 * else is (bench/RESULTS.md).
 */
@StuurwielTest
class AutorisatieQueryPlanTest {

    private static final String TAAK_PLAN = "force_custom_plan, material off";
    private static final String EIGEN_PLAN = "force_custom_plan, material on";
    private static final String GEDEELD_PLAN = "auto, material on";

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
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    FilterService filterService;
    @Autowired
    OpdrachtService opdrachtService;

    @AfterEach
    void afmelden() {
        identityService.clearAuthentication();
    }

    @Test
    void aUsersTaskQueryWithAuthorizationChecksGetsAPlanOfItsOwnForTheRestOfItsTransaction() throws SQLException {
        assumeTrue(Databank.isPostgres(dataSource), "PostgreSQL only (mvn verify -Ppostgres)");
        String metGebruiker = naQuery(() -> {
            identityService.setAuthentication("planlezer", List.of(Rollen.INTAKE));
            return taskService.createTaskQuery().taskCandidateGroup(Rollen.INTAKE).orderByDueDate().asc().count();
        });
        assertThat(metGebruiker).isEqualTo(TAAK_PLAN);
        // Tasklist runs its saved filters; their query runs inside the filter's command.
        String filter = filterService.createFilterQuery().filterName("Taken van mijn groepen").singleResult().getId();
        assertThat(naQuery(() -> {
            identityService.setAuthentication("planlezer", List.of(Rollen.INTAKE));
            return filterService.count(filter);
        })).isEqualTo(TAAK_PLAN);
        // Other queries of a user (Cockpit's lists): a plan of their own, materialising allowed.
        assertThat(naQuery(() -> {
            identityService.setAuthentication("planlezer", List.of(Rollen.INTAKE));
            return runtimeService.createProcessInstanceQuery().processDefinitionKey("bestaat-niet").count();
        })).isEqualTo(EIGEN_PLAN);
        // The transaction is over: the connection is back at its own settings.
        assertThat(naQuery(() -> null)).isEqualTo(GEDEELD_PLAN);
    }

    @Test
    void theEnginesOwnQueriesAndAnAdministratorsKeepCachedPlans() throws SQLException {
        assumeTrue(Databank.isPostgres(dataSource), "PostgreSQL only (mvn verify -Ppostgres)");
        assertThat(naQuery(() -> taskService.createTaskQuery().count())).isEqualTo(GEDEELD_PLAN);
        assertThat(naQuery(() -> {
            identityService.setAuthentication("beheerder", List.of(Groups.CAMUNDA_ADMIN));
            return taskService.createTaskQuery().count();
        })).isEqualTo(GEDEELD_PLAN);
        assertThat(naQuery(() -> {
            identityService.setAuthentication("planlezer", List.of(Rollen.INTAKE));
            return taskService.createTaskQuery().taskId("bestaat-niet").singleResult();
        })).isEqualTo(TAAK_PLAN);
    }

    @Test
    void theOpdrachtListWithItsOptionalFiltersGetsAPlanOfItsOwn() throws SQLException {
        assumeTrue(Databank.isPostgres(dataSource), "PostgreSQL only (mvn verify -Ppostgres)");
        assertThat(naQuery(() -> opdrachtService.zoek(null, null, null, null, null, PageRequest.of(0, 10))))
                .isEqualTo(EIGEN_PLAN);
    }

    @Test
    void cockpitsOwnListQueriesAreRecognisedAsQueries() throws Exception {
        // Guards an upgrade: the webapps' query service is matched by its class name.
        for (String naam : List.of("ExecuteListQueryCmd", "ExecuteSingleQueryCmd", "QueryServiceRowCountCmd")) {
            Class<?> cockpit = Class.forName("org.camunda.bpm.webapp.impl.db.QueryServiceImpl$" + naam);
            assertThat(AutorisatieQueryPlan.EigenPlanInterceptor.isQuery(
                    (Command<?>) mock(cockpit))).as(naam).isTrue();
        }
        assertThat(AutorisatieQueryPlan.EigenPlanInterceptor.isQuery(commandContext -> null)).isFalse();
    }

    @Test
    void aUsersQueryAnswersOnEitherDatabase() {
        identityService.setAuthentication("planlezer", List.of(Rollen.INTAKE));
        assertThat(taskService.createTaskQuery().taskCandidateGroup("niemand").list()).isEmpty();
    }

    /** The planner settings in the query's transaction, right after the query. */
    private String naQuery(Supplier<Object> query) {
        return transactie.execute(status -> {
            query.get();
            return jdbc.queryForObject("show plan_cache_mode", String.class) + ", material "
                    + jdbc.queryForObject("show enable_material", String.class);
        });
    }
}
