package nl.stuurwiel.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.stuurwiel.system.Klok;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Hands the logged-in user to the engine for the duration of the request, so that Camunda's
 * authorizations apply to the Stuurwiel API and the engine REST API alike, and the user is
 * recorded in history and the user operation log.
 *
 * <p>A browser session keeps the groups of its login. So that removing a user or a membership in
 * Camunda Admin takes effect in sessions that are open, the session's user and groups are checked
 * against the identity service again once {@link #HERBEVESTIGEN} has passed since the last check
 * (as Camunda's own webapps do, there every five minutes): a removed user's session ends, changed
 * groups apply from that request on.
 */
class CamundaIdentiteitFilter extends OncePerRequestFilter {

    static final Duration HERBEVESTIGEN = Duration.ofSeconds(30);
    private static final String WEBAPP_LOGIN = "authenticatedUser";
    private static final String HERBEVESTIGD_OP = CamundaIdentiteitFilter.class.getName() + ".herbevestigdOp";

    private final IdentityService identityService;
    private final HttpSessionSecurityContextRepository sessieContext = new HttpSessionSecurityContextRepository();

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
        authentication = herbevestig(authentication, request, response);
        if (authentication == null) {
            // The user is gone: the request goes on as anonymous, which the rules refuse.
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(authentication.getName(), groepen(authentication));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static List<String> groepen(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(CamundaAuthenticationProvider.GROEP))
                .map(a -> a.substring(CamundaAuthenticationProvider.GROEP.length())).sorted().toList();
    }

    /**
     * The session's login as the identity service sees it now: null when the user no longer exists
     * (the session is ended), with the current groups when they changed. A login without a session
     * (HTTP Basic) was checked by this very request.
     */
    private Authentication herbevestig(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        HttpSession sessie = request.getSession(false);
        if (sessie == null || !sessieContext.containsContext(request)) {
            return authentication;
        }
        Instant nu = Klok.nu();
        Object vorige = sessie.getAttribute(HERBEVESTIGD_OP);
        if (vorige instanceof Instant op && op.plus(HERBEVESTIGEN).isAfter(nu) && !op.isAfter(nu)) {
            return authentication;
        }
        String gebruiker = authentication.getName();
        if (identityService.createUserQuery().userId(gebruiker).count() == 0) {
            SecurityContextHolder.clearContext();
            sessie.invalidate();
            return null;
        }
        List<String> nuGroepen = identityService.createGroupQuery().groupMember(gebruiker).list().stream()
                .map(Group::getId).sorted().toList();
        sessie.setAttribute(HERBEVESTIGD_OP, nu);
        if (nuGroepen.equals(groepen(authentication))) {
            return authentication;
        }
        List<GrantedAuthority> rechten = new ArrayList<>(authentication.getAuthorities().stream()
                .filter(a -> !a.getAuthority().startsWith(CamundaAuthenticationProvider.GROEP)).toList());
        nuGroepen.forEach(g -> rechten.add(new SimpleGrantedAuthority(CamundaAuthenticationProvider.GROEP + g)));
        Authentication bijgewerkt = authentication instanceof OAuth2AuthenticationToken sso
                ? new OAuth2AuthenticationToken(sso.getPrincipal(), rechten, sso.getAuthorizedClientRegistrationId())
                : UsernamePasswordAuthenticationToken.authenticated(authentication.getPrincipal(), null, rechten);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(bijgewerkt);
        SecurityContextHolder.setContext(context);
        sessieContext.saveContext(context, request, response);
        // The webapps keep their own copy of the login (AuthenticationUtil.CAM_AUTH_SESSION_KEY);
        // without it they take the new groups from this login at their next request.
        sessie.removeAttribute(WEBAPP_LOGIN);
        return bijgewerkt;
    }
}
