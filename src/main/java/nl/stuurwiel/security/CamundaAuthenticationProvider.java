package nl.stuurwiel.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks logins against the Camunda identity service, the one user store of Stuurwiel: users,
 * groups and memberships are managed in Camunda Admin. The engine also throttles repeated
 * failed logins per user (login delay, then lock).
 */
@Component
public class CamundaAuthenticationProvider implements AuthenticationProvider {

    /** Authority prefix for Camunda groups, e.g. {@code GROEP_mt}. */
    public static final String GROEP = "GROEP_";

    private final IdentityService identityService;

    public CamundaAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String gebruiker = authentication.getName();
        Object wachtwoord = authentication.getCredentials();
        if (gebruiker == null || gebruiker.isBlank() || wachtwoord == null
                || !identityService.checkPassword(gebruiker, wachtwoord.toString())) {
            throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord");
        }
        List<SimpleGrantedAuthority> groepen = groepenVan(gebruiker).stream()
                .map(g -> new SimpleGrantedAuthority(GROEP + g)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(gebruiker, null, groepen);
    }

    List<String> groepenVan(String gebruiker) {
        return identityService.createGroupQuery().groupMember(gebruiker).list().stream().map(Group::getId).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
