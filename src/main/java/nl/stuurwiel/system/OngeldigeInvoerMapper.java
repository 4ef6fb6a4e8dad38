package nl.stuurwiel.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import jakarta.annotation.Priority;
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

    /** Errors of the engine itself (e.g. starting a process with invalid variables). */
    @Provider
    @Priority(1)
    public static class Engine implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException fout) {
            return alsOngeldig(fout).orElseGet(() -> camunda.toResponse(fout));
        }
    }

    /** Errors the REST resources wrap first (e.g. completing a task), by default a 500. */
    @Provider
    @Priority(1)
    public static class Rest implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException fout) {
            return alsOngeldig(fout).orElseGet(() -> camunda.toResponse(fout));
        }
    }

    static Optional<Response> alsOngeldig(Throwable fout) {
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
