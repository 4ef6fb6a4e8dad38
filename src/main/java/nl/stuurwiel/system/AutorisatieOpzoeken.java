package nl.stuurwiel.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Two lookups of the engine's authorization manager that read more than their answer needs, made
 * to read only that (bench/RESULTS.md, "Which of a user's groups hold grants" and "No grant lookup
 * for a task the command creates").
 * <ul>
 * <li><b>Which of a user's groups hold any grant.</b> Before each authorization check the engine
 * narrows the user's groups to those in {@code ACT_RU_AUTHORIZATION}, with {@code select distinct
 * GROUP_ID_} over the whole table, once per command: for every request of Tasklist, Cockpit or the
 * REST API, and every task a user completes. The table holds a grant per open task and candidate
 * group, so that read grows with the open work: 15–24 ms per command at 50,000 open tasks on
 * PostgreSQL. Here each of the user's few groups is looked up in the group index.</li>
 * <li><b>The grants of a task the command has just created.</b> Before it writes a candidate's
 * grants on a task, the engine looks for an existing grant in the database, one query per grant.
 * A task created in this command has none there yet (grants made earlier in the same command are
 * still in the engine's cache, where it looks separately). While many reviews fire at once on a
 * new PostgreSQL database, that query ran as a table scan on a plan made when the table was small:
 * 9.2 of the database's 38.3 CPU seconds at 5,000 reviews.</li>
 * </ul>
 * The engine takes its managers from session factories; a custom factory of the same type replaces
 * its own.
 */
@Component
public class AutorisatieOpzoeken extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuratie) {
        List<SessionFactory> fabrieken = new ArrayList<>();
        if (configuratie.getCustomSessionFactories() != null) {
            fabrieken.addAll(configuratie.getCustomSessionFactories());
        }
        fabrieken.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new Manager();
            }
        });
        configuratie.setCustomSessionFactories(fabrieken);
    }

    /** The engine's authorization manager (one per command) with the two lookups above. */
    static class Manager extends AuthorizationManager {

        /**
         * The first group from this one on, in the group index's order: this group if it holds a
         * grant. Asked as "= ?", PostgreSQL may plan a table scan that stops at the first match,
         * which reads the whole table for a group without grants (42 ms at 100,000 grants); in
         * index order it reads one index entry, also in a generic plan.
         */
        static final String EERSTE_GROEP_VANAF =
                "select GROUP_ID_ from %s where GROUP_ID_ >= ? order by GROUP_ID_ fetch first 1 rows only";

        /** Per command, like the engine's own cache of all groups. */
        private final Map<String, Boolean> bekend = new HashMap<>();

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> groepen) {
            if (groepen == null || groepen.isEmpty()) {
                return List.of();
            }
            List<String> metRechten = new ArrayList<>();
            for (String groep : groepen) {
                if (groep != null && !metRechten.contains(groep)
                        && bekend.computeIfAbsent(groep, this::heeftRechten)) {
                    metRechten.add(groep);
                }
            }
            return metRechten;
        }

        @Override
        public AuthorizationEntity findAuthorizationByGroupIdAndResourceId(int type, String groep, Resource resource,
                String resourceId) {
            return isNieuweTaak(resource, resourceId) ? null
                    : super.findAuthorizationByGroupIdAndResourceId(type, groep, resource, resourceId);
        }

        @Override
        public AuthorizationEntity findAuthorizationByUserIdAndResourceId(int type, String gebruiker, Resource resource,
                String resourceId) {
            return isNieuweTaak(resource, resourceId) ? null
                    : super.findAuthorizationByUserIdAndResourceId(type, gebruiker, resource, resourceId);
        }

        /** A task, or its history, that this command inserts: no grant on it can be in the database. */
        private boolean isNieuweTaak(Resource resource, String resourceId) {
            if (resourceId == null || resource.resourceType() != Resources.TASK.resourceType()
                    && resource.resourceType() != Resources.HISTORIC_TASK.resourceType()) {
                return false;
            }
            CachedDbEntity taak = getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, resourceId);
            return taak != null && taak.getEntityState() == DbEntityState.TRANSIENT;
        }

        private boolean heeftRechten(String groep) {
            // The command's own connection and transaction, as the engine's query would use.
            Connection verbinding = getDbSqlSession().getSqlSession().getConnection();
            String sql = EERSTE_GROEP_VANAF.formatted(getDbSqlSession().prependDatabaseTablePrefix("ACT_RU_AUTHORIZATION"));
            try (PreparedStatement opdracht = verbinding.prepareStatement(sql)) {
                opdracht.setString(1, groep);
                try (ResultSet rij = opdracht.executeQuery()) {
                    return rij.next() && groep.equals(rij.getString(1));
                }
            } catch (SQLException e) {
                throw new ProcessEngineException("Kon de rechten van groep '" + groep + "' niet opzoeken: "
                        + e.getMessage(), e);
            }
        }
    }
}
