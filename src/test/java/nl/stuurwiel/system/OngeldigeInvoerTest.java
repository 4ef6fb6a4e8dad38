package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/**
 * Generated bad input against every write endpoint of the Stuurwiel API, enumerated from the
 * running application: broken JSON, wrong content types, wrong JSON shapes, unknown keys, and per
 * field of the request body a value of the wrong type, an invalid date, an unknown enum value and
 * a huge string. Every answer must be a 4xx with a message, never a 5xx, and nothing may change.
 * The caller is an administrator in every role, so authorization never hides a validation gap.
 */
@StuurwielTest
class OngeldigeInvoerTest {

    private static final String WACHTWOORD = "Invoer-Test-Wachtwoord-1";
    private static final String ENORM = "x".repeat(100_000);
    private static final Set<String> SCHRIJVEND = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    String gebruiker;
    Map<String, String> padwaarden;

    @BeforeEach
    void bestaandeGegevens() {
        gebruiker = portfolio.gebruiker("invoer" + System.nanoTime(), WACHTWOORD, Rollen.BEHEERDER, Rollen.MT,
                Rollen.INTAKE, Rollen.AANVRAGER, Rollen.PROCESONTWERPER);
        Team team = portfolio.team("4");
        Doel doel = portfolio.doel();
        String sleutel = opdrachtService.registreer(portfolio.volledigeAanvraag(team, doel), gebruiker).getSleutel();
        Long indicator = jdbc.queryForObject("select max(id) from indicator where doel_id = ?", Long.class,
                doel.getId());
        // Real keys, so a request gets past "not found" to the body it carries.
        padwaarden = Map.of("sleutel", sleutel, "code", doel.getCode(), "id", String.valueOf(indicator), "periode",
                "2026-01-01", "team", team.getCode());
    }

    record Eindpunt(HttpMethod methode, String pad, Type lichaam, Set<MediaType> formaten) {
    }

    @Test
    void everyWriteEndpointAnswersMalformedRequestsWith4xxAndChangesNothing() throws Exception {
        List<Eindpunt> eindpunten = eindpunten();
        assertThat(eindpunten).as("write endpoints found").hasSizeGreaterThanOrEqualTo(8);

        Map<String, Object> voor = toestand();
        List<String> fouten = new ArrayList<>();
        int verzoeken = 0;
        for (Eindpunt eindpunt : eindpunten) {
            for (Map.Entry<String, Verzoek> geval : gevallen(eindpunt).entrySet()) {
                verzoeken++;
                MvcResult resultaat;
                try {
                    resultaat = mvc.perform(geval.getValue().maak().with(httpBasic(gebruiker, WACHTWOORD))).andReturn();
                } catch (Exception e) {
                    fouten.add(eindpunt.methode() + " " + eindpunt.pad() + " [" + geval.getKey() + "]: uitzondering "
                            + e);
                    continue;
                }
                int status = resultaat.getResponse().getStatus();
                String antwoord = resultaat.getResponse().getContentAsString();
                if (status < 400 || status >= 500) {
                    fouten.add(eindpunt.methode() + " " + eindpunt.pad() + " [" + geval.getKey() + "]: " + status + " "
                            + kort(antwoord));
                } else if (!antwoord.contains("\"melding\"")) {
                    fouten.add(eindpunt.methode() + " " + eindpunt.pad() + " [" + geval.getKey() + "]: " + status
                            + " zonder melding: " + kort(antwoord));
                }
            }
        }
        assertThat(fouten).as("of %s malformed requests", verzoeken).isEmpty();
        assertThat(verzoeken).isGreaterThan(100);
        assertThat(toestand()).as("nothing changed").isEqualTo(voor);
    }

    private interface Verzoek {
        MockHttpServletRequestBuilder maak();
    }

    /** The malformed requests for one endpoint, by a name that says what is wrong. */
    private Map<String, Verzoek> gevallen(Eindpunt e) {
        Map<String, Verzoek> gevallen = new LinkedHashMap<>();
        String pad = vul(e.pad(), padwaarden);
        boolean json = e.formaten().isEmpty() || e.formaten().contains(MediaType.APPLICATION_JSON);
        if (e.pad().contains("{")) {
            for (String fout : List.of("%00", "..%2F..%2Fetc", ENORM.substring(0, 5000), "-1", "abc")) {
                gevallen.put("padwaarde " + fout.substring(0, Math.min(12, fout.length())),
                        () -> request(e.methode(), vul(e.pad(), Map.of()).replaceAll("\\{[^}]+}", fout))
                                .contentType(MediaType.APPLICATION_JSON).content("{}"));
            }
        }
        if (e.lichaam() == null) {
            return gevallen; // no body to get wrong: a body sent anyway is ignored, as HTTP allows
        }
        gevallen.put("kapotte JSON", () -> verzoek(e, pad, "{\"titel\": "));
        gevallen.put("geen JSON maar tekst", () -> request(e.methode(), pad).contentType(MediaType.TEXT_PLAIN)
                .content("titel=iets"));
        gevallen.put("XML", () -> request(e.methode(), pad).contentType(MediaType.APPLICATION_XML).content("<a/>"));
        if (!json) {
            return gevallen;
        }
        gevallen.put("null", () -> verzoek(e, pad, "null"));
        gevallen.put("getal", () -> verzoek(e, pad, "42"));
        gevallen.put("onbekende sleutel", () -> verzoek(e, pad, lijst(e) ? "[{\"onbekend\": 1}]" : "{\"onbekend\": 1}"));
        gevallen.put("verkeerde vorm", () -> verzoek(e, pad, lijst(e) ? "{\"doel\": \"x\"}" : "[{\"titel\": \"x\"}]"));
        Class<?> record = recordType(e.lichaam());
        if (record != null) {
            for (RecordComponent veld : record.getRecordComponents()) {
                for (Map.Entry<String, Object> waarde : slechteWaarden(veld.getType()).entrySet()) {
                    Map<String, Object> object = new LinkedHashMap<>();
                    object.put(veld.getName(), waarde.getValue());
                    String lichaam = schrijf(lijst(e) ? List.of(object) : object);
                    gevallen.put(veld.getName() + ": " + waarde.getKey(), () -> verzoek(e, pad, lichaam));
                }
            }
        }
        return gevallen;
    }

