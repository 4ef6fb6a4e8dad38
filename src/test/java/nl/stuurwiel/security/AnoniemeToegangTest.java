package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import nl.stuurwiel.StuurwielTest;

/**
 * Calls every endpoint the running application has, without logging in: all Spring MVC
 * mappings, every engine REST resource found by walking the JAX-RS annotations of the classes
 * registered in the Jersey configuration, and the roots of the webapps' own APIs. None may
 * answer 2xx; our own API answers GET with exactly 401.
 */
@StuurwielTest
class AnoniemeToegangTest {

    private static final Set<Integer> TOEGESTAAN = Set.of(401, 302, 403, 404, 405);
    /** Deliberately public: the login form of the dashboard. */
    private static final Set<String> OPENBAAR = Set.of("GET /login");
    private static final List<String> ALLE_METHODEN = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final String ENGINE_REST = "/engine-rest";
    /** Roots of the APIs that Tasklist, Cockpit and Admin call from the browser. */
    private static final List<String> WEBAPP_API = List.of(
            "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/process-definition",
            "/camunda/api/engine/engine/default/process-instance", "/camunda/api/engine/engine/default/user",
            "/camunda/api/engine/engine/default/group", "/camunda/api/engine/engine/default/authorization",
            "/camunda/api/engine/engine/default/deployment/create", "/camunda/api/engine/engine/default/history/process-instance",
            "/camunda/api/engine/engine/default/filter", "/camunda/api/engine/engine/default/variable-instance",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
            "/camunda/api/cockpit/plugin/base/default/process-instance",
            "/camunda/api/cockpit/plugin/base/default/incident",
            "/camunda/api/tasklist/plugin/tasklistPlugins/default",
            "/camunda/api/admin/auth/user/default", "/camunda/api/admin/setup/default/user/create",
            "/camunda/api/admin/plugin/adminPlugins/default");

    @LocalServerPort
    int poort;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mvcMappings;
    @Autowired
    ResourceConfig jerseyConfig;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void noEndpointAnswersAnAnonymousCallerWithSuccess() throws Exception {
        Map<String, Set<String>> eindpunten = new TreeMap<>();
        mvcEindpunten(eindpunten);
        int mvc = eindpunten.size();
        engineRestEindpunten(eindpunten);
        int engineRest = eindpunten.size() - mvc;
        WEBAPP_API.forEach(pad -> eindpunten.put(pad, new TreeSet<>(ALLE_METHODEN)));

        assertThat(mvc).as("Spring MVC endpoints found").isGreaterThanOrEqualTo(5);
        assertThat(eindpunten).containsKeys("/api/opdrachten", "/api/opdrachten/dummy", "/api/audit",
                "/api/audit/export", ENGINE_REST + "/task/dummy/complete", ENGINE_REST + "/deployment/create",
                ENGINE_REST + "/user/create", ENGINE_REST + "/engine/dummy/task");
        assertThat(engineRest).as("engine REST resources found").isGreaterThan(300);

        List<String> fouten = new ArrayList<>();
        int aanroepen = 0;
        for (Map.Entry<String, Set<String>> eindpunt : eindpunten.entrySet()) {
            for (String methode : eindpunt.getValue()) {
                int status = roep(methode, eindpunt.getKey());
                aanroepen++;
                boolean onzeApi = eindpunt.getKey().startsWith("/api/") && methode.equals("GET");
                // Spring Boot's error page is reached by a forward after a failure; called directly
                // it has no error to show and answers 500 with an empty error body.
                boolean foutpagina = eindpunt.getKey().equals("/error") && status == 500;
                boolean openbaar = OPENBAAR.contains(methode + " " + eindpunt.getKey());
                if (onzeApi ? status != 401 : !TOEGESTAAN.contains(status) && !foutpagina && !openbaar) {
                    fouten.add(methode + " " + eindpunt.getKey() + " -> " + status);
                }
            }
        }
        assertThat(fouten).as("anonymous answers out of %s calls", aanroepen).isEmpty();
    }

