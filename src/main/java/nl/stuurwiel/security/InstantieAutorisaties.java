package nl.stuurwiel.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

import nl.stuurwiel.opdracht.Opdracht;

/**
 * Per-instance authorizations of an opdracht's lifecycle. Process designers have no global
 * right to read instances (see {@link StandaardAutorisaties}); they get READ on each instance
 * and its history only when the opdracht is not confidential. The owning team and the requester
 * read their own opdracht's instance, confidential or not: Tasklist needs that to show which
 * opdracht a task is for (its variables), and the team sees the opdracht anyway. Intake and MT
 * read every instance (global grants), and so do administrators. An administrator can grant more
 * per instance in Camunda Admin.
 */
@Component
public class InstantieAutorisaties {

    private final AuthorizationService authorizationService;

    public InstantieAutorisaties(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    /** Called when the opdracht of this instance is registered, in the engine's transaction. */
    public void naRegistratie(String procesInstantieId, Opdracht opdracht) {
        // The requester has no right to create authorizations; this is the application's own rule.
        CommandContext context = Context.getCommandContext();
        Runnable toekennen = () -> {
            toestaan(opdracht.getTeam().getGroepId(), null, Resources.PROCESS_INSTANCE, procesInstantieId,
                    Permissions.READ);
            if (opdracht.getAanvrager() != null) {
                toestaan(null, opdracht.getAanvrager(), Resources.PROCESS_INSTANCE, procesInstantieId,
                        Permissions.READ);
            }
            if (!opdracht.isVertrouwelijk()) {
                toestaan(Rollen.PROCESONTWERPER, null, Resources.PROCESS_INSTANCE, procesInstantieId,
                        Permissions.READ);
                toestaan(Rollen.PROCESONTWERPER, null, Resources.HISTORIC_PROCESS_INSTANCE, procesInstantieId,
                        HistoricProcessInstancePermissions.READ);
            }
        };
        if (context == null) {
            toekennen.run();
        } else {
            context.runWithoutAuthorization(() -> {
                toekennen.run();
                return null;
            });
        }
    }

    /**
     * The owning team reads its opdracht's instance: when the opdracht goes to another team, so does
     * that grant. Called without a user's authorization (see OverdrachtService).
     */
    public void teamGewisseld(String procesInstantieId, String oudeGroep, String nieuweGroep) {
        authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(procesInstantieId).groupIdIn(oudeGroep).list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        toestaan(nieuweGroep, null, Resources.PROCESS_INSTANCE, procesInstantieId, Permissions.READ);
    }

    /**
     * Process designers read an opdracht's instance and its history only while it is not confidential:
     * a change of confidentiality takes those grants away or gives them. Called without a user's
     * authorization (see OpdrachtGegevensService).
     */
    public void vertrouwelijkheidGewijzigd(String procesInstantieId, boolean vertrouwelijk) {
        if (vertrouwelijk) {
            for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
                authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(procesInstantieId)
                        .groupIdIn(Rollen.PROCESONTWERPER).list()
                        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
            }
        } else {
            toestaan(Rollen.PROCESONTWERPER, null, Resources.PROCESS_INSTANCE, procesInstantieId, Permissions.READ);
            toestaan(Rollen.PROCESONTWERPER, null, Resources.HISTORIC_PROCESS_INSTANCE, procesInstantieId,
                    HistoricProcessInstancePermissions.READ);
        }
    }

    /**
     * The grants Camunda gave a candidate group (and the user who had claimed it) on a task and its
     * history, once they no longer work on it: Camunda adds such grants, but does not take them away.
     */
    public void taakNietMeerVoor(String taakId, String groep, String gebruiker) {
        for (Resource resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
            authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(taakId)
                    .groupIdIn(groep).list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
            if (gebruiker != null) {
                authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(taakId)
                        .userIdIn(gebruiker).list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
            }
        }
    }

    /** For a group or (groep null) a user; a step run again finds its grant and adds none. */
    private void toestaan(String groep, String gebruiker, Resource resource, String resourceId, Permission recht) {
        AuthorizationQuery bestaand = authorizationService.createAuthorizationQuery().resourceType(resource)
                .resourceId(resourceId);
        if ((groep != null ? bestaand.groupIdIn(groep) : bestaand.userIdIn(gebruiker)).count() > 0) {
            return;
        }
        Authorization autorisatie = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        autorisatie.setGroupId(groep);
        autorisatie.setUserId(gebruiker);
        autorisatie.setResource(resource);
        autorisatie.setResourceId(resourceId);
        autorisatie.addPermission(recht);
        authorizationService.saveAuthorization(autorisatie);
    }
}
