package nl.stuurwiel.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.springframework.dao.OptimisticLockingFailureException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Invalid form input refused by a listener or delegate reaches the engine REST API wrapped in
 * a generic engine error, which Camunda answers with 500. Unwrapped, it is what it is: a 400
 * naming the field. Every other error keeps Camunda's own answer.
 */
public final class OngeldigeInvoerMapper {

    private OngeldigeInvoerMapper() {
    }

    /**
     * Tasklist does not call {@code /engine-rest} but the webapps' own copy of the engine API
     * ({@code /camunda/api/engine}), a Jersey application the starter registers without a hook for
     * providers. Jersey's auto-discovery (listed in {@code META-INF/services}) adds the mappers to
     * that one and to every other Jersey application alike, so a form a rule refuses answers 400
     * with the rule's Dutch text in Tasklist too, not 500 with Camunda's English wrapping.
     */
    @ConstrainedTo(RuntimeType.SERVER)
    @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
    public static class InElkeRestApi implements AutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            for (Class<?> mapper : List.of(Engine.class, Rest.class, Gelijktijdig.class)) {
                if (!context.getConfiguration().isRegistered(mapper)) {
                    context.register(mapper);
                }
            }
        }
    }

    /** Errors of the engine itself (e.g. starting a process with invalid variables). */
    @Provider
    @Priority(1)
    public static class Engine implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException fout) {
            return alsOngeldig(fout).or(() -> alsConflict(fout)).or(() -> alsZwakWachtwoord(fout))
                    .orElseGet(() -> camunda.toResponse(fout));
        }
    }

    /** Errors the REST resources wrap first (e.g. completing a task), by default a 500. */
    @Provider
    @Priority(1)
    public static class Rest implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException fout) {
            return alsOngeldig(fout).or(() -> alsConflict(fout)).or(() -> alsAlAfgerond(fout))
                    .orElseGet(() -> camunda.toResponse(fout));
        }
    }

    /**
     * A portfolio record changed by another transaction fails at commit, outside the engine's
     * own exceptions: without this Camunda answers it with 500.
     */
    @Provider
    @Priority(1)
    public static class Gelijktijdig implements ExceptionMapper<OptimisticLockingFailureException> {

        @Override
        public Response toResponse(OptimisticLockingFailureException fout) {
            return alsConflict(fout).orElseThrow();
        }
    }

    /**
     * Two clients changing the same process or record at once: the engine's or JPA's optimistic
     * lock refuses the later one, which Camunda would answer with 500. It is a conflict: 409, and
     * the client reloads and tries again.
     */
    static Optional<Response> alsConflict(Throwable fout) {
        for (Throwable oorzaak = fout; oorzaak != null; oorzaak = oorzaak.getCause()) {
            if (oorzaak instanceof OptimisticLockingException || oorzaak instanceof OptimisticLockingFailureException
                    || oorzaak instanceof jakarta.persistence.OptimisticLockException
                    || oorzaak instanceof ConflictException) {
                return Optional.of(conflict(oorzaak instanceof ConflictException c ? c.getMessage()
                        : "Iemand anders heeft deze taak of opdracht tegelijk gewijzigd; laad opnieuw en probeer het nog eens"));
            }
        }
        return Optional.empty();
    }

    private static final Pattern TAAK_AFRONDEN = Pattern
            .compile("^Cannot (?:complete task|submit task form) ([^:\\s]+):");

    /**
     * Two clients completing one task at once: the later one may run on a state the first one
     * is changing and fail on anything (a variable it does not see yet), not only on the engine's
     * optimistic lock. If its task is gone, the first client finished it: a conflict, not an error.
     */
    static Optional<Response> alsAlAfgerond(RestException fout) {
        Matcher taak = TAAK_AFRONDEN.matcher(String.valueOf(fout.getMessage()));
        if (!taak.find()) {
            return Optional.empty();
        }
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
        if (engine == null || engine.getTaskService().createTaskQuery().taskId(taak.group(1)).count() > 0) {
            return Optional.empty();
        }
        return Optional.of(conflict("Deze taak is intussen door iemand anders afgerond; laad opnieuw"));
    }

    private static Response conflict(String melding) {
        Map<String, Object> antwoord = new LinkedHashMap<>();
        antwoord.put("type", "Conflict");
        antwoord.put("message", melding);
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(antwoord)
                .build();
    }

    /** The engine's only word for a password its policy refuses; it would answer 500. */
    private static final String WACHTWOORDBELEID = "Password does not match policy";

    /**
     * A password the policy refuses, when a user is created or a password changed over the REST
     * API: a 400 that names the rules, as Camunda Admin shows them before it sends.
     */
    static Optional<Response> alsZwakWachtwoord(ProcessEngineException fout) {
        if (!WACHTWOORDBELEID.equals(fout.getMessage())) {
            return Optional.empty();
        }
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
        PasswordPolicy beleid = engine == null ? null : engine.getIdentityService().getPasswordPolicy();
        String regels = beleid == null ? "" : ": " + beleid.getRules().stream()
                // What the password must hold first, what it must not hold last.
                .sorted(java.util.Comparator.comparing(r -> "PASSWORD_POLICY_USER_DATA".equals(r.getPlaceholder())))
                .map(OngeldigeInvoerMapper::regel)
                .collect(java.util.stream.Collectors.joining(", "));
        return alsOngeldig(new OngeldigeInvoerException("password", "voldoet niet aan het wachtwoordbeleid" + regels));
    }

    private static String regel(PasswordPolicyRule regel) {
        String aantal = regel.getParameters() == null ? "" : regel.getParameters().values().stream().findFirst()
                .orElse("");
        return switch (regel.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "minstens " + aantal + " tekens";
            case "PASSWORD_POLICY_LOWERCASE" -> "minstens " + aantal + " kleine letter" + ("1".equals(aantal) ? "" : "s");
            case "PASSWORD_POLICY_UPPERCASE" -> "minstens " + aantal + " hoofdletter" + ("1".equals(aantal) ? "" : "s");
            case "PASSWORD_POLICY_DIGIT" -> "minstens " + aantal + " cijfer" + ("1".equals(aantal) ? "" : "s");
            case "PASSWORD_POLICY_SPECIAL" -> "minstens " + aantal + " leesteken" + ("1".equals(aantal) ? "" : "s")
                    + " of symbo" + ("1".equals(aantal) ? "ol" : "len");
            case "PASSWORD_POLICY_USER_DATA" -> "zonder de gebruikersnaam, naam of het e-mailadres";
            default -> regel.getPlaceholder();
        };
    }

    public static Optional<Response> alsOngeldig(Throwable fout) {
        for (Throwable oorzaak = fout; oorzaak != null; oorzaak = oorzaak.getCause()) {
            if (oorzaak instanceof OngeldigeInvoerException ongeldig) {
                Map<String, Object> antwoord = new LinkedHashMap<>();
                antwoord.put("type", "OngeldigeInvoer");
                antwoord.put("message", ongeldig.getMessage());
                antwoord.put("velden", ongeldig.getVelden());
                return Optional.of(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(antwoord).build());
            }
        }
        return Optional.empty();
    }
}
