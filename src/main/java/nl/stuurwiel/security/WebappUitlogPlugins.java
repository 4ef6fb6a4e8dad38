package nl.stuurwiel.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.webapp.plugin.spi.AppPlugin;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;

/**
 * A plugin for Tasklist, Cockpit, Admin and the welcome page that sends their "Log out" to
 * Stuurwiel's logout, since the webapps run on Stuurwiel's login (WebappAuthenticatie). Their own
 * logout only forgets the webapp's copy of the login, after which the next request logs the user
 * straight back in from the Spring session. Registered in {@code META-INF/services}, one plugin per
 * webapp, because each webapp's root resource takes that webapp's runtime.
 */
public final class WebappUitlogPlugins {

    static final String ID = "stuurwiel-login";
    private static final String SCRIPT = "app/plugin.js";

    private WebappUitlogPlugins() {
    }

    /**
     * The script, with the logout page's path filled in, for a request that Spring Security
     * authenticated; otherwise (the webapps' pages need that login) a script that does nothing.
     */
    static InputStream script(String bestand, ServletContext context, InputStream origineel) {
        if (!SCRIPT.equals(bestand) || origineel == null) {
            return origineel;
        }
        Authentication wie = SecurityContextHolder.getContext().getAuthentication();
        boolean viaSpring = wie != null && wie.isAuthenticated() && !(wie instanceof AnonymousAuthenticationToken);
        try (origineel) {
            String tekst = viaSpring
                    ? new String(origineel.readAllBytes(), StandardCharsets.UTF_8).replace("%UITLOGGEN%",
                            context.getContextPath() + "/uitloggen")
                    : "// Stuurwiel: de webapps loggen zelf in; niets over te nemen\n";
            return new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8));
        } catch (IOException fout) {
            throw new UncheckedIOException(fout);
        }
    }

    public static class Tasklist extends AbstractTasklistPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(TasklistBron.class);
        }
    }

    @Path("plugin/" + ID)
    public static class TasklistBron extends AbstractTasklistPluginRootResource {
        public TasklistBron() {
            super(ID);
        }

        @Override
        protected InputStream getPluginAssetAsStream(AppPlugin plugin, String bestand) {
            return script(bestand, servletContext, super.getPluginAssetAsStream(plugin, bestand));
        }
    }

    public static class Cockpit extends AbstractCockpitPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(CockpitBron.class);
        }
    }

    @Path("plugin/" + ID)
    public static class CockpitBron extends AbstractCockpitPluginRootResource {
        public CockpitBron() {
            super(ID);
        }

        @Override
        protected InputStream getPluginAssetAsStream(AppPlugin plugin, String bestand) {
            return script(bestand, servletContext, super.getPluginAssetAsStream(plugin, bestand));
        }
    }

    public static class Admin extends AbstractAdminPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(AdminBron.class);
        }
    }

    @Path("plugin/" + ID)
    public static class AdminBron extends AbstractAdminPluginRootResource {
        public AdminBron() {
            super(ID);
        }

        @Override
        protected InputStream getPluginAssetAsStream(AppPlugin plugin, String bestand) {
            return script(bestand, servletContext, super.getPluginAssetAsStream(plugin, bestand));
        }
    }

    public static class Welkom extends AbstractWelcomePlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(WelkomBron.class);
        }
    }

    @Path("plugin/" + ID)
    public static class WelkomBron extends AbstractWelcomePluginRootResource {
        public WelkomBron() {
            super(ID);
        }

        @Override
        protected InputStream getPluginAssetAsStream(AppPlugin plugin, String bestand) {
            return script(bestand, servletContext, super.getPluginAssetAsStream(plugin, bestand));
        }
    }
}
