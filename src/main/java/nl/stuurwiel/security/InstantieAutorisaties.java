package nl.stuurwiel.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Per-instance authorizations of an opdracht's lifecycle. Process designers have no global
 * right to read instances (see {@link StandaardAutorisaties}); they get READ on each instance
 * and its history only when the opdracht is not confidential. Confidential instances stay
 * readable for intake and MT (global grants), for the team through its tasks, and for
 * administrators. An administrator can grant more per instance in Camunda Admin.
 */
@Component
public class InstantieAutorisaties {

    private final AuthorizationService authorizationService;

    public InstantieAutorisaties(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    /** Called when the opdracht of this instance is registered, in the engine's transaction. */
    public void naRegistratie(String procesInstantieId, boolean vertrouwelijk) {
        if (vertrouwelijk) {
            return;
        }
        // The requester has no right to create authorizations; this is the application's own rule.
        CommandContext context = Context.getCommandContext();
        Runnable toekennen = () -> {
            toestaan(Rollen.PROCESONTWERPER, Resources.PROCESS_INSTANCE, procesInstantieId, Permissions.READ);
            toestaan(Rollen.PROCESONTWERPER, Resources.HISTORIC_PROCESS_INSTANCE, procesInstantieId,
                    HistoricProcessInstancePermissions.READ);
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

    private void toestaan(String groep, Resource resource, String resourceId, Permission recht) {
        if (authorizationService.createAuthorizationQuery().groupIdIn(groep).resourceType(resource)
                .resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization autorisatie = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        autorisatie.setGroupId(groep);
        autorisatie.setResource(resource);
        autorisatie.setResourceId(resourceId);
        autorisatie.addPermission(recht);
        authorizationService.saveAuthorization(autorisatie);
    }
}
