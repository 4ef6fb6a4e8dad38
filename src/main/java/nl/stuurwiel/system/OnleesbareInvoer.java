package nl.stuurwiel.system;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import jakarta.validation.Validator;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a JSON body with all its errors in one answer. Jackson stops at the first value it cannot
 * read ("veel" as an amount, an unknown domain, an unknown key), so a form would learn its errors one
 * round at a time: first the unreadable number, then the missing title. While a request body is read,
 * such values are noted at their field and left empty; the body then goes no further than its
 * constraints and its own rules ({@link EigenRegels}), whose errors join the noted ones, and the
 * request is refused with all of them.
 * Only bodies read for our controllers are collected this way: anything else the application's
 * ObjectMapper reads keeps Jackson's own behaviour.
 */
@ControllerAdvice
public class OnleesbareInvoer extends RequestBodyAdviceAdapter implements Jackson2ObjectMapperBuilderCustomizer {

    /** A body's own rules that need nothing but the body, checked with its constraints. */
    public interface EigenRegels {
        Map<String, String> eigenRegelfouten();
    }

    private static final String FOUTEN = OnleesbareInvoer.class.getName() + ".fouten";

    private final Validator validator;

    public OnleesbareInvoer(Validator validator) {
        this.validator = validator;
    }

    @Override
    public void customize(Jackson2ObjectMapperBuilder builder) {
        builder.postConfigurer(mapper -> mapper.addHandler(new Noteren()));
    }

    @Override
    public boolean supports(MethodParameter parameter, Type type, Class<? extends HttpMessageConverter<?>> converter) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converter);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage invoer, MethodParameter parameter, Type type,
            Class<? extends HttpMessageConverter<?>> converter) {
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(FOUTEN, new LinkedHashMap<String, String>(), RequestAttributes.SCOPE_REQUEST);
        return invoer;
    }

    @Override
    public Object afterBodyRead(Object lichaam, HttpInputMessage invoer, MethodParameter parameter, Type type,
            Class<? extends HttpMessageConverter<?>> converter) {
        Map<String, String> fouten = teVerzamelen();
        RequestContextHolder.currentRequestAttributes().removeAttribute(FOUTEN, RequestAttributes.SCOPE_REQUEST);
        if (fouten != null && !fouten.isEmpty()) {
            validator.validate(lichaam).forEach(f -> fouten.putIfAbsent(f.getPropertyPath().toString(), f.getMessage()));
            if (lichaam instanceof EigenRegels regels) {
                regels.eigenRegelfouten().forEach(fouten::putIfAbsent);
            }
            throw new OngeldigeInvoerException(fouten);
        }
        return lichaam;
    }

    @Override
    public Object handleEmptyBody(Object lichaam, HttpInputMessage invoer, MethodParameter parameter, Type type,
            Class<? extends HttpMessageConverter<?>> converter) {
        RequestContextHolder.currentRequestAttributes().removeAttribute(FOUTEN, RequestAttributes.SCOPE_REQUEST);
        return lichaam;
    }

    /** The errors noted while this request's body was read; empty when none were. */
    static Map<String, String> verzamelde() {
        Map<String, String> fouten = teVerzamelen();
        return fouten == null ? Map.of() : fouten;
    }

    /** Where to note errors, or null when no body of ours is being read. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> teVerzamelen() {
        RequestAttributes verzoek = RequestContextHolder.getRequestAttributes();
        return verzoek == null ? null : (Map<String, String>) verzoek.getAttribute(FOUTEN, RequestAttributes.SCOPE_REQUEST);
    }

    /** "doelen.[2]", as the error handler names the field of Jackson's own errors. */
    private static String pad(JsonParser p) {
        // On the first token of an object or array the parser is already inside it.
        JsonStreamContext context = p.currentToken() != null && p.currentToken().isStructStart()
                ? p.getParsingContext().getParent() : p.getParsingContext();
        Deque<String> delen = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                delen.addFirst("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                delen.addFirst(c.getCurrentName());
            }
        }
        return String.join(".", delen);
    }

    /** Notes what cannot be read and goes on; a primitive field cannot stay empty and fails as before. */
    private static final class Noteren extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> soort, String waarde, String reden) {
            return noteer(ctxt, soort, waarde);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> soort, Number waarde, String reden) {
            return noteer(ctxt, soort, waarde);
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object bean, String naam) throws IOException {
            Map<String, String> fouten = teVerzamelen();
            if (fouten == null) {
                return false;
            }
            // A record's unknown keys come from a buffer after the others were read: the parser
            // of the body then stands after the object, so the key is added to where it stands.
            String waar = pad(ctxt.getParser());
            boolean benoemd = waar.equals(naam) || waar.endsWith("." + naam);
            fouten.putIfAbsent(benoemd ? waar : waar.isEmpty() ? naam : waar + "." + naam, "onbekend veld");
            p.skipChildren();
            return true;
        }

        private static Object noteer(DeserializationContext ctxt, Class<?> soort, Object waarde) {
            Map<String, String> fouten = teVerzamelen();
            if (fouten == null || soort.isPrimitive()) {
                return DeserializationProblemHandler.NOT_HANDLED;
            }
            fouten.putIfAbsent(pad(ctxt.getParser()), ApiFoutafhandeling.ongeldigeWaarde(waarde, soort));
            return null;
        }
    }
}