    private static MockHttpServletRequestBuilder verzoek(Eindpunt e, String pad, String lichaam) {
        return request(e.methode(), pad).contentType(MediaType.APPLICATION_JSON).content(lichaam);
    }

    private static Map<String, Object> slechteWaarden(Class<?> type) {
        Map<String, Object> waarden = new LinkedHashMap<>();
        if (type == String.class) {
            waarden.put("enorme tekst", ENORM);
            waarden.put("object", Map.of("a", 1));
            waarden.put("lijst", List.of(1, 2));
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            waarden.put("tekst", "twaalf");
            waarden.put("enorm getal", new BigDecimal("1e400"));
            waarden.put("object", Map.of("a", 1));
        } else if (type == LocalDate.class) {
            waarden.put("ongeldige datum", "2026-13-45");
            waarden.put("Nederlandse datum", "1 juni 2026");
            waarden.put("getal", 20260101);
        } else if (type.isEnum()) {
            waarden.put("onbekende waarde", "paars");
            waarden.put("getal", 7);
        } else if (type == Boolean.class || type == boolean.class) {
            waarden.put("tekst", "misschien");
            waarden.put("object", Map.of("a", 1));
        } else if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
            waarden.put("tekst", "geen lijst");
            waarden.put("lijst met objecten", List.of(Map.of("a", 1)));
        } else if (Map.class.isAssignableFrom(type)) {
            waarden.put("tekst", "geen object");
            waarden.put("lijst", List.of(1));
        } else {
            waarden.put("tekst", "onzin");
        }
        return waarden;
    }

    private List<Eindpunt> eindpunten() {
        List<Eindpunt> eindpunten = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            Type lichaam = null;
            for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    lichaam = parameter.getGenericParameterType();
                }
            }
            for (RequestMethod methode : info.getMethodsCondition().getMethods()) {
                if (!SCHRIJVEND.contains(methode.name())) {
                    continue;
                }
                for (String pad : info.getPatternValues()) {
                    if (pad.startsWith("/api/")) {
                        eindpunten.add(new Eindpunt(HttpMethod.valueOf(methode.name()), pad, lichaam,
                                info.getConsumesCondition().getConsumableMediaTypes()));
                    }
                }
            }
        }
        eindpunten.sort((a, b) -> (a.pad() + a.methode()).compareTo(b.pad() + b.methode()));
        return eindpunten;
    }

    private static boolean lijst(Eindpunt e) {
        return e.lichaam() instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c
                && List.class.isAssignableFrom(c);
    }

    private static Class<?> recordType(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return recordType(p.getActualTypeArguments()[0]);
        }
        return null;
    }

    private static String vul(String patroon, Map<String, String> waarden) {
        String pad = patroon;
        for (Map.Entry<String, String> w : waarden.entrySet()) {
            pad = pad.replace("{" + w.getKey() + "}", w.getValue());
        }
        return pad;
    }

    /** What bad input must leave alone: rows of every portfolio table, versions, and the engine's instances. */
    private Map<String, Object> toestand() {
        Map<String, Object> toestand = new LinkedHashMap<>();
        for (String tabel : new TreeSet<>(List.of("opdracht", "opdracht_doel", "doel", "indicator", "meting", "team",
                "voortgangsrapportage", "bijstelling", "revinfo"))) {
            toestand.put(tabel, jdbc.queryForObject("select count(*) from " + tabel, Long.class));
        }
        for (String tabel : List.of("opdracht", "doel", "indicator", "team")) {
            toestand.put(tabel + ".version", jdbc.queryForObject("select coalesce(sum(version), 0) from " + tabel,
                    Long.class));
        }
        toestand.put("act_ru_execution", jdbc.queryForObject("select count(*) from act_ru_execution", Long.class));
        toestand.put("act_ru_task", jdbc.queryForObject("select count(*) from act_ru_task", Long.class));
        return toestand;
    }

    private String schrijf(Object waarde) {
        try {
            return json.writeValueAsString(waarde);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kort(String tekst) {
        return tekst.length() > 300 ? tekst.substring(0, 300) + "…" : tekst;
    }
}
