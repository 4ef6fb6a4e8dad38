package nl.stuurwiel.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tasklist, Cockpit and Admin take the user and groups of Stuurwiel's login (Spring Security: the
 * login form, or single sign-on) instead of their own login form, through Camunda's
 * container-based authentication. Instantiated by class name by the webapps'
 * ContainerBasedAuthenticationFilter.
 */
public class WebappAuthenticatie extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication wie = SecurityContextHolder.getContext().getAuthentication();
        if (wie == null || !wie.isAuthenticated() || wie instanceof AnonymousAuthenticationToken
                || wie.getName() == null || wie.getName().isBlank()) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult resultaat = AuthenticationResult.successful(wie.getName());
        resultaat.setGroups(wie.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(CamundaAuthenticationProvider.GROEP))
                .map(a -> a.substring(CamundaAuthenticationProvider.GROEP.length())).toList());
        return resultaat;
    }
}
