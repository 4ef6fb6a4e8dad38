package nl.stuurwiel.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Single sign-on with OpenID Connect (profile {@code sso}, off by default). The groups in the
 * token are mapped to Camunda groups, which keep deciding every authorization.
 */
@Component
@ConfigurationProperties("stuurwiel.sso")
public class SsoInstellingen {

    /** Log in through the identity provider of spring.security.oauth2.client.registration.{registratie}. */
    private boolean enabled;
    private String registratie = "stuurwiel";
    /** Claim holding the user id, taken in lower case: letters, digits and . _ - @ (an e-mail or UPN). */
    private String gebruikerClaim = "preferred_username";
    /** Claim holding the user's groups: a list, or one text with {@link #groepenScheidingsteken}. */
    private String groepenClaim = "groups";
    private String groepenScheidingsteken = ",";
    /**
     * Token group → Camunda group, e.g. {@code gemeente-mt: mt}. Only mapped groups count;
     * memberships of the mapped Camunda groups follow the token at every login.
     */
    private Map<String, String> groepen = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getRegistratie() {
        return registratie;
    }

    public void setRegistratie(String registratie) {
        this.registratie = registratie;
    }

    public String getGebruikerClaim() {
        return gebruikerClaim;
    }

    public void setGebruikerClaim(String gebruikerClaim) {
        this.gebruikerClaim = gebruikerClaim;
    }

    public String getGroepenClaim() {
        return groepenClaim;
    }

    public void setGroepenClaim(String groepenClaim) {
        this.groepenClaim = groepenClaim;
    }

    public String getGroepenScheidingsteken() {
        return groepenScheidingsteken;
    }

    public void setGroepenScheidingsteken(String groepenScheidingsteken) {
        this.groepenScheidingsteken = groepenScheidingsteken;
    }

    public Map<String, String> getGroepen() {
        return groepen;
    }

    public void setGroepen(Map<String, String> groepen) {
        this.groepen = groepen;
    }
}
