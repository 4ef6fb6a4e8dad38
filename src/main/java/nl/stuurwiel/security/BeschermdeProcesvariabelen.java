package nl.stuurwiel.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import nl.stuurwiel.bijstelling.BijstellingVoorstellenDelegate;
import nl.stuurwiel.meetronde.MeetrondeProces;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces;
import nl.stuurwiel.review.ReviewOpenenDelegate;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.OngeldigeInvoerMapper;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The variables through which a process knows its opdracht, indicator or report, whose group works
 * its tasks and when its timers fire ({@code opdrachtKey}, {@code teamGroep}, {@code reviewCyclus},
 * {@code indicatorId}, {@code rapportageId}, …) are kept by Stuurwiel's delegates. A client that
 * may work one task or start a process must not set them: completing one's own task with another
 * {@code opdrachtKey} would close someone else's opdracht, a start with an existing key would reset
 * it, and another {@code teamGroep} would send the next tasks elsewhere. Every engine REST API
 * (/engine-rest, and the webapps' copy that Tasklist and Cockpit call) refuses a request that sets,
 * changes or removes one of them, with a 400 naming the variable; Stuurwiel's own Java code sets
 * them as before.
 *
 * <p>Protected are the variables the models' Java code names ({@code *Proces.Var}) that no form
 * asks for: a field a process designer adds to a form under such a name can be submitted again.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class BeschermdeProcesvariabelen implements ContainerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> BESCHERMD = beschermd();

    /** The JSON keys under which the engine's REST API takes variables by name. */
    private static final Set<String> VARIABELEN = Set.of("variables", "modifications", "localVariables",
            "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope");
    /** Path segments followed by the name of one variable: .../variables/{naam}. */
    private static final Set<String> VARIABELE_IN_PAD = Set.of("variables", "localVariables");

    @Override
    public void filter(ContainerRequestContext verzoek) throws IOException {
        if (Set.of("GET", "HEAD", "OPTIONS").contains(verzoek.getMethod())) {
            return;
        }
        Set<String> geraakt = new TreeSet<>();
        List<PathSegment> pad = verzoek.getUriInfo().getPathSegments();
        // Evaluating a decision with such inputs (a designer trying out prioritering.dmn) sets no
        // process variable.
        if (pad.stream().anyMatch(deel -> "decision-definition".equals(deel.getPath()))) {
            return;
        }
        for (int i = 0; i + 1 < pad.size(); i++) {
            if (VARIABELE_IN_PAD.contains(pad.get(i).getPath()) && BESCHERMD.contains(pad.get(i + 1).getPath())) {
                geraakt.add(pad.get(i + 1).getPath());
            }
        }
        // Any body but an upload is read, whatever type it claims: what the engine might take as
        // JSON is checked as JSON.
        MediaType soort = verzoek.getMediaType();
        if (verzoek.hasEntity() && (soort == null || !"multipart".equalsIgnoreCase(soort.getType()))) {
            byte[] inhoud = verzoek.getEntityStream().readAllBytes();
            verzoek.setEntityStream(new ByteArrayInputStream(inhoud));
            try {
                zoek(JSON.readTree(inhoud), geraakt);
            } catch (IOException onleesbaar) {
                // Not JSON: the engine answers that itself.
            }
        }
        if (!geraakt.isEmpty()) {
            Map<String, String> velden = new LinkedHashMap<>();
            geraakt.forEach(naam -> velden.put(naam, "startInstructions".equals(naam)
                    ? "een proces bij een latere stap beginnen kan alleen Stuurwiel zelf"
                    : "wordt door Stuurwiel zelf bijgehouden en kan niet worden gezet"));
            verzoek.abortWith(OngeldigeInvoerMapper.alsOngeldig(new OngeldigeInvoerException(velden)).orElseThrow());
        }
    }

    /** Variables by name anywhere in the body (start instructions, batches), and names to delete. */
    private static void zoek(JsonNode knoop, Set<String> geraakt) {
        if (knoop == null) {
            return;
        }
        if (knoop.isArray()) {
            knoop.forEach(k -> zoek(k, geraakt));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> velden = knoop.fields(); velden.hasNext();) {
            Map.Entry<String, JsonNode> veld = velden.next();
            if (VARIABELEN.contains(veld.getKey()) && veld.getValue().isObject()) {
                veld.getValue().fieldNames().forEachRemaining(naam -> {
                    if (BESCHERMD.contains(naam)) {
                        geraakt.add(naam);
                    }
                });
            }
            if ("startInstructions".equals(veld.getKey())) {
                // Starting past the first steps skips what registers and checks an opdracht.
                geraakt.add("startInstructions");
            }
            if ("deletions".equals(veld.getKey()) && veld.getValue().isArray()) {
                veld.getValue().forEach(naam -> {
                    if (BESCHERMD.contains(naam.asText())) {
                        geraakt.add(naam.asText());
                    }
                });
            }
            zoek(veld.getValue(), geraakt);
        }
    }

    private static Set<String> beschermd() {
        Set<String> namen = new TreeSet<>();
        // Also the review's and adjustment's own numbers, which say which report or proposal a step writes.
        namen.addAll(List.of(ReviewOpenenDelegate.RAPPORTAGE_NUMMER, ReviewOpenenDelegate.BEREKENDE_KLEUR,
                ReviewOpenenDelegate.METINGEN_GEVRAAGD, ReviewOpenenDelegate.STAND,
                BijstellingVoorstellenDelegate.BIJSTELLING_NUMMER));
        for (Class<?> variabelen : List.of(LevenscyclusProces.Var.class, MeetrondeProces.Var.class,
                HalfjaarrapportageProces.Var.class)) {
            for (Field veld : variabelen.getFields()) {
                if (Modifier.isStatic(veld.getModifiers()) && veld.getType() == String.class) {
                    try {
                        namen.add((String) veld.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        namen.removeAll(formulierVelden());
        return Set.copyOf(namen);
    }

    /** The keys of every field of the forms in forms/ (shipped on the classpath). */
    static Set<String> formulierVelden() {
        Set<String> sleutels = new TreeSet<>();
        try {
            for (Resource formulier : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream inhoud = formulier.getInputStream()) {
                    velden(JSON.readTree(inhoud), sleutels);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("de formulieren in forms/ zijn niet te lezen", e);
        }
        if (sleutels.isEmpty()) {
            throw new IllegalStateException("geen formulieren gevonden in forms/");
        }
        return sleutels;
    }

    /**
     * The variables a form submits: its fields' keys, and a dynamic list under its path; the fields
     * inside such a list are parts of the list's value, not variables of their own ("periode" in the
     * metingen of a progress report does not free the measurement round's "periode").
     */
    private static void velden(JsonNode onderdeel, Set<String> sleutels) {
        for (JsonNode kind : onderdeel.path("components")) {
            if ("dynamiclist".equals(kind.path("type").asText())) {
                if (kind.hasNonNull("path")) {
                    sleutels.add(kind.get("path").asText());
                }
                continue;
            }
            if (kind.hasNonNull("key")) {
                sleutels.add(kind.get("key").asText());
            }
            velden(kind, sleutels);
        }
    }

    /** Adds the filter to every Jersey application, as {@link OngeldigeInvoerMapper} does its mappers. */
    @ConstrainedTo(RuntimeType.SERVER)
    @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
    public static class InElkeRestApi implements AutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(BeschermdeProcesvariabelen.class)) {
                context.register(BeschermdeProcesvariabelen.class);
            }
        }
    }
}
