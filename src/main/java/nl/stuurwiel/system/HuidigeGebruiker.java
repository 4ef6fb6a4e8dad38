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

    /**
     * Runs a lookup without the caller's Camunda authorizations, for facts the caller needs but
     * may not browse (does a user exist, which opdracht a visible task belongs to).
     */
    public <T> T alsSysteem(java.util.function.Supplier<T> opzoeken) {
        Authentication huidig = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return opzoeken.get();
        } finally {
            if (huidig != null) {
                identityService.setAuthentication(huidig);
            }
        }
    }

    public String id() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEEM : authentication.getUserId();
    }
}