    /** The login page's tab shows the icon too, so it is served before anyone logs in. */
    @Test
    void theIconIsServedWithoutALogin() throws Exception {
        var antwoord = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/favicon.ico")).build(),
                BodyHandlers.ofByteArray());
        assertThat(antwoord.statusCode()).isEqualTo(200);
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/"));
        assertThat(antwoord.body()).startsWith(0, 0, 1, 0);
    }

    private int roep(String methode, String pad) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        verzoek.method(methode, methode.equals("GET") || methode.equals("DELETE") ? BodyPublishers.noBody()
                : BodyPublishers.ofString("{}"));
        return http.send(verzoek.build(), BodyHandlers.discarding()).statusCode();
    }

    private void mvcEindpunten(Map<String, Set<String>> eindpunten) {
        for (RequestMappingInfo info : mvcMappings.getHandlerMethods().keySet()) {
            Set<String> methoden = new TreeSet<>();
            info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(methoden::add);
            if (methoden.isEmpty()) {
                methoden.addAll(ALLE_METHODEN);
            }
            for (String patroon : info.getPatternValues()) {
                eindpunten.computeIfAbsent(vul(patroon), p -> new TreeSet<>()).addAll(methoden);
            }
        }
    }

    private void engineRestEindpunten(Map<String, Set<String>> eindpunten) {
        for (Class<?> klasse : jerseyConfig.getClasses()) {
            Path pad = klasse.getAnnotation(Path.class);
            if (pad != null) {
                loop(klasse, ENGINE_REST + "/" + pad.value(), eindpunten, 0);
            }
        }
    }

    /** Resource methods by their HTTP method; sub-resource locators are followed into their return type. */
    private void loop(Class<?> soort, String voorvoegsel, Map<String, Set<String>> eindpunten, int diepte) {
        if (diepte > 5) {
            return;
        }
        for (Method methode : soort.getMethods()) {
            Path pad = annotatie(soort, methode, Path.class);
            String http = httpMethode(soort, methode);
            String volledig = vul(voorvoegsel + (pad == null ? "" : "/" + pad.value()));
            if (http != null) {
                eindpunten.computeIfAbsent(volledig, p -> new TreeSet<>()).add(http);
            } else if (pad != null && !methode.getReturnType().isPrimitive()
                    && methode.getReturnType() != Object.class) {
                loop(methode.getReturnType(), volledig, eindpunten, diepte + 1);
            }
        }
    }

    /** JAX-RS annotations may sit on the method itself or on the interface or superclass it implements. */
    private static <A extends Annotation> A annotatie(Class<?> soort, Method methode, Class<A> type) {
        for (Class<?> c = soort; c != null; c = c.getSuperclass()) {
            A gevonden = opMethode(c, methode, type);
            if (gevonden != null) {
                return gevonden;
            }
            for (Class<?> i : c.getInterfaces()) {
                gevonden = opMethode(i, methode, type);
                if (gevonden != null) {
                    return gevonden;
                }
            }
        }
        return null;
    }

    private static <A extends Annotation> A opMethode(Class<?> c, Method methode, Class<A> type) {
        try {
            return c.getMethod(methode.getName(), methode.getParameterTypes()).getAnnotation(type);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String httpMethode(Class<?> soort, Method methode) {
        for (Class<?> c = soort; c != null; c = c.getSuperclass()) {
            String gevonden = httpMethodeOp(c, methode);
            if (gevonden != null) {
                return gevonden;
            }
            for (Class<?> i : c.getInterfaces()) {
                gevonden = httpMethodeOp(i, methode);
                if (gevonden != null) {
                    return gevonden;
                }
            }
        }
        return null;
    }

    private static String httpMethodeOp(Class<?> c, Method methode) {
        try {
            for (Annotation a : c.getMethod(methode.getName(), methode.getParameterTypes()).getAnnotations()) {
                HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    return http.value();
                }
            }
        } catch (NoSuchMethodException e) {
            // not declared here
        }
        return null;
    }

    /** Path variables ({id}, {id: regex}, /**) become dummy values; duplicate slashes go. */
    private static String vul(String patroon) {
        String pad = patroon.replaceAll("\\{[^}]*}", "dummy").replace("/**", "/dummy").replace("*", "dummy")
                .replaceAll("/+", "/");
        return pad.length() > 1 && pad.endsWith("/") ? pad.substring(0, pad.length() - 1) : pad;
    }
}
