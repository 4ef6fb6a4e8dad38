package nl.stuurwiel.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.stuurwiel.meetronde.MeetrondeProces;
import nl.stuurwiel.opdracht.LevenscyclusProces;

/**
 * The role groups, their authorizations and the shared Tasklist filters, created once and
 * left alone afterwards so that administrators can change them in Camunda Admin.
 */
@Component
public class StandaardAutorisaties {

    private static final Logger LOG = LoggerFactory.getLogger(StandaardAutorisaties.class);

    private static final String TASKLIST = "tasklist";
    private static final String COCKPIT = "cockpit";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    public StandaardAutorisaties(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener
    public void naDeploy(PostDeployEvent event) {
        richtIn();
    }

    public void richtIn() {
        groep(Rollen.AANVRAGER, "Aanvragers", "WORKFLOW");
        aanvragen(Rollen.AANVRAGER);

        groep(Rollen.INTAKE, "Portfoliobureau (intake)", "WORKFLOW");
        aanvragen(Rollen.INTAKE);
        procesVolgen(Rollen.INTAKE);

        groep(Rollen.MT, "Management (MT)", "WORKFLOW");
        aanvragen(Rollen.MT);
        procesVolgen(Rollen.MT);
        toestaan(Rollen.MT, Resources.TASK, ANY, Permissions.READ);

        // Designers manage models, but read instances only per instance: InstantieAutorisaties
        // grants that for every opdracht that is not confidential. A global READ_INSTANCE,
        // READ_TASK or READ_HISTORY here would show them confidential opdrachten too.
        groep(Rollen.PROCESONTWERPER, "Procesontwerpers", "WORKFLOW");
        toestaan(Rollen.PROCESONTWERPER, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        toestaan(Rollen.PROCESONTWERPER, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        toestaan(Rollen.PROCESONTWERPER, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.DELETE,
                ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.RETRY_JOB);
        toestaan(Rollen.PROCESONTWERPER, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.UPDATE,
                Permissions.CREATE_INSTANCE);
        toestaan(Rollen.PROCESONTWERPER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        waarschuwVoorGlobaalLezen(Rollen.PROCESONTWERPER);

        filters();
    }

    /**
     * Installations from before confidential opdrachten gave designers global read rights on
     * instances; those are left alone like every existing authorization, but an administrator
     * should remove them.
     */
    private void waarschuwVoorGlobaalLezen(String groep) {
        boolean instanties = authorizationService.createAuthorizationQuery().groupIdIn(groep)
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(ANY).hasPermission(Permissions.READ).count() > 0;
        boolean viaDefinitie = authorizationService.createAuthorizationQuery().groupIdIn(groep)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(ANY)
                .hasPermission(ProcessDefinitionPermissions.READ_INSTANCE).count() > 0;
        if (instanties || viaDefinitie) {
            LOG.warn("De groep '{}' mag alle procesinstanties lezen, ook die van vertrouwelijke opdrachten. "
                    + "Verwijder in Camunda Admin de globale READ op Process Instance '*' en READ_INSTANCE, "
                    + "READ_TASK en READ_HISTORY op Process Definition '*' (zie README, Vertrouwelijke opdrachten).",
                    groep);
        }
    }

    /** A team's group: its members work the team's tasks and may request opdrachten. */
    public void teamGroep(String groepId, String naam) {
        groep(groepId, naam, Rollen.TEAM_TYPE);
        aanvragen(groepId);
    }

    private void aanvragen(String groep) {
        toestaan(groep, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        toestaan(groep, Resources.FILTER, ANY, Permissions.READ);
        toestaan(groep, Resources.PROCESS_DEFINITION, LevenscyclusProces.PROCESS_ID, Permissions.READ,
                Permissions.CREATE_INSTANCE);
        // Tasklist names the process of a measurement-round task; the task itself is visible to its
        // assignee and candidate groups only.
        toestaan(groep, Resources.PROCESS_DEFINITION, MeetrondeProces.PROCESS_ID, Permissions.READ);
        toestaan(groep, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    /**
     * Follow every instance and incident in Cockpit, read-only. Tasks stay visible only to
     * their candidate groups and assignee (and to MT).
     */
    private void procesVolgen(String groep) {
        toestaan(groep, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        toestaan(groep, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY);
        toestaan(groep, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        toestaan(groep, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        toestaan(groep, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        toestaan(groep, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    private void groep(String id, String naam, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group groep = identityService.newGroup(id);
            groep.setName(naam);
            groep.setType(type);
            identityService.saveGroup(groep);
        }
    }

    private void toestaan(String groep, Resource resource, String resourceId, Permission... rechten) {
        boolean bestaat = authorizationService.createAuthorizationQuery().groupIdIn(groep)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!bestaat) {
            Authorization autorisatie = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            autorisatie.setGroupId(groep);
            autorisatie.setResource(resource);
            autorisatie.setResourceId(resourceId);
            for (Permission recht : rechten) {
                autorisatie.addPermission(recht);
            }
            authorizationService.saveAuthorization(autorisatie);
        }
    }

    private void filters() {
        filter("Mijn taken", -10, "Taken die aan mij zijn toegewezen",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filter("Taken van mijn groepen", -5, "Taken voor mijn teams en rollen die nog niemand heeft opgepakt",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned());
        filter(TE_LAAT, 0, TE_LAAT_OMSCHRIJVING, teLaat());
    }

    private static final String TE_LAAT = "Te laat";
    private static final String TE_LAAT_OMSCHRIJVING = "Mijn taken en taken van mijn groepen waarvan de vervaldatum verstreken is";

    /**
     * Overdue: the tasks of the user's groups, taken or not, and the user's own. A requester's task to
     * complete a request and an indicator owner's measurement are assigned to them while their
     * candidate group is intake's: by group alone they were missing from their own list.
     */
    private TaskQuery teLaat() {
        return taskService.createTaskQuery()
                .or().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .taskAssigneeExpression("${currentUser()}").endOr()
                .dueBeforeExpression("${now()}");
    }

    /**
     * An earlier version's "Te laat" counted the groups only; it gets the user's own tasks too, unless
     * an administrator has changed its query.
     */
    private void teLaatMetEigenTaken(Filter filter) {
        JsonTaskQueryConverter json = new JsonTaskQueryConverter();
        TaskQuery eerder = taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().dueBeforeExpression("${now()}");
        if (json.toJsonObject(eerder).equals(json.toJsonObject(filter.<TaskQuery>getQuery()))) {
            filter.setQuery(teLaat());
            Map<String, Object> eigenschappen = new HashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
            eigenschappen.computeIfPresent("description", (k, oud) ->
                    "Taken van mijn groepen waarvan de vervaldatum verstreken is".equals(oud) ? TE_LAAT_OMSCHRIJVING : oud);
            filter.setProperties(eigenschappen);
            filterService.saveFilter(filter);
        }
    }

    private void filter(String naam, int prioriteit, String omschrijving, TaskQuery query) {
        List<Filter> bestaand = filterService.createFilterQuery().filterName(naam).list();
        if (!bestaand.isEmpty()) {
            bestaand.forEach(this::kaartAanvullen);
            if (TE_LAAT.equals(naam)) {
                bestaand.forEach(this::teLaatMetEigenTaken);
            }
            return;
        }
        Filter filter = filterService.newTaskFilter(naam);
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "priority", prioriteit,
                "description", omschrijving,
                "refresh", true,
                "variables", Taakkaart.VARIABELEN));
        filterService.saveFilter(filter);
    }

    /**
     * A filter made by an earlier version shows what a task card showed then; a card variable added
     * since is added to it, and whatever an administrator changed on the filter stays.
     */
    private void kaartAanvullen(Filter filter) {
        Map<String, Object> eigenschappen = new HashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
        List<Map<String, String>> variabelen = new ArrayList<>();
        if (eigenschappen.get("variables") instanceof List<?> lijst) {
            for (Object element : lijst) {
                if (element instanceof Map<?, ?> variabele) {
                    Map<String, String> kopie = new LinkedHashMap<>();
                    variabele.forEach((sleutel, waarde) -> kopie.put(String.valueOf(sleutel), String.valueOf(waarde)));
                    variabelen.add(kopie);
                }
            }
        }
        Set<String> namen = variabelen.stream().map(v -> v.get("name")).collect(Collectors.toSet());
        List<Map<String, String>> ontbrekend = Taakkaart.VARIABELEN.stream()
                .filter(v -> !namen.contains(v.get("name"))).toList();
        if (!ontbrekend.isEmpty()) {
            variabelen.addAll(ontbrekend);
            eigenschappen.put("variables", variabelen);
            filter.setProperties(eigenschappen);
            filterService.saveFilter(filter);
        }
    }
}
