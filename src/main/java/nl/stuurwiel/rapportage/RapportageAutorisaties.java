package nl.stuurwiel.rapportage;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.stuurwiel.security.Rollen;

/**
 * The portfolio office and MT start the half-year report by hand through the Stuurwiel API, as
 * themselves, so the engine must let them (its tasks reach them as candidate groups). Existing
 * authorizations are left alone, as in security/StandaardAutorisaties.
 */
@Component
public class RapportageAutorisaties {

    private final AuthorizationService authorizationService;

    public RapportageAutorisaties(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @EventListener
    public void naDeploy(PostDeployEvent event) {
        for (String groep : new String[] { Rollen.INTAKE, Rollen.MT }) {
            boolean bestaat = authorizationService.createAuthorizationQuery().groupIdIn(groep)
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId(HalfjaarrapportageProces.PROCESS_ID)
                    .count() > 0;
            if (!bestaat) {
                Authorization autorisatie = authorizationService
                        .createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                autorisatie.setGroupId(groep);
                autorisatie.setResource(Resources.PROCESS_DEFINITION);
                autorisatie.setResourceId(HalfjaarrapportageProces.PROCESS_ID);
                autorisatie.addPermission(Permissions.READ);
                autorisatie.addPermission(Permissions.CREATE_INSTANCE);
                authorizationService.saveAuthorization(autorisatie);
            }
        }
    }
}
