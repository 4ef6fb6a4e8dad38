package nl.stuurwiel.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

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
