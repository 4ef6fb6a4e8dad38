package nl.stuurwiel.security;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the logged-in user to the engine for the duration of the request, so that Camunda's
 * authorizations apply to the Stuurwiel API and the engine REST API alike, and the user is
 * recorded in history and the user operation log.
 */
class CamundaIdentiteitFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    CamundaIdentiteitFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * The error page a webapp's refusal leads to offers only the links its user may follow, which
     * it can ask only of a user the engine knows.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal())) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groepen = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(CamundaAuthenticationProvider.GROEP))
                .map(a -> a.substring(CamundaAuthenticationProvider.GROEP.length())).toList();
        identityService.setAuthentication(authentication.getName(), groepen);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
