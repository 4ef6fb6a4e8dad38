package nl.stuurwiel.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who acts right now, as the engine knows it (Tasklist, engine REST or the Stuurwiel API). */
@Component
public class HuidigeGebruiker {

    public static final String SYSTEEM = "systeem";

    private final IdentityService identityService;

    public HuidigeGebruiker(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEEM : authentication.getUserId();
    }
}
