package nl.stuurwiel.system;

import java.sql.Connection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Has PostgreSQL plan the rest of the current transaction's statements with their parameter
 * values. For queries whose filters are optional ({@code :fase is null or o.fase = :fase}), as in
 * the opdracht list and the dashboard: the cached generic plan of such a query cannot leave out
 * the filters that are not used, and took the opdracht list from 9 to 16 ms (bench/RESULTS.md).
 * A no-op on other databases.
 */
@Component
public class EigenQueryPlan {

    static final String EIGEN_PLAN = "SET LOCAL plan_cache_mode = force_custom_plan";

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public EigenQueryPlan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void voorDezeTransactie() {
        if (isPostgres()) {
            jdbc.execute(EIGEN_PLAN);
        }
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = jdbc.execute((Connection verbinding) ->
                    "PostgreSQL".equals(verbinding.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }
}
