package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stuurwiel's Dutch translation of Camunda's webapps against the English that the Camunda version
 * on the classpath ships: after an upgrade of Camunda a label it added or renamed fails here, not
 * as a bare key on a user's screen.
 */
class WebappVertalingTest {

    private static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLAATSHOUDER = Pattern.compile("\\{\\{.*?}}|%[sd]");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyLabelOfTheWebappHasItsDutch(String webapp) throws IOException {
        JsonNode engels = taal(webapp, "en").get("labels");
        JsonNode nederlands = taal(webapp, "nl").get("labels");

        assertThat(namen(nederlands)).as("the labels of %s", webapp).isEqualTo(namen(engels));
        List<String> fouten = new ArrayList<>();
        engels.fields().forEachRemaining(label -> {
            String en = label.getValue().asText();
            String nl = nederlands.path(label.getKey()).asText();
            if (nl.isBlank() && !en.isBlank()) {
                fouten.add(label.getKey() + " is empty");
            }
            if (!delen(PLAATSHOUDER, nl).equals(delen(PLAATSHOUDER, en))) {
                fouten.add(label.getKey() + " has placeholders " + delen(PLAATSHOUDER, nl) + ", not "
                        + delen(PLAATSHOUDER, en));
            }
            if (!delen(HTML_TAG, nl).equals(delen(HTML_TAG, en))) {
                fouten.add(label.getKey() + " has tags " + delen(HTML_TAG, nl) + ", not " + delen(HTML_TAG, en));
            }
        });
        assertThat(fouten).as("the Dutch labels of %s", webapp).isEmpty();
    }

    @Test
    void aLabelTheWebappsShareReadsTheSameInEach() throws IOException {
        Map<String, String> eerder = new HashMap<>();
        List<String> verschillen = new ArrayList<>();
        for (String webapp : List.of("tasklist", "cockpit", "admin", "welcome")) {
            JsonNode engels = taal(webapp, "en").get("labels");
            JsonNode nederlands = taal(webapp, "nl").get("labels");
            engels.fields().forEachRemaining(label -> {
                String sleutel = label.getKey() + "=" + label.getValue().asText();
                String nl = nederlands.path(label.getKey()).asText();
                String vorige = eerder.putIfAbsent(sleutel, nl);
                if (vorige != null && !vorige.equals(nl)) {
                    verschillen.add(webapp + " " + label.getKey() + ": '" + nl + "', elsewhere '" + vorige + "'");
                }
            });
        }
        assertThat(verschillen).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreWrittenTheDutchWay(String webapp) throws IOException {
        JsonNode engels = taal(webapp, "en").get("dateLocales");
        JsonNode datums = taal(webapp, "nl").get("dateLocales");

        assertThat(namen(datums)).isEqualTo(namen(engels));
        assertThat(datums.get("months")).hasSize(12);
        assertThat(datums.get("months").get(0).asText()).isEqualTo("januari");
        assertThat(datums.get("weekdays").get(1).asText()).as("moment.js counts from Sunday").isEqualTo("maandag");
        assertThat(datums.at("/longDateFormat/L").asText()).isEqualTo("DD-MM-YYYY");
        assertThat(datums.at("/week/dow").asInt()).as("the week starts on Monday").isEqualTo(1);
    }

    private static JsonNode taal(String webapp, String taal) throws IOException {
        String pad = WEBAPPS + webapp + "/locales/" + taal + ".json";
        try (InputStream in = WebappVertalingTest.class.getClassLoader().getResourceAsStream(pad)) {
            assertThat(in).as(pad).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static TreeSet<String> namen(JsonNode object) {
        TreeSet<String> namen = new TreeSet<>();
        object.fieldNames().forEachRemaining(namen::add);
        return namen;
    }

    private static List<String> delen(Pattern patroon, String tekst) {
        List<String> delen = new ArrayList<>();
        Matcher m = patroon.matcher(tekst);
        while (m.find()) {
            delen.add(m.group());
        }
        delen.sort(null);
        return delen;
    }
}
