package nl.stuurwiel.system;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns every foreseeable error of the Stuurwiel API into a 4xx whose body names the field.
 * Global, not limited to our packages: a request no handler accepts (wrong content type) has
 * no handler yet, and still deserves a message.
 */
@RestControllerAdvice
public class ApiFoutafhandeling {

    public record Fout(Instant tijdstip, int status, String melding, Map<String, String> velden) {
    }

    @ExceptionHandler(OngeldigeInvoerException.class)
    ResponseEntity<Fout> ongeldig(OngeldigeInvoerException e) {
        return antwoord(HttpStatus.BAD_REQUEST, "Ongeldige invoer", e.getVelden());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Fout> nietGeldig(MethodArgumentNotValidException e) {
        Map<String, String> velden = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> velden.merge(f.getField(), f.getDefaultMessage(), (a, b) -> a + "; " + b));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> velden.merge(g.getObjectName(), g.getDefaultMessage(), (a, b) -> a + "; " + b));
        return antwoord(HttpStatus.BAD_REQUEST, "Ongeldige invoer", velden);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Fout> nietGeldig(ConstraintViolationException e) {
        Map<String, String> velden = e.getConstraintViolations().stream().collect(Collectors.toMap(
                v -> v.getPropertyPath().toString(), v -> v.getMessage(), (a, b) -> a + "; " + b, LinkedHashMap::new));
        return antwoord(HttpStatus.BAD_REQUEST, "Ongeldige invoer", velden);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Fout> onleesbaar(HttpMessageNotReadableException e) {
        Map<String, String> velden = new LinkedHashMap<>();
        if (e.getCause() instanceof UnrecognizedPropertyException u) {
            velden.put(u.getPropertyName(), "onbekend veld");
        } else if (e.getCause() instanceof InvalidFormatException f) {
            velden.put(pad(f), ongeldigeWaarde(f.getValue(), f.getTargetType()));
        } else if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            velden.put(pad(m), "ongeldige waarde");
        } else {
            return antwoord(HttpStatus.BAD_REQUEST, "De aanvraag is geen geldige JSON", Map.of());
        }
        // What could not be read before the value that stopped the reading.
        OnleesbareInvoer.verzamelde().forEach(velden::putIfAbsent);
        return antwoord(HttpStatus.BAD_REQUEST, "Ongeldige invoer", velden);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Fout> verkeerdType(MethodArgumentTypeMismatchException e) {
        return antwoord(HttpStatus.BAD_REQUEST, "Ongeldige invoer",
                Map.of(e.getName(), ongeldigeWaarde(e.getValue(), e.getRequiredType())));
    }

    /** A value of the wrong kind, and what the field takes: "'abc' is geen getal". */
    static String ongeldigeWaarde(Object waarde, Class<?> soort) {
        String gegeven = "'" + waarde + "'";
        if (soort == null) {
            return gegeven + " kan hier niet";
        }
        if (soort.isEnum()) {
            return gegeven + " kan niet; kies uit " + java.util.Arrays.stream(soort.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(soort) || soort.isPrimitive() && soort != boolean.class) {
            return gegeven + " is geen getal";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(soort)) {
            return gegeven + " is geen datum; schrijf bijvoorbeeld 2027-01-31";
        }
        return gegeven + " kan hier niet";
    }

    /**
     * A file over the upload limit (spring.servlet.multipart) fails before any handler: the API says
     * so at the field, a dashboard page gets itself back with the reason instead of a broken page.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object teGroot(HttpServletRequest verzoek) {
        // Found while the security filters read the form, the error reaches us on the error dispatch.
        Object origineel = verzoek.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String pad = (origineel != null ? origineel.toString() : verzoek.getRequestURI())
                .substring(verzoek.getContextPath().length());
        if (pad.startsWith("/dashboard/")) {
            return new ModelAndView("redirect:" + pad + "?teGroot");
        }
        return antwoord(HttpStatus.PAYLOAD_TOO_LARGE, "Het bestand is te groot",
                Map.of("bestand", "is groter dan " + MAXIMALE_UPLOAD));
    }

    /** As spring.servlet.multipart.max-file-size in application.yaml. */
    public static final String MAXIMALE_UPLOAD = "20 MB";

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Fout> verkeerdFormaat(HttpMediaTypeNotSupportedException e) {
        return antwoord(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Stuur de aanvraag als application/json", Map.of());
    }

    @ExceptionHandler(NietGevondenException.class)
    ResponseEntity<Fout> nietGevonden(NietGevondenException e) {
        return antwoord(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Fout> conflict(ConflictException e) {
        return antwoord(HttpStatus.CONFLICT, e.getMessage(), Map.of());
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Fout> geenRecht(AuthorizationException e) {
        return antwoord(HttpStatus.FORBIDDEN, "Geen toegang: " + e.getMessage(), Map.of());
    }

    /** The engine's own lock: the same request sent twice at once (a double click), or two people at one task. */
    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ResponseEntity<Fout> conflict(org.camunda.bpm.engine.OptimisticLockingException e) {
        return antwoord(HttpStatus.CONFLICT,
                "Iemand anders heeft dit gegeven intussen gewijzigd; laad het opnieuw en probeer het nog eens", Map.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Fout> conflict(OptimisticLockingFailureException e) {
        return antwoord(HttpStatus.CONFLICT,
                "Iemand anders heeft dit gegeven intussen gewijzigd; laad het opnieuw en probeer het nog eens", Map.of());
    }

    private static String pad(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static ResponseEntity<Fout> antwoord(HttpStatus status, String melding, Map<String, String> velden) {
        return ResponseEntity.status(status).body(new Fout(Instant.now(), status.value(), melding, velden));
    }
}
