package nl.stuurwiel;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The task list of one of Tasklist's standard filters as a user sees it: Tasklist's own request
 * (POST /engine-rest/filter/{id}/list, HAL) with that user's login. Per task id, the variables its
 * card shows.
 */
public final class Taakkaarten {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Taakkaarten() {
    }

    public static Map<String, Map<String, String>> van(int poort, String gebruiker, String wachtwoord, String filter)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basis = "http://localhost:" + poort + "/engine-rest/filter";
        String login = "Basic " + Base64.getEncoder().encodeToString((gebruiker + ":" + wachtwoord)
                .getBytes(StandardCharsets.UTF_8));
        JsonNode filters = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(basis + "?name="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")))
                .header("Authorization", login).build(), BodyHandlers.ofString()).body());
        String id = filters.get(0).get("id").asText();
        JsonNode lijst = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(basis + "/" + id
                + "/list?firstResult=0&maxResults=1000"))
                .header("Authorization", login).header("Accept", "application/hal+json")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build(),
                BodyHandlers.ofString()).body());
        Map<String, Map<String, String>> kaarten = new LinkedHashMap<>();
        for (JsonNode taak : lijst.path("_embedded").path("task")) {
            Map<String, String> variabelen = new LinkedHashMap<>();
            for (JsonNode variabele : taak.path("_embedded").path("variable")) {
                variabelen.put(variabele.get("name").asText(), variabele.get("value").asText());
            }
            kaarten.put(taak.get("id").asText(), variabelen);
        }
        return kaarten;
    }
}
