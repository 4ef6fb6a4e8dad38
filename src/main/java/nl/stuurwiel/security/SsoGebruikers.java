package nl.stuurwiel.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns an OpenID Connect login into a Stuurwiel user: the user id from the configured claim in
 * lower case, the Camunda groups mapped from the token's groups. The user is created in the
 * Camunda identity service at the first login (Tasklist and Cockpit need it there) with a random
 * password; its name, e-mail and the memberships of the mapped groups follow the token at every
 * login.
 */
@Component
@ConditionalOnProperty(name = "stuurwiel.sso.enabled", havingValue = "true")
public class SsoGebruikers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger LOG = LoggerFactory.getLogger(SsoGebruikers.class);
    private static final SecureRandom TOEVAL = new SecureRandom();
    /** One of each kind the policy asks for: lower case, upper case, digit, special character. */
    private static final List<String> WACHTWOORD_TEKENS = List.of("abcdefghijklmnopqrstuvwxyz",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "!#%+-=?@^_~");

    private final OidcUserService standaard = new OidcUserService();
    private final SsoInstellingen instellingen;
    private final IdentityService identityService;

    public SsoGebruikers(SsoInstellingen instellingen, IdentityService identityService) {
        this.instellingen = instellingen;
        this.identityService = identityService;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest verzoek) {
        OidcUser gebruiker = standaard.loadUser(verzoek);
        return verwerk(gebruiker.getIdToken(), gebruiker.getUserInfo());
    }

    OidcUser verwerk(OidcIdToken idToken, OidcUserInfo userInfo) {
        Map<String, Object> claims = new HashMap<>(idToken.getClaims());
        if (userInfo != null) {
            claims.putAll(userInfo.getClaims());
        }
        Object id = claims.get(instellingen.getGebruikerClaim());
        if (!(id instanceof String claim) || claim.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info",
                    "Het token bevat geen gebruiker in claim '" + instellingen.getGebruikerClaim() + "'", null));
        }
        // One Camunda user per person, however the provider capitalises the name (Entra ID's UPN
        // is case-insensitive: J.Jansen@… and j.jansen@… are the same account).
        String gebruikerId = claim.strip().toLowerCase(Locale.ROOT);
        List<String> groepen = groepen(claims);
        richtIn(gebruikerId, claims, groepen);
        List<SimpleGrantedAuthority> rechten = groepen.stream()
                .map(g -> new SimpleGrantedAuthority(CamundaAuthenticationProvider.GROEP + g)).toList();
        Map<String, Object> metGebruiker = new HashMap<>(idToken.getClaims());
        metGebruiker.put(instellingen.getGebruikerClaim(), gebruikerId);
        OidcIdToken token = new OidcIdToken(idToken.getTokenValue(), idToken.getIssuedAt(), idToken.getExpiresAt(),
                metGebruiker);
        return new DefaultOidcUser(rechten, token, userInfo, instellingen.getGebruikerClaim());
    }

    /** The Camunda groups for the token's groups; groups without a mapping are ignored. */
    List<String> groepen(Map<String, Object> claims) {
        Object waarde = claims.get(instellingen.getGroepenClaim());
        Collection<?> tokenGroepen = waarde instanceof Collection<?> reeks ? reeks
                : waarde instanceof String tekst ? Arrays.asList(tekst.split(instellingen.getGroepenScheidingsteken()))
                : List.of();
        Set<String> groepen = new LinkedHashSet<>();
        for (Object tokenGroep : tokenGroepen) {
            String camundaGroep = instellingen.getGroepen().get(String.valueOf(tokenGroep).strip());
            if (camundaGroep != null) {
                groepen.add(camundaGroep);
            }
        }
        return new ArrayList<>(groepen);
    }

    private void richtIn(String gebruikerId, Map<String, Object> claims, List<String> groepen) {
        User bestaand = identityService.createUserQuery().userId(gebruikerId).singleResult();
        if (bestaand != null) {
            if (neemProfielOver(bestaand, claims)) {
                try {
                    identityService.saveUser(bestaand);
                } catch (RuntimeException e) {
                    // A newer profile is no reason to refuse the login (two logins at once, a too long name).
                    LOG.warn("SSO: profiel van {} niet bijgewerkt: {}", gebruikerId, e.getMessage());
                }
            }
        } else {
            User nieuw = identityService.newUser(gebruikerId);
            neemProfielOver(nieuw, claims);
            if (nieuw.getFirstName() == null && nieuw.getLastName() == null) {
                // Tasklist and Cockpit show "first last"; without any name in the token that read "null null".
                nieuw.setFirstName(gebruikerId);
                nieuw.setLastName("");
            }
            nieuw.setPassword(ongebruiktWachtwoord(nieuw));
            try {
                identityService.saveUser(nieuw);
            } catch (RuntimeException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info",
                        "Gebruiker '" + gebruikerId + "' kan niet in Camunda worden aangemaakt: " + e.getMessage(), null),
                        e);
            }
        }
        Set<String> lid = new LinkedHashSet<>(identityService.createGroupQuery().groupMember(gebruikerId).list()
                .stream().map(Group::getId).toList());
        for (String beheerd : new LinkedHashSet<>(instellingen.getGroepen().values())) {
            boolean hoort = groepen.contains(beheerd);
            if (hoort && !lid.contains(beheerd)) {
                if (identityService.createGroupQuery().groupId(beheerd).count() == 0) {
                    LOG.warn("SSO: groep '{}' bestaat niet in Camunda; {} wordt er geen lid van", beheerd, gebruikerId);
                } else {
                    identityService.createMembership(gebruikerId, beheerd);
                }
            } else if (!hoort && lid.contains(beheerd)) {
                identityService.deleteMembership(gebruikerId, beheerd);
            }
        }
    }

    /**
     * Name and e-mail as the identity provider has them now (a name changes at marriage, an address
     * when a department moves); a claim the token leaves out keeps what Camunda has. Without
     * given_name and family_name the full name ("name") is split at its first space.
     */
    private static boolean neemProfielOver(User gebruiker, Map<String, Object> claims) {
        String voornaam = tekst(claims.get("given_name"));
        String achternaam = tekst(claims.get("family_name"));
        String volledig = tekst(claims.get("name"));
        if (voornaam == null && achternaam == null && volledig != null && !volledig.isBlank()) {
            // Entra ID sends only "name" unless optional claims are set up; "Jan de Vries" keeps
            // the tussenvoegsel with the surname.
            String[] delen = volledig.strip().split("\\s+", 2);
            voornaam = delen[0];
            achternaam = delen.length > 1 ? delen[1] : "";
        }
        String email = tekst(claims.get("email"));
        boolean gewijzigd = false;
        if (voornaam != null && !voornaam.equals(gebruiker.getFirstName())) {
            gebruiker.setFirstName(voornaam);
            gewijzigd = true;
        }
        if (achternaam != null && !achternaam.equals(gebruiker.getLastName())) {
            gebruiker.setLastName(achternaam);
            gewijzigd = true;
        }
        if (email != null && !email.equals(gebruiker.getEmail())) {
            gebruiker.setEmail(email);
            gewijzigd = true;
        }
        return gewijzigd;
    }

    /**
     * A random password this user never uses (they log in through the identity provider), drawn
     * until it passes the engine's password policy: that policy refuses a password that contains
     * the user's name case-insensitively, and any fixed or hex-only pattern would lock out a
     * user called "Ad" or "Bea" at some logins.
     */
    private String ongebruiktWachtwoord(User gebruiker) {
        for (int poging = 0; poging < 100; poging++) {
            StringBuilder wachtwoord = new StringBuilder();
            for (String tekens : WACHTWOORD_TEKENS) {
                wachtwoord.append(tekens.charAt(TOEVAL.nextInt(tekens.length())));
            }
            String alles = String.join("", WACHTWOORD_TEKENS);
            while (wachtwoord.length() < 24) {
                wachtwoord.insert(TOEVAL.nextInt(wachtwoord.length() + 1), alles.charAt(TOEVAL.nextInt(alles.length())));
            }
            if (identityService.checkPasswordAgainstPolicy(wachtwoord.toString(), gebruiker).isValid()) {
                return wachtwoord.toString();
            }
        }
        throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info",
                "Voor gebruiker '" + gebruiker.getId() + "' is geen wachtwoord te maken dat aan het wachtwoordbeleid voldoet",
                null));
    }

    private static String tekst(Object waarde) {
        return waarde == null ? null : waarde.toString();
    }
}
