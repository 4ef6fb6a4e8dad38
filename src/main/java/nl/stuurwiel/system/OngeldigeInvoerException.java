package nl.stuurwiel.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that breaks a business rule, with one message per field. Extends Camunda's
 * BadUserRequestException so that the same rule thrown from a delegate reaches Tasklist and
 * the engine REST API as a 400 with this text, and rolls back the whole transaction.
 */
public class OngeldigeInvoerException extends BadUserRequestException {

    private final Map<String, String> velden;

    public OngeldigeInvoerException(Map<String, String> velden) {
        super("Ongeldige invoer: " + velden.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.velden = Map.copyOf(new LinkedHashMap<>(velden));
    }

    public OngeldigeInvoerException(String veld, String melding) {
        this(Map.of(veld, melding));
    }

    public Map<String, String> getVelden() {
        return velden;
    }
}
