package nl.stuurwiel;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Which database the suite runs on: `mvn verify` on H2, `mvn verify -Ppostgres` on PostgreSQL. */
public final class Databank {

    private Databank() {
    }

    public static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection verbinding = dataSource.getConnection()) {
            return "PostgreSQL".equals(verbinding.getMetaData().getDatabaseProductName());
        }
    }
}
